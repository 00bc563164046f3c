package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/internal/sitetest"
	"github.com/lumen-ssg/lumen/themes"
)

// TestInvalidSites builds each site in testdata/invalid, which must fail
// with exactly the message in its "want" file and leave the previously
// published site untouched.
func TestInvalidSites(t *testing.T) {
	cases, err := filepath.Glob("testdata/invalid/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
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
			if got := strings.TrimSpace(err.Error()); got != want {
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
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.lumen-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary folders left behind: %v", leftovers)
			}
		})
	}
}
