package sitefs

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/ascii8"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// Text checks that data, the content of the text file named file (a
// Markdown page, site.yaml, the glossary), is text a page can show: UTF-8,
// without control characters other than tab, line feed and carriage
// return, and without Unicode noncharacters (U+FFFE, U+FDD0…). HTML forbids
// those in a page (they are parse errors, and browsers show them as boxes
// or not at all); they reach a site when text is pasted from a word
// processor or a terminal. Text returns an error at the line and column
// of the first one, or nil.
func Text(file string, data []byte) *diag.Error {
	// Most text is printable ASCII, passed over eight bytes at a time
	// where none of them is anything else (a line's end is, every line),
	// and a byte at a time where one is; the line and column are counted
	// only for a file with a problem.
	for i := 0; i < len(data); {
		if i+8 <= len(data) && printable8(binary.LittleEndian.Uint64(data[i:])) {
			i += 8
			continue
		}
		c := data[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return where(file, data)
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 || forbidden(r) {
			return where(file, data)
		}
		i += size
	}
	return nil
}

// printable8 reports whether the eight bytes of x are all printable ASCII
// (0x20 to 0x7e): none has its high bit set, none is under 0x20 (adding
// 0x60 to it leaves the high bit clear), and none is 0x7f (adding 1 sets
// the high bit). For bytes under 0x80 neither addition carries into the
// next byte.
func printable8(x uint64) bool {
	const ones, high = ascii8.Ones, ascii8.High
	return x&high == 0 && (x+0x60*ones)&(^(x+ones))&high == high
}

// where returns the error of Text at the first character of data a page
// cannot hold, with its line and column, or nil.
func where(file string, data []byte) *diag.Error {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &diag.Error{File: file, Line: line, Col: col, Rule: diag.RuleFile,
				Msg:  fmt.Sprintf("the file is not UTF-8 text: byte 0x%02X cannot start a character", data[i]),
				Hint: "save the file as UTF-8 in your editor (Save As, Encoding: UTF-8); it was probably saved as Latin-1 or Windows-1252"}
		case forbidden(r):
			return &diag.Error{File: file, Line: line, Col: col, Rule: diag.RuleFile,
				Msg:  fmt.Sprintf("the file holds the invisible character U+%04X, which a web page cannot show", r),
				Hint: "delete it (it often comes with text pasted from another program): move the cursor to this column and delete the character there"}
		}
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
		i += size
	}
	return nil
}

// forbidden reports whether r may not appear in an HTML page: a control
// character other than tab, line feed and carriage return (HTML's
// "control" code points, C0 and C1), or a noncharacter.
func forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true
	}
	return false
}
