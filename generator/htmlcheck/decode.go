package htmlcheck

import (
	"bytes"

	"golang.org/x/net/html"
)

// text returns the current text token as x/net/html's Tokenizer.Text does:
// with "\r\n" and "\r" as "\n", NUL bytes as U+FFFD in raw text and RCDATA
// (but not in ordinary text), and character references decoded except in
// raw text.
func (s *scanner) text() string {
	b := s.page[s.textStart:s.textEnd]
	b = convertNewlines(b)
	if s.textNUL {
		b = replaceNUL(b)
	}
	if !s.textEscaped {
		return string(b)
	}
	// html.UnescapeString decodes as the Tokenizer does in text.
	return html.UnescapeString(string(b))
}

// attrValue returns an attribute value, given as it is in the page and
// the quote around it (0 for none), as the Tokenizer's TagAttr does.
//
// Character references in attribute values differ from those in text: a
// named one is decoded only when the whole name is one HTML defines ("&notit;"
// stays, where in text it would be "¬it;"), and not at all when it lacks its
// ';' and is followed by '=' ("?a=1&not=2" stays). x/net/html exports only
// the decoding for text, html.UnescapeString, which agrees for numeric
// references and for the few named ones that pages use; any other value is
// handed to a Tokenizer.
func attrValue(raw []byte, quote byte) string {
	v := convertNewlines(replaceNUL(raw))
	if bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	if textLikeReferences(v) {
		return html.UnescapeString(string(v))
	}
	return tokenizerAttrValue(raw, quote)
}

// commonReferences are the named character references that
// textLikeReferences accepts: each decodes the same in text and in
// attribute values, and html/template writes some of them.
var commonReferences = [...]string{"amp;", "lt;", "gt;", "quot;", "apos;", "nbsp;"}

// textLikeReferences reports whether each '&' in an attribute value is
// followed by something that html.UnescapeString treats as the Tokenizer
// treats it in an attribute value: a numeric reference, one of
// commonReferences, or no name at all.
func textLikeReferences(v []byte) bool {
	for i := bytes.IndexByte(v, '&'); i >= 0; {
		rest := v[i+1:]
		if len(rest) > 0 && isAlnum(rest[0]) {
			common := false
			for _, ref := range commonReferences {
				if bytes.HasPrefix(rest, []byte(ref)) {
					common = true
					break
				}
			}
			if !common {
				return false
			}
		}
		j := bytes.IndexByte(rest, '&')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return true
}

// tokenizerAttrValue decodes an attribute value, given as it is in the page
// and the quote around it, with a Tokenizer reading a tag that has just
// that attribute.
func tokenizerAttrValue(raw []byte, quote byte) string {
	tag := make([]byte, 0, len(raw)+8)
	tag = append(tag, "<a a="...)
	if quote != 0 {
		tag = append(tag, quote)
	}
	tag = append(tag, raw...)
	if quote != 0 {
		tag = append(tag, quote)
	}
	tag = append(tag, '>')
	z := html.NewTokenizer(bytes.NewReader(tag))
	z.Next()
	_, val, _ := z.TagAttr()
	return string(val)
}

// convertNewlines returns b with "\r\n" and "\r" replaced by "\n", as the
// Tokenizer reads text and attribute values; b itself is left as it is.
func convertNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// replaceNUL returns b with NUL bytes replaced by U+FFFD; b itself is left
// as it is.
func replaceNUL(b []byte) []byte {
	if bytes.IndexByte(b, 0) < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte{0}, []byte("\ufffd"))
}

// isAlnum reports whether c is an ASCII letter or digit, which make up the
// names of character references.
func isAlnum(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9'
}
