package strictyaml

import (
	"bytes"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quickParse reads the plainest YAML, the shape most front matter has, as
// yaml.Unmarshal would into a yaml.Node, without its general parser: a
// mapping of lower-case keys, each with a value on its line or a list
// below it of values, or of mappings of such keys and values, one to a
// line:
//
//	title: "Acute Arthritis"
//	author: aisha-murphy
//	last_reviewed: 2025-01-09
//	symptoms:
//	  - "back pain"
//	questions:
//	  - question: "Is it serious?"
//	    answer: "Most often it is not."
//
// A value is text in double quotes without escapes, plain text that
// starts with a letter (true and false are booleans), a date
// (YYYY-MM-DD) or a whole number. It returns the mapping and true, or nil
// and false for anything else (a comment, a mapping under a key, a block
// of text, a single-quoted value, a tab, a null, …), which Parse then
// hands to yaml.Unmarshal: what quickParse accepts, it reads exactly as
// yaml.Unmarshal does (FuzzQuickParse).
func quickParse(data []byte) (*yaml.Node, bool) {
	doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var list *yaml.Node // the list being read, if any
	var item *yaml.Node // the list's last item, when it is a mapping
	listIndent := -1
	line := 0
	for len(data) > 0 {
		line++
		text := data
		if end := bytes.IndexByte(data, '\n'); end >= 0 {
			text, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		if len(text) == 0 {
			continue
		}
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		if indent == len(text) {
			return nil, false // white space only
		}
		switch {
		case text[indent] == '-':
			// An item of the list under the last key.
			if len(doc.Content) == 0 || indent != 0 && indent != 2 ||
				len(text) < indent+3 || text[indent+1] != ' ' || text[indent+2] == ' ' {
				return nil, false
			}
			if list == nil {
				last := doc.Content[len(doc.Content)-1]
				if last.Kind != 0 {
					return nil, false // the key has a value on its line
				}
				list = last
				*list = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: line, Column: indent + 1}
				listIndent = indent
			} else if indent != listIndent {
				return nil, false
			}
			item = nil
			rest, col := text[indent+2:], indent+3
			if k := keyLen(rest); k > 0 {
				// An item that is a mapping, starting with this key.
				key, v, ok := quickPair(rest, k, line, col)
				if !ok || v == nil {
					return nil, false
				}
				item = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col, Content: []*yaml.Node{key, v}}
				list.Content = append(list.Content, item)
				continue
			}
			v, ok := quickValue(rest, line, col)
			if !ok {
				return nil, false
			}
			list.Content = append(list.Content, v)
		case item != nil && indent == listIndent+2:
			// The next key of the item.
			key, v, ok := quickPair(text[indent:], keyLen(text[indent:]), line, indent+1)
			if !ok || v == nil {
				return nil, false
			}
			item.Content = append(item.Content, key, v)
		case indent == 0:
			if len(doc.Content) > 0 && doc.Content[len(doc.Content)-1].Kind == 0 {
				return nil, false // a key with neither a value nor a list
			}
			list, item = nil, nil
			key, v, ok := quickPair(text, keyLen(text), line, 1)
			if !ok {
				return nil, false
			}
			if len(doc.Content) == 0 {
				doc.Line, doc.Column = line, 1
			}
			if v == nil {
				v = &yaml.Node{} // the list below, which sets the value
			}
			doc.Content = append(doc.Content, key, v)
		default:
			return nil, false
		}
	}
	if len(doc.Content) == 0 || doc.Content[len(doc.Content)-1].Kind == 0 {
		return nil, false
	}
	return doc, true
}

// keyLen returns the length of the key that text starts with, followed by
// a colon and a space or by a colon at the end, or 0.
func keyLen(text []byte) int {
	k := 0
	for k < len(text) && (text[k] >= 'a' && text[k] <= 'z' || text[k] == '_' || k > 0 && text[k] >= '0' && text[k] <= '9') {
		k++
	}
	if k == 0 || k == len(text) || text[k] != ':' || k+1 < len(text) && text[k+1] != ' ' {
		return 0
	}
	return k
}

// quickPair reads text, a key of k bytes (keyLen) and its value, which
// starts at column col of line: the key's node, and the value's, or nil
// when text is the key and its colon alone.
func quickPair(text []byte, k, line, col int) (key, value *yaml.Node, ok bool) {
	if k == 0 || k > maxQuickKey {
		return nil, nil, false
	}
	switch string(text[:k]) {
	case "true", "false", "null": // keys that are not text
		return nil, nil, false
	}
	key = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(text[:k]), Line: line, Column: col}
	if k+1 == len(text) {
		return key, nil, true
	}
	if k+2 == len(text) || text[k+2] == ' ' {
		return nil, nil, false
	}
	v, ok := quickValue(text[k+2:], line, col+k+2)
	if !ok {
		return nil, nil, false
	}
	return key, v, true
}

// maxQuickKey is the longest key quickParse reads. YAML allows a key on
// its value's line up to 1024 characters; front matter's are short.
const maxQuickKey = 64

// quickValue reads v, a value of quickParse's that starts at column col of
// line, or returns false.
func quickValue(v []byte, line, col int) (*yaml.Node, bool) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col}
	switch c := v[0]; {
	case c == '"':
		if len(v) < 2 || v[len(v)-1] != '"' || !quickText(v[1:len(v)-1], true) {
			return nil, false
		}
		n.Style, n.Tag, n.Value = yaml.DoubleQuotedStyle, "!!str", string(v[1:len(v)-1])
	case c >= '0' && c <= '9':
		s := string(v)
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			if _, err := time.Parse("2006-1-2", s); err != nil || !digitsAt(v, 0, 4) || !digitsAt(v, 5, 7) || !digitsAt(v, 8, 10) {
				return nil, false
			}
			n.Tag, n.Value = "!!timestamp", s
			break
		}
		if len(v) > 9 || c == '0' && len(v) > 1 || !digitsAt(v, 0, len(v)) {
			return nil, false
		}
		if _, err := strconv.Atoi(s); err != nil {
			return nil, false
		}
		n.Tag, n.Value = "!!int", s
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		if v[len(v)-1] == ' ' || !quickText(v, false) {
			return nil, false
		}
		switch s := string(v); s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			n.Tag, n.Value = "!!bool", s
		case "null", "Null", "NULL":
			return nil, false
		default:
			n.Tag, n.Value = "!!str", s
		}
	default:
		return nil, false
	}
	return n, true
}

// digitsAt reports whether v[from:to] are ASCII digits.
func digitsAt(v []byte, from, to int) bool {
	for _, c := range v[from:to] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// quickText reports whether t can be read as it is: printable text with no
// character YAML gives a meaning to there (in quotes, a quote or a
// backslash; unquoted, a colon before a space or at the end, a "#" after
// a space, two spaces running), and no character YAML reads as a line
// break or that it refuses.
func quickText(t []byte, quoted bool) bool {
	for i := 0; i < len(t); {
		c := t[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError || !unicode.IsPrint(r) || r == '\u0085' || r == '\u00a0' || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
				return false
			}
			i += size
			continue
		}
		i++
		switch {
		case c < ' ' || c == 0x7f:
			return false
		case quoted:
			if c == '"' || c == '\\' {
				return false
			}
		case c == ' ':
			if i < len(t) && t[i] == ' ' {
				return false
			}
		case c == ':':
			if i == len(t) || t[i] == ' ' {
				return false
			}
		case c == '#':
			if i > 1 && t[i-2] == ' ' {
				return false
			}
		}
	}
	return true
}
