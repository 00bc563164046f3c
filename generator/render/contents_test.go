package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/themes"
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
		got, ok := fillContents([]byte(tt.page), "On this page")
		if string(got) != tt.want || ok != strings.Contains(tt.page, contentsMarker) {
			t.Errorf("%s:\ngot  %s (%v)\nwant %s", tt.name, got, ok, tt.want)
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

// TestCallsContents is which layouts' pages are searched for the mark of
// contents: those whose set of templates calls it anywhere, in the layout
// or in a partial, as the first word of an action or as an argument.
func TestCallsContents(t *testing.T) {
	funcs := template.FuncMap{"contents": contents, "print": fmt.Sprint}
	tests := []struct {
		name, layout, partial string
		want                  bool
	}{
		{"no call", `{{define "main"}}<h1>{{.}}</h1>{{end}}`, `<p>x</p>`, false},
		{"in the layout", `{{define "main"}}{{contents}}<h2 id="a">A</h2>{{end}}`, `<p>x</p>`, true},
		{"in a branch", `{{define "main"}}{{if .}}{{with .}}{{contents}}{{end}}{{end}}{{end}}`, ``, true},
		{"as an argument", `{{define "main"}}{{print (contents)}}{{end}}`, ``, true},
		{"in a partial", `{{define "main"}}{{template "p" .}}{{end}}`, `{{contents}}`, true},
		{"a word alone", `{{define "main"}}contents{{end}}`, ``, false},
	}
	for _, tt := range tests {
		set := template.Must(template.New("baseof").Funcs(funcs).Parse(`{{block "main" .}}{{end}}`))
		template.Must(set.New("p").Parse(tt.partial))
		template.Must(set.New("layout").Parse(tt.layout))
		if got := callsContents(set); got != tt.want {
			t.Errorf("%s: callsContents = %v, want %v", tt.name, got, tt.want)
		}
	}
	// The default theme's condition pages list their sections.
	r, err := New(themes.Default(), &config.Config{Language: "en"}, themeStrings(t, themes.Default(), nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.contents["condition"] || r.contents["article"] {
		t.Errorf("the default theme's layouts that call contents: %v", r.contents)
	}
}
