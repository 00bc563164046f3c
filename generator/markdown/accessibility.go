package markdown

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// DecorativeTitle is the image title that marks a picture as decorative:
// ![](divider.svg "decorative") is written with an empty alt, which tells
// screen readers to skip it (WCAG 1.1.1, technique H67).
const DecorativeTitle = "decorative"

// vagueLinkText is link text that does not say where a link goes (WCAG
// 2.4.4 Link Purpose); screen-reader users often list a page's links out of
// context.
var vagueLinkText = map[string]bool{
	"click here": true, "here": true, "click": true, "read more": true, "more": true,
	"link": true, "this link": true, "this page": true, "learn more": true, "go": true,
}

// accessibility reports the problems of the body that would fail WCAG and
// that the writer can fix at the line they wrote: a level-1 heading in the
// body (the page title is the only one), skipped heading levels (1.3.1),
// images without alt text (1.1.1) and links whose text is empty or does
// not say where they go (2.4.4).
func (st *renderState) accessibility(headings []*ast.Heading, links []ast.Node, src []byte) {
	prev := 1 // the page title, written by the theme
	for _, h := range headings {
		line := st.lines.line(nodePos(h))
		switch {
		case h.Level == 1:
			st.errorf(line, diag.RuleHeading, "a level-1 heading (# %s) in the body: the page title is the page's only level-1 heading",
				plainText(h, src)).WithHint("use ## for the sections of a page, ### inside them")
		case h.Level > prev+1:
			st.errorf(line, diag.RuleHeading, "the heading %q skips from level %d to level %d", plainText(h, src), prev, h.Level).
				WithHint("use %s here, so that screen-reader users can follow the outline", strings.Repeat("#", prev+1))
		}
		prev = max(h.Level, 2)
	}
	for _, n := range links {
		switch n := n.(type) {
		case *ast.Image:
			if strings.TrimSpace(plainText(n, src)) == "" && string(n.Title) != DecorativeTitle {
				st.errorf(st.lines.line(nodePos(n)), diag.RuleAlt, "the image %q has no alt text", n.Destination).
					WithHint(`describe it for people who cannot see it: ![A doctor showing a spine model](photo.jpg), or mark a purely decorative picture: ![](divider.svg "decorative")`)
			} else if alt := plainText(n, src); MeaninglessAlt(alt, decodeDest(n.Destination)) {
				e := st.errorf(st.lines.line(nodePos(n)), diag.RuleAltText, "the alt text %q says nothing of the picture %q", strings.TrimSpace(alt), decodeDest(n.Destination)).
					WithHint(`say what it shows, for people who cannot see it: ![Dr. Ortiz showing a patient a model of the spine](photo.jpg)`)
				e.Severity = diag.SeverityWarning
			}
		case *ast.Link:
			text := strings.TrimSpace(plainText(n, src))
			if text == "" && !hasImageWithAlt(n, src) {
				st.errorf(st.lines.line(nodePos(n)), diag.RuleLinkText, "a link to %q has no text", n.Destination).
					WithHint("write the words a reader should click: [our opening hours](/locations/)")
			} else if vagueLinkText[strings.ToLower(strings.TrimFunc(text, unicode.IsPunct))] {
				st.errorf(st.lines.line(nodePos(n)), diag.RuleLinkText, "the link text %q does not say where the link goes", text).
					WithHint("name the target in the link: [how to prepare for surgery](/articles/prepare/) rather than [click here](/articles/prepare/)")
			}
		}
	}
}

// hasImageWithAlt reports whether a link's content is an image with alt
// text, which then names the link.
func hasImageWithAlt(n ast.Node, src []byte) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if img, ok := c.(*ast.Image); ok && strings.TrimSpace(plainText(img, src)) != "" {
			return true
		}
	}
	return false
}

// errorf adds an error of the rule at line of the file being rendered.
func (st *renderState) errorf(line int, rule, format string, args ...any) *diag.Error {
	e := &diag.Error{File: st.source, Line: line, Rule: rule, Msg: fmt.Sprintf(format, args...)}
	st.errs = append(st.errs, e)
	return e
}
