package devserver

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/lumen-ssg/lumen/generator/check"
)

// panelView is the page-check panel added to each content page in serve
// mode only: the reading grades of the page's full sentences (what the
// targets judge), its medical review status and its findings, folded away
// until opened.
var panelView = template.Must(template.New("panel").Parse(`<aside class="lumen-panel" aria-label="Lumen page check">
<details>
<summary>Grade {{printf "%.1f" .Prose.FleschKincaidGrade}} · SMOG {{printf "%.1f" .Prose.SMOG}} · {{with .Findings}}{{len .}} to fix{{else}}nothing to fix{{end}}</summary>
<dl>
<div><dt>Words in full sentences</dt><dd>{{.Prose.Words}}</dd></div>
<div><dt>Flesch–Kincaid grade</dt><dd>{{printf "%.1f" .Prose.FleschKincaidGrade}}</dd></div>
<div><dt>SMOG</dt><dd>{{printf "%.1f" .Prose.SMOG}}</dd></div>
<div><dt>Reading ease</dt><dd>{{printf "%.0f" .Prose.FleschReadingEase}}</dd></div>
<div><dt>Consensus grade</dt><dd>{{printf "%.1f" .Prose.Consensus}}</dd></div>
<div><dt>Headings and list fragments, not graded</dt><dd>{{.Prose.Headings}} and {{.Prose.Fragments}}</dd></div>
<div><dt>Medical review</dt><dd>{{.Review.Status}}{{with .Review.NextReview}}, next due {{.}}{{end}}</dd></div>
</dl>
{{with .Findings}}<ul class="lumen-findings">{{range .}}
<li class="lumen-{{.Level}}"><strong>{{.Level}}</strong> line {{.Line}}: {{.Msg}} [{{.Rule}}]</li>{{end}}
</ul>{{end}}
{{with .Hardest}}<p class="lumen-hard">Hardest sentence (line {{(index . 0).Line}}): “{{(index . 0).Text}}”</p>{{end}}
</details>
</aside>
<link rel="stylesheet" href="` + Prefix + `panel.css">`))

// panel renders the check panel of the page written to name, or nil when
// it is not a content page.
func (s *Server) panel(st *state, name string) []byte {
	if st.snap == nil || st.err != nil {
		return nil
	}
	report := st.snap.PageReport(name)
	if report == nil {
		return nil
	}
	return renderPanel(report)
}

func renderPanel(report *check.Page) []byte {
	var buf bytes.Buffer
	if err := panelView.Execute(&buf, report); err != nil {
		return []byte(fmt.Sprintf("<!-- lumen panel: %s -->", template.HTMLEscapeString(err.Error())))
	}
	return buf.Bytes()
}
