// Package editor is the browser editor of lumen serve --edit: Decap CMS
// (package decap) at /admin/ of the dev server, its config.yml made from
// Lumen's table of kinds (package cmsconfig), and its backend at
// /admin/api (package editapi), which checks every save as lumen build
// would.
//
// Wrap puts the editor in front of the dev server's handler. Only the
// responses under /admin/ are the editor's, and only they get the relaxed
// Content-Security-Policy Decap needs: 'unsafe-eval' in script-src (it
// compiles its configuration's schema at run time) and 'unsafe-inline' in
// style-src (its styles are made at run time); nothing else of the
// site's policy is relaxed, so the editor, like the site, loads nothing
// from another host. Every other response is the dev server's, with the
// site's own policy. lumen build never writes /admin/: the editor exists
// only while lumen serve --edit runs.
//
// Safety: the proxy protocol has no authentication, so the editor is
// meant for loopback, where lumen serve already refuses requests for
// other host names (DNS rebinding, devserver.LocalOnly). Options.Password,
// which lumen serve requires when --bind opens the server to the network,
// puts every request under /admin/ behind HTTP Basic authentication,
// checked in constant time. The API refuses requests that another site
// could make a browser send: a POST must be application/json (which a
// form on another site cannot send without a CORS preflight, which is
// never granted), and its Origin and Sec-Fetch-Site, when the browser
// sends them, must be this site's.
package editor

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/lumen-ssg/lumen/editor/decap"
	"github.com/lumen-ssg/lumen/generator/cmsconfig"
	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/editapi"
	"github.com/lumen-ssg/lumen/generator/headers"
)

// The editor's addresses.
const (
	Prefix   = "/admin/"
	ProxyURL = Prefix + "api"
)

// Options describe the site to edit.
type Options struct {
	// Dir is the site's folder on disk; Source the same folder opened
	// with sitefs.Open; Theme the built-in theme.
	Dir    string
	Source fs.FS
	Theme  fs.FS
	// SiteURL is where the dev server serves the site, for Decap's links
	// to the live pages.
	SiteURL string
	// Password, when not empty, is asked for (HTTP Basic, any user name)
	// before anything under /admin/ is served.
	Password string
	// Today is the date medical reviews are judged on; zero means now.
	Today time.Time
	// Log receives errors the editor reports in general terms only.
	Log func(error)
}

// Editor serves the editor under Prefix.
type Editor struct {
	opts     Options
	api      *editapi.API
	bundle   http.Handler
	password [sha256.Size]byte
}

// New returns the editor of the site opts describe. Close it when done.
func New(opts Options) (*Editor, error) {
	api, err := editapi.New(editapi.Options{Dir: opts.Dir, Source: opts.Source, Theme: opts.Theme, Today: opts.Today, Log: opts.Log})
	if err != nil {
		return nil, err
	}
	return &Editor{opts: opts, api: api, bundle: decap.Handler(), password: sha256.Sum256([]byte(opts.Password))}, nil
}

// Close releases the site's content folder.
func (e *Editor) Close() error { return e.api.Close() }

// Wrap returns a handler that serves the editor under Prefix and passes
// every other request to site.
func (e *Editor) Wrap(site http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == strings.TrimSuffix(Prefix, "/"):
			http.Redirect(w, r, Prefix, http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, Prefix):
			e.serve(w, r)
		default:
			site.ServeHTTP(w, r)
		}
	})
}

// serve serves one request under Prefix.
func (e *Editor) serve(w http.ResponseWriter, r *http.Request) {
	cfg, cfgErr := config.Load(e.opts.Source)
	for k, v := range adminHeaders(cfg) {
		w.Header()[k] = v
	}
	w.Header().Set("Cache-Control", "no-store")
	if !e.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Lumen editor", charset="UTF-8"`)
		http.Error(w, "The editor needs the password that lumen serve was started with (LUMEN_EDIT_PASSWORD).", http.StatusUnauthorized)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, Prefix)
	if name == "api" {
		if why := crossSite(r); why != "" {
			http.Error(w, "refused: "+why, http.StatusForbidden)
			return
		}
		e.api.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if view, ok := strings.CutPrefix(name, "view/"); ok {
		// Decap's "View Live" link of an entry: to its page, wherever
		// its slug and its language put it.
		collection, slug, _ := strings.Cut(view, "/")
		u := e.api.PageURL(collection, slug)
		if u == "" {
			http.Error(w, "This page is not saved yet, or has no page on the site.", http.StatusNotFound)
			return
		}
		http.Redirect(w, r, u, http.StatusFound)
		return
	}
	switch name {
	case "", "index.html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	case "preview.js":
		// Decap's preview pane shows a page in Lumen's own stylesheet.
		base := "/"
		if cfg != nil {
			base = cfg.BasePath()
		}
		css, _ := json.Marshal(base + "css/main.css")
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprintf(w, "CMS.registerPreviewStyle(%s);\n", css)
	case "config.yml":
		if cfgErr != nil {
			http.Error(w, "site.yaml has an error; fix it, then reload this page:\n"+cfgErr.Error(), http.StatusInternalServerError)
			return
		}
		data, err := cmsconfig.YAML(e.configOptions(cfg))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/yaml; charset=utf-8")
		w.Write(data)
	default:
		e.bundle.ServeHTTP(w, r)
	}
}

