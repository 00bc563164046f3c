package devserver

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

const testSite = `
-- site.yaml --
title: Test
base_url: https://example.com/
-- content/about.md --
---
title: About us
---
We are a small practice.
-- content/images/x.svg --
<svg xmlns="http://www.w3.org/2000/svg"/>
`

// newServer builds the site in archive and serves it.
func newServer(t *testing.T, archive string) (*Server, *httptest.Server, fstest.MapFS, *generator.Builder) {
	t.Helper()
	src, _ := sitetest.Parse(archive)
	b := generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default()})
	snap, _, err := b.Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := New(src, http.Header{"X-Test": {"yes"}})
	s.Publish(snap, nil)
	hs := httptest.NewServer(s)
	t.Cleanup(func() { s.Close(); hs.Close() })
	return s, hs, src, b
}

// rebuild builds again after the test changed src, and publishes.
func rebuild(t *testing.T, s *Server, b *generator.Builder) {
	t.Helper()
	snap, _, err := b.Prepare(context.Background())
	s.Publish(snap, err)
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

func TestServesPagesWithTheReloadScript(t *testing.T) {
	_, hs, _, _ := newServer(t, testSite)
	code, body, h := get(t, hs.URL+"/about/")
	if code != 200 || !strings.Contains(body, "We are a small practice.") {
		t.Fatalf("%d %s", code, body)
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || h.Get("Referrer-Policy") != "strict-origin-when-cross-origin" {
		t.Errorf("security headers: %v", h)
	}
	if !strings.Contains(body, `<script src="/_lumen/live.js" data-hash="`) || !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
		t.Error("the live-reload script is not injected before </body>")
	}
	if !strings.Contains(body, `<aside class="lumen-panel" aria-label="Lumen page check">`) || !strings.Contains(body, "<summary>Grade ") {
		t.Error("the page-check panel is missing")
	}
	if h.Get("Cache-Control") != "no-store" || h.Get("X-Test") != "yes" || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("headers: %v", h)
	}
	code, body, h = get(t, hs.URL+"/images/x.svg")
	if code != 200 || strings.Contains(body, "live.js") || h.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("svg: %d %q %v", code, body, h.Get("Content-Type"))
	}
	for _, p := range []string{"/about", "//about", "///about"} {
		// Never a protocol-relative redirect ("//about/" is the host "about").
		if code, _, h := get(t, hs.URL+p); code != http.StatusMovedPermanently || h.Get("Location") != "/about/" {
			t.Errorf("%s: %d %v", p, code, h.Get("Location"))
		}
	}
	if code, body, _ := get(t, hs.URL+"/nothing/"); code != 404 || !strings.Contains(body, "live.js") {
		t.Errorf("404: %d", code)
	}
	if code, body, _ := get(t, hs.URL+"/_lumen/live.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Errorf("live.js: %d", code)
	}
}

func TestRefusesPathsOutsideTheSite(t *testing.T) {
	_, hs, _, _ := newServer(t, testSite)
	for _, p := range []string{
		"/../site.yaml", "/%2e%2e/site.yaml", "/about/..%2f..%2fsite.yaml", "/..%5csite.yaml",
		"/.git/config", "/about/.hidden", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/content/about.md", "/site.yaml",
	} {
		req, _ := http.NewRequest("GET", hs.URL+p, nil)
		req.URL.RawPath, req.URL.Opaque = "", "//"+strings.TrimPrefix(hs.URL, "http://")+p // keep the path as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(body), "base_url") || strings.Contains(string(body), "root:") {
			t.Errorf("%s: %d %.80q", p, resp.StatusCode, body)
		}
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "index.html", true},
		{"/about/", "about/index.html", true},
		{"/css/main.css", "css/main.css", true},
		{"/a//b/", "a/b/index.html", true},
		{"/../x", "", false},
		{"/a/../../x", "", false},
		{`/a\..\x`, "", false},
		{"/.env", "", false},
		{"/a/.git/config", "", false},
		{"/a\x00b", "", false},
	}
	for _, tt := range tests {
		got, ok := fileName(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("fileName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBrokenBuildShowsErrorViewUntilFixed(t *testing.T) {
	s, hs, src, b := newServer(t, testSite)
	src["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About us\ncolour: blue\n---\nWe are a small practice.\n")}
	rebuild(t, s, b)
	code, body, _ := get(t, hs.URL+"/about/")
	for _, want := range []string{"content/about.md:3:1", `unknown key &#34;colour&#34;`, "Hint:", `class="line hl"`, "colour", "live.js"} {
		if !strings.Contains(body, want) {
			t.Errorf("error view lacks %q", want)
		}
	}
	if code != 500 {
		t.Errorf("status %d", code)
	}
	if code, _, _ := get(t, hs.URL+"/images/x.svg"); code != 200 {
		t.Error("files are not served from the last good build while broken")
	}
	src["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About us\n---\nWe are a fixed practice.\n")}
	rebuild(t, s, b)
	if code, body, _ := get(t, hs.URL+"/about/"); code != 200 || !strings.Contains(body, "We are a fixed practice.") {
		t.Errorf("after the fix: %d", code)
	}
}

// events opens the event stream for the page at p as a browser would
// after loading it, and returns a channel of event names.
func events(t *testing.T, hs *httptest.Server, p string) (<-chan string, func()) {
	t.Helper()
	_, body, _ := get(t, hs.URL+p)
	i := strings.Index(body, `data-hash="`)
	hash := body[i+len(`data-hash="`):]
	hash = hash[:strings.IndexByte(hash, '"')]
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", hs.URL+"/_lumen/events?path="+p+"&hash="+hash, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- ev
			}
		}
	}()
	return out, func() { cancel(); resp.Body.Close() }
}

