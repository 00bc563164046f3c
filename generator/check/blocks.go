package check

import (
	"github.com/lumen-ssg/lumen/generator/readability"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Blocks returns the prose of page p, whose converted Markdown is body, in
// the order a patient reads it: the
// front matter that the theme shows as prose (its kind's Readable: the
// summary, key points, lists, FAQ questions), then the Markdown body and,
// on FAQ pages, the answers. Titles, descriptions (meta data), references
// and names are left out.
func Blocks(p *site.Page, body *site.Body) []readability.Block {
	var out []readability.Block
	src := p.Source
	for _, f := range p.Meta.Readable() {
		out = append(out, readability.Block{Text: f.Text, Line: src.Line(f.Key), ListItem: f.Item, Heading: f.Heading})
	}
	for _, b := range body.Prose {
		out = append(out, readability.Block{Text: b.Text, Line: b.Line, Heading: b.Heading, ListItem: b.ListItem})
	}
	return out
}
