package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func lumen(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"bogus"},
		{"build", "--no-such-flag"},
		{"build", "extra-arg"},
		{"build", "--today", "24/12/2026"},
		{"new"},
		{"new", "recipe", "Soup"},
		{"serve", "extra-arg"},
		{"check", "--format", "xml"},
		{"serve", "--poll", "1ns"},
		{"serve", "--poll", "-1s"},
		{"serve", "--poll", "2h"},
		{"help", "bogus"},
	} {
		if code, _, _ := lumen(args...); code != exitUsage {
			t.Errorf("lumen %v exited %d, want %d", args, code, exitUsage)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := lumen("help")
	if code != 0 || !strings.Contains(out, "build") || !strings.Contains(out, "new") {
		t.Errorf("help: %d %q", code, out)
	}
	code, out, _ = lumen("help", "build")
	if code != 0 || !strings.Contains(out, "--base-url") {
		t.Errorf("help build: %d %q", code, out)
	}
	if code, out, _ = lumen("version"); code != 0 || !strings.HasPrefix(out, "lumen ") {
		t.Errorf("version: %d %q", code, out)
	}
}

// TestNewSiteBuildsAtOnce scaffolds a site, adds a page of every kind,
// and builds it.
func TestNewSiteBuildsAtOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "clinic")
	code, out, errs := lumen("new", "site", dir)
	if code != 0 {
		t.Fatalf("new site: %d %s", code, errs)
	}
	if !strings.Contains(out, " serve --source "+dir) || !strings.Contains(out, " build --source "+dir) {
		t.Errorf("new site does not say how to serve and build it:\n%s", out)
	}
	for _, kind := range []string{"article", "condition", "procedure", "faq", "provider", "location", "page"} {
		if code, _, errs := lumen("new", kind, "Sample "+kind, "--source", dir); code != 0 {
			t.Fatalf("new %s: %d %s", kind, code, errs)
		}
	}
	code, out, errs = lumen("build", "--source", dir)
	if code != 0 {
		t.Fatalf("build: %d\n%s", code, errs)
	}
	if !regexp.MustCompile(`^Built \d+ pages \(1 home, .*\d+ files to .* in \d+ ms\n$`).MatchString(out) {
		t.Errorf("summary line: %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "conditions", "sciatica", "index.html")); err != nil {
		t.Error(err)
	}
	// The new pages are drafts; with --drafts they build too.
	if code, _, errs := lumen("build", "--source", dir, "--drafts"); code != 0 {
		t.Fatalf("build --drafts: %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "conditions", "sample-condition", "index.html")); err != nil {
		t.Error(err)
	}
	if code, _, errs := lumen("new", "condition", "Sample condition", "--source", dir); code != exitError || !strings.Contains(errs, "already exists") {
		t.Errorf("overwriting: %d %q", code, errs)
	}
	if code, _, errs := lumen("new", "site", dir); code != exitError || !strings.Contains(errs, "not empty") {
		t.Errorf("new site over a site: %d %q", code, errs)
	}
}

func TestBuildErrorExitsOneAndKeepsPublic(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: T\nbase_url: https://example.com/\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "about.md"), []byte("---\ntitle: About\ncolour: blue\n---\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "public"), 0o755)
	os.WriteFile(filepath.Join(dir, "public", "index.html"), []byte("last good"), 0o644)
	code, _, errs := lumen("build", "--source", dir)
	if code != exitError {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`content/about.md:3:1: unknown key "colour"`, "the content stage found 1 error", "was left unchanged"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "public", "index.html")); string(data) != "last good" {
		t.Error("public/ was changed by a failed build")
	}
}

// TestBuildSaysWhenToBuildForANotice builds a site whose notice starts
// later, on that day, and after it ends: a static site changes only when
// it is built, so each build says when the next one is due.
func TestBuildSaysWhenToBuildForANotice(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(`title: T
base_url: https://example.com/
notices:
  - text: We are closed on December 25.
    starts: 2026-12-18
    ends: 2026-12-25
`), 0o644)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "about.md"), []byte("---\ntitle: About\n---\nWe help.\n"), 0o644)
	for _, tc := range []struct {
		today, want string
		shown       bool
	}{
		{"2026-12-01", `Build the site again on Friday, December 18, 2026 to show the notice "We are closed on December 25."`, false},
		{"2026-12-18", `Build the site again on Saturday, December 26, 2026 to take down the notice "We are closed on December 25."`, true},
		{"2026-12-26", "", false},
	} {
		code, out, errs := lumen("build", "--source", dir, "--today", tc.today)
		if code != exitOK {
			t.Fatalf("--today %s: exit %d: %s", tc.today, code, errs)
		}
		if tc.want != "" && !strings.Contains(out, tc.want) || tc.want == "" && strings.Contains(out, "Build the site again") {
			t.Errorf("--today %s printed:\n%s\nwant the line %q", tc.today, out, tc.want)
		}
		page, _ := os.ReadFile(filepath.Join(dir, "public", "about", "index.html"))
		if got := strings.Contains(string(page), "We are closed on December 25."); got != tc.shown {
			t.Errorf("--today %s: notice on the page = %v, want %v", tc.today, got, tc.shown)
		}
	}
}

