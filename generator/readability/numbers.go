package readability

import "strings"

// isNumber reports whether w is a number written in digits, with optional
// thousands commas and one decimal point: "12", "1,250", "3.5".
func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	point := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
		case (c == ',' || c == '.') && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9':
			if c == '.' {
				if point {
					return false
				}
				point = true
			}
		default:
			return false
		}
	}
	return true
}

// numberSyllables counts a number written in digits as one syllable per
// group of digits: "12" and "2024" are 1, "3.5" and "1,250" are 2. Plain
// language guides (NHS, CDC) ask for numerals rather than words, and a
// reader takes a numeral in at a glance; spelling numbers out ("one
// thousand two hundred fifty", 8) would make digits look hard and push
// writers the wrong way. Most implementations of the formulas count a
// numeral as one syllable too.
func numberSyllables(w string) int {
	return 1 + strings.Count(w, ",") + strings.Count(w, ".")
}
