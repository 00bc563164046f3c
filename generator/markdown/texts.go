package markdown

import "github.com/yuin/goldmark/ast"

// joinTexts makes t one text with the texts after it that continue it in
// the source on the same line, and removes them.
//
// goldmark ends a text wherever an inline parser was tried and found
// nothing: before every space when the linkify parser is on (it starts at
// spaces), before the last word of every line. Split so, a term of the
// glossary or a phone number that runs over the split is not found in
// either text ("a slipped disc" at the end of a line is [a slipped][
// disc]). Joined, every run of plain text on a line is one text, the same
// whichever parsers made it, so that Renderer.plain and Renderer.md give
// the same tree.
func joinTexts(t *ast.Text) {
	for {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || t.Segment.Stop != next.Segment.Start || t.SoftLineBreak() || t.HardLineBreak() ||
			t.IsRaw() || next.IsRaw() || t.Segment.Padding != 0 || next.Segment.Padding != 0 ||
			t.Segment.ForceNewline || next.Segment.ForceNewline {
			return
		}
		t.Segment = t.Segment.WithStop(next.Segment.Stop)
		t.SetSoftLineBreak(next.SoftLineBreak())
		t.SetHardLineBreak(next.HardLineBreak())
		t.Parent().RemoveChild(t.Parent(), next)
	}
}
