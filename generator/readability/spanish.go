package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spanish readability: syllables counted by rule, and the two indexes
// Spanish health writers use. Spanish spelling says how a word is spoken,
// so rules count its syllables without a dictionary: each syllable has one
// vowel nucleus, and the question is only which vowels side by side share
// one (RAE, Ortografía de la lengua española, 2010, §1.3):
//
//   - two strong vowels (a, e, o) are two syllables, a hiatus: le-er, po-e-ta;
//     so are two of the same weak vowel: chi-i-ta, an-ti-in-fla-ma-to-rio;
//   - a strong and an unstressed weak vowel (i, u, ü, and y at the end of a
//     word) are one, a diphthong (ai-re, cue-llo, hoy), as are two weak ones
//     (ciu-dad, cui-da) and weak-strong-weak, a triphthong (buey, U-ru-guay);
//   - a weak vowel with a written accent (í, ú) is a syllable of its own
//     beside any vowel: dí-a, ba-úl, re-ír, le-í-ais;
//   - a strong vowel with a written accent is still strong: a-é-re-o;
//   - h between vowels does not part them: ahu-ma-do, prohi-bir (but
//     pro-hí-bo, by the accent);
//   - y is a vowel only at the end of a word after a vowel (muy, rey) or as
//     the word y; elsewhere it is a consonant (a-yu-da, yo).
//
// The u of que, qui, gue and gui is silent; it shares its nucleus with the
// next vowel, so counting nuclei already leaves it out.

// vowelKind classifies a lower-case letter for syllable counting.
type vowelKind uint8

const (
	notVowel vowelKind = iota
	strongVowel
	weakVowel
	accentedWeak // í, ú: a nucleus of its own
)

// spanishVowel returns the kind of r, lower case, as a vowel.
func spanishVowel(r rune) vowelKind {
	switch r {
	case 'a', 'e', 'o', 'á', 'é', 'ó':
		return strongVowel
	case 'i', 'u', 'ü':
		return weakVowel
	case 'í', 'ú':
		return accentedWeak
	}
	return notVowel
}

// SpanishSyllables returns the number of syllables of a Spanish word, by
// the rules above; a word of letters without a vowel (an abbreviation such
// as "km") is one, and a number written in digits is counted as its digits
// are read in English (numberSyllables), close enough for a readability
// score.
func SpanishSyllables(word string) int {
	if isNumber(word) {
		return numberSyllables(word)
	}
	w := strings.ToLower(word)
	if w == "y" {
		return 1 // the word y ("and") is a vowel
	}
	n, letters := 0, 0
	// The nucleus being read: whether there is one, and whether it has a
	// strong vowel (or an accented weak one) already.
	inNucleus, hasStrong := false, false
	var last rune // the last vowel read
	for i, r := range w {
		if !unicode.IsLetter(r) {
			// A hyphen or an apostrophe parts words: "pre-operatorio".
			inNucleus = false
			continue
		}
		letters++
		kind := spanishVowel(r)
		if r == 'y' && i > 0 && !nextIsLetter(w[i+1:]) {
			if prev, _ := utf8.DecodeLastRuneInString(w[:i]); spanishVowel(prev) != notVowel {
				kind = weakVowel // a final y after a vowel: muy, rey, Uruguay
			}
		}
		switch kind {
		case notVowel:
			if r != 'h' {
				inNucleus = false
			}
		case strongVowel:
			if !inNucleus || hasStrong {
				n++
			}
			inNucleus, hasStrong = true, true
		case weakVowel:
			if !inNucleus || r == last {
				n++
				inNucleus, hasStrong = true, false
			}
		case accentedWeak:
			n++
			inNucleus, hasStrong = true, true
		}
		if kind != notVowel {
			last = r
		}
	}
	if n == 0 && letters > 0 {
		return 1
	}
	return n
}

// nextIsLetter reports whether s starts with a letter.
func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// SpanishScores are the readability indexes of a Spanish text. Both run
// from 0 (very hard) to 100 (very easy).
type SpanishScores struct {
	// FernandezHuerta is 206.84 − 0.60·P − 1.02·F, with P the syllables
	// per 100 words and F the words per sentence: Fernández Huerta's
	// (1959) adaptation of Flesch Reading Ease as corrected by Gwillim Law
	// (2011). The often-quoted reading of F as sentences per 100 words is
	// a misprint that rewards long sentences.
	FernandezHuerta float64
	// INFLESZ is the Szigriszt-Pazos perspicuity index, 206.835 −
	// 62.3·(syllables/words) − (words/sentences), read on the INFLESZ
	// scale (Barrio-Cantalejo et al., 2008): under 40 very hard, 40–55
	// somewhat hard, 55–65 normal, 65–80 fairly easy ("bastante fácil"),
	// over 80 very easy.
	INFLESZ float64
}

// ScoreSpanish computes the Spanish indexes of counts c, whose syllables
// were counted with SpanishSyllables. Counts without words score zero.
func ScoreSpanish(c Counts) SpanishScores {
	if c.Words <= 0 || c.Sentences <= 0 {
		return SpanishScores{}
	}
	w, s, y := float64(c.Words), float64(c.Sentences), float64(c.Syllables)
	return SpanishScores{
		FernandezHuerta: 206.84 - 0.60*(y/w*100) - 1.02*(w/s),
		INFLESZ:         206.835 - 62.3*(y/w) - w/s,
	}
}

// INFLESZScale returns the name, in Spanish, of the band of the INFLESZ
// scale that score falls in.
func INFLESZScale(score float64) string {
	switch {
	case score < 40:
		return "muy difícil"
	case score < 55:
		return "algo difícil"
	case score < 65:
		return "normal"
	case score <= 80:
		return "bastante fácil"
	}
	return "muy fácil"
}