// next returns the next event, or "" when none comes soon. The wait only
// bounds a failing test; passing tests never wait for it.
func next(ch <-chan string, wait time.Duration) string {
	select {
	case ev := <-ch:
		return ev
	case <-time.After(wait):
		return ""
	}
}

func TestReloadsOnlyPagesThatChanged(t *testing.T) {
	s, hs, src, b := newServer(t, testSite+`
-- content/contact.md --
---
title: Contact
---
Call us.
`)
	about, stopAbout := events(t, hs, "/about/")
	defer stopAbout()
	contact, stopContact := events(t, hs, "/contact/")
	defer stopContact()
	waitClients(t, s, 2)

	src["content/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About us\n---\nWe are a changed practice.\n")}
	rebuild(t, s, b)
	if ev := next(about, 5*time.Second); ev != "reload" {
		t.Errorf("the edited page got %q", ev)
	}
	if ev := next(contact, 100*time.Millisecond); ev != "" {
		t.Errorf("an unchanged page got %q", ev)
	}

	// A stylesheet change swaps styles without a reload.
	src["themes/default/static/css/extra.css"] = &fstest.MapFile{Data: []byte("body{}")}
	b.Changed("themes/default/static/css/extra.css")
	rebuild(t, s, b)
	if ev := next(contact, 5*time.Second); ev != "css" {
		t.Errorf("a new stylesheet sent %q", ev)
	}
}

// TestChangedStylesheetIsSwappedNotReloaded edits the main stylesheet: its
// fingerprinted name changes, yet the pages that link to it are not
// reloaded, and the name the open page still links to serves the new
// styles, so that the browser's swap in place shows them.
func TestChangedStylesheetIsSwappedNotReloaded(t *testing.T) {
	s, hs, src, b := newServer(t, testSite)
	_, page, _ := get(t, hs.URL+"/about/")
	old := regexp.MustCompile(`/css/main\.[0-9a-f]{8}\.css`).FindString(page)
	if old == "" {
		t.Fatalf("/about/ links to no fingerprinted main.css:\n%.1500s", page)
	}
	about, stop := events(t, hs, "/about/")
	defer stop()
	waitClients(t, s, 1)

	src["themes/default/static/css/main.css"] = &fstest.MapFile{Data: []byte("body { color: navy }")}
	b.Changed("themes/default/static/css/main.css")
	rebuild(t, s, b)
	if ev := next(about, 5*time.Second); ev != "css" {
		t.Errorf("a changed stylesheet sent %q, want css", ev)
	}
	if code, body, _ := get(t, hs.URL+old+"?lumen=1"); code != 200 || body != "body { color: navy }" {
		t.Errorf("%s after the change: %d %q, want the new styles", old, code, body)
	}
	if _, page, _ = get(t, hs.URL+"/about/"); strings.Contains(page, old) {
		t.Errorf("/about/ still links to %s", old)
	}
	if code, _, _ := get(t, hs.URL+"/css/main.0000000.css"); code != http.StatusNotFound {
		t.Errorf("a name that is not a fingerprint: %d", code)
	}
}

func waitClients(t *testing.T, s *Server, n int) {
	t.Helper()
	for i := 0; i < 500 && s.hub.count() < n; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if s.hub.count() != n {
		t.Fatalf("%d clients connected, want %d", s.hub.count(), n)
	}
}

func TestDisconnectedClientsLeaveNoGoroutines(t *testing.T) {
	s, hs, _, _ := newServer(t, testSite)
	before := runtime.NumGoroutine()
	var stops []func()
	for range 20 {
		_, stop := events(t, hs, "/about/")
		stops = append(stops, stop)
	}
	waitClients(t, s, 20)
	for _, stop := range stops {
		stop()
	}
	for i := 0; i < 500 && s.hub.count() > 0; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if s.hub.count() != 0 {
		t.Fatalf("%d streams still registered", s.hub.count())
	}
	http.DefaultClient.CloseIdleConnections()
	for i := 0; i < 500 && runtime.NumGoroutine() > before+2; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before+2 {
		t.Errorf("%d goroutines, %d before the clients", g, before)
	}
}

// TestServesUnderTheBasePath serves a site whose base_url has a path
// under that same path, as it will be deployed: its pages link under it,
// the root redirects to it, and addresses outside it are not found.
func TestServesUnderTheBasePath(t *testing.T) {
	src, _ := sitetest.Parse(testSite)
	var hs *httptest.Server
	s := New(src, nil)
	hs = httptest.NewServer(s)
	defer hs.Close()
	defer s.Close()
	b := generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default(),
		BaseURL: "https://example.org/clinic/", Origin: hs.URL})
	snap, _, err := b.Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Publish(snap, nil)
	code, body, _ := get(t, hs.URL+"/clinic/about/")
	if code != 200 || !strings.Contains(body, `href="/clinic/css/main.`) || !strings.Contains(body, `<link rel="canonical" href="`+hs.URL+`/clinic/about/">`) {
		t.Errorf("/clinic/about/: %d\n%.2000s", code, body)
	}
	for p, want := range map[string]string{"/": "/clinic/", "/clinic": "/clinic/", "/clinic/about": "/clinic/about/"} {
		if code, _, h := get(t, hs.URL+p); code != http.StatusMovedPermanently || h.Get("Location") != want {
			t.Errorf("%s: %d to %q, want a redirect to %s", p, code, h.Get("Location"), want)
		}
	}
	if code, _, _ := get(t, hs.URL+"/about/"); code != http.StatusNotFound {
		t.Errorf("/about/ outside the base path: %d", code)
	}
}
