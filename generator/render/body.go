package render

import (
	"html/template"
	"strings"
)

// Body is a page's converted Markdown split at its first section: what
// comes before the first level-2 heading (the page's opening, which says
// what its subject is) and the sections from there on.
type Body struct {
	Lead, Sections template.HTML
}

// splitBody is the template function splitBody: it splits a page's
// converted Markdown at its first <h2, so that a layout can show the
// opening first and the sections later ("What is it?" before the
// symptoms, "How common is it?" after the treatments). A body without a
// section is all Lead; one that starts with a section is all Sections.
func splitBody(h template.HTML) Body {
	s := string(h)
	at := strings.Index(s, "<h2")
	if at < 0 {
		return Body{Lead: h}
	}
	lead := strings.TrimSpace(s[:at])
	return Body{Lead: template.HTML(lead), Sections: template.HTML(s[at:])}
}
