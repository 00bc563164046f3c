package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Term is a glossary entry: a medical word and its plain definition. The
// first use of a term in a page's running text is written as
//
//	<dfn class="gloss">radiculopathy</dfn><span class="gloss-def"> (nerve pain that spreads down a leg)</span>
//
// so that every reader sees the definition where the word first appears,
// without hovering or scripts. A use that the writer already follows with
// a definition in parentheses is left as it is. Terms in headings, links
// and code are not marked.
type Term struct {
	Term       string
	Definition string
}

// glossNode is a term marked up with its definition.
type glossNode struct {
	ast.BaseInline
	word       []byte // as written in the page
	definition string
}

var kindGloss = ast.NewNodeKind("GlossaryTerm")

// Kind implements ast.Node.
func (n *glossNode) Kind() ast.NodeKind { return kindGloss }

// Dump implements ast.Node.
func (n *glossNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// renderGloss writes a term and its definition.
func (r *nodeRenderer) renderGloss(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*glossNode)
		_, _ = w.WriteString(`<dfn class="gloss">`)
		_, _ = w.Write(util.EscapeHTML(n.word))
		_, _ = w.WriteString(`</dfn><span class="gloss-def"> (`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.definition)))
		_, _ = w.WriteString(`)</span>`)
	}
	return ast.WalkContinue, nil
}

// glossary marks the first use of each term in the document's running
// text and records the terms it defined.
func (st *renderState) glossary(doc ast.Node, src []byte) {
	if len(st.terms) == 0 {
		return
	}
	pending := make(map[int]bool, len(st.terms)) // indexes of terms not yet met
	for i := range st.terms {
		pending[i] = true
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading, *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		for len(pending) > 0 {
			seg := t.Segment
			value := seg.Value(src)
			i, at := st.firstTerm(value, pending)
			if i < 0 {
				break
			}
			delete(pending, i)
			end := at + len(st.terms[i].Term)
			if defined(value[end:]) || end == len(value) && nextStartsDefinition(t, src) || inParentheses(value[:at]) {
				st.defined = append(st.defined, st.terms[i].Term)
				continue // the writer defined it already
			}
			g := &glossNode{word: append([]byte(nil), value[at:end]...), definition: st.terms[i].Definition}
			before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+at))
			after := ast.NewTextSegment(text.NewSegment(seg.Start+end, seg.Stop))
			after.SetSoftLineBreak(t.SoftLineBreak())
			after.SetHardLineBreak(t.HardLineBreak())
			parent := t.Parent()
			parent.InsertBefore(parent, t, before)
			parent.InsertBefore(parent, t, g)
			parent.ReplaceChild(parent, t, after)
			st.defined = append(st.defined, st.terms[i].Term)
			t = after
		}
	}
}

// firstTerm returns the index of the pending term that occurs first in
// value, as a whole word and in any case, and its byte offset; or -1.
func (st *renderState) firstTerm(value []byte, pending map[int]bool) (int, int) {
	lower := strings.ToLower(string(value))
	best, bestAt := -1, len(lower)
	for i := range pending {
		term := strings.ToLower(st.terms[i].Term)
		from := 0
		for {
			j := strings.Index(lower[from:], term)
			if j < 0 {
				break
			}
			at := from + j
			if wordBoundary(lower, at, at+len(term)) {
				if at < bestAt || at == bestAt && best >= 0 && len(term) > len(st.terms[best].Term) {
					best, bestAt = i, at
				}
				break
			}
			from = at + 1
		}
	}
	return best, bestAt
}

// wordBoundary reports whether lower[start:end] is a whole word.
func wordBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// defined reports whether the text after a term opens a definition in
// parentheses: "radiculopathy (nerve pain ...".
func defined(after []byte) bool {
	s := strings.TrimLeft(string(after), " ")
	return strings.HasPrefix(s, "(")
}

// inParentheses reports whether the text before a term opens a
// parenthesis: "live X-ray pictures (fluoroscopy)" names the term after
// explaining it.
func inParentheses(before []byte) bool {
	return strings.HasSuffix(strings.TrimRight(string(before), " "), "(")
}

// nextStartsDefinition reports whether the node after t opens with "(".
func nextStartsDefinition(t *ast.Text, src []byte) bool {
	if next, ok := t.NextSibling().(*ast.Text); ok {
		return defined(next.Segment.Value(src))
	}
	return false
}
