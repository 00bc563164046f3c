package editor

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/devserver"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/themes"
)

// site is the example site of the repository, copied so that the test
// may change it, served by a dev server with the editor in front, as
// lumen serve --edit serves it.
type site struct {
	t       *testing.T
	dir     string
	srv     *httptest.Server
	dev     *devserver.Server
	builder *generator.Builder
}

func newSite(t *testing.T, password string) *site {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	yml, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "site.yaml"), yml, 0o644)
	src, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	today := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	ed, err := New(Options{Dir: dir, Source: src, Theme: themes.Default(), SiteURL: "http://127.0.0.1/", Password: password, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ed.Close() })
	s := &site{t: t, dir: dir, dev: devserver.New(src, nil),
		builder: generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default(), Today: today})}
	s.rebuild()
	s.srv = httptest.NewServer(devserver.LocalOnly(ed.Wrap(s.dev)))
	t.Cleanup(s.srv.Close)
	return s
}

// rebuild does what lumen serve does when its watcher sees a change.
func (s *site) rebuild(changed ...string) {
	s.builder.Changed(changed...)
	snap, _, err := s.builder.Prepare(context.Background())
	s.dev.Publish(snap, err)
}

// call posts one action as Decap's proxy backend does and returns the
// status and the decoded reply.
func (s *site) call(action string, params any) (int, any) {
	s.t.Helper()
	body, _ := json.Marshal(map[string]any{"branch": "main", "action": action, "params": params})
	req, _ := http.NewRequest(http.MethodPost, s.srv.URL+ProxyURL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func (s *site) get(path string) (int, string, http.Header) {
	s.t.Helper()
	resp, err := http.Get(s.srv.URL + path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (s *site) exists(rel string) bool {
	_, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(rel)))
	return err == nil
}

func errorOf(v any) string {
	m, _ := v.(map[string]any)
	e, _ := m["error"].(string)
	return e
}

// condition is a new condition page that passes every check.
const condition = `---
title: Tailbone pain
description: Pain at the very bottom of the spine, where you sit.
summary: Tailbone pain hurts where you sit. It often gets better by itself in a few weeks or months.
key_points:
  - Tailbone pain is common after a fall.
  - A soft cushion can help when you sit.
  - Most people get better without surgery.
symptoms:
  - Pain at the bottom of the spine when you sit
author: jordan-lee-np
reviewed_by: dr-samuel-reed
last_reviewed: 2026-06-02
---

Tailbone pain hurts at the very bottom of your back. It is often worse when you sit or stand up.

## What helps

Sit on a soft cushion. Take short walks. Ask us if the pain lasts more than a few weeks.
`

// TestAPILikeDecap drives the API as Decap's proxy backend does: it lists
// and reads conditions, saves a new one that the dev server then serves,
// is refused saves with errors (a misspelt key, a reviewer who is not a
// provider) with file:line and nothing written, uploads an image, deletes
// a page nobody links to, is refused the deletion of a page others need,
// and is refused every path outside content/.
func TestAPILikeDecap(t *testing.T) {
	s := newSite(t, "")

	status, out := s.call("entriesByFolder", map[string]any{"folder": "content/conditions", "extension": "md", "depth": 1})
	list, _ := out.([]any)
	if status != 200 || len(list) != 4 {
		t.Fatalf("entriesByFolder: %d, %d entries: %v", status, len(list), out)
	}
	for _, e := range list {
		file := e.(map[string]any)["file"].(map[string]any)
		if p := file["path"].(string); strings.HasSuffix(p, "_index.md") || file["id"] == nil {
			t.Errorf("entriesByFolder lists %v", file)
		}
	}
	status, out = s.call("getEntry", map[string]any{"path": "content/conditions/lumbar-disc-herniation.md"})
	if data, _ := out.(map[string]any)["data"].(string); status != 200 || !strings.Contains(data, "title: Lumbar disc herniation") {
		t.Fatalf("getEntry: %d %v", status, out)
	}

	// A valid new condition is written, and the dev server serves it.
	status, out = s.call("persistEntry", map[string]any{
		"dataFiles": []any{map[string]any{"slug": "tailbone-pain", "path": "content/conditions/tailbone-pain.md", "raw": condition}},
		"assets":    []any{}, "options": map[string]any{"commitMessage": "Create Condition “tailbone-pain”", "useWorkflow": false},
	})
	if status != 200 || !s.exists("content/conditions/tailbone-pain.md") {
		t.Fatalf("persistEntry of a valid page: %d %v", status, out)
	}
	s.rebuild("content/conditions/tailbone-pain.md")
	if code, body, _ := s.get("/conditions/tailbone-pain/"); code != 200 || !strings.Contains(body, "Tailbone pain") {
		t.Errorf("the dev server serves the new page with %d", code)
	}

	// Pages with errors are refused with file:line, and nothing is written.
	for _, tc := range []struct{ name, path, raw, want string }{
		{"misspelt key", "content/conditions/typo.md", strings.Replace(condition, "symptoms:", "symptons:", 1),
			`content/conditions/typo.md:9: unknown key "symptons" (did you mean "symptoms"?)`},
		{"no such provider", "content/conditions/nobody.md", strings.Replace(condition, "reviewed_by: dr-samuel-reed", "reviewed_by: dr-nobody", 1),
			`content/conditions/nobody.md:12: reviewed_by: no provider page with the slug "dr-nobody"`},
		{"broken link", "content/conditions/link.md", condition + "\nSee [the old page](/conditions/nothing-here/).\n",
			`content/conditions/link.md:22: broken link "/conditions/nothing-here/"`},
		{"not yaml", "content/conditions/bad-yaml.md", "---\ntitle: [unclosed\n---\nText.\n", "content/conditions/bad-yaml.md:3: invalid YAML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out := s.call("persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": tc.path, "raw": tc.raw}}, "assets": []any{}})
			if status != http.StatusUnprocessableEntity || !strings.Contains(errorOf(out), tc.want) {
				t.Errorf("got %d %q, want 422 containing %q", status, errorOf(out), tc.want)
			}
			if s.exists(tc.path) {
				t.Errorf("%s was written", tc.path)
			}
		})
	}

	// An existing page changed so that another page's link breaks is
	// refused too: the check is across pages.
	status, out = s.call("persistEntry", map[string]any{"dataFiles": []any{map[string]any{
		"path": "content/providers/dr-samuel-reed.md", "newPath": "content/providers/dr-sam-reed.md", "raw": mustRead(t, s, "content/providers/dr-samuel-reed.md")}}, "assets": []any{}})
	if status != 422 || !strings.Contains(errorOf(out), `no provider page with the slug "dr-samuel-reed"`) || !s.exists("content/providers/dr-samuel-reed.md") {
		t.Errorf("renaming a provider others name: %d %q", status, errorOf(out))
	}

	// An image upload, its name made safe; a file that is not what its
	// name says, and one outside the media folder, are refused.
	// A real picture: the upload is checked as the build checks
	// pictures (a file whose PNG header is broken is refused).
	var picture bytes.Buffer
	if err := png.Encode(&picture, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	pic := picture.String()
	// The example site's media folder has pictures of its own (the home
	// page's photograph): the upload is one more.
	_, before := s.call("getMedia", map[string]any{"mediaFolder": "content/images"})
	had, _ := before.([]any)
	status, out = s.call("persistMedia", map[string]any{"asset": map[string]any{"path": "content/images/Tailbone X-Ray.PNG", "content": base64.StdEncoding.EncodeToString([]byte(pic)), "encoding": "base64"}})
	if p, _ := out.(map[string]any)["path"].(string); status != 200 || p != "content/images/tailbone-x-ray.png" || !s.exists("content/images/tailbone-x-ray.png") {
		t.Errorf("persistMedia: %d %v", status, out)
	}
	status, out = s.call("getMedia", map[string]any{"mediaFolder": "content/images"})
	if l, _ := out.([]any); status != 200 || len(l) != len(had)+1 {
		t.Errorf("getMedia: %d, %d files, want %d", status, len(l), len(had)+1)
	}
	for _, tc := range []struct {
		path, data string
		status     int
	}{
		{"content/images/script.png", "<script>alert(1)</script>", http.StatusUnsupportedMediaType},
		{"content/images/page.html", "<p>hello</p>", http.StatusUnsupportedMediaType},
		{"content/images/drawing.svg", "<svg onload='alert(1)'/>", http.StatusUnsupportedMediaType},
		{"content/conditions/x.png", pic, http.StatusForbidden},
		{"themes/default/static/x.png", pic, http.StatusForbidden},
	} {
		status, out := s.call("persistMedia", map[string]any{"asset": map[string]any{"path": tc.path, "content": base64.StdEncoding.EncodeToString([]byte(tc.data)), "encoding": "base64"}})
		if status != tc.status {
			t.Errorf("persistMedia %s: %d %q, want %d", tc.path, status, errorOf(out), tc.status)
		}
	}

	// A page nobody links to is deleted; one that others name is not.
	status, out = s.call("deleteFiles", map[string]any{"paths": []string{"content/conditions/tailbone-pain.md"}})
	if status != 200 || s.exists("content/conditions/tailbone-pain.md") {
		t.Errorf("deleting a page nobody links to: %d %v", status, out)
	}
	status, out = s.call("deleteFiles", map[string]any{"paths": []string{"content/providers/dr-maya-ortiz.md"}})
	if msg := errorOf(out); status != 422 || !strings.Contains(msg, "content/conditions/lumbar-disc-herniation.md:") || !s.exists("content/providers/dr-maya-ortiz.md") {
		t.Errorf("deleting a provider others name: %d %q", status, msg)
	}
}

func mustRead(t *testing.T, s *site, rel string) string {
	data, err := os.ReadFile(filepath.Join(s.dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestHostilePaths sends paths that lead out of content/, in every
// action that takes one.
func TestHostilePaths(t *testing.T) {
	s := newSite(t, "")
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: Secret\n---\nsecret\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(s.dir, "content", "secret.md"))
	os.Symlink(outside, filepath.Join(s.dir, "content", "elsewhere"))
	os.Symlink("../site.yaml", filepath.Join(s.dir, "content", "site.md"))
	for _, p := range []string{"../site.yaml", "content/../site.yaml", "/etc/passwd", "site.yaml", "content", "content/", "content//about.md",
		"content/./about.md", `content\..\site.yaml`, "content/.git/config", "content/conditions/.x.md", "content/a\x00.md", "contents/about.md"} {
		for _, call := range []struct {
			action string
			params map[string]any
		}{
			{"getEntry", map[string]any{"path": p}},
			{"getMediaFile", map[string]any{"path": p}},
			{"entriesByFiles", map[string]any{"files": []any{map[string]any{"path": p}}}},
			{"persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": p, "raw": condition}}, "assets": []any{}}},
			{"persistMedia", map[string]any{"asset": map[string]any{"path": p, "content": "", "encoding": "base64"}}},
			{"deleteFiles", map[string]any{"paths": []string{p}}},
		} {
			status, out := s.call(call.action, call.params)
			if status < 400 {
				t.Errorf("%s %q: %d %v", call.action, p, status, out)
			}
		}
	}
	// A symbolic link out of content/ is never read nor written through.
	for _, p := range []string{"content/secret.md", "content/site.md"} {
		status, out := s.call("getEntry", map[string]any{"path": p})
		if status == 200 && out.(map[string]any)["data"] != nil {
			t.Errorf("getEntry %s read through a link out of content/: %v", p, out)
		}
	}
	status, _ := s.call("persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": "content/elsewhere/x.md", "raw": condition}}, "assets": []any{}})
	if entries, _ := os.ReadDir(outside); status < 400 || len(entries) != 1 {
		t.Errorf("persistEntry through a link out of content/: %d, %d files outside", status, len(entries))
	}
	if got, _ := os.ReadFile(filepath.Join(outside, "secret.md")); !strings.Contains(string(got), "secret") {
		t.Error("the file outside was changed")
	}
}

