package render

import (
	"strings"
	"testing"
)

func TestFillContents(t *testing.T) {
	h2 := func(id, text string) string { return `<h2 id="` + id + `">` + text + `</h2><p>x</p>` }
	four := h2("a", "Symptoms") + h2("b", `<span class="alert-icon" aria-hidden="true">!</span> When to get help`) +
		h2("c", "Causes &amp; risks") + h2("d", "<em>Treatment</em>")
	list := `<nav class="contents" aria-label="On this page"><details><summary>On this page</summary><ol>` +
		`<li><a href="#a">Symptoms</a></li><li><a href="#b">When to get help</a></li>` +
		`<li><a href="#c">Causes &amp; risks</a></li><li><a href="#d">Treatment</a></li></ol></details></nav>`
	tests := []struct{ name, page, want string }{
		{"four sections", `<main><h1>T</h1>` + contentsMarker + four + `</main><footer><h2 id="f">Footer</h2></footer>`,
			`<main><h1>T</h1>` + list + four + `</main><footer><h2 id="f">Footer</h2></footer>`},
		{"sections before the mark are not listed", `<main>` + h2("z", "Before") + contentsMarker + four + `</main>`,
			`<main>` + h2("z", "Before") + list + four + `</main>`},
		{"too few sections", `<main>` + contentsMarker + h2("a", "One") + h2("b", "Two") + `</main>`,
			`<main>` + h2("a", "One") + h2("b", "Two") + `</main>`},
		{"no mark", `<main>` + four + `</main>`, `<main>` + four + `</main>`},
	}
	for _, tt := range tests {
		if got := string(fillContents([]byte(tt.page), "On this page")); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestHeadingText(t *testing.T) {
	for h, want := range map[string]string{
		"Symptoms": "Symptoms",
		`<span class="alert-icon" aria-hidden="true">!</span> When to get help`: "When to get help",
		"<code>x</code> and <em>y</em>":                                         "x and y",
		"A &amp; B":                                                             "A &amp; B",
		`<svg aria-hidden="true"><path/></svg>Map`:                              "Map",
	} {
		if got := string(headingText([]byte(h))); got != want {
			t.Errorf("headingText(%q) = %q, want %q", h, got, want)
		}
	}
	if strings.Contains(string(contents()), "<nav") {
		t.Error("contents should only mark the place of the list")
	}
}
