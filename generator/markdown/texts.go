package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// joinTexts makes t one text with the texts after it that continue it in
// the source on the same line, and removes them; when the text then ends
// its line, it leaves out the spaces and tabs before the line break, as
// CommonMark asks (but before a backslash that breaks the line).
//
// goldmark ends a text wherever an inline parser was tried and found
// nothing: before every space when the linkify parser is on (it starts at
// spaces), before the last word of every line. Split so, a term of the
// glossary or a phone number that runs over the split is not found in
// either text ("a slipped disc" at the end of a line is [a slipped][
// disc]), and a line that ends in a space and a tab, or in more than two
// spaces, keeps a space (what follows the last one tried is the last
// text, trimmed to nothing). Joined, every run of plain text on a line is
// one text, the same whichever parsers made it, so that Renderer.plain and
// Renderer.md give the same tree.
func joinTexts(t *ast.Text, src []byte) {
	for {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || t.Segment.Stop != next.Segment.Start || t.SoftLineBreak() || t.HardLineBreak() ||
			t.IsRaw() || next.IsRaw() || t.Segment.Padding != 0 || next.Segment.Padding != 0 ||
			t.Segment.ForceNewline || next.Segment.ForceNewline {
			break
		}
		t.Segment = t.Segment.WithStop(next.Segment.Stop)
		t.SetSoftLineBreak(next.SoftLineBreak())
		t.SetHardLineBreak(next.HardLineBreak())
		t.Parent().RemoveChild(t.Parent(), next)
	}
	// A line that ends in a backslash (a hard line break that shows)
	// keeps its spaces before it.
	stop := t.Segment.Stop
	if (t.SoftLineBreak() || t.HardLineBreak() && (stop >= len(src) || src[stop] != '\\')) && !t.IsRaw() {
		t.Segment = t.Segment.TrimRightSpace(src)
	}
}

// lineRuns groups texts, in document order, into runs of texts that
// follow each other, each ending its line (a soft line break): the lines
// of one paragraph, or of one emphasis.
func lineRuns(texts []*ast.Text) [][]*ast.Text {
	var runs [][]*ast.Text
	for i := 0; i < len(texts); {
		j := i + 1
		for j < len(texts) && texts[j-1].SoftLineBreak() && texts[j-1].NextSibling() == texts[j] {
			j++
		}
		runs = append(runs, texts[i:j:j])
		i = j
	}
	return runs
}

// A textRun is the text of a run of texts (lineRuns): their values, one
// space where each but the last ends its line.
type textRun struct {
	run   []*ast.Text
	value []byte
	// starts[k] is where the value of run[k] starts in value; nil for a
	// run of one text (a paragraph on one line), which starts at 0.
	starts []int
}

// newTextRun returns the text of run, whose texts' segments are of src.
func newTextRun(run []*ast.Text, src []byte) textRun {
	if len(run) == 1 {
		return textRun{run: run, value: run[0].Segment.Value(src)}
	}
	r := textRun{run: run, starts: make([]int, len(run))}
	for k, t := range run {
		if k > 0 {
			r.value = append(r.value, ' ')
		}
		r.starts[k] = len(r.value)
		r.value = append(r.value, t.Segment.Value(src)...)
	}
	return r
}

// texts returns new texts that show value[from:to]: a part of each text
// of the run it covers, which ends its line when the part goes on past
// the text's end; the last part of the run (tail) keeps the line break
// of the run's last text. It leaves out empty parts that end no line.
func (r *textRun) texts(from, to int, tail bool) []*ast.Text {
	var out []*ast.Text
	for k, t := range r.run {
		start := 0
		if r.starts != nil {
			start = r.starts[k]
		}
		end := start + t.Segment.Len()
		if from > end || to < start {
			continue
		}
		lo, hi := max(from, start), min(to, end)
		part := ast.NewTextSegment(text.NewSegment(t.Segment.Start+lo-start, t.Segment.Start+hi-start))
		switch {
		case to > end: // the space after the text: its line break
			part.SetSoftLineBreak(true)
		case tail && k == len(r.run)-1:
			part.SetSoftLineBreak(t.SoftLineBreak())
			part.SetHardLineBreak(t.HardLineBreak())
		}
		if lo == hi && !part.SoftLineBreak() && !part.HardLineBreak() {
			continue
		}
		out = append(out, part)
	}
	return out
}

// replace puts, in place of the run's texts, its value with each of spans
// (in order, apart) made a node by node, given the span's number and the
// texts that show it; the texts between the spans stay texts.
func (r *textRun) replace(spans [][2]int, node func(i int, parts []*ast.Text) ast.Node) {
	parent, first := r.run[0].Parent(), r.run[0]
	insert := func(ts []*ast.Text) {
		for _, t := range ts {
			parent.InsertBefore(parent, first, t)
		}
	}
	start := 0
	for i, sp := range spans {
		insert(r.texts(start, sp[0], false))
		parent.InsertBefore(parent, first, node(i, r.texts(sp[0], sp[1], false)))
		start = sp[1]
	}
	insert(r.texts(start, len(r.value), true))
	for _, t := range r.run {
		parent.RemoveChild(parent, t)
	}
}
