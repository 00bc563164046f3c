package search

import (
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/markdown"
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
	// Part says that the record's headings and body are also part of
	// those of the last record before it that is not a Part: the answer
	// of a question, which is also in its FAQ page's record.
	// Analyzer.Docs reads their words once for both.
	Part bool
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
	r.Headings, r.Body = split(b.OwnProse())
	r.Text = snippetText(c.Summary, b.Prose) // the answers' too
	out := []Record{r}
	if f, ok := p.Meta.(*content.FAQ); ok {
		for i, q := range f.Questions {
			qr := Record{URL: p.URL + "#question-" + strconv.Itoa(i+1), Title: q.Question, Kind: label("question"), Lead: []string{p.Title()}, Part: true}
			answer := b.AnswerText(i)
			qr.Headings, qr.Body = split(answer)
			qr.Text = snippetText("", answer)
			out = append(out, qr)
		}
	}
	return out
}

// split returns the texts of the headings of prose, and of its other
// blocks.
func split(prose []markdown.Prose) (headings, body []string) {
	body = make([]string, 0, len(prose))
	for _, pr := range prose {
		if pr.Heading {
			headings = append(headings, pr.Text)
		} else {
			body = append(body, pr.Text)
		}
	}
	return headings, body
}

// snippetText returns first and the texts of as many blocks of prose but
// headings as a snippet may show (snippetBytes), for Record.Text.
func snippetText(first string, prose []markdown.Prose) []string {
	text, n := []string{first}, len(first)
	for _, pr := range prose {
		if n > snippetBytes {
			break
		}
		if !pr.Heading {
			text, n = append(text, pr.Text), n+len(pr.Text)
		}
	}
	return text
}
