package deploy

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/headers"
	"github.com/lumen-ssg/lumen/generator/redirects"
)

// hostFile reports whether name is a file a build writes for the hosts
// that read it (Netlify, Cloudflare Pages). Object storage does not:
// lumen deploy applies what it can of them to the objects instead of
// uploading them.
func hostFile(name string) bool {
	return name == headers.Path || name == redirects.Path
}

// set keeps the header key of a _headers rule in m, if object storage
// can keep it with an object and send it back, and reports whether it
// could. The others (Content-Security-Policy, Referrer-Policy, …) object
// storage cannot send: a CDN in front of it must.
func (m *Meta) set(key, value string) bool {
	switch key {
	case "Content-Type":
		m.ContentType = value
	case "Cache-Control":
		m.CacheControl = value
	case "Content-Language":
		m.ContentLanguage = value
	case "Content-Disposition":
		m.ContentDisposition = value
	case "Content-Encoding":
		m.ContentEncoding = value
	default:
		return false
	}
	return true
}

// local is a file of the built site to publish.
type local struct {
	name string // its name in the site, such as "about/index.html"
	size int64
	md5  string // hexadecimal
	meta Meta
}

// readSite lists the files of site with their MD5 and what to send with
// them: the Content-Type and Cache-Control of package headers, then the
// rules of the site's _headers file, and the redirects of _redirects,
// matched against each file's path under base ("/" or "/clinic/"). It
// returns the names of the headers that object storage cannot send.
func readSite(site fs.FS, base string) (files []local, unapplied []string, err error) {
	rules, err := readRules(site)
	if err != nil {
		return nil, nil, err
	}
	moved, err := readRedirects(site, base)
	if err != nil {
		return nil, nil, err
	}
	skipped := map[string]bool{}
	err = fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || hostFile(name) {
			return err
		}
		if !d.Type().IsRegular() {
			return &fs.PathError{Op: "deploy", Path: name, Err: fs.ErrInvalid}
		}
		f := local{name: name, meta: Meta{ContentType: headers.ContentType(name), CacheControl: headers.CacheControl(name)}}
		if f.size, f.md5, err = sum(site, name); err != nil {
			return err
		}
		for _, r := range rules {
			if !r.Matches(base+name) && !r.Matches(base+pagePath(name)) {
				continue
			}
			for key, values := range r.Header {
				if !f.meta.set(http.CanonicalHeaderKey(key), values[len(values)-1]) {
					skipped[http.CanonicalHeaderKey(key)] = true
				}
			}
		}
		f.meta.Redirect = moved[name]
		files = append(files, f)
		return nil
	})
	for h := range skipped {
		unapplied = append(unapplied, h)
	}
	sort.Strings(unapplied)
	return files, unapplied, err
}

// pagePath is the path a page is linked at: "about/" for
// "about/index.html", "" for the home page.
func pagePath(name string) string {
	if name == "index.html" {
		return ""
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return dir + "/"
	}
	return name
}

// sum returns the size and hexadecimal MD5 of a file.
func sum(site fs.FS, name string) (int64, string, error) {
	f, err := site.Open(name)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := md5.New()
	n, err := io.Copy(h, f)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// readRules reads the site's _headers file, if it has one.
func readRules(site fs.FS) ([]headers.Rule, error) {
	data, err := fs.ReadFile(site, headers.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	return headers.Parse(data)
}

// readRedirects reads the site's _redirects file, if it has one, as the
// file at each old address → where it redirects. Only old addresses under
// base that are folders (a page at "old/index.html") are kept: those are
// the objects a website endpoint can redirect.
func readRedirects(site fs.FS, base string) (map[string]string, error) {
	data, err := fs.ReadFile(site, redirects.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	out := map[string]string{}
	for _, r := range redirects.Parse(data) {
		from, ok := strings.CutPrefix(r.From, base)
		if ok && from != "" && strings.HasSuffix(from, "/") {
			out[path.Clean(from)+"/index.html"] = r.To
		}
	}
	return out, nil
}
