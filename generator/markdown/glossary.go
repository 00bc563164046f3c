package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
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
	// Entry numbers the glossary entry the term is a form of: the forms
	// of one entry (sciatica, sciatic pain) share it.
	Entry int
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

// Glossary is a site's glossary prepared for matching: every term, in any
// case, found in one pass over a text whatever the number of terms (a
// trie of the terms' bytes). Make it once per build with NewGlossary; it
// is safe for concurrent use.
type Glossary struct {
	terms []Term
	nodes []trieNode // nodes[0] is the root
}

// trieNode is one node of the glossary's trie: its children by byte and
// the index of the term that ends here, or -1.
type trieNode struct {
	next map[byte]int32
	term int32
}

// NewGlossary prepares terms for matching.
func NewGlossary(terms []Term) *Glossary {
	g := &Glossary{terms: terms, nodes: []trieNode{{term: -1}}}
	for i, t := range terms {
		n := int32(0)
		for _, b := range fold([]byte(t.Term)) {
			next, ok := g.nodes[n].next[b]
			if !ok {
				if g.nodes[n].next == nil {
					g.nodes[n].next = map[byte]int32{}
				}
				next = int32(len(g.nodes))
				g.nodes[n].next[b] = next
				g.nodes = append(g.nodes, trieNode{term: -1})
			}
			n = next
		}
		if g.nodes[n].term < 0 && t.Term != "" {
			g.nodes[n].term = int32(i)
		}
	}
	return g
}

// Term returns the term numbered i.
func (g *Glossary) Term(i int) Term { return g.terms[i] }

// Scan calls found for the first use in text, as a whole word and in any
// case, of each term for which done returns false, in the order of the
// text, with the term's number and the use's byte offsets. found marks
// terms done as it sees fit; Scan reads text once.
func (g *Glossary) Scan(text string, done func(term int) bool, found func(term, at, end int)) {
	if g.Len() == 0 {
		return
	}
	folded := fold([]byte(text))
	for from := 0; ; {
		m, ok := g.next(folded, from, done)
		if !ok {
			return
		}
		found(m.term, m.at, m.end)
		from = m.end
	}
}

// Lookup returns the number of the term s, in any case, and whether there
// is one.
func (g *Glossary) Lookup(s string) (int, bool) {
	if g.Len() == 0 {
		return 0, false
	}
	n := int32(0)
	for _, b := range fold([]byte(s)) {
		next, ok := g.nodes[n].next[b]
		if !ok {
			return 0, false
		}
		n = next
	}
	t := g.nodes[n].term
	return int(t), t >= 0
}

// Len returns the number of terms.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.terms)
}

// fold returns b in lower case, rune by rune, keeping its length: a rune
// whose lower case is written with another number of bytes is kept as it
// is, so that offsets in the folded text are offsets in b.
func fold(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
		} else if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			out = utf8.AppendRune(out, l)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// match is one use of a term in a text.
type match struct {
	term, at, end int
}

// next returns the first use, at or after from, of a term that is not
// done, as a whole word of folded: the one that starts first, and the
// longest of those that start there; ok is false when there is none.
func (g *Glossary) next(folded []byte, from int, done func(int) bool) (m match, ok bool) {
	for at := from; at < len(folded); {
		_, size := utf8.DecodeRune(folded[at:])
		if at == 0 || !isWord(lastRune(folded[:at])) {
			n, best := int32(0), -1
			for i := at; i < len(folded); i++ {
				next, found := g.nodes[n].next[folded[i]]
				if !found {
					break
				}
				n = next
				if t := int(g.nodes[n].term); t >= 0 && !done(t) && (i+1 == len(folded) || !isWord(firstRune(folded[i+1:]))) {
					best = i + 1
					m = match{term: t, at: at, end: i + 1}
				}
			}
			if best >= 0 {
				return m, true
			}
		}
		at += size
	}
	return match{}, false
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

func firstRune(b []byte) rune {
	r, _ := utf8.DecodeRune(b)
	return r
}

// runningTexts returns the texts of doc's running text, in order: not
// those of headings, links, images, code or HTML, which the glossary and
// the phone links leave alone.
func runningTexts(doc ast.Node) []*ast.Text {
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
	return texts
}

// glossary marks the first use of each term in the document's running
// text and records the terms it defined. Each text is read once, whatever
// the number of terms: linear in the size of the body. A paragraph
// written over several lines is read as one text, each line's end a
// space, so that a term split over two lines ("a slipped\ndisc") is found
// too.
func (st *renderState) glossary(doc ast.Node, src []byte) {
	g := st.glossaryTerms
	if g.Len() == 0 {
		return
	}
	done := map[int]bool{} // terms met, or defined earlier on the page
	for i, t := range g.terms {
		if st.skip[strings.ToLower(t.Term)] {
			done[i] = true
		}
	}
	for _, run := range lineRuns(runningTexts(doc)) {
		if len(done) == len(g.terms) {
			break
		}
		r := newTextRun(run, src)
		value := r.value
		folded := fold(value)
		var marks []match // the uses to mark up, in order
		for from := 0; ; {
			m, ok := g.next(folded, from, func(t int) bool { return done[t] })
			if !ok {
				break
			}
			done[m.term] = true
			st.defined = append(st.defined, g.terms[m.term].Term)
			from = m.end
			if defined(value[m.end:]) || m.end == len(value) && nextStartsDefinition(run[len(run)-1], src) || inParentheses(value[:m.at]) {
				continue // the writer defined it already
			}
			marks = append(marks, m)
		}
		if len(marks) == 0 {
			continue
		}
		spans := make([][2]int, len(marks))
		for i, m := range marks {
			spans[i] = [2]int{m.at, m.end}
		}
		r.replace(spans, func(i int, _ []*ast.Text) ast.Node {
			m := marks[i]
			return &glossNode{word: append([]byte(nil), value[m.at:m.end]...), definition: g.terms[m.term].Definition}
		})
	}
}

// defined reports whether the text after a term opens a definition in
// parentheses: "radiculopathy (nerve pain ...".
func defined(after []byte) bool {
	after = bytes.TrimLeft(after, " ")
	return len(after) > 0 && after[0] == '('
}

// inParentheses reports whether the text before a term opens a
// parenthesis: "live X-ray pictures (fluoroscopy)" names the term after
// explaining it.
func inParentheses(before []byte) bool {
	before = bytes.TrimRight(before, " ")
	return len(before) > 0 && before[len(before)-1] == '('
}

// nextStartsDefinition reports whether the node after t opens with "(".
func nextStartsDefinition(t *ast.Text, src []byte) bool {
	if next, ok := t.NextSibling().(*ast.Text); ok {
		return defined(next.Segment.Value(src))
	}
	return false
}
