package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Prose is one block of a body's running text, for readability scoring: a
// paragraph, a heading or a list item. Code, tables, footnotes and raw
// HTML are not prose. Text is plain text: link text is kept, destinations
// and formatting dropped; a line break in the source is a "\n" in Text, so
// that the line of each sentence can be found from Line.
type Prose struct {
	Text     string
	Line     int // file line of the block's first line
	Heading  bool
	ListItem bool
}

// prose collects the prose blocks of doc in document order. Their texts
// are written one after another into one buffer and copied out of it
// into one string, of which each block's Text is a part.
func (st *renderState) prose(doc ast.Node, src []byte) {
	buf := st.bufs.get()
	defer st.bufs.put(buf)
	var ends [][2]int // where each block's text is in buf
	first := len(st.proseBlocks)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *extast.Table, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *extast.FootnoteList, *extast.Footnote:
			return ast.WalkSkipChildren, nil
		case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
			start := len(buf.b)
			writeProse(buf, n, src)
			text := bytes.TrimSpace(buf.b[start:])
			if len(text) == 0 {
				buf.b = buf.b[:start]
				return ast.WalkSkipChildren, nil
			}
			// The text trimmed, moved to where the block's text starts.
			buf.b = append(buf.b[:start], text...)
			_, heading := n.(*ast.Heading)
			ends = append(ends, [2]int{start, len(buf.b)})
			st.proseBlocks = append(st.proseBlocks, Prose{
				Line: st.lines.line(nodePos(n)), Heading: heading, ListItem: inListItem(n),
			})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	all := string(buf.b)
	for i, e := range ends {
		st.proseBlocks[first+i].Text = all[e[0]:e[1]]
	}
}

// inListItem reports whether n is directly the text of a list item.
func inListItem(n ast.Node) bool {
	_, ok := n.Parent().(*ast.ListItem)
	return ok
}

// writeProse writes the prose text of n's children to b: plainText with
// the source's line breaks kept.
func writeProse(b *byteBuffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			writeResolved(b, c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *extast.FootnoteLink, *ast.RawHTML:
			// a reference mark or an escaped tag is not read as prose
		case *ast.String, *ast.CodeSpan, *ast.AutoLink:
			b.WriteString(plainText(c, src))
		default:
			writeProse(b, c, src)
		}
	}
}

// textBuffer is where text is written: a strings.Builder or a
// byteBuffer.
type textBuffer interface {
	Write(p []byte) (int, error)
	WriteString(s string) (int, error)
}

// writeResolved writes text to b with its backslash escapes and character
// references resolved, as resolveText does, without a copy for the
// usual text that has neither.
func writeResolved(b textBuffer, text []byte) {
	if bytes.IndexByte(text, '\\') < 0 && bytes.IndexByte(text, '&') < 0 {
		b.Write(text)
		return
	}
	b.WriteString(resolveText(text))
}
