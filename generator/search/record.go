package search

import (
	"html"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Record is what the index knows of one result: a content page, or one
// question of an FAQ page, which is a result of its own that links to the
// question's anchor.
type Record struct {
	URL   string
	Title string
	// Kind names the kind of result for patients: "Condition",
	// "Procedure", "Question", …
	Kind string
	// The fields, by weight: the title and other names are worth most,
	// then the summary and the headings, then the body.
	Names, Lead, Headings, Body []string
	// Text is what a result shows its snippet from, in parts: the
	// summary and the body of a page, the answer of a question. Only its
	// start is kept (snippetBytes).
	Text []string
}

// Count returns how many records page p has: one, and one more per
// question of an FAQ page. It needs only front matter, so the files of the
// index can be named before any page is made.
func Count(p *site.Page) int {
	if !p.Searchable() {
		return 0
	}
	if f, ok := p.Meta.(*content.FAQ); ok {
		return 1 + len(f.Questions)
	}
	return 1
}

// kindNames are the labels of results, by kind of page.
func kindName(k content.Kind) string {
	switch k {
	case content.KindFAQ:
		return "Questions and answers"
	case content.KindPage:
		return "Page"
	}
	return strings.ToUpper(string(k[:1])) + string(k[1:])
}

// RecordsOf returns the records of a content page, given its converted
// Markdown: Count(p) of them. label names the kind of each result in the
// page's language, given the page's kind or "question" for a question of
// an FAQ page; nil names them in English.
func RecordsOf(p *site.Page, b *site.Body, label func(kind string) string) []Record {
	if !p.Searchable() {
		return nil
	}
	if label == nil {
		label = func(kind string) string {
			if kind == "question" {
				return "Question"
			}
			return kindName(content.Kind(kind))
		}
	}
	r := Record{URL: p.URL, Title: p.Title(), Kind: label(string(p.Kind))}
	c := p.Common()
	r.Lead = append(r.Lead, c.Summary, c.Description)
	if cond, ok := p.Meta.(*content.Condition); ok {
		r.Names = append(r.Names, cond.AlsoKnownAs...)
	}
	for _, f := range p.Meta.Readable() {
		if f.Key != "summary" {
			r.Lead = append(r.Lead, f.Text)
		}
	}
	for _, pr := range b.Prose {
		if pr.Heading {
			r.Headings = append(r.Headings, pr.Text)
		} else {
			r.Body = append(r.Body, pr.Text)
		}
	}
	r.Text = append([]string{c.Summary}, r.Body...)
	out := []Record{r}
	if f, ok := p.Meta.(*content.FAQ); ok {
		for i, q := range f.Questions {
			qr := Record{URL: p.URL + "#question-" + strconv.Itoa(i+1), Title: q.Question, Kind: label("question"), Lead: []string{p.Title()}}
			if i < len(b.Answers) {
				qr.Body = []string{textOf(string(b.Answers[i]))}
				qr.Text = qr.Body
			}
			out = append(out, qr)
		}
	}
	return out
}

// textOf returns the text of an HTML fragment: each tag (from "<" to the
// next ">") read as a space, character references unescaped, white space
// made single spaces. The answers of FAQ pages are read with it.
func textOf(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			// An unclosed "<" is no tag, but text.
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		b.WriteByte(' ')
		h = h[i+j+1:]
	}
	text := b.String()
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	return strings.Join(strings.Fields(text), " ")
}
