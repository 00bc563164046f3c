package i18n

import "strings"

// PluralForm returns the CLDR plural category ("one", "few", "many" or
// "other") of the whole number n in the language code, by the rules of
// Unicode CLDR for whole numbers
// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
// Lumen knows the rules of the languages US practices most often publish
// in; any other language uses English's rule: "one" for 1, "other" for
// every other number.
func PluralForm(code string, n int) string {
	lang, _, _ := strings.Cut(strings.ToLower(code), "-")
	if n < 0 {
		n = -n
	}
	switch lang {
	case "zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "my":
		return "other" // no plural forms
	case "fr", "pt", "hi", "bn", "fa", "gu", "kn", "zu", "am":
		// "pt" is Brazilian Portuguese, the one US practices write for.
		if n == 0 || n == 1 {
			return "one"
		}
		return "other"
	case "ru", "uk", "be":
		switch {
		case n%10 == 1 && n%100 != 11:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		}
		return "many"
	case "pl":
		switch {
		case n == 1:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		}
		return "many"
	}
	if n == 1 {
		return "one"
	}
	return "other"
}
