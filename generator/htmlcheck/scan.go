package htmlcheck

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A token is what the scanner found next in a page.
type token uint8

const (
	// endOfPage means the page is over: its last byte has been read, or it
	// ends inside a tag, which x/net/html's Tokenizer treats as the end of
	// its input.
	endOfPage token = iota
	// textToken is text between tags, or the content of a raw-text element
	// such as <script> or <style>; call text to read it.
	textToken
	// startTag is a start tag, self-closing or not: name is its name and
	// attrs the attributes that checkedAttr names.
	startTag
	// endTag is an end tag: name is its name.
	endTag
)

// A scanner splits a page into the tokens the checks read exactly as
// golang.org/x/net/html's Tokenizer does: the same tags, attributes and
// end of input, and the same text, though not always cut into the same
// pieces; comments, doctypes and processing instructions are skipped. It
// does so at a fraction of the Tokenizer's cost: it jumps from '<' to '<', copies
// the name of a tag only when HTML does not define it, copies only the
// attributes the checks read, and copies and unescapes text only when it
// is asked for.
//
// The state names in comments are those of the Tokenizer (token.go), which
// this follows rather than the HTML standard where the two differ.
type scanner struct {
	page []byte
	pos  int // where the next token starts

	// rawTag is the element (lower-cased) whose raw text or RCDATA comes
	// next, such as "script" or "title", or "" for ordinary content.
	rawTag string

	// The current token: a textToken is page[textStart:textEnd], whose NUL
	// bytes become U+FFFD when textNUL and whose character references are
	// decoded when textEscaped; a tag has a name and, when a start tag,
	// attrs.
	textStart, textEnd   int
	textNUL, textEscaped bool
	name                 string
	attrs                []html.Attribute

	lowered []byte // reused by lowerName
}

// next scans the next token.
func (s *scanner) next() token {
	b := s.page
	if tag := s.rawTag; tag != "" {
		s.rawTag = ""
		start, end := s.pos, len(b)
		switch tag {
		case "plaintext":
			// Everything up to the end of the page.
		case "script":
			end = scriptEnd(b, start)
		default:
			end = rawTextEnd(b, start, tag)
		}
		if end > start {
			s.pos = end
			_, escaped := rawText(tag)
			return s.setText(start, end, true, escaped)
		}
	}
	start := s.pos
	for i := start; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if i+1 == len(b) || b[i+1] == '/' && i+2 == len(b) {
			break // "<" or "</" at the end is text
		}
		c := b[i+1]
		if !isLetter(c) && c != '/' && c != '!' && c != '?' {
			i++ // "<" not followed by a tag is text
			continue
		}
		if i > start {
			s.pos = i
			return s.setText(start, i, false, true)
		}
		switch {
		case isLetter(c):
			return s.tag(i+1, true)
		case c == '/' && b[i+2] == '>':
			// "</>" is nothing at all.
			i += 3
		case c == '/' && isLetter(b[i+2]):
			return s.tag(i+2, false)
		case c == '/' || c == '?':
			// A bogus comment, such as "</ x>" or "<?xml ...?>", runs up
			// to the next '>'.
			i = closeAngle(b, i+2)
		default:
			// "<!": a comment, a doctype or a bogus comment.
			i = declarationEnd(b, i+2)
		}
		start = i
	}
	s.pos = len(b)
	if start < len(b) {
		return s.setText(start, len(b), false, true)
	}
	return endOfPage
}

// setText makes page[start:end] the current token.
func (s *scanner) setText(start, end int, nul, escaped bool) token {
	s.textStart, s.textEnd, s.textNUL, s.textEscaped = start, end, nul, escaped
	return textToken
}

