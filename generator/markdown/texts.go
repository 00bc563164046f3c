package markdown

import "github.com/yuin/goldmark/ast"

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
