package schema

import (
	"html"
	"strings"
)

// blockTags are the HTML elements that separate words: their tags become
// spaces, so "<p>One</p><p>Two</p>" reads "One Two".
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true,
	"table": true, "tr": true, "td": true, "th": true, "hr": true, "section": true, "figure": true, "figcaption": true,
}

// skipTags are the elements whose content is not text a reader sees.
var skipTags = map[string]bool{"script": true, "style": true, "template": true}

// htmlText returns the text a reader sees in the HTML fragment s: tags
// removed (block tags as spaces), the content of script, style and
// template dropped, character references decoded and white space
// collapsed. It expects the well-formed HTML of the Markdown renderer and
// makes the best of anything else.
func htmlText(s string) string {
	var out strings.Builder
	skip := ""
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			if skip == "" {
				out.WriteString(html.UnescapeString(s))
			}
			break
		}
		if skip == "" {
			out.WriteString(html.UnescapeString(s[:i]))
		}
		s = s[i:]
		name, closing, end := tagAt(s)
		if end == 0 {
			// A "<" that opens no tag is text.
			if skip == "" {
				out.WriteByte('<')
			}
			s = s[1:]
			continue
		}
		s = s[end:]
		switch {
		case skip != "":
			if closing && name == skip {
				skip = ""
			}
		case skipTags[name] && !closing:
			skip = name
		case blockTags[name]:
			out.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(out.String()), " ")
}

// tagAt reads the tag, comment or declaration at the start of s (which
// starts with "<"). It returns the tag's lower-case name, whether it is a
// closing tag, and its length, or a length of 0 when s does not start with
// a tag. A tag without its ">" runs to the end of s.
func tagAt(s string) (name string, closing bool, n int) {
	if strings.HasPrefix(s, "<!--") {
		if end := strings.Index(s[4:], "-->"); end >= 0 {
			return "", false, 4 + end + 3
		}
		return "", false, len(s)
	}
	i := 1
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	if i >= len(s) || !(isLetter(s[i]) || (!closing && (s[i] == '!' || s[i] == '?'))) {
		return "", false, 0
	}
	start := i
	for i < len(s) && (isLetter(s[i]) || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	name = strings.ToLower(s[start:i])
	// Find the closing ">", skipping quoted attribute values.
	// A quote opens a value only right after "=", as in HTML.
	var quote, last byte
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && last == '=':
			quote = c
		case c == '>':
			return name, closing, i + 1
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			last = c
		}
	}
	return name, closing, len(s)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
