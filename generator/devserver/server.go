// Package devserver serves a site while it is being written, as lumen
// serve does.
//
// A Server holds the latest Snapshot of the site (package generator) and
// serves it over HTTP, rendering each page when it is first asked for.
// Publish swaps in each new build in one atomic step, so a request sees the
// old build or the new one, never a mix. While a build is broken, every
// HTML page shows an error view instead: the file, line and column, the
// message, the hint, and the offending lines highlighted, so that the
// writer sees the mistake where they look.
//
// Page check: every content page also carries a folded panel with its
// reading grades, medical review status and the findings of package check,
// so that writers see what lumen check would say while they write.
//
// Live reload: every HTML page the server sends carries a small script,
// /_lumen/live.js (never part of a built site), with a hash of the page it
// came with. The script listens to /_lumen/events, a Server-Sent Events
// stream. After each Publish the server compares, for each open page, the
// hash of what that page would be now with the hash it was sent with, and
// tells the browser to reload only when they differ; when only stylesheets
// changed it tells it to swap them in place. A browser that loses the
// stream (the server restarted) reconnects by itself and reloads if its
// page changed meanwhile.
//
// Requests are confined to the site: paths are cleaned, and any path with
// a ".." element or a name starting with "." is refused.
package devserver

import (
	"bytes"
	"embed"
	"hash/fnv"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/fingerprint"
	"github.com/lumen-ssg/lumen/generator/headers"
	"github.com/lumen-ssg/lumen/generator/rebase"
	"github.com/lumen-ssg/lumen/generator/site"
)

//go:embed assets
var assets embed.FS

// Prefix is the URL prefix of the dev server's own files and streams.
const Prefix = "/_lumen/"

// Server serves the latest build of a site.
type Server struct {
	source fs.FS
	state  atomic.Pointer[state]
	hub    *hub
	header http.Header
}

// state is one published build: the last good snapshot and, when the
// latest build failed, its error.
type state struct {
	snap    *generator.Snapshot
	err     error
	version uint64
	headers http.Header // the site's security headers (package feeds)
}

// New returns a Server for the site whose sources are in source (used to
// show the offending lines of an error). Every response carries the site's
// security headers (headers.For), as a static host would send them from
// _headers, and header, when not nil.
func New(source fs.FS, header http.Header) *Server {
	s := &Server{source: source, hub: newHub(), header: header}
	s.state.Store(&state{})
	return s
}

// Publish makes a build current. When err is not nil the build found
// errors, and pages show them. A snapshot that is nil (the site could not
// be prepared) leaves the last one serving files other than pages. Open
// pages are told to reload when what they show has changed.
func (s *Server) Publish(snap *generator.Snapshot, err error) {
	old := s.state.Load()
	next := &state{snap: snap, err: err, version: old.version + 1, headers: old.headers}
	if snap == nil {
		next.snap = old.snap
	} else {
		next.headers = headers.For(snap.Site.Config)
	}
	s.state.Store(next)
	cssChanged := err == nil && old.err == nil && old.snap != nil && stylesChanged(old.snap, next.snap)
	s.hub.each(func(c *client) {
		h := s.pageHash(next, c.path)
		switch {
		case h != c.hash:
			c.hash = h
			c.send("reload")
		case cssChanged:
			c.send("css")
		}
	})
}

// Close ends every event stream, so that an http.Server can shut down.
func (s *Server) Close() { s.hub.close() }

// ServeHTTP serves the site, the live-reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer s.recoverPanic(w, r)
	st := s.state.Load()
	for k, v := range st.headers {
		w.Header()[k] = v
	}
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, Prefix); ok {
		s.serveOwn(w, r, rest)
		return
	}
	resp := s.respond(st, r.URL.Path)
	if resp.redirect != "" {
		http.Redirect(w, r, resp.redirect, http.StatusMovedPermanently)
		return
	}
	body := resp.body
	if resp.html {
		body = inject(body, hashOf(body), s.panel(st, resp.name))
	}
	w.Header().Set("Content-Type", resp.contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(resp.status)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// serveOwn serves the dev server's files under Prefix.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "events":
		s.hub.serve(w, r, func(c *client) {
			// A page sent before the latest Publish may already be stale.
			if h := s.pageHash(s.state.Load(), c.path); h != c.hash {
				c.hash = h
				c.send("reload")
			}
		})
	case "live.js", "error.css", "panel.css":
		data, _ := assets.ReadFile("assets/" + name)
		w.Header().Set("Content-Type", headers.ContentType(name))
		w.Write(data)
	case "chroma.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(chromaCSS())
	default:
		http.NotFound(w, r)
	}
}

// response is what a site path resolves to.
type response struct {
	name        string // the file served, for pages
	status      int
	contentType string
	body        []byte
	html        bool
	redirect    string
}

