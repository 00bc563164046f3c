package htmlcheck

import "bytes"

// Raw text and RCDATA: the content of <script>, <style>, <title>,
// <textarea> and the like is read as text up to the element's end tag,
// whatever it holds, as x/net/html's Tokenizer reads it.

// rawText reports whether the Tokenizer reads the content of the element
// name as text up to its end tag, whatever it holds, and whether that
// text's character references are decoded (RCDATA, in <textarea> and
// <title>) or not (raw text).
func rawText(name string) (raw, escaped bool) {
	switch name {
	case "iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "xmp":
		return true, false
	case "textarea", "title":
		return true, true
	}
	return false, false
}

// rawTextEnd returns where the raw text or RCDATA of the element tag,
// starting at b[i], ends (readRawOrRCDATA): at the '<' of its end tag, or at
// the end of the page.
func rawTextEnd(b []byte, i int, tag string) int {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return len(b)
		}
		i += j + 1
		if i == len(b) {
			return i
		}
		if b[i] != '/' {
			continue
		}
		k, ok := endTagAt(b, i+1, tag)
		if ok {
			return i - 1
		}
		if k == len(b) {
			return k
		}
	}
}

// endTagAt reports whether the end tag of the element tag, lower-cased,
// follows at b[i], just after a "</", in any case and followed by a space,
// '/' or '>' (readRawEndTag). If not, k is the first byte that does not
// match, or len(b) if the page ends first.
func endTagAt(b []byte, i int, tag string) (k int, ok bool) {
	for j := 0; j < len(tag); j++ {
		if i+j == len(b) {
			return len(b), false
		}
		if c := b[i+j]; c != tag[j] && c != tag[j]-('a'-'A') {
			return i + j, false
		}
	}
	k = i + len(tag)
	if k == len(b) {
		return k, false
	}
	switch b[k] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return k, true
	}
	return k, false
}

// scriptEnd returns where the content of a <script> element, starting at
// b[i], ends: at the '<' of its end tag, following the rules for end tags
// hidden in "<!--" escapes (readScript), or at the end of the page. Each
// label is a state of the Tokenizer's readScript; reading a byte is
// "c = b[i]; i++", and at the end of the page the script ends too.
func scriptEnd(b []byte, i int) int {
	const script = "script"
	n := len(b)
	var (
		c  byte
		k  int
		ok bool
	)

scriptData:
	if j := bytes.IndexByte(b[i:], '<'); j >= 0 {
		i += j + 1
	} else {
		return n
	}
	// scriptDataLessThanSign:
	if i == n {
		return n
	}
	switch b[i] {
	case '/':
		i++
		goto scriptDataEndTagOpen
	case '!':
		i++
		goto scriptDataEscapeStart
	}
	goto scriptData

scriptDataEndTagOpen:
	if k, ok = endTagAt(b, i, script); ok {
		return i - 2
	} else if k == n {
		return n
	}
	i = k
	goto scriptData

scriptDataEscapeStart:
	if i == n {
		return n
	}
	if b[i] == '-' {
		i++
		goto scriptDataEscapeStartDash
	}
	goto scriptData

scriptDataEscapeStartDash:
	if i == n {
		return n
	}
	if b[i] == '-' {
		i++
		goto scriptDataEscapedDashDash
	}
	goto scriptData

scriptDataEscaped:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataEscapedDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDash:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDashDash:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataEscaped

scriptDataEscapedLessThanSign:
	if i == n {
		return n
	}
	c = b[i]
	if c == '/' {
		i++
		goto scriptDataEscapedEndTagOpen
	}
	if isLetter(c) {
		goto scriptDataDoubleEscapeStart
	}
	goto scriptData

scriptDataEscapedEndTagOpen:
	if k, ok = endTagAt(b, i, script); ok {
		return i - 2
	} else if k == n {
		return n
	}
	i = k
	goto scriptDataEscaped

scriptDataDoubleEscapeStart:
	// "<script" (in any case) followed by a space, '/' or '>'.
	for j := 0; j < len(script); j++ {
		if i == n {
			return n
		}
		if c = b[i]; c != script[j] && c != script[j]-('a'-'A') {
			goto scriptDataEscaped
		}
		i++
	}
	if i == n {
		return n
	}
	switch b[i] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		i++
		goto scriptDataDoubleEscaped
	}
	goto scriptDataEscaped

scriptDataDoubleEscaped:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDash:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDashDash:
	if i == n {
		return n
	}
	c = b[i]
	i++
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedLessThanSign:
	if i == n {
		return n
	}
	if b[i] != '/' {
		goto scriptDataDoubleEscaped
	}
	i++
	// scriptDataDoubleEscapeEnd: "</script" and the byte after it end
	// the double escape, not the script.
	if k, ok = endTagAt(b, i, script); ok {
		i = k + 1
		goto scriptDataEscaped
	} else if k == n {
		return n
	}
	i = k
	goto scriptDataDoubleEscaped
}
