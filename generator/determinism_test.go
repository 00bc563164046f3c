package generator

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/themes"
)

// readingTheme overrides the home and section layouts of the example site
// with ones that read every listed page's converted Markdown: its Content,
// TOC and word count.
var readingTheme = fstest.MapFS{
	"themes/default/layouts/home.html": {Data: []byte(`{{define "main"}}
<h1>{{.Page.Title}}</h1>
<ul>{{range .Site.Pages}}
<li>{{.URL}} {{len .Content}} bytes, {{.WordCount}} words: {{range .TOC}}{{.Text}}; {{end}}</li>{{end}}
</ul>
{{end}}`)},
	"themes/default/layouts/section.html": {Data: []byte(`{{define "main"}}
<h1>{{.Page.Title}}</h1>
{{range .Page.Pages}}<section><h2>{{.Title}}</h2>
<p>{{len .Content}}: {{printf "%.120s" .Content}}</p>
{{range .TOC}}<p>{{.ID}} {{.Text}}</p>{{end}}</section>
{{end}}{{end}}`)},
}

// TestTemplatesMayReadAnyPage builds the example site with a theme whose
// home and section pages read every listed page's Content and TOC: five
// builds are byte-identical, every page with a body shows it, and lumen
// serve's Snapshot, its files read from many goroutines at once, gives
// the same bytes. (CI runs it with the race detector.)
func TestTemplatesMayReadAnyPage(t *testing.T) {
	root, err := sitefs.Open("..")
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	opts := Options{Source: render.Overlay(readingTheme, root), Theme: themes.Default()}

	var first map[string][32]byte
	var built fs.FS
	for run := range 5 {
		mem := output.NewMem()
		opts.Out = mem
		res, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("build %d: %v", run, err)
		}
		sums := hashes(t, mem.FS())
		if first == nil {
			first, built = sums, mem.FS()
			// Every content page with a body shows it on the home page.
			home, _ := fs.ReadFile(built, "index.html")
			for _, p := range res.Site.Pages {
				if p.Source == nil || len(p.Source.Body) == 0 && p.Kind == "section" {
					continue
				}
				m := regexp.MustCompile(`<li>` + regexp.QuoteMeta(p.URL) + ` (\d+) bytes`).FindSubmatch(home)
				if m == nil {
					t.Errorf("the home page does not list %s", p.URL)
				} else if n, _ := strconv.Atoi(string(m[1])); n == 0 && p.SourcePath() != "content/_index.md" {
					t.Errorf("the home page shows no Content for %s", p.URL)
				}
			}
			continue
		}
		if diff := diffHashes(first, sums); diff != "" {
			t.Errorf("build %d differs from build 0: %s", run, diff)
		}
	}

	opts.Out = nil
	snap, _, err := NewBuilder(opts).Prepare(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	names := snap.Names()
	served := make([][]byte, len(names))
	var wg sync.WaitGroup
	for i := range names {
		wg.Go(func() { served[i], _ = snap.ReadFile(names[i]) })
	}
	wg.Wait()
	for i, name := range names {
		if sha256.Sum256(served[i]) != first[name] {
			want, _ := fs.ReadFile(built, name)
			t.Errorf("%s differs from the build's: %s", name, firstDiff(string(want), string(served[i])))
		}
	}
	if len(names) != len(first) {
		t.Errorf("served %d files, built %d", len(names), len(first))
	}
}

// hashes returns the SHA-256 of every file of fsys.
func hashes(t *testing.T, fsys fs.FS) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		out[p] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffHashes names the files that differ between a and b, or "".
func diffHashes(a, b map[string][32]byte) string {
	var diff []string
	for name, sum := range a {
		if b[name] != sum {
			diff = append(diff, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diff = append(diff, name+" (new)")
		}
	}
	sort.Strings(diff)
	if len(diff) == 0 {
		return ""
	}
	return fmt.Sprint(diff)
}