// tag reads a start tag (or, when !start, an end tag) whose name begins at
// page[i], following the Tokenizer's readTag, and makes it the current
// token. A tag the page ends inside is the end of the page.
func (s *scanner) tag(i int, start bool) token {
	b := s.page
	n := len(b)
	nameStart := i
	for i < n && !isSpace(b[i]) && b[i] != '/' && b[i] != '>' {
		i++
	}
	nameEnd := i
	s.attrs = s.attrs[:0]
	for {
		if i = skipSpace(b, i); i == n {
			s.pos = n
			return endOfPage
		}
		if b[i] == '>' {
			i++
			break
		}
		// The attribute name: anything up to space, '/', '>' or an '=' that
		// is not its first byte.
		keyStart := i
		for i < n && (b[i] == '=' && i == keyStart || b[i] != '=' && !isSpace(b[i]) && b[i] != '/' && b[i] != '>') {
			i++
		}
		keyEnd := i
		// The value, if any (readTagAttrVal).
		valStart, valEnd, quote := i, i, byte(0)
		if i = skipSpace(b, i); i == n {
			continue // the end of the page, above
		}
		switch b[i] {
		case '/':
			i++
		case '=':
			if i = skipSpace(b, i+1); i == n {
				continue
			}
			switch q := b[i]; q {
			case '>':
				// An empty value; the '>' ends the tag.
			case '"', '\'':
				j := bytes.IndexByte(b[i+1:], q)
				if j < 0 {
					i = n
					continue
				}
				quote, valStart, valEnd = q, i+1, i+1+j
				i = valEnd + 1
			default:
				valStart = i
				for i < n && !isSpace(b[i]) && b[i] != '>' {
					i++
				}
				valEnd = i
			}
		}
		if start && keyEnd > keyStart {
			s.attr(b[keyStart:keyEnd], b[valStart:valEnd], quote)
		}
	}
	s.pos = i
	s.name = s.lowerName(b[nameStart:nameEnd])
	if !start {
		return endTag
	}
	if raw, _ := rawText(s.name); raw {
		s.rawTag = s.name
	}
	return startTag
}

// attr adds an attribute of the current start tag to attrs if a check reads
// it and the tag has not had it already: for the Tokenizer, the first of
// two attributes with the same name is the one that counts.
func (s *scanner) attr(key, raw []byte, quote byte) {
	var buf [len("aria-labelledby")]byte
	if len(key) > len(buf) {
		return
	}
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	name := checkedAttr(buf[:len(key)])
	if name == "" {
		return
	}
	for _, a := range s.attrs {
		if a.Key == name {
			return
		}
	}
	s.attrs = append(s.attrs, html.Attribute{Key: name, Val: attrValue(raw, quote)})
}

// checkedAttr returns the name of an attribute, given lower-cased, if any
// check reads it, and "" otherwise.
func checkedAttr(key []byte) string {
	switch string(key) {
	case "id":
		return "id"
	case "style":
		return "style"
	case "lang":
		return "lang"
	case "src":
		return "src"
	case "srcset":
		return "srcset"
	case "alt":
		return "alt"
	case "poster":
		return "poster"
	case "data":
		return "data"
	case "rel":
		return "rel"
	case "href":
		return "href"
	case "aria-label":
		return "aria-label"
	case "aria-labelledby":
		return "aria-labelledby"
	case "title":
		return "title"
	case "for":
		return "for"
	case "method":
		return "method"
	case "action":
		return "action"
	case "type":
		return "type"
	case "name":
		return "name"
	}
	return ""
}

// lowerName returns a tag name lower-cased, with NUL bytes replaced as the
// Tokenizer's TagName does, and without an allocation for the names HTML
// defines.
func (s *scanner) lowerName(name []byte) string {
	lower := true
	for _, c := range name {
		if 'A' <= c && c <= 'Z' || c == 0 {
			lower = false
			break
		}
	}
	if !lower {
		s.lowered = append(s.lowered[:0], bytes.ReplaceAll(name, []byte{0}, []byte("\ufffd"))...)
		for i, c := range s.lowered {
			if 'A' <= c && c <= 'Z' {
				s.lowered[i] = c + 'a' - 'A'
			}
		}
		name = s.lowered
	}
	if a := atom.Lookup(name); a != 0 {
		return a.String()
	}
	return string(name)
}

// closeAngle returns the position after the first '>' at or after b[i], or
// len(b) if there is none.
func closeAngle(b []byte, i int) int {
	if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
		return i + j + 1
	}
	return len(b)
}

// declarationEnd returns where a "<!" markup declaration ends, given the
// position after the "<!" (readMarkupDeclaration): a comment if "--"
// follows, and otherwise a doctype or a bogus comment, which both run up to
// the next '>'.
func declarationEnd(b []byte, i int) int {
	if i+1 < len(b) && b[i] == '-' && b[i+1] == '-' {
		return commentEnd(b, i+2)
	}
	return closeAngle(b, i)
}

// commentEnd returns where a comment ends, given the position after its
// "<!--" (readComment): after "-->", "--!>", or a '>' right at the start,
// as in "<!-->" and "<!--->"; or at the end of the page.
func commentEnd(b []byte, i int) int {
	dashes, beginning := 0, true
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i
			}
		case '!':
			if dashes >= 2 {
				if i == len(b) {
					return i
				}
				c = b[i]
				i++
				if c == '>' {
					return i
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(b)
}

// isLetter reports whether c is an ASCII letter, which starts a tag name.
func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isSpace reports whether c is HTML white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// skipSpace returns the position of the first byte at or after b[i] that
// is not white space, or len(b).
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}