// page is the editor's HTML page: Decap's script, which reads config.yml
// from the same folder, then preview.js, which gives Decap's preview pane
// the site's stylesheet. No inline script: the policy allows none.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit the site</title>
</head>
<body>
<script src="` + Prefix + decap.Script + `"></script>
<script src="` + Prefix + `preview.js"></script>
</body>
</html>
`

// authorized reports whether r carries the password, when there is one.
// Both sides are hashed first, so that the comparison takes the same time
// whatever the length of the guess.
func (e *Editor) authorized(r *http.Request) bool {
	if e.opts.Password == "" {
		return true
	}
	_, pass, ok := r.BasicAuth()
	got := sha256.Sum256([]byte(pass))
	return subtle.ConstantTimeCompare(got[:], e.password[:]) == 1 && ok
}

// crossSite returns why a request to the API may come from another site,
// or "": a browser sends Origin with a POST, and Sec-Fetch-Site, and both
// must say this site. A client that is not a browser sends neither.
func crossSite(r *http.Request) string {
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
		return "a request from " + o + ", another site"
	}
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" {
		return "a request from another site (Sec-Fetch-Site: " + s + ")"
	}
	return ""
}

// adminHeaders returns the site's security headers with the policy Decap
// needs: the site's Content-Security-Policy with 'unsafe-eval' added to
// script-src and 'unsafe-inline' to style-src, and nothing else changed.
func adminHeaders(cfg *config.Config) http.Header {
	if cfg == nil {
		cfg = &config.Config{}
	}
	h := headers.For(cfg)
	parts := strings.Split(h.Get("Content-Security-Policy"), "; ")
	for i, p := range parts {
		switch {
		case strings.HasPrefix(p, "script-src "):
			parts[i] = p + " 'unsafe-eval'"
		case strings.HasPrefix(p, "style-src "):
			parts[i] = p + " 'unsafe-inline'"
		}
	}
	h.Set("Content-Security-Policy", strings.Join(parts, "; "))
	return h
}

// configOptions describes the site for its config.yml: its languages,
// the pages a select offers and its _index.md files, read afresh each
// time the editor is opened.
func (e *Editor) configOptions(cfg *config.Config) cmsconfig.Options {
	opts := cmsconfig.Options{ProxyURL: ProxyURL, SiteURL: e.opts.SiteURL, Pages: map[content.Kind][]cmsconfig.Page{}}
	for i, l := range cfg.Languages() {
		opts.Languages = append(opts.Languages, cmsconfig.Language{Code: l.Code, Name: l.Name, Default: i == 0})
	}
	set, _ := content.Load(e.opts.Source, content.Options{Drafts: true, Languages: cfg.OtherLanguageCodes(), NoBody: true})
	for _, p := range set.Pages {
		rel := strings.TrimPrefix(p.Source, content.Dir+"/")
		if strings.HasSuffix(p.Source, "/_index.md") || rel == "_index.md" {
			opts.Sections = append(opts.Sections, p.Source)
			continue
		}
		if p.Lang != "" {
			continue
		}
		slug := strings.TrimSuffix(p.Rel[strings.LastIndex(p.Rel, "/")+1:], ".md")
		if p.Bundle {
			slug = p.Rel[:strings.LastIndex(p.Rel, "/")]
			slug = slug[strings.LastIndex(slug, "/")+1:]
		}
		opts.Pages[p.Kind] = append(opts.Pages[p.Kind], cmsconfig.Page{Slug: slug, Title: p.Common().Title})
	}
	return opts
}
