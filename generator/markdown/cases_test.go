package markdown

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected HTML and errors of testdata/*.txt")

// A case file in testdata holds named sections in the manner of txtar:
//
//	-- name.md --
//	Markdown in
//	-- name.html --
//	HTML out
//	-- name.err --
//	errors out, one per line (the section is left out when there are none)
//
// Each case is rendered as the body of caseSource with caseOffset lines of
// front matter, through fakeResolver.
const (
	caseSource = "content/conditions/sciatica.md"
	caseOffset = 4
)

// section is one "-- name --" part of a case file.
type section struct {
	name string
	body string
}

// parseSections splits a case file into its sections.
func parseSections(data string) ([]section, error) {
	var secs []section
	for _, line := range strings.SplitAfter(data, "\n") {
		trim := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") && len(trim) > 6 {
			secs = append(secs, section{name: trim[3 : len(trim)-3]})
			continue
		}
		if len(secs) == 0 {
			if strings.TrimSpace(line) != "" {
				return nil, fmt.Errorf("text before the first section: %q", line)
			}
			continue
		}
		secs[len(secs)-1].body += line
	}
	return secs, nil
}

// formatSections is the inverse of parseSections.
func formatSections(secs []section) []byte {
	var b bytes.Buffer
	for _, s := range secs {
		fmt.Fprintf(&b, "-- %s --\n%s", s.name, s.body)
		if s.body != "" && !strings.HasSuffix(s.body, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// fakeResolver knows a few pages and files of a site, by content path and
// by site URL.
type fakeResolver map[string]string

var siteFiles = fakeResolver{
	"content/conditions/sciatica.md":         "/conditions/sciatica/",
	"content/conditions/diagram.svg":         "/conditions/diagram.svg",
	"content/conditions/sciatica/photo.jpg":  "/conditions/sciatica/photo.jpg",
	"content/procedures/rfa.md":              "/procedures/rfa/",
	"content/procedures/my file.md":          "/procedures/my-file/",
	"content/about.md":                       "/about/",
	"static/images/spine.png":                "/images/spine.png",
	"content/conditions/lumbar-stenosis.md":  "/conditions/lumbar-stenosis/",
	"content/conditions/lumbar-stenosis.pdf": "/conditions/lumbar-stenosis.pdf",
}

// Resolve implements Resolver: a site path must be one of the URLs, a
// relative path one of the content files.
func (f fakeResolver) Resolve(source, dest string) (string, error) {
	if strings.HasPrefix(dest, "/") {
		for _, u := range f {
			if u == dest {
				return u, nil
			}
		}
		if u, ok := f["static"+dest]; ok {
			return u, nil
		}
		return "", fmt.Errorf("no page or file %q", dest)
	}
	p := path.Join(path.Dir(source), dest)
	if u, ok := f[p]; ok {
		return u, nil
	}
	return "", fmt.Errorf("no page or file %q", p)
}

// errText formats a diag.List as the .err section holds it: one error per
// line, hints included.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error() + "\n"
}

func TestCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	r := New()
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		secs, err := parseSections(string(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var out []section
		prev := ""
		for i := 0; i < len(secs); i++ {
			name, ok := strings.CutSuffix(secs[i].name, ".md")
			if !ok {
				if ext := strings.TrimPrefix(secs[i].name, prev); prev == "" || (ext != ".html" && ext != ".err") {
					t.Errorf("%s: section %q does not follow its .md section", file, secs[i].name)
				}
				continue
			}
			prev = name
			md := secs[i]
			wantHTML, wantErr := "", ""
			for j := i + 1; j < len(secs) && !strings.HasSuffix(secs[j].name, ".md"); j++ {
				switch secs[j].name {
				case name + ".html":
					wantHTML = secs[j].body
				case name + ".err":
					wantErr = secs[j].body
				}
			}
			doc, errs := r.Render(caseSource, []byte(md.body), caseOffset, siteFiles)
			gotHTML, gotErr := string(doc.HTML), errText(errs.Err())
			out = append(out, md, section{name + ".html", gotHTML})
			if gotErr != "" {
				out = append(out, section{name + ".err", gotErr})
			}
			if *update {
				continue
			}
			t.Run(strings.TrimSuffix(filepath.Base(file), ".txt")+"/"+name, func(t *testing.T) {
				if gotHTML != wantHTML {
					t.Errorf("HTML\n--- got ---\n%s--- want ---\n%s", gotHTML, wantHTML)
				}
				if gotErr != wantErr {
					t.Errorf("errors\n--- got ---\n%s--- want ---\n%s", gotErr, wantErr)
				}
			})
		}
		if *update {
			if err := os.WriteFile(file, formatSections(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// caseInputs returns the Markdown of every case, for seeding the fuzzer.
func caseInputs(tb testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var ins []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		secs, err := parseSections(string(data))
		if err != nil {
			tb.Fatal(errors.Join(errors.New(file), err))
		}
		for _, s := range secs {
			if strings.HasSuffix(s.name, ".md") {
				ins = append(ins, s.body)
			}
		}
	}
	return ins
}
