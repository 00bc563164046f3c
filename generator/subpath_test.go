package generator

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
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
