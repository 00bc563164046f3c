package generator

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/lumen-ssg/lumen/themes"
)

// TestSubPathSiteHasNoBrokenLinks builds the example site for
// http://127.0.0.1:PORT/clinic/, serves the folder under /clinic/ as a
// static host would, and follows every link, stylesheet, image, icon and
// feed of every page from the home page: none is missing, and no address
// leaves /clinic/.
func TestSubPathSiteHasNoBrokenLinks(t *testing.T) {
	var handler http.Handler
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	defer hs.Close()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(context.Background(), "..", dest, Options{Theme: themes.Default(), BaseURL: hs.URL + "/clinic/"}); err != nil {
		t.Fatal(err)
	}
	handler = http.StripPrefix("/clinic", http.FileServer(http.Dir(dest)))
	pages := crawl(t, hs.URL, "/clinic/")
	if pages < 30 {
		t.Errorf("only %d pages reached from the home page", pages)
	}
}

// crawl fetches start on the server at origin and every address on the
// same server that its pages and stylesheets point to, failing the test
// for each one that is missing or outside start. It returns how many HTML
// pages it read.
func crawl(t *testing.T, origin, start string) int {
	t.Helper()
	client := &http.Client{}
	seen := map[string]bool{start: true}
	queue := []string{start}
	pages := 0
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, err := client.Get(origin + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", p, resp.StatusCode)
			continue
		}
		var found []string
		switch ct := resp.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/html"):
			pages++
			found = addresses(body)
		case strings.HasPrefix(ct, "text/css"):
			for _, m := range cssRef.FindAllSubmatch(body, -1) {
				found = append(found, string(m[1]))
			}
		}
		for _, a := range found {
			u, err := url.Parse(a)
			if err != nil || u.Scheme != "" && u.Scheme != "http" || u.Host != "" && "http://"+u.Host != origin {
				continue // another host, mailto:, tel:
			}
			abs := (&url.URL{Path: p}).ResolveReference(&url.URL{Path: u.Path}).Path
			if u.Path == "" {
				continue // #fragment or ?query of this page
			}
			if !strings.HasPrefix(abs, start) {
				t.Errorf("%s links to %s, outside %s", p, a, start)
				continue
			}
			if !seen[abs] {
				seen[abs] = true
				queue = append(queue, abs)
			}
		}
	}
	return pages
}

// cssRef finds url() in a stylesheet.
var cssRef = regexp.MustCompile(`url\(\s*["']?([^"')\s]+)`)

// addresses returns every address a browser would follow or load from
// page.
func addresses(page []byte) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(string(page)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				switch a.Key {
				case "href", "src", "action", "poster":
					out = append(out, a.Val)
				case "srcset":
					for _, part := range strings.Split(a.Val, ",") {
						if f := strings.Fields(part); len(f) > 0 {
							out = append(out, f[0])
						}
					}
				}
			}
		}
	}
}

// TestAliasesRedirectOnAStaticHost builds the example site and serves it
// as a host that reads _redirects does (Netlify, Cloudflare Pages): each
// old address of the site answers with a permanent redirect to its page,
// which is there; a host without _redirects serves the page at the old
// address, which names the same page.
func TestAliasesRedirectOnAStaticHost(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(context.Background(), "..", dest, Options{Theme: themes.Default()}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dest, "_redirects"))
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && !strings.HasPrefix(line, "#") {
			if f[2] != "301" {
				t.Errorf("%s: status %s, want 301", f[0], f[2])
			}
			rules[f[0]] = f[1]
		}
	}
	if len(rules) < 2 {
		t.Fatalf("the example site has %d old addresses, want at least 2:\n%s", len(rules), data)
	}
	files := http.FileServer(http.Dir(dest))
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to, ok := rules[r.URL.Path]; ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer hs.Close()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for from, to := range rules {
		resp, err := noFollow.Get(hs.URL + from)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %s", from, resp.StatusCode, resp.Header.Get("Location"), to)
		}
		resp, err = http.Get(hs.URL + from)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != to || !strings.Contains(string(body), `<link rel="canonical" href="https://www.example.com`+to+`">`) {
			t.Errorf("%s ends at %s with %d, want the page %s", from, resp.Request.URL.Path, resp.StatusCode, to)
		}
		moved, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(from, "/")), "index.html"))
		if !strings.Contains(string(moved), `content="0; url=`+to+`"`) {
			t.Errorf("the page at %s does not send the reader to %s:\n%s", from, to, moved)
		}
	}
}
