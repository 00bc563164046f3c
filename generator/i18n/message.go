package i18n

import (
	"slices"
	"strconv"
	"strings"
)

// message is one string of one language, parsed.
type message struct {
	shape shape
	// forms are the parts of the text by plural form: "" for text, the
	// CLDR category ("one", "other") for plural forms.
	forms map[string][]part
	// list is the items of a list, such as the months.
	list []string
	// line is the line of the key in its file.
	line int
}

// shape is the kind of value of a key: text, plural forms or a list.
type shape int

// The shapes of a value.
const (
	shapeText shape = iota
	shapePlural
	shapeList
)

// String names s for errors.
func (s shape) String() string {
	switch s {
	case shapePlural:
		return "plural forms (one:, other:)"
	case shapeList:
		return "a list"
	}
	return "text"
}

// part is a run of text or a placeholder of a message.
type part struct {
	text string
	// arg, when not empty, names the placeholder the part is.
	arg string
}

// parse splits a string into its text and its placeholders: {name},
// where name is a letter or underscore then letters, digits or
// underscores. Any other brace is text.
func parse(s string) []part {
	var parts []part
	text := 0 // start of the text not yet added
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && isNameByte(s[j], j == i+1) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			continue
		}
		if text < i {
			parts = append(parts, part{text: s[text:i]})
		}
		parts = append(parts, part{arg: s[i+1 : j]})
		text = j + 1
		i = j
	}
	if text < len(s) || len(parts) == 0 {
		parts = append(parts, part{text: s[text:]})
	}
	return parts
}

// isNameByte reports whether c may be in a placeholder's name; first is
// whether it is the name's first byte.
func isNameByte(c byte, first bool) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || !first && '0' <= c && c <= '9'
}

// placeholders returns the names of m's placeholders, in every form,
// sorted.
func (m *message) placeholders() []string {
	var names []string
	for _, parts := range m.forms {
		for _, p := range parts {
			if p.arg != "" && !slices.Contains(names, p.arg) {
				names = append(names, p.arg)
			}
		}
	}
	slices.Sort(names)
	return names
}

// write returns parts with each placeholder replaced by its value in
// args, and the name of the first placeholder args has no value for.
func write(parts []part, args map[string]string) (string, string) {
	if len(parts) == 1 && parts[0].arg == "" {
		return parts[0].text, ""
	}
	var b strings.Builder
	for _, p := range parts {
		if p.arg == "" {
			b.WriteString(p.text)
			continue
		}
		v, ok := args[p.arg]
		if !ok {
			return "", p.arg
		}
		b.WriteString(v)
	}
	return b.String(), ""
}

// source returns the text of parts as a file has it.
func source(parts []part) string {
	var b strings.Builder
	for _, p := range parts {
		if p.arg != "" {
			b.WriteString("{" + p.arg + "}")
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// yaml returns m as the line of a file that defines key, for hints:
// `when_to_get_help: "When to get help"`.
func (m *message) yaml(key string) string {
	switch m.shape {
	case shapePlural:
		var forms []string
		for _, c := range pluralCategories {
			if parts, ok := m.forms[c]; ok {
				forms = append(forms, c+": "+strconv.Quote(source(parts)))
			}
		}
		return key + ": {" + strings.Join(forms, ", ") + "}"
	case shapeList:
		return key + ": [" + strings.Join(m.list, ", ") + "]"
	}
	return key + ": " + strconv.Quote(source(m.forms[""]))
}
