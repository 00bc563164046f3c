package check

import (
	"fmt"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Blocks returns the prose of page p in the order a patient reads it: the
// summary, key points and lists of the front matter that the theme shows,
// then the Markdown body (and, on FAQ pages, each question and answer).
// Titles, descriptions (meta data), references and names are left out.
func Blocks(p *site.Page) []readability.Block {
	var out []readability.Block
	src := p.Source
	text := func(key, s string) {
		if s != "" {
			out = append(out, readability.Block{Text: s, Line: src.Line(key)})
		}
	}
	list := func(key string, items []string) {
		for i, s := range items {
			if s != "" {
				out = append(out, readability.Block{Text: s, Line: src.Line(fmt.Sprintf("%s.%d", key, i)), ListItem: true})
			}
		}
	}
	c := p.Common()
	text("summary", c.Summary)
	if m := p.Medical(); m != nil {
		list("key_points", m.KeyPoints)
	}
	switch m := p.Meta.(type) {
	case *content.Condition:
		list("symptoms", m.Symptoms)
		list("red_flags", m.RedFlags)
		list("causes", m.Causes)
		list("risk_factors", m.RiskFactors)
		list("diagnosis", m.Diagnosis)
		list("treatments", m.Treatments)
	case *content.Procedure:
		for i, r := range m.Recovery {
			out = append(out, readability.Block{Text: r.What, Line: src.Line(fmt.Sprintf("recovery.%d", i)), ListItem: true})
		}
		list("risks", m.Risks)
		list("alternatives", m.Alternatives)
	case *content.FAQ:
		for i, q := range m.Questions {
			out = append(out, readability.Block{Text: q.Question, Line: src.Line(fmt.Sprintf("questions.%d.question", i)), Heading: true})
		}
	}
	for _, b := range p.Prose {
		out = append(out, readability.Block{Text: b.Text, Line: b.Line, Heading: b.Heading, ListItem: b.ListItem})
	}
	return out
}