// TestGuards checks the policy of /admin/ and of the site, the password
// and the refusal of requests from other sites and for other hosts.
func TestGuards(t *testing.T) {
	s := newSite(t, "correct horse battery staple")
	_, _, h := s.get("/")
	if csp := h.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe") || csp == "" {
		t.Errorf("the site's policy is relaxed: %q", csp)
	}
	code, _, h := s.get("/admin/")
	if code != 401 || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("/admin/ without the password: %d", code)
	}
	do := func(method, path, user, pass, ctype, origin, host string, body string) (int, http.Header) {
		req, _ := http.NewRequest(method, s.srv.URL+path, strings.NewReader(body))
		if pass != "" {
			req.SetBasicAuth(user, pass)
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header
	}
	info := `{"action":"info","params":{}}`
	pass := "correct horse battery staple"
	self := strings.Replace(s.srv.URL, "127.0.0.1", "localhost", 1)
	for _, tc := range []struct {
		name, method, path, user, pass, ctype, origin, host string
		status                                              int
	}{
		{"page with password", "GET", "/admin/", "staff", pass, "", "", "", 200},
		{"config with password", "GET", "/admin/config.yml", "any", pass, "", "", "", 200},
		{"bundle without password", "GET", "/admin/decap-cms.js", "", "", "", "", "", 401},
		{"wrong password", "GET", "/admin/", "staff", "Correct horse battery staple", "", "", "", 401},
		{"api without password", "POST", "/admin/api", "", "", "application/json", "", "", 401},
		{"api with password", "POST", "/admin/api", "staff", pass, "application/json", "", "", 200},
		{"api from this site", "POST", "/admin/api", "staff", pass, "application/json", s.srv.URL, "", 200},
		{"api from another site", "POST", "/admin/api", "staff", pass, "application/json", "https://evil.example", "", 403},
		{"api as a form", "POST", "/admin/api", "staff", pass, "text/plain", "", "", 415},
		{"api by GET", "GET", "/admin/api", "staff", pass, "", "", "", 405},
		{"another host", "GET", "/admin/", "staff", pass, "", "", "evil.example", 403},
		{"localhost", "GET", "/admin/", "staff", pass, "", "", strings.TrimPrefix(self, "http://"), 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, h := do(tc.method, tc.path, tc.user, tc.pass, tc.ctype, tc.origin, tc.host, info)
			if status != tc.status {
				t.Errorf("status %d, want %d", status, tc.status)
			}
			if status == 200 && tc.method == "GET" {
				csp := h.Get("Content-Security-Policy")
				if !strings.Contains(csp, "script-src 'self' 'unsafe-eval'") || !strings.Contains(csp, "style-src 'self' 'unsafe-inline'") ||
					strings.Count(csp, "unsafe") != 2 || !strings.Contains(csp, "frame-ancestors 'none'") {
					t.Errorf("policy of %s: %q", tc.path, csp)
				}
			}
		})
	}
	// A body larger than the limit is refused before it is read whole.
	big := `{"action":"info","params":{"x":"` + strings.Repeat("a", 8<<20) + `"}}`
	if status, _ := do("POST", "/admin/api", "staff", pass, "application/json", "", "", big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a large body: %d", status)
	}
}

