package generator

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// minInvalidCases is how many cases the catalogue must keep at least.
const minInvalidCases = 32

// TestInvalidSites builds each site in testdata/invalid, which must fail
// with exactly the message in its "want" file and leave the previously
// published site untouched. With -update, the want sections are rewritten
// with the messages the build gives (review the diff).
func TestInvalidSites(t *testing.T) {
	cases, err := filepath.Glob("testdata/invalid/*.txtar")
	if err != nil || len(cases) < minInvalidCases {
		t.Fatalf("%d cases, want at least %d: %v", len(cases), minInvalidCases, err)
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			files, _ := sitetest.Parse(string(data))
			want := strings.TrimSpace(string(files["want"].Data))
			delete(files, "want")
			dir := t.TempDir()
			sitetest.WriteDir(t, dir, files)
			public := filepath.Join(dir, "public")
			if err := os.MkdirAll(public, 0o755); err != nil {
				t.Fatal(err)
			}
			old := map[string]string{"index.html": "the last good site", "about/index.html": "about"}
			for name, text := range old {
				os.MkdirAll(filepath.Dir(filepath.Join(public, name)), 0o755)
				os.WriteFile(filepath.Join(public, name), []byte(text), 0o644)
			}

			_, err = Publish(context.Background(), dir, "", Options{Theme: themes.Default()})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			got := strings.TrimSpace(err.Error())
			if *update && got != want {
				i := bytes.LastIndex(data, []byte("\n-- want --\n"))
				if i < 0 {
					t.Fatal("no want section")
				}
				data = append(data[:i+len("\n-- want --\n")], got+"\n"...)
				if err := os.WriteFile(c, data, 0o644); err != nil {
					t.Fatal(err)
				}
				want = got
			}
			if got != want {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
			after := sitetest.Snapshot(t, public)
			if len(after) != len(old) {
				t.Errorf("public/ changed: %v", after)
			}
			for name, text := range old {
				if after[name] != text {
					t.Errorf("public/%s changed to %q", name, after[name])
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.lumen-[0-9]*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary folders left behind: %v", leftovers)
			}
		})
	}
}

// TestREADMEQuotesTheCatalogue checks that every message quoted in the
// README's "Common mistakes" section is, word for word, one the tests
// expect: a line of a want section in testdata/invalid, or of the odd
// sites' test (for symbolic links, which an archive cannot hold).
func TestREADMEQuotesTheCatalogue(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Common mistakes and what Lumen says\n")
	if !ok {
		t.Fatal("the README has no section \"Common mistakes and what Lumen says\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	known := map[string]bool{}
	cases, _ := filepath.Glob("testdata/invalid/*.txtar")
	if count := "`generator/testdata/invalid/` (" + strconv.Itoa(len(cases)) + " of them"; !strings.Contains(string(readme), count) {
		t.Errorf("the README does not say how many invalid sites there are: %q", count)
	}
	for _, c := range cases {
		data, _ := os.ReadFile(c)
		files, _ := sitetest.Parse(string(data))
		for _, l := range strings.Split(string(files["want"].Data), "\n") {
			known[l] = true
		}
	}
	odd, _ := os.ReadFile("odd_test.go")
	quoted := 0
	inCode := false
	for _, l := range strings.Split(section, "\n") {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
			continue
		}
		trimmed := strings.TrimSpace(l)
		if !inCode || trimmed == "" || strings.Contains(trimmed, " | ") || strings.HasPrefix(trimmed, "|") {
			continue // prose, or a source line as the terminal shows it
		}
		quoted++
		inGo := strconv.Quote(l + "\n") // as a Go string literal in odd_test.go
		if !known[l] && !strings.Contains(string(odd), inGo[1:len(inGo)-1]) {
			t.Errorf("the README quotes a message no test expects:\n%s", l)
		}
	}
	if quoted < 20 {
		t.Errorf("only %d messages quoted", quoted)
	}
}
