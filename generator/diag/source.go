package diag

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxSourceWidth is how many characters of a source line WithSource shows;
// longer lines are cut around the column.
const maxSourceWidth = 120

// WithSource returns the text of e as Error does, with the line of src
// (the content of e.File) that e points at shown under the message,
// numbered, and a caret under the column when the column is known:
//
//	content/about.md:3:23: invalid YAML: mapping values are not allowed in this context
//	    3 | description: Our hours: 8 to 5
//	      |                       ^
//	    hint: a value that contains ": " must be quoted, for example title: "Back pain: what helps"
//
// When src has no such line, it returns e.Error().
func (e *Error) WithSource(src []byte) string {
	text, ok := sourceLine(src, e.Line)
	if !ok {
		return e.Error()
	}
	var b strings.Builder
	b.WriteString(e.message())
	if p := e.Pos(); p != "" {
		b.Reset()
		b.WriteString(p + ": " + e.message())
	}
	num := strconv.Itoa(e.Line)
	pad := strings.Repeat(" ", len(num))
	col := e.Col
	text, col = window(text, col)
	fmt.Fprintf(&b, "\n    %s | %s", num, text)
	if col > 0 {
		var caret strings.Builder
		i := 1
		for _, r := range text {
			if i >= col {
				break
			}
			if r == '\t' {
				caret.WriteByte('\t')
			} else {
				caret.WriteByte(' ')
			}
			i++
		}
		fmt.Fprintf(&b, "\n    %s | %s^", pad, caret.String())
	}
	if e.Hint != "" {
		b.WriteString("\n    hint: " + e.Hint)
	}
	return b.String()
}

// sourceLine returns the 1-based line n of src without its line ending,
// and whether src has that line. A byte-order mark is left out.
func sourceLine(src []byte, n int) (string, bool) {
	if n < 1 || src == nil {
		return "", false
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	line := strings.TrimRight(string(src), "\r")
	return strings.ToValidUTF8(line, "\uFFFD"), true
}

// window cuts a line longer than maxSourceWidth characters to a part of
// that width holding the column col (1-based, 0 for unknown), marking the
// cuts with "…", and returns it with the column moved to match.
func window(line string, col int) (string, int) {
	n := utf8.RuneCountInString(line)
	if n <= maxSourceWidth {
		return line, col
	}
	runes := []rune(line)
	start := 0
	if col > maxSourceWidth/2 {
		start = min(col-maxSourceWidth/2, n-maxSourceWidth)
	}
	end := start + maxSourceWidth
	out := string(runes[start:end])
	if start > 0 {
		out = "…" + out
		if col > 0 {
			col = col - start + 1
		}
	}
	if end < n {
		out += "…"
	}
	return out, col
}

// WithSource returns the text of l as Error does, each error with its
// line of source shown as (*Error).WithSource shows it. read returns the
// content of a file named by an Error's File; a file it cannot read is
// shown without its line. Each file is read once.
func (l List) WithSource(read func(file string) ([]byte, error)) string {
	files := map[string][]byte{}
	var b strings.Builder
	for i, e := range l {
		if i == MaxErrors {
			fmt.Fprintf(&b, "\n... and %d more errors", len(l)-MaxErrors)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		src, ok := files[e.File]
		if !ok && e.File != "" && e.Line > 0 {
			src, _ = read(e.File)
			files[e.File] = src
		}
		b.WriteString(e.WithSource(src))
	}
	return b.String()
}
