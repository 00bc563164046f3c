package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestAccessibilityChecks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"h1 in body", "# Title again\n", "x.md:1: a level-1 heading (# Title again) in the body"},
		{"skipped level", "## Causes\n\n#### Age\n", `x.md:3: the heading "Age" skips from level 2 to level 4 [a11y.heading]` + "\n    hint: use ### here"},
		{"first heading too deep", "### Causes\n", `x.md:1: the heading "Causes" skips from level 1 to level 3`},
		{"image without alt", "![](/a.png)\n", `x.md:1: the image "/a.png" has no alt text`},
		{"empty link", "[](/a/)\n", `x.md:1: a link to "/a/" has no text`},
		{"click here", "To book, [click here](/a/).\n", `x.md:1: the link text "click here" does not say where the link goes`},
		{"read more", "[Read more…](/a/)\n", `x.md:1: the link text "Read more…" does not say where the link goes`},
	}
	r := New()
	for _, tt := range tests {
		_, errs := r.Render("x.md", []byte(tt.src), 0, nil)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, errs, tt.want)
		}
	}
}

func TestAccessibleBodiesPass(t *testing.T) {
	src := "Intro.\n\n## Causes\n\n### Age\n\n## Treatment\n\n" +
		"![A thin tube with a camera](/a.png) ![](/line.svg \"decorative\")\n\n" +
		"[Our opening hours](/a/) and [![Map of the clinic](/m.png)](/b/)\n"
	doc, errs := New().Render("x.md", []byte(src), 0, nil)
	if errs != nil {
		t.Fatal(errs)
	}
	if !strings.Contains(string(doc.HTML), `<img src="/line.svg" alt="" loading="lazy">`) {
		t.Errorf("a decorative image is not written with an empty alt:\n%s", doc.HTML)
	}
}

func TestProse(t *testing.T) {
	src := "## Causes of *back* pain\n\nA slipped disc can [press on a nerve](/x/).\nIt hurts.[^1]\n\n- Sit less\n- Walk more\n\n```\ncode is not prose\n```\n\n| a |\n|---|\n| table |\n\n> Quoted `text`.\n\nCaf&eacute; \\*not emphasis\\* &amp; *R&amp;D &#x41;*.\n\n[^1]: A footnote.\n"
	doc, _ := New().Render("x.md", []byte(src), 10, nil)
	var got []string
	for _, p := range doc.Prose {
		got = append(got, fmt.Sprintf("%d %v %v %q", p.Line, p.Heading, p.ListItem, p.Text))
	}
	want := []string{
		`11 true false "Causes of back pain"`,
		`13 false false "A slipped disc can press on a nerve.\nIt hurts."`,
		`16 false true "Sit less"`,
		`17 false true "Walk more"`,
		`27 false false "Quoted text."`,
		`29 false false "Café *not emphasis* & R&D A."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("prose:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGlossary(t *testing.T) {
	gloss := []Term{{Term: "radiculopathy", Definition: "nerve pain that spreads down a leg"}, {Term: "foraminal stenosis", Definition: "narrow openings where nerves leave the spine"}, {Term: "disc", Definition: "a cushion between bones"}}
	src := "## Radiculopathy\n\nMany people with Radiculopathy get better. Radiculopathy again.\n\n" +
		"[disc](/x/) is a link; foraminal stenosis (narrowing) is defined by the writer; a disc here.\n\nLive X-ray pictures (radiculopathy) again.\n"
	doc, errs := New().RenderWith("x.md", []byte(src), 0, Options{Glossary: NewGlossary(gloss)})
	if errs != nil {
		t.Fatal(errs)
	}
	html := string(doc.HTML)
	for _, want := range []string{
		`<h2 id="radiculopathy">Radiculopathy</h2>`,
		`Many people with <dfn class="gloss">Radiculopathy</dfn><span class="gloss-def"> (nerve pain that spreads down a leg)</span> get better. Radiculopathy again.`,
		`foraminal stenosis (narrowing) is defined`,
		`a <dfn class="gloss">disc</dfn><span class="gloss-def"> (a cushion between bones)</span> here.`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
	if got := strings.Join(doc.Defined, ","); got != "radiculopathy,foraminal stenosis,disc" {
		t.Errorf("defined = %q", got)
	}
}
