package devserver

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestLoadWhileEditing has 50 clients fetch pages over loopback for two
// seconds while the site is edited, rebuilt and published as fast as it
// can be. Every response must be a whole page of one build: status 200
// (404 for the missing page), one <h1>, the end of the document and the
// live-reload script, and, on the edited page, the same version in its
// title and its body.
func TestLoadWhileEditing(t *testing.T) {
	if testing.Short() {
		t.Skip("a two-second load test")
	}
	const (
		clients  = 50
		duration = 2 * time.Second
	)
	dir := t.TempDir()
	files, _ := sitetest.Parse(testSite + `
-- content/contact.md --
---
title: Contact
---
Call us.
-- content/conditions/sciatica.md --
---
title: Sciatica
author: dr-a
reviewed_by: dr-a
last_reviewed: 2026-01-01
summary: Rest helps.
key_points: [Rest helps.]
---
Most people get better.
-- content/providers/dr-a.md --
---
title: Dr. A
---
`)
	sitetest.WriteDir(t, dir, files)
	writeVersion := func(n int) {
		// As editors save: a temporary file renamed over the page.
		tmp := filepath.Join(dir, "content", ".about.md.tmp")
		text := fmt.Sprintf("---\ntitle: About us v%d\n---\nThis is version %d of the page.\n\n%s", n, n, strings.Repeat("We are a small practice. ", 200))
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Error(err)
			return
		}
		if err := os.Rename(tmp, filepath.Join(dir, "content", "about.md")); err != nil {
			t.Error(err)
		}
	}
	writeVersion(0)

	src := os.DirFS(dir)
	b := generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default()})
	snap, _, err := b.Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := New(src, nil)
	s.Publish(snap, nil)
	hs := httptest.NewServer(s) // listens on 127.0.0.1
	t.Cleanup(func() { s.Close(); hs.Close() })

	stop := time.Now().Add(duration)
	var rebuilds atomic.Int64
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 1; time.Now().Before(stop); n++ {
			writeVersion(n)
			b.Changed("content/about.md")
			snap, _, err := b.Prepare(context.Background())
			if err != nil {
				t.Errorf("rebuild %d: %v", n, err)
			}
			s.Publish(snap, err)
			rebuilds.Add(1)
		}
	})

	paths := []string{"/", "/about/", "/contact/", "/conditions/sciatica/", "/providers/dr-a/", "/conditions/", "/no-such-page/", "/css/main.css", "/images/x.svg"}
	version := regexp.MustCompile(`About us v(\d+)</h1>`)
	body := regexp.MustCompile(`This is version (\d+) of the page`)
	var requests, failures atomic.Int64
	transport := &http.Transport{MaxIdleConnsPerHost: clients}
	t.Cleanup(transport.CloseIdleConnections)
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := c; time.Now().Before(stop); i++ {
				p := paths[i%len(paths)]
				resp, err := client.Get(hs.URL + p)
				if err != nil {
					fail("GET %s: %v", p, err)
					continue
				}
				data, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				requests.Add(1)
				want := http.StatusOK
				if p == "/no-such-page/" {
					want = http.StatusNotFound
				}
				if err != nil || resp.StatusCode != want {
					fail("GET %s: %d, want %d (%v)", p, resp.StatusCode, want, err)
					continue
				}
				if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
					continue
				}
				page := string(data)
				switch {
				case strings.Count(page, "<h1") != 1:
					fail("GET %s: %d <h1> elements", p, strings.Count(page, "<h1"))
				case !strings.HasSuffix(strings.TrimSpace(page), "</html>"):
					fail("GET %s: the page is cut short: …%q", p, page[max(0, len(page)-80):])
				case !strings.Contains(page, `<script src="/_lumen/live.js"`):
					fail("GET %s: no live-reload script", p)
				}
				if p == "/about/" {
					v, w := version.FindStringSubmatch(page), body.FindStringSubmatch(page)
					if v == nil || w == nil || v[1] != w[1] {
						fail("GET /about/: a torn page: title %v, body %v", v, w)
					}
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d clients, %v: %d requests (%.0f/s), %d failures, %d rebuilds published",
		clients, elapsed.Round(time.Millisecond), requests.Load(), float64(requests.Load())/elapsed.Seconds(), failures.Load(), rebuilds.Load())
	if requests.Load() == 0 || rebuilds.Load() == 0 {
		t.Error("no requests or no rebuilds were made")
	}
}

// panicFS is a source whose files cannot be read without a panic, standing
// in for a bug met while a response is made.
type panicFS struct{}

func (panicFS) Open(name string) (fs.File, error) { panic("reading " + name) }

func TestPanicBecomesErrorView(t *testing.T) {
	s := New(panicFS{}, nil)
	// The error view shows the offending lines of the source, which
	// panics.
	s.Publish(nil, diag.List{diag.Errorf("content/about.md", 2, "unknown key")})
	hs := httptest.NewServer(s)
	defer func() { s.Close(); hs.Close() }()
	for range 2 { // and the server goes on serving
		code, body, _ := get(t, hs.URL+"/about/")
		if code != http.StatusInternalServerError {
			t.Errorf("status %d", code)
		}
		for _, want := range []string{"Lumen failed while serving /about/: reading content/about.md", "this is a bug in Lumen", "/_lumen/live.js"} {
			if !strings.Contains(body, want) {
				t.Errorf("the error view lacks %q:\n%s", want, body)
			}
		}
	}
}
