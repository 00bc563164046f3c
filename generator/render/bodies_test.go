package render

import (
	"html/template"
	"testing"
)

// TestReadsOtherBodies reads templates as a build cache must: a layout
// showing its own page's Content is not a reader of other pages' text; a
// list that shows each page's Content, or a partial that shows its
// argument's, is.
func TestReadsOtherBodies(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		want            bool
	}{
		{"own content", "condition.html", `{{with .Page.Content}}{{.}}{{end}}`, false},
		{"own answers by $", "faq.html", `{{range $i, $q := .Page.Common.Title}}{{index $.Page.Answers $i}}{{end}}`, false},
		{"own toc in a function", "article.html", `{{len .Page.TOC}}{{splitBody .Page.Content}}`, false},
		{"titles of other pages", "section.html", `{{range .Page.Children}}{{.Title}}{{end}}`, false},
		{"content in a range", "section.html", `{{range .Page.Children}}{{.Content}}{{end}}`, true},
		{"page field rebound", "section.html", `{{with .Site}}{{.Page.Content}}{{end}}`, true},
		{"word count of a variable", "home.html", `{{$p := .Page}}{{$p.WordCount}}`, true},
		{"a chain", "home.html", `{{(index .Site.Pages 0).Content}}`, true},
		{"a partial's page", "partials/card.html", `{{.Page.Content}}`, true},
		{"a partial's dot", "partials/card.html", `{{.Content}}`, true},
		{"a partial without bodies", "partials/card.html", `{{.Title}}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := template.Must(template.New(tc.file).Funcs(template.FuncMap{"splitBody": func(any) string { return "" }}).Parse(tc.src))
			if got := readsOtherBodies(tmpl); got != tc.want {
				t.Errorf("readsOtherBodies(%s) = %v, want %v", tc.src, got, tc.want)
			}
		})
	}
}