// TestPreviews checks what the editor offers to see a page as patients
// will: the preview pane in the site's stylesheet, and, for a saved page,
// a link to it on the dev server at its real address — its slug, its
// language — which the dev server serves.
func TestPreviews(t *testing.T) {
	s := newSite(t, "")
	status, body, _ := s.get("/admin/preview.js")
	if status != 200 || !strings.Contains(body, `CMS.registerPreviewStyle("/css/main.css");`) {
		t.Errorf("preview.js: %d %q", status, body)
	}
	if _, page, _ := s.get("/admin/"); !strings.Contains(page, `<script src="/admin/preview.js"></script>`) {
		t.Errorf("the editor's page does not load preview.js:\n%s", page)
	}
	for _, tc := range []struct{ collection, slug, want string }{
		{"conditions", "lumbar-disc-herniation", "/conditions/lumbar-disc-herniation/"},
		{"conditions-es", "lumbar-disc-herniation", "/es/conditions/hernia-de-disco-lumbar/"},
		{"pages", "about", "/about/"},
		{"articles", "endoscopic-spine-surgery-pain-specialists", "/articles/endoscopic-spine-surgery-pain-specialists/"},
		{"conditions", "not-yet-saved", ""},
		{"conditions", "../site", ""},
	} {
		status, out := s.call("getDeployPreview", map[string]any{"collection": tc.collection, "slug": tc.slug})
		got := ""
		if m, ok := out.(map[string]any); ok {
			got, _ = m["url"].(string)
			if m["status"] != "SUCCESS" {
				t.Errorf("%s/%s: status %v", tc.collection, tc.slug, m["status"])
			}
		}
		if status != 200 || got != tc.want {
			t.Errorf("getDeployPreview %s/%s: %d %q, want %q", tc.collection, tc.slug, status, got, tc.want)
		}
		if got != "" {
			if code, _, _ := s.get(got); code != 200 {
				t.Errorf("%s: the dev server answers %d", got, code)
			}
		}
		// Decap's "View Live" link (preview_path) leads there too.
		resp, err := s.srv.Client().Get(s.srv.URL + "/admin/view/" + tc.collection + "/" + tc.slug)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if tc.want == "" && resp.StatusCode != http.StatusNotFound || tc.want != "" && (resp.StatusCode != 200 || resp.Request.URL.Path != tc.want) {
			t.Errorf("/admin/view/%s/%s: %d at %s, want %q", tc.collection, tc.slug, resp.StatusCode, resp.Request.URL.Path, tc.want)
		}
	}
}
