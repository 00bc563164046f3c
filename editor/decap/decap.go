// Package decap holds the copy of Decap CMS (decapcms.org, MIT licence)
// that lumen serve --edit serves at /admin/, so that the editor works
// without fetching anything from another host.
//
// The copy is pinned: package-lock.json names the npm tarball of
// decap-cms and its sha512 integrity, and update.sh takes the bundle out
// of that tarball only when the checksum matches. The bundle (decap-cms.js,
// its lazy chunks, its two WebAssembly files and the licences of what it
// includes) is kept gzipped in dist/ and embedded in the lumen binary, so
// that go build needs no network and the binary carries Decap's licence
// (LICENSE) with it. SHA256SUMS holds the sha256 of each file before
// gzip; the package's test checks the embedded files against it.
//
// Handler serves the files, gzipped to browsers that accept it.
package decap

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/headers"
)

//go:embed dist LICENSE SHA256SUMS VERSION
var files embed.FS

// Script is the name of the bundle's entry file, the one an HTML page
// loads; it loads the other files itself, from the same folder.
const Script = "decap-cms.js"

// Version returns the version of decap-cms that is embedded, such as
// "3.16.3".
func Version() string {
	v, _ := files.ReadFile("VERSION")
	return strings.TrimSpace(string(v))
}

// License returns Decap CMS's licence.
func License() []byte {
	l, _ := files.ReadFile("LICENSE")
	return l
}

// Names returns the names of the bundle's files, such as "decap-cms.js"
// and "9469.decap-cms.js".
func Names() []string {
	entries, _ := files.ReadDir("dist")
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".gz"))
	}
	return out
}

// Gzipped returns the gzipped content of the bundle's file name, as
// Names lists it.
func Gzipped(name string) ([]byte, error) {
	if strings.Contains(name, "/") || !fs.ValidPath(name) {
		return nil, fs.ErrNotExist
	}
	return files.ReadFile("dist/" + name + ".gz")
}

// Open returns the content of the bundle's file name, not gzipped.
func Open(name string) ([]byte, error) {
	gz, err := Gzipped(name)
	if err != nil {
		return nil, err
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// Sums returns the sha256 of each file of the bundle, not gzipped, by
// name, as update.sh wrote them into SHA256SUMS.
func Sums() map[string]string {
	data, _ := files.ReadFile("SHA256SUMS")
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if sum, name, ok := strings.Cut(line, "  "); ok {
			out[name] = sum
		}
	}
	return out
}

// Handler serves the bundle's files by the last element of the request's
// path ("/admin/decap-cms.js" serves decap-cms.js): gzipped, with
// Content-Encoding: gzip, to a browser that accepts it, and unpacked to
// one that does not. Any other name is 404. The caller sets the other
// headers (the Content-Security-Policy of the editor).
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
		gz, err := Gzipped(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		body := gz
		w.Header().Set("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			w.Header().Set("Content-Encoding", "gzip")
		} else if body, err = Open(name); err != nil {
			http.Error(w, "cannot read "+name, http.StatusInternalServerError)
			return
		}
		ct := headers.ContentType(name)
		if strings.HasSuffix(name, ".wasm") {
			ct = "application/wasm" // instantiateStreaming needs it
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip
// (RFC 9110, section 12.5.3): listed, and not with q=0.
func acceptsGzip(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
