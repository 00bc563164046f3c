package generator

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// TestREADMEListsEveryRule holds the README's table of rules to the
// registry, diag.Rules: the same rules, in the same order, with the same
// severities and descriptions. With -update it rewrites the table.
func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const header = "| rule | severity | stage | when |\n|---|---|---|---|\n"
	var want strings.Builder
	want.WriteString(header)
	for _, r := range diag.Rules() {
		sev := string(r.Severity)
		if r.Config != "" {
			sev += "; " + r.Config
		}
		stage := r.Stage
		if stage == "" {
			stage = "any"
		}
		want.WriteString("| `" + r.ID + "` | " + sev + " | " + stage + " | " + r.Doc + " |\n")
	}
	start := bytes.Index(readme, []byte(header))
	if start < 0 {
		t.Fatalf("the README has no table of rules starting with:\n%s\nwant:\n%s", header, want.String())
	}
	end := start + len(header)
	for end < len(readme) && readme[end] == '|' {
		nl := bytes.IndexByte(readme[end:], '\n')
		if nl < 0 {
			end = len(readme)
			break
		}
		end += nl + 1
	}
	if got := string(readme[start:end]); got != want.String() {
		if *update {
			out := append(append(append([]byte(nil), readme[:start]...), want.String()...), readme[end:]...)
			if err := os.WriteFile("../README.md", out, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the README's table of rules:\n%s\nwant (go test ./generator -run TestREADMEListsEveryRule -update):\n%s", got, want.String())
	}
}
