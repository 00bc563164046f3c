package render

import (
	"strings"
	"unicode"
)

// honorifics are the titles before a name that its initials leave out.
var honorifics = map[string]bool{"dr": true, "dra": true, "mr": true, "mrs": true, "ms": true, "mx": true, "prof": true, "sr": true, "sra": true}

// initials is the template function initials: the first letters of the
// first and last words of a person's name, in upper case, leaving out a
// title before it and anything after a comma ("Dr. Maya Ortiz" is "MO",
// "Jordan Lee, NP" is "JL"): what a provider without a photo shows in its
// place.
func initials(name string) string {
	name, _, _ = strings.Cut(name, ",")
	var words []string
	for _, w := range strings.Fields(name) {
		if honorifics[strings.ToLower(strings.TrimSuffix(w, "."))] && len(words) == 0 {
			continue
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return ""
	}
	first := func(w string) string {
		for _, r := range w {
			if unicode.IsLetter(r) {
				return string(unicode.ToUpper(r))
			}
		}
		return ""
	}
	out := first(words[0])
	if len(words) > 1 {
		out += first(words[len(words)-1])
	}
	return out
}
