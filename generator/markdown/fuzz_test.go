package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// tagRE matches a start tag in the output. Text is always escaped, so every
// "<" followed by a letter is a tag the renderer wrote.
var tagRE = regexp.MustCompile(`<[a-zA-Z][^>]*>`)

// attrs returns the attributes of a start tag as name and unescaped value.
func attrs(tag string) [][2]string {
	var out [][2]string
	s := strings.TrimSuffix(tag[1:], ">")
	i := strings.IndexAny(s, " \t\n/")
	if i < 0 {
		return nil
	}
	s = s[i:]
	for {
		s = strings.TrimLeft(s, " \t\n/")
		if s == "" {
			return out
		}
		j := strings.IndexAny(s, " \t\n=/")
		if j < 0 {
			return append(out, [2]string{s, ""})
		}
		name := s[:j]
		s = s[j:]
		if !strings.HasPrefix(s, "=") {
			out = append(out, [2]string{name, ""})
			continue
		}
		s = s[1:]
		val := ""
		if q := s[:1]; q == `"` || q == `'` {
			k := strings.Index(s[1:], q)
			if k < 0 {
				return append(out, [2]string{name, html.UnescapeString(s[1:])})
			}
			val, s = s[1:1+k], s[2+k:]
		} else {
			k := strings.IndexAny(s, " \t\n")
			if k < 0 {
				k = len(s)
			}
			val, s = s[:k], s[k:]
		}
		out = append(out, [2]string{name, html.UnescapeString(val)})
	}
}

// unsafeReason says why out could run script, or returns "" when it
// cannot: a <script> element, an on* event attribute, a style attribute, or
// an href or src whose scheme (read as a browser reads it) is javascript:,
// vbscript:, file: or an unsafe data: URL.
func unsafeReason(s string) string {
	if strings.Contains(strings.ToLower(s), "<script") {
		return "<script"
	}
	for _, tag := range tagRE.FindAllString(s, -1) {
		for _, a := range attrs(tag) {
			name := strings.ToLower(a[0])
			switch {
			case strings.HasPrefix(name, "on"):
				return "event attribute in " + tag
			case name == "style":
				return "style attribute in " + tag
			case name == "href" || name == "src":
				if k := classify(a[1]); k == destUnsafe || k == destUnknown || strings.HasPrefix(strings.ToLower(strings.TrimSpace(a[1])), "javascript:") {
					return "unsafe " + name + " in " + tag
				}
			}
		}
	}
	return ""
}

func TestUnsafeReason(t *testing.T) {
	// The checker itself must find what it looks for.
	bad := []string{
		`<a href="javascript:x">`, `<a href="JAVA&#x09;SCRIPT:x">`, `<img src=" javascript:x">`,
		`<img alt="a" src='data:text/html,x'>`, `<p onclick="x">`, `<div style="x">`, `<SCRIPT>`,
	}
	for _, b := range bad {
		if unsafeReason(b) == "" {
			t.Errorf("unsafeReason missed %s", b)
		}
	}
	good := `<p><a href="/x/?q=javascript:1" title="onclick=x" rel="noopener">a</a> &lt;script&gt;</p>`
	if r := unsafeReason(good); r != "" {
		t.Errorf("unsafeReason(%s) = %q", good, r)
	}
}

func FuzzRender(f *testing.F) {
	for _, in := range caseInputs(f) {
		f.Add(in, 0)
	}
	f.Add("[x](java\tscript:alert(1))", 3)
	f.Add("<a href=\"javascript:x\" onclick=y>", 1)
	r := New()
	f.Fuzz(func(t *testing.T, in string, offset int) {
		if offset < 0 || offset > 1000 {
			offset = 0
		}
		// No time limit here: timed assertions flake on shared machines.
		// A slow input shows up as a stalled fuzzer and in the benchmarks.
		doc, errs := r.Render(caseSource, []byte(in), offset, siteFiles)
		if reason := unsafeReason(doc.HTML); reason != "" {
			t.Fatalf("%s\nin:  %q\nout: %s", reason, in, doc.HTML)
		}
		if utf8.ValidString(in) && !utf8.ValidString(doc.HTML) {
			t.Errorf("valid UTF-8 in, invalid out: %q", in)
		}
		lines := strings.Count(in, "\n") + 1 + offset
		for _, e := range errs {
			if e.File != caseSource || e.Line < offset+1 || e.Line > lines {
				t.Errorf("error at %s:%d outside the body (lines %d..%d): %v", e.File, e.Line, offset+1, lines, e)
			}
		}
		for _, l := range doc.Links {
			if l.Line < offset+1 || l.Line > lines {
				t.Errorf("link %+v outside the body", l)
			}
		}
	})
}