// respond resolves the site path p in st.
func (s *Server) respond(st *state, p string) response {
	snap := st.snap
	base := "/"
	if snap != nil {
		base = snap.Site.Config.BasePath()
	}
	// A site published under a path (base_url https://example.org/clinic/)
	// is served under the same path, as it will be deployed.
	if base != "/" {
		rest, under := strings.CutPrefix(p, base)
		switch {
		case p == "/" || p+"/" == base:
			return response{redirect: base}
		case !under:
			return s.notFound(st)
		}
		p = "/" + rest
	}
	name, ok := fileName(p)
	if !ok {
		return s.notFound(st)
	}
	if snap == nil {
		return s.errorPage(st.err)
	}
	if plain, ok := fingerprint.Plain(name); ok && !exists(snap, name) && snap.PageAt(plain) == nil && exists(snap, plain) {
		// A stylesheet of the page the browser shows, swapped in place
		// after it changed: the page still has the old fingerprint.
		name = plain
	}
	if _, err := fs.Stat(snap, name); err != nil || isDir(snap, name) {
		if !strings.HasSuffix(p, "/") && snap.PageAt(name+"/index.html") != nil {
			// To the page's own path, never to p + "/": "//about" would
			// redirect to the protocol-relative "//about/", another host.
			return response{redirect: rebase.Path(site.URLOf(name+"/index.html"), base)}
		}
		return s.notFound(st)
	}
	page := snap.PageAt(name) != nil
	if page && st.err != nil && !pagesStage(st.err) {
		return s.errorPage(st.err)
	}
	data, err := snap.ReadFile(name)
	if err != nil {
		return s.errorPage(err) // a template error met while rendering this page
	}
	if page {
		// Errors of the pages stage leave the page whole: it is shown
		// with them listed above it. Its own errors (Markdown, HTML,
		// checks) show at once, before the Pass over the whole site
		// reports every page's.
		errs := snap.Errors(name)
		if st.err != nil {
			// Every page's errors, this page's first.
			own := snap.PageAt(name).SourcePath()
			if own == "" {
				own = name // a page Lumen makes is named by its file
			}
			for _, e := range errorList(st.err) {
				if e.File != own {
					errs = append(errs, e)
				}
			}
		}
		if len(errs) > 0 {
			data = withBanner(data, s.banner(errs))
		}
	}
	ct := headers.ContentType(name)
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	return response{name: name, status: http.StatusOK, contentType: ct, body: data, html: strings.HasPrefix(ct, "text/html")}
}

// notFound returns the site's 404 page, or the error view while broken.
func (s *Server) notFound(st *state) response {
	if st.err != nil || st.snap == nil {
		return s.errorPage(st.err)
	}
	data, err := st.snap.ReadFile("404.html")
	if err != nil {
		return response{status: http.StatusNotFound, contentType: "text/plain; charset=utf-8", body: []byte("404 page not found\n")}
	}
	return response{status: http.StatusNotFound, contentType: "text/html; charset=utf-8", body: data, html: true}
}

func isDir(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}

// exists reports whether fsys has a file name.
func exists(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

// fileName maps a URL path to the name of a file in a snapshot, as
// site.FileOf does for a build: "/a/b/" is "a/b/index.html". It refuses paths that climb out of the site or name
// hidden files, in any encoding: p is already percent-decoded by net/http,
// and backslashes count as separators.
func fileName(p string) (string, bool) {
	if strings.ContainsRune(p, 0) {
		return "", false
	}
	p = strings.ReplaceAll(p, "\\", "/")
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	name := site.FileOf(clean)
	return name, fs.ValidPath(name)
}

// pageHash is the hash of what the page at path p shows in st.
func (s *Server) pageHash(st *state, p string) uint64 {
	resp := s.respond(st, p)
	if resp.redirect != "" {
		return hashOf([]byte("redirect " + resp.redirect))
	}
	return hashOf(resp.body)
}

// hashOf hashes a page with the fingerprints of the theme files it links
// to left out, so that a change to a stylesheet alone does not reload the
// page.
func hashOf(body []byte) uint64 {
	h := fnv.New64a()
	h.Write(fingerprint.Strip(body))
	return h.Sum64()
}

// stylesChanged reports whether any stylesheet differs between a and b.
func stylesChanged(a, b *generator.Snapshot) bool {
	for _, name := range b.Names() {
		if path.Ext(name) != ".css" {
			continue
		}
		x, _ := a.ReadFile(name)
		y, _ := b.ReadFile(name)
		if !bytes.Equal(x, y) {
			return true
		}
	}
	return false
}

// inject adds the page-check panel, when there is one, and the
// live-reload script to an HTML page, before </body> or at the end.
func inject(page []byte, hash uint64, panel []byte) []byte {
	tag := append(panel, `<script src="`+Prefix+`live.js" data-hash="`+strconv.FormatUint(hash, 16)+`" defer></script>`...)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}
