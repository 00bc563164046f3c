package generator

import (
	"context"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/themes"
)

// TestWrappedMarkdownMakesTheSamePages builds the example site as it is and
// with every long paragraph line of its Markdown wrapped at 60 columns, as
// an editor that wraps text writes it, and finds every page the same but
// for how its white space runs: a glossary term or a phone number split
// over two lines is defined or linked as on one line.
func TestWrappedMarkdownMakesTheSamePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site twice")
	}
	wrapped := overlaySite{os.DirFS(".."), fstest.MapFS{}}
	n := 0
	err := fs.WalkDir(wrapped.site, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".md") {
			return err
		}
		data, err := fs.ReadFile(wrapped.site, name)
		if err != nil {
			return err
		}
		w, k := wrapMarkdown(string(data), 60)
		wrapped.files[name] = &fstest.MapFile{Data: []byte(w)}
		n += k
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d lines wrapped", n)
	}
	want := buildExample(t)
	mem := output.NewMem()
	if _, err := Build(context.Background(), Options{Source: wrapped, Theme: themes.Default(), Out: mem}); err != nil {
		t.Fatalf("the wrapped example site does not build:\n%v", err)
	}
	got := mem.FS()
	space := regexp.MustCompile(`\s+`)
	pages := 0
	err = fs.WalkDir(want, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		a, err := fs.ReadFile(want, name)
		if err != nil {
			return err
		}
		b, err := fs.ReadFile(got, name)
		if err != nil {
			t.Errorf("%s: not made from the wrapped Markdown: %v", name, err)
			return nil
		}
		pages++
		if x, y := space.ReplaceAllString(string(a), " "), space.ReplaceAllString(string(b), " "); x != y {
			i := 0
			for i < len(x) && i < len(y) && x[i] == y[i] {
				i++
			}
			t.Errorf("%s differs when its Markdown is wrapped:\n  as it is: …%s…\n  wrapped:  …%s…", name, x[max(0, i-60):min(len(x), i+80)], y[max(0, i-60):min(len(y), i+80)])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Errorf("only %d pages compared", pages)
	}
}

// overlaySite is a site whose files are another's, but those of files:
// a site with a file or two edited, for a test or a benchmark.
type overlaySite struct {
	site  fs.FS
	files fstest.MapFS
}

func (s overlaySite) Open(name string) (fs.File, error) {
	if _, ok := s.files[name]; ok {
		return s.files.Open(name)
	}
	return s.site.Open(name)
}

// wrapMarkdown wraps, at width columns, each line longer than that of the
// body of a Markdown file that is a paragraph's (it starts with a letter,
// a quote, a parenthesis, emphasis or a link, not a footnote), outside
// code blocks and HTML comments, and returns the file and how many lines
// it wrapped.
func wrapMarkdown(src string, width int) (string, int) {
	lines := strings.Split(src, "\n")
	var out []string
	n, frontMatter, code, comment := 0, 0, false, false
	paragraph := regexp.MustCompile(`^[A-Za-z"(*_\[]`)
	for i, l := range lines {
		switch {
		case i == 0 && l == "---":
			frontMatter = 1
		case frontMatter == 1:
			if l == "---" {
				frontMatter = 2
			}
		case strings.HasPrefix(l, "```"):
			code = !code
		case code:
		case comment || strings.Contains(l, "<!--"):
			comment = !strings.Contains(l, "-->")
		case len(l) > width && paragraph.MatchString(l) && !strings.HasPrefix(l, "[^"):
			var line string
			for _, w := range strings.Fields(l) {
				if line != "" && len(line)+1+len(w) > width {
					out = append(out, line)
					line = ""
				}
				if line != "" {
					line += " "
				}
				line += w
			}
			out = append(out, line)
			n++
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n"), n
}
