package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
)

// lineIndex maps byte offsets in a Markdown body to line numbers in the
// content file. goldmark records byte offsets, not lines, so the index is
// built once per render and searched with a binary search.
type lineIndex struct {
	starts []int // byte offset at which each body line starts
	offset int   // file lines before the body (the front matter)
}

// newLineIndex indexes the line starts of src. offset is the number of file
// lines that precede src.
func newLineIndex(src []byte, offset int) lineIndex {
	starts := make([]int, 1, 1+len(src)/32)
	for i := 0; ; {
		n := bytes.IndexByte(src[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
		starts = append(starts, i)
	}
	return lineIndex{starts: starts, offset: offset}
}

// line returns the 1-based file line of the byte at pos in the body, or 0
// when pos is negative (unknown).
func (x lineIndex) line(pos int) int {
	if pos < 0 {
		return 0
	}
	// The line is the last one whose start is at or before pos.
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > pos })
	return i + x.offset
}

// nodePos returns the byte offset in the body where n starts, or -1 when
// goldmark recorded none. Inline nodes carry no line information of their
// own, so the position comes, in order of preference, from the node itself,
// from its first text segment, or from the lines of the nearest block that
// contains it.
func nodePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if p := firstSegment(n); p >= 0 {
		return p
	}
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return b.Lines().At(0).Start
		}
		if p := b.Pos(); p >= 0 && b != n {
			return p
		}
	}
	return -1
}

// firstSegment returns the start of the first text segment inside n, or -1.
func firstSegment(n ast.Node) int {
	pos := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*ast.Text); ok {
			pos = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return pos
}
