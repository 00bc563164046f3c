package schema

import (
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// question is one Question of an FAQPage with its accepted Answer.
type question struct {
	Type           types  `json:"@type"`
	Name           string `json:"name"`
	AcceptedAnswer answer `json:"acceptedAnswer"`
}

// answer is the Answer to a question, as plain text.
type answer struct {
	Type types  `json:"@type"`
	Text string `json:"text"`
}

// faq makes the page an FAQPage as well as a MedicalWebPage (one URL, one
// node, two types: JSON-LD multi-typing), whose mainEntity is every
// question with its answer, in the page's order; the theme shows each in a
// <details> element. The answer is the rendered answer (p.Answers()) as
// plain text: Google allows only some tags in Answer text, and the
// rendered links are relative. The pages the questions are about are the
// page's about.
func (b *builder) faq(wp *webPage, m *content.FAQ) error {
	p := b.p
	wp.Type = typ("FAQPage", "MedicalWebPage")
	answers := p.Answers()
	if len(answers) < len(m.Questions) {
		return fmt.Errorf("%d questions but %d rendered answers: the site has no Markdown converter", len(m.Questions), len(answers))
	}
	var qs []question
	for i, q := range m.Questions {
		name := strings.TrimSpace(q.Question)
		text := htmlText(string(answers[i]))
		if name == "" || text == "" {
			continue
		}
		qs = append(qs, question{Type: typ("Question"), Name: name, AcceptedAnswer: answer{Type: typ("Answer"), Text: text}})
	}
	if qs != nil {
		wp.MainEntity = qs
	}
	wp.About = entityRefs(p.About)
	return nil
}