func TestBuildMissingSiteYAML(t *testing.T) {
	code, _, errs := lumen("build", "--source", t.TempDir())
	if code != exitError || !strings.Contains(errs, "lumen new site") {
		t.Errorf("%d %q", code, errs)
	}
}

func TestCheckExampleSite(t *testing.T) {
	code, out, errs := lumen("check", "--source", "../..", "--today", "2026-11-27")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{"content/conditions/lumbar-disc-herniation.md", "current", "0 errors"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	code, out, _ = lumen("check", "--source", "../..", "--format", "json", "--today", "2026-11-27")
	var report struct {
		Pages []map[string]any `json:"pages"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &report) != nil || len(report.Pages) < 25 {
		t.Fatalf("json: exit %d, %d pages", code, len(report.Pages))
	}
	for _, key := range []string{"source", "url", "kind", "words", "sentences", "syllables", "flesch_reading_ease",
		"flesch_kincaid_grade", "smog", "gunning_fog", "coleman_liau", "ari", "review", "findings"} {
		if _, ok := report.Pages[0][key]; !ok {
			t.Errorf("JSON pages lack %q", key)
		}
	}
	// Years later, every medical page is overdue and the check fails.
	if code, out, _ := lumen("check", "--source", "../..", "--today", "2031-01-01"); code != exitError || !strings.Contains(out, "review.overdue") {
		t.Errorf("overdue reviews: exit %d", code)
	}
}

func TestBuildWritesProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, errs := lumen("build", "--source", "../..", "--dest", filepath.Join(dir, "public"), "--cpuprofile", cpu, "--memprofile", mem)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{cpu, mem} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// pprof profiles are gzip-compressed protocol buffers.
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%s is not a gzip-compressed profile (%d bytes)", f, len(data))
		}
	}
	code, _, errs = lumen("build", "--source", "../..", "--dest", filepath.Join(dir, "public2"), "--cpuprofile", filepath.Join(dir, "no", "such", "cpu.prof"))
	if code != exitError || !strings.Contains(errs, "cpu profile") {
		t.Errorf("an unwritable profile: exit %d, %q", code, errs)
	}
}

// TestCheckReportsWhatBuildRefuses checks a site whose theme override
// shows an image without alt text and whose page has a broken link: lumen
// check reports both as errors, in text and in one JSON document, and
// exits 1, as lumen build refuses the site; and a site that does not even
// load still gets a JSON document naming the problem.
func TestCheckReportsWhatBuildRefuses(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":                        "title: T\nbase_url: https://example.com/\n",
		"content/about.md":                 "---\ntitle: About\n---\nSee [our team](/team/).\n",
		"themes/default/layouts/page.html": "{{define \"main\"}}<h1>{{.Page.Title}}</h1><img src=\"/x.png\">{{.Page.Content}}{{end}}\n",
	}
	for name, text := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	if code, _, _ := lumen("build", "--source", dir); code != exitError {
		t.Fatalf("lumen build exited %d", code)
	}
	code, out, _ := lumen("check", "--source", dir)
	if code != exitError || !strings.Contains(out, "[a11y.alt]") || !strings.Contains(out, "[link.broken]") || !strings.Contains(out, "2 errors") {
		t.Errorf("lumen check exited %d:\n%s", code, out)
	}
	code, out, _ = lumen("check", "--source", dir, "--format", "json")
	var report struct {
		Pages []struct {
			Findings []struct {
				File, Rule, Severity, Message string
				Line                          int
			} `json:"findings"`
		} `json:"pages"`
		Errors int `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil || code != exitError || report.Errors != 2 {
		t.Fatalf("JSON: exit %d, %v, %d errors:\n%s", code, err, report.Errors, out)
	}
	var rules []string
	for _, p := range report.Pages {
		for _, f := range p.Findings {
			rules = append(rules, f.Rule)
		}
	}
	if got := strings.Join(rules, " "); got != "a11y.alt link.broken" {
		t.Errorf("findings of content/about.md: %s", got)
	}

	os.WriteFile(filepath.Join(dir, "content", "about.md"), []byte("---\ntitle: About\ncolour: blue\n---\n"), 0o644)
	code, out, _ = lumen("check", "--source", dir, "--format", "json")
	var broken struct {
		Pages    []any `json:"pages"`
		Findings []struct {
			File, Rule, Message, Hint string
			Line, Column              int
		} `json:"findings"`
		Errors int `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &broken); err != nil || code != exitError || broken.Errors != 1 || len(broken.Pages) != 0 {
		t.Fatalf("a site that does not load: exit %d, %v:\n%s", code, err, out)
	}
	if f := broken.Findings[0]; f.File != "content/about.md" || f.Line != 3 || f.Column != 1 || f.Rule != "frontmatter" || f.Hint == "" {
		t.Errorf("finding %+v", f)
	}
}
