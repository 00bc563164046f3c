package i18n

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Strings is the strings of the theme in one language, the site's over
// the theme's. It is safe for use by many goroutines.
type Strings struct {
	code string
	msgs map[string]*message
	// fix says where to add a missing string, for errors.
	fix string
}

// newStrings returns the Strings of the language code.
func newStrings(code string, msgs map[string]*message, fix string) *Strings {
	return &Strings{code: code, msgs: msgs, fix: fix}
}

// Code returns the code of the language, such as "es".
func (s *Strings) Code() string { return s.code }

// Has reports whether the language has the string key.
func (s *Strings) Has(key string) bool {
	_, ok := s.msgs[key]
	return ok
}

// Placeholders returns the names of the placeholders the string key uses
// in this language, in any of its forms, sorted; nil when there is no
// such string.
func (s *Strings) Placeholders(key string) []string {
	if m, ok := s.msgs[key]; ok {
		return m.placeholders()
	}
	return nil
}

// Source returns the string key as the file writes it, placeholders
// and all, for a script that fills them in itself: a string for text, a
// map of CLDR category to string for plural forms, a []string for a list.
// It reports false when the language has no such string.
func (s *Strings) Source(key string) (any, bool) {
	m, ok := s.msgs[key]
	if !ok {
		return nil, false
	}
	switch m.shape {
	case shapePlural:
		forms := make(map[string]string, len(m.forms))
		for c, parts := range m.forms {
			forms[c] = source(parts)
		}
		return forms, true
	case shapeList:
		return slices.Clone(m.list), true
	}
	return source(m.forms[""]), true
}

// T returns the string key with its placeholders replaced by args, given
// as names and values: T("reviewed_by", "reviewer", "Dr. Ruiz", "date",
// "March 1, 2026"). Strings are put in as they are, whole numbers with the
// language's thousands separator (Number), other values as fmt.Sprint
// writes them. A string with plural forms takes the form of the argument
// named count, which must be a whole number.
//
// It is an error to ask for a key the language lacks or whose value is a
// list, to leave out a placeholder the string uses, or the count of a
// plural string; arguments the string does not use are ignored, since a
// language may leave out what English says.
func (s *Strings) T(key string, args ...any) (string, error) {
	m, ok := s.msgs[key]
	if !ok {
		return "", fmt.Errorf("no string %q in language %q: %s", key, s.code, s.fix)
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("string %q: %d arguments; give names and values in pairs, such as \"count\" 3", key, len(args))
	}
	vals := make(map[string]string, len(args)/2)
	count, hasCount := 0, false
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("string %q: argument name %v is not text", key, args[i])
		}
		v := args[i+1]
		if n, ok := whole(v); ok {
			vals[name] = s.Number(n)
			if name == "count" {
				count, hasCount = n, true
			}
			continue
		}
		vals[name] = fmt.Sprint(v)
	}
	var parts []part
	switch m.shape {
	case shapeList:
		return "", fmt.Errorf("string %q of language %q is a list, not text", key, s.code)
	case shapePlural:
		if !hasCount {
			return "", fmt.Errorf("string %q has plural forms: give its count as a whole number, such as \"count\" 3", key)
		}
		if parts, ok = m.forms[PluralForm(s.code, count)]; !ok {
			parts = m.forms["other"]
		}
	default:
		parts = m.forms[""]
	}
	out, missing := write(parts, vals)
	if missing != "" {
		return "", fmt.Errorf("string %q of language %q uses {%s}: give it, such as %q value", key, s.code, missing, missing)
	}
	return out, nil
}

// text returns the text of the string key, or "" when there is none or
// it is not text.
func (s *Strings) text(key string) []part {
	if m, ok := s.msgs[key]; ok && m.shape == shapeText {
		return m.forms[""]
	}
	return nil
}

// whole returns v as an int when it is a whole number of any Go integer
// type.
func whole(v any) (int, bool) {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(r.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int(r.Uint()), true
	}
	return 0, false
}

// Number writes the whole number n with the language's
// thousands_separator between each group of three digits: "1,250" in
// English.
func (s *Strings) Number(n int) string {
	digits := fmt.Sprint(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	sep := source(s.text("thousands_separator"))
	if len(digits) <= 3 || sep == "" {
		return sign + digits
	}
	var b strings.Builder
	b.WriteString(sign)
	head := len(digits) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(digits[:head])
	for i := head; i < len(digits); i += 3 {
		b.WriteString(sep)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
