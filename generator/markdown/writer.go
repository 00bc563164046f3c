package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's HTML text writer with a quick path. Goldmark's
// writer reads the text of every paragraph, heading and list item of every
// page byte by byte, to escape it and resolve its backslash escapes and
// character references, though most text has none. textWriter writes the
// text up to the first byte goldmark's writer would do anything with as it
// is, at once, and hands the rest to goldmark's writer, which would have
// written that start unchanged and keeps no state across it (no backslash
// comes before it).
type textWriter struct{ html.Writer }

// Write implements html.Writer.
func (w textWriter) Write(out util.BufWriter, source []byte) {
	i := plainPrefix(source, &resolvedBytes)
	_, _ = out.Write(source[:i])
	if i < len(source) {
		w.Writer.Write(out, source[i:])
	}
}

// RawWrite implements html.Writer.
func (w textWriter) RawWrite(out util.BufWriter, source []byte) {
	i := plainPrefix(source, &escapedBytes)
	_, _ = out.Write(source[:i])
	if i < len(source) {
		w.Writer.RawWrite(out, source[i:])
	}
}

// plainPrefix returns the length of the start of source that has none of
// the bytes special marks.
func plainPrefix(source []byte, special *[256]bool) int {
	for i, c := range source {
		if special[c] {
			return i
		}
	}
	return len(source)
}

// escapedBytes are the bytes goldmark's RawWrite escapes (util.EscapeHTMLByte:
// NUL, the quote, the ampersand, < and >), and resolvedBytes those and the
// backslash, which Write also looks at.
var escapedBytes, resolvedBytes = func() (e, r [256]bool) {
	for _, c := range []byte{0, '"', '&', '<', '>'} {
		e[c], r[c] = true, true
	}
	r['\\'] = true
	return e, r
}()
