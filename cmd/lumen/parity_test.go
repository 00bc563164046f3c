package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/devserver"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestBuildCheckAndServeAgree runs every case of the invalid-site
// catalogue, and the example site, through lumen build, lumen check
// --format json and the dev server's error view, and requires the same
// errors (file, line, rule) from all three, and the same warnings from
// build and check.
func TestBuildCheckAndServeAgree(t *testing.T) {
	cases, err := filepath.Glob("../../generator/testdata/invalid/*.txtar")
	if err != nil || len(cases) < 30 {
		t.Fatalf("%d cases: %v", len(cases), err)
	}
	sites := map[string]string{"example": "../.."}
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := sitetest.Parse(string(data))
		delete(files, "want")
		dir := t.TempDir()
		sitetest.WriteDir(t, dir, files)
		sites[strings.TrimSuffix(filepath.Base(c), ".txtar")] = dir
	}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			buildErrs, buildWarnings, more := buildFindings(t, dir)
			checkErrs, checkWarnings := checkFindings(t, dir)
			serveErrs := serveFindings(t, dir)
			if name != "example" && len(buildErrs) == 0 {
				t.Fatal("an invalid site built without an error")
			}
			if got, want := strings.Join(checkErrs, "\n"), strings.Join(buildErrs, "\n"); got != want {
				t.Errorf("errors of lumen check:\n%s\nof lumen build:\n%s", got, want)
			}
			if got, want := strings.Join(serveErrs, "\n"), strings.Join(buildErrs, "\n"); got != want {
				t.Errorf("errors of the dev server's error view:\n%s\nof lumen build:\n%s", got, want)
			}
			if more > 0 {
				// lumen build printed some warnings and counted the rest:
				// those it printed are among lumen check's, and the
				// counts add up.
				if len(checkWarnings) != len(buildWarnings)+more || !subset(buildWarnings, checkWarnings) {
					t.Errorf("warnings of lumen check (%d):\n%s\nof lumen build (%d and %d more):\n%s",
						len(checkWarnings), strings.Join(checkWarnings, "\n"), len(buildWarnings), more, strings.Join(buildWarnings, "\n"))
				}
			} else if got, want := strings.Join(checkWarnings, "\n"), strings.Join(buildWarnings, "\n"); got != want {
				t.Errorf("warnings of lumen check:\n%s\nof lumen build:\n%s", got, want)
			}
		})
	}
}

// finding matches the first line of a finding as lumen build prints it:
// "file:line:col: [warning: ]message [rule]".
var finding = regexp.MustCompile(`^(?:([^\s:]+)(?::(\d+))?(?::\d+)?: )?(warning: |hint: )?.*\[([a-z0-9.-]+)\]$`)

// timed are the rules whose findings depend on how fast the machine is,
// left out of the comparison.
var timed = map[string]bool{"slow": true}

// key names a finding by its file, line and rule.
func key(file, line, rule string) string {
	if line == "" {
		line = "0"
	}
	return file + ":" + line + " " + rule
}

func sorted(s []string) []string {
	sort.Strings(s)
	return s
}

// buildFindings runs lumen build on the site in dir and returns the keys
// of the errors and warnings it printed.
func buildFindings(t *testing.T, dir string) (errs, warnings []string, more int) {
	t.Helper()
	code, _, stderr := lumen("build", "--source", dir, "--dest", filepath.Join(t.TempDir(), "public"))
	for _, l := range strings.Split(stderr, "\n") {
		if m := moreWarnings.FindStringSubmatch(l); m != nil {
			more, _ = strconv.Atoi(m[1])
			continue
		}
		m := finding.FindStringSubmatch(l)
		if m == nil || strings.HasPrefix(l, " ") || timed[m[4]] { // not a source line or a hint
			continue
		}
		switch m[3] {
		case "":
			errs = append(errs, key(m[1], m[2], m[4]))
		case "warning: ":
			warnings = append(warnings, key(m[1], m[2], m[4]))
		}
	}
	if (code == exitOK) != (len(errs) == 0) {
		t.Errorf("lumen build exited %d and printed %d errors:\n%s", code, len(errs), stderr)
	}
	return sorted(errs), sorted(warnings), more
}

// moreWarnings matches the line with which lumen build counts the
// warnings it did not print.
var moreWarnings = regexp.MustCompile(`^warning: \.\.\. and (\d+) more warnings`)

// subset reports whether every key of a is in b, as often.
func subset(a, b []string) bool {
	n := map[string]int{}
	for _, k := range b {
		n[k]++
	}
	for _, k := range a {
		if n[k]--; n[k] < 0 {
			return false
		}
	}
	return true
}

// checkFindings runs lumen check --format json on the site in dir and
// returns the keys of its errors and warnings.
func checkFindings(t *testing.T, dir string) (errs, warnings []string) {
	t.Helper()
	code, stdout, stderr := lumen("check", "--source", dir, "--format", "json")
	type f struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
	}
	var report struct {
		Pages []struct {
			Findings []f `json:"findings"`
		} `json:"pages"`
		Findings []f `json:"findings"`
		Errors   int `json:"errors"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("lumen check printed no JSON document (%v):\n%s\n%s", err, stdout, stderr)
	}
	all := report.Findings
	for _, p := range report.Pages {
		all = append(all, p.Findings...)
	}
	for _, x := range all {
		if timed[x.Rule] {
			continue
		}
		k := key(x.File, strconv.Itoa(x.Line), x.Rule)
		switch x.Severity {
		case "error":
			errs = append(errs, k)
		case "warning":
			warnings = append(warnings, k)
		}
	}
	if (code == exitOK) != (report.Errors == 0) || report.Errors != len(errs) {
		t.Errorf("lumen check exited %d with %d errors counted and %d listed", code, report.Errors, len(errs))
	}
	return sorted(errs), sorted(warnings)
}

// errorEntry matches an error of the dev server's error view.
var errorEntry = regexp.MustCompile(`class="lumen-error" data-file="([^"]*)" data-line="(\d+)" data-rule="([^"]*)"`)

// serveFindings serves the site in dir as lumen serve does, waits for the
// check of every page, and returns the keys of the errors the home page
// shows: the error view in its place, or, for errors of the pages stage,
// the list above it.
func serveFindings(t *testing.T, dir string) []string {
	t.Helper()
	src, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	b := generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default(), BaseURL: "http://127.0.0.1:1313/"})
	srv := devserver.New(src, nil)
	defer srv.Close()
	rb := &rebuilder{b: b, srv: srv, source: dir, stdout: io.Discard, stderr: io.Discard}
	rb.rebuild(context.Background(), nil)
	rb.checks.Wait()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	resp, err := http.Get(hs.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var errs []string
	for _, m := range errorEntry.FindAllStringSubmatch(string(body), -1) {
		errs = append(errs, key(m[1], m[2], m[3]))
	}
	if len(errs) == 0 && resp.StatusCode != http.StatusOK {
		t.Errorf("the dev server answered %d with no errors:\n%s", resp.StatusCode, body)
	}
	return sorted(errs)
}
