package content

import (
	"strings"
	"unicode"
)

// Slugify turns text into a URL path segment: lower-case letters and
// digits joined by single hyphens, with the accents of Latin letters
// removed ("Diagnóstico y tratamiento" becomes
// "diagnostico-y-tratamiento"). Letters of other scripts are kept as they
// are. It returns "" when text has no letters or digits.
func Slugify(text string) string {
	if isSlug(text) {
		return text // most file and folder names already are
	}
	return slugify(text)
}

// slugify is Slugify without its shortcut for text that is a slug.
func slugify(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(text) {
		if plain, ok := unaccented[r]; ok {
			r = plain
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '\u2019':
			// An apostrophe joins: "women's" becomes "womens".
		default:
			hyphen = true
		}
	}
	return b.String()
}

// isSlug reports whether text is already what Slugify makes of it:
// lower-case ASCII letters and digits in runs joined by single hyphens.
func isSlug(text string) bool {
	if text == "" || text[0] == '-' || text[len(text)-1] == '-' {
		return false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && text[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// unaccented maps the accented lower-case Latin letters of Western
// European languages to their base letters.
var unaccented = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a',
	'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}
