package markdown

import (
	"strings"
	"testing"
)

func TestAccessibilityChecks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"h1 in body", "# Title again\n", "x.md:1: a level-1 heading (# Title again) in the body"},
		{"skipped level", "## Causes\n\n#### Age\n", `x.md:3: the heading "Age" skips from level 2 to level 4` + "\n    hint: use ### here"},
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
