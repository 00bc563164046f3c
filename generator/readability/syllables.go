package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Syllables returns the number of syllables in word as Lumen counts them:
// at least 1 for any word with a letter or a digit, 0 only for a string
// with neither.
//
// The word is looked up, in order, whole and then part by part (hyphenated
// parts are counted separately and summed):
//
//  1. in the site lexicon and the built-in lexicons (common English
//     exceptions and medical terms), also through simple inflections:
//     "herniations" is "herniation", "discectomies" is "discectomy";
//  2. as a number written in digits, one syllable per group of digits
//     ("12" is 1, "3.5" and "1,250" are 2; see numberSyllables);
//  3. as an acronym of two to five capital letters, counted letter by
//     letter ("MRI" is "em-ar-eye", 3; "WHO" is 5);
//  4. by English spelling rules (see the package documentation).
func (a *Analyzer) Syllables(word string) int {
	n := 0
	for rest := word; rest != ""; {
		var part string
		part, rest = nextPart(rest)
		if part != "" {
			n += a.partSyllables(part)
		}
	}
	if n == 0 && hasAlnum(word) {
		return 1
	}
	return n
}

// nextPart splits the first part off a token whose parts are separated by
// hyphens, dashes or slashes: part runs up to the first separator, rest
// follows it. part is empty where two separators meet or the token starts
// with one.
func nextPart(token string) (part, rest string) {
	for i := 0; i < len(token); {
		r, size := runeAt(token, i)
		if isPartSeparator(r) {
			return token[:i], token[i+size:]
		}
		i += size
	}
	return token, ""
}

// isPartSeparator reports whether r separates the parts of a word: a
// hyphen, a dash or a slash.
func isPartSeparator(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '/'
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// partSyllables counts one hyphen-free part of a word, remembering the
// count: the words of a site repeat, and the rules are the costly part of
// scoring a page. The part is remembered as a copy: it is a slice of its
// page's text, which it would otherwise keep for the rest of the build
// (the text of every page that had a word no page before it had).
func (a *Analyzer) partSyllables(part string) int {
	if n, ok := a.memo.Load(part); ok {
		return n.(int)
	}
	n := a.countPart(part)
	a.memo.Store(strings.Clone(part), n)
	return n
}

// countPart counts one hyphen-free part of a word.
func (a *Analyzer) countPart(part string) int {
	if !hasAlnum(part) {
		return 0
	}
	if a.spanish {
		return SpanishSyllables(part)
	}
	lower := strings.ToLower(part)
	if n, ok := a.lookup(lower); ok {
		return n
	}
	if isNumber(part) {
		return numberSyllables(part)
	}
	if isAcronym(part) || strings.Contains(part, ".") && !isNumber(part) {
		return letterNames(part) // "MRI", "e.g"
	}
	if mixedLettersDigits(part) {
		return a.mixedSyllables(part)
	}
	base, suffix := splitApostrophe(lower)
	if n, ok := a.lookup(base); ok {
		return max(1, n+apostropheExtra(base, suffix))
	}
	ascii, ok := foldLatin(base)
	if !ok {
		return otherScript(base)
	}
	if ascii == "" {
		return 1
	}
	if len(ascii) >= 2 && !hasVowel(ascii) && !strings.Contains(ascii, "-") {
		if m, ok := a.lookup(ascii); ok {
			return m // "hmm", "nth"
		}
		return letterNames(ascii) // "ptsd" read letter by letter
	}
	n := 0
	for _, piece := range strings.Split(ascii, "-") { // diaeresis breaks: "naïve" is "na-ive"
		if piece == "" {
			continue
		}
		if m, ok := a.lookup(piece); ok {
			n += m
		} else {
			n += a.rules(piece)
		}
	}
	return max(1, n+apostropheExtra(base, suffix))
}

// lookup finds a lower-case word in the lexicon, directly or through a
// regular inflection of an entry.
func (a *Analyzer) lookup(w string) (int, bool) {
	if n, ok := a.lex[w]; ok {
		return n, true
	}
	if len(w) < 4 {
		return 0, false
	}
	type infl struct {
		suffix, replace string
		add             int
	}
	for _, f := range [...]infl{
		{"ies", "y", 0}, {"ied", "y", 0}, {"s", "", 0}, {"es", "", 1}, {"'s", "", 0},
		{"ed", "", 1}, {"ed", "e", 0}, {"d", "", 0}, {"ing", "", 1}, {"ing", "e", 1},
		{"ly", "", 1}, {"al", "", 1},
	} {
		if !strings.HasSuffix(w, f.suffix) {
			continue
		}
		base := w[:len(w)-len(f.suffix)] + f.replace
		n, ok := a.lex[base]
		if !ok {
			continue
		}
		add := f.add
		switch f.suffix {
		case "s": // "diseases", "faces"
			if strings.HasSuffix(base, "e") && sibilantEnd(base) {
				add = 1
			}
		case "es": // "-es" adds a syllable only after a sibilant: "foramina" aside, "stenoses"
			if !sibilantEnd(base) {
				add = 0
			}
		case "ed": // "-ed" adds one only after t or d
			if f.replace == "" && !strings.HasSuffix(base, "t") && !strings.HasSuffix(base, "d") {
				add = 0
			}
		case "'s":
			if sibilantEnd(base) {
				add = 1
			}
		}
		return n + add, true
	}
	return 0, false
}

func sibilantEnd(w string) bool {
	for _, s := range [...]string{"s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// splitApostrophe splits "patient's" into "patient" and "s", and
// "doesn't" into "does" and "nt".
func splitApostrophe(w string) (base, suffix string) {
	w = strings.ReplaceAll(w, "’", "'")
	if strings.HasSuffix(w, "n't") {
		return w[:len(w)-3], "nt"
	}
	i := strings.LastIndexByte(w, '\'')
	if i <= 0 {
		return strings.ReplaceAll(w, "'", ""), ""
	}
	return strings.ReplaceAll(w[:i], "'", ""), w[i+1:]
}

// apostropheExtra is the syllable a contraction or possessive adds: one
// for "-'s" after a sibilant ("nurse's") and for "-n't" after a consonant
// sound ("didn't", "doesn't", but not "can't", "don't", "won't").
func apostropheExtra(base, suffix string) int {
	switch suffix {
	case "s":
		if sibilantEnd(base) {
			return 1
		}
	case "nt":
		switch base {
		case "ca", "do", "wo", "ai", "are", "were", "sha":
			return 0
		}
		return 1
	}
	return 0
}

// foldLatin maps accented Latin letters to ASCII. A vowel with a
// diaeresis after another vowel starts a new syllable, so it becomes a
// "-" break. ok is false when w has letters of another script.
func foldLatin(w string) (string, bool) {
	var b strings.Builder
	prevVowel := false
	for i, r := range w {
		var s string
		brk := false
		switch {
		case r < utf8.RuneSelf:
			if r >= 'a' && r <= 'z' {
				s = string(r)
			} else {
				continue // apostrophes and stray marks
			}
		case strings.ContainsRune("àáâãåā", r):
			s = "a"
		case r == 'ä':
			s, brk = "a", true
		case r == 'æ':
			s = "ae"
		case r == 'ç':
			s = "c"
		case r == 'é' && i+utf8.RuneLen(r) == len(w):
			s = "ay" // a final é is said: "café", "résumé"
		case strings.ContainsRune("èéêēę", r):
			s = "e"
		case r == 'ë':
			s, brk = "e", true
		case strings.ContainsRune("ìíîī", r):
			s = "i"
		case r == 'ï':
			s, brk = "i", true
		case r == 'ñ':
			s = "n"
		case strings.ContainsRune("òóôõøō", r):
			s = "o"
		case r == 'ö':
			s, brk = "o", true
		case r == 'œ':
			s = "oe"
		case strings.ContainsRune("ùúûū", r):
			s = "u"
		case r == 'ü':
			s, brk = "u", true
		case strings.ContainsRune("ýÿ", r):
			s = "y"
		case r == 'ß':
			s = "ss"
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.Is(unicode.Latin, r):
			s = "x" // a consonant stand-in for other Latin letters
		default:
			return "", false
		}
		if brk && prevVowel {
			b.WriteByte('-')
		}
		b.WriteString(s)
		prevVowel = isVowel(s[len(s)-1])
	}
	return b.String(), true
}

// otherScript estimates syllables in a word of a non-Latin script: one per
// character for Chinese, Japanese kana and Korean, which write syllables,
// and one per three letters elsewhere (a rough mean for alphabets).
func otherScript(w string) int {
	n, letters := 0, 0
	for _, r := range w {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			n++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return max(1, n+(letters+2)/3)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isConsonant(c byte) bool { return c >= 'a' && c <= 'z' && !isVowel(c) }

// isAcronym reports whether w is two to five capital letters, read letter
// by letter ("MRI", "NHS", "ACDF").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// letterNames counts the syllables of the letters of w read aloud: one
// each, except W ("double-u"), three.
func letterNames(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
			if r == 'w' || r == 'W' {
				n += 2
			}
		}
	}
	return n
}

func mixedLettersDigits(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// mixedSyllables counts a token such as "L4", "T12" or "COVID19": runs of
// digits as numbers, runs of up to three letters by letter name, longer
// runs as words. An ordinal suffix ("2nd", "21st") adds nothing.
func (a *Analyzer) mixedSyllables(w string) int {
	n := 0
	i := 0
	for i < len(w) {
		j := i
		digit := w[i] >= '0' && w[i] <= '9'
		for j < len(w) && (w[j] >= '0' && w[j] <= '9') == digit {
			j++
		}
		run := w[i:j]
		switch {
		case digit:
			n += numberSyllables(run)
		case i > 0 && len(run) == 2 && isOrdinal(strings.ToLower(run)):
		case len(run) <= 3:
			n += letterNames(run)
		default:
			n += a.partSyllables(run)
		}
		i = j
	}
	return max(1, n)
}

func isOrdinal(s string) bool { return s == "st" || s == "nd" || s == "rd" || s == "th" }

// maxWordLen bounds the words that rules takes apart by suffix and
// compound; longer strings (no English word has more than 45 letters) are
// only counted by vowel groups, so that hostile input stays linear.
const maxWordLen = 64

// rules counts the syllables of a lower-case ASCII word by its spelling:
// vowel groups, adjusted for silent and split vowels and for inflections.
func (a *Analyzer) rules(w string) int {
	if n, ok := a.lex[w]; ok {
		return n
	}
	n := len(w)
	if n <= 2 {
		return 1
	}
	if n > maxWordLen {
		return max(1, spelling(w)) // no English word is this long; stay linear
	}
	// A compound whose first word ends in a silent e: "sometimes", "therefore".
	for _, head := range [...]string{"some", "where", "there", "care", "life", "home", "time", "fire", "bone", "house", "side", "base", "wide", "safe", "state", "hope", "use", "like", "more", "whole", "lone", "love", "game", "name",
		"horse", "goose", "grape", "bare", "nose", "ware", "stone", "lake", "shore", "store", "tape", "space", "waste", "wave", "line", "lime", "pipe", "sale", "nine", "five", "wife", "note", "race", "pace", "tide", "wise", "fore", "guide"} {
		if rest, ok := strings.CutPrefix(w, head); ok && len(rest) >= 3 && rest != "ness" &&
			(isConsonant(rest[0]) && rest[0] != 'r' && rest[0] != 'y' || head == "where" || head == "there" || head == "some") &&
			!(head == "fore" && (rest[0] == 'n' || rest[0] == 's')) {
			return a.rules(head) + a.rules(rest)
		}
	}
	// Inflections whose stem is counted on its own, so that the stem's
	// silent e stays silent: "walked" is "walk(e)", "makes" is "make".
	if n >= 5 && strings.HasSuffix(w, "ing") && hasVowel(w[:n-3]) {
		return a.rules(w[:n-3]) + 1 // "going", "being", "making"
	}
	if n >= 5 && strings.HasSuffix(w, "yed") && isVowel(w[n-4]) {
		return a.rules(w[:n-2]) // "delayed", "enjoyed"
	}
	if n >= 4 && strings.HasSuffix(w, "ed") && isConsonant(w[n-3]) && hasVowel(w[:n-2]) {
		if w[n-3] == 't' || w[n-3] == 'd' {
			return a.rules(w[:n-2]) + 1 // "wanted", "created"
		}
		return a.rules(w[:n-1]) // "walked" as "walke", "tabled" as "table"
	}
	if n >= 4 && strings.HasSuffix(w, "es") && isConsonant(w[n-3]) && hasVowel(w[:n-2]) {
		stem := w[:n-1]
		if sibilantEnd(w[:n-2]) || w[n-3] == 'c' || w[n-3] == 'g' {
			return a.rules(stem) + 1 // "faces", "boxes", "wishes"
		}
		return a.rules(stem) // "makes", "tables"
	}
	if n >= 4 && w[n-1] == 's' && !strings.ContainsRune("suiy", rune(w[n-2])) && hasVowel(w[:n-1]) {
		return a.rules(w[:n-1]) // "ideas", "dogs"
	}
	// A silent e before a consonant suffix: "lately", "movement", "careful".
	for _, suf := range [...]string{"ments", "ment", "fully", "ful", "lessly", "less", "ness", "ly", "ty", "some", "wise"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 3 &&
			stem[len(stem)-1] == 'e' && isConsonant(stem[len(stem)-2]) && vowelGroups(stem) >= 2 &&
			!(suf == "ment" && strings.HasSuffix(stem, "ele")) {
			return a.rules(stem) + a.rules(suf)
		}
	}
	return max(1, spelling(w))
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// vowelGroups counts runs of vowels, treating y as a consonant before a
// vowel ("yes", "beyond", "player") and u as a consonant after q and
// after g before a vowel ("quiet", "guide").
func vowelGroups(w string) int {
	n := 0
	in := false
	for i := 0; i < len(w); i++ {
		v := vowelAt(w, i)
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func vowelAt(w string, i int) bool {
	c := w[i]
	if !isVowel(c) {
		return false
	}
	next := byte(0)
	if i+1 < len(w) {
		next = w[i+1]
	}
	switch c {
	case 'y':
		return !(next != 0 && strings.IndexByte("aeiou", next) >= 0)
	case 'u':
		if i > 0 && w[i-1] == 'q' {
			return false
		}
		if i > 0 && w[i-1] == 'g' && next != 0 && strings.IndexByte("aeiouy", next) >= 0 {
			return false // "guide", "language", "league"; "argue" is in the lexicon
		}
	}
	return true
}

// spelling is the core rule set: vowel groups, less a silent final e,
// plus vowel pairs that are said as two syllables.
func spelling(w string) int {
	n := vowelGroups(w)
	l := len(w)
	// Silent final e: "make", "whale", but not "table", "acre", "the".
	if l >= 3 && w[l-1] == 'e' && n > 1 &&
		(isConsonant(w[l-2]) || w[l-2] == 'u' && (w[l-3] == 'q' || w[l-3] == 'g')) {
		syllabic := (w[l-2] == 'l' || w[l-2] == 'r') && isConsonant(w[l-3]) && w[l-3] != w[l-2] &&
			!(w[l-2] == 'r' && w[l-3] == 'r')
		if !syllabic {
			n--
		}
	}
	// A prefix whose vowel meets the stem's: "re-act", "co-operate".
	boundary := -1
	for _, p := range reSplitPrefixes {
		if strings.HasPrefix(w, p) {
			for i := 0; i+1 < len(p); i++ {
				if isVowel(p[i]) && isVowel(p[i+1]) {
					boundary = i
					break
				}
			}
			n++
			break
		}
	}
	// Vowel pairs said as two syllables.
	for i := 0; i+1 < len(w); i++ {
		if i == boundary || !vowelAt(w, i) || !vowelAt(w, i+1) {
			continue
		}
		if splitPair(w, i) {
			n++
		}
	}
	switch {
	case strings.HasSuffix(w, "ism") || strings.HasSuffix(w, "asm") || strings.HasSuffix(w, "ysm") ||
		strings.HasSuffix(w, "thm"):
		n++ // "autism", "spasm", "aneurysm", "rhythm"
	case strings.HasPrefix(w, "mc") && l > 3:
		n++ // "McDonald"
	}
	if strings.HasSuffix(w, "ically") {
		n-- // "basically" is "ba-sic-ly"
	}
	return max(1, n)
}

// reSplitPrefixes are word starts where a prefix's vowel meets the stem's:
// "re-act", "re-elect", "co-operate", "pre-existing".
var reSplitPrefixes = [...]string{
	"react", "readj", "readm", "reanal", "reaff", "reag", "realig", "realloc", "reapp", "rearr", "reass", "reatt", "reaw",
	"reel", "reem", "reen", "reeval", "reexam", "reexp", "reest", "reimb", "reimp", "reinc",
	"reinf", "reins", "reint", "reinv", "reiss", "reiter", "reo", "reun", "reus",
	"coopera", "coord", "coex", "coag", "coerc", "coinc", "coalit", "coales", "coau",
	"preex", "preop", "preem", "deact", "deesc", "deemph", "bioe", "neoa", "zool",
	"creat", "theat",
}

// splitPair reports whether the vowels at i and i+1 of w belong to two
// syllables.
func splitPair(w string, i int) bool {
	a, b := w[i], w[i+1]
	prev := byte(0)
	if i > 0 {
		prev = w[i-1]
	}
	rest := w[i+2:]
	atEnd := rest == ""
	softBefore := prev == 'c' || prev == 't' || prev == 's' || prev == 'g' || prev == 'x'
	switch string([]byte{a, b}) {
	case "ia":
		if softBefore {
			// "-ciate", "-tiation" split; "-cial", "-tia", "-sia" do not.
			return (prev == 'c' || prev == 't') && strings.HasPrefix(rest, "t") &&
				!strings.HasPrefix(rest, "ty") && !strings.HasPrefix(rest, "tive")
		}
		return !(prev == 'l' && i > 1 && w[i-2] == 'l')
	case "io":
		if softBefore {
			return false // "-tion", "-sion", "-cious", "-gion", "anxious"
		}
		if prev == 'l' && i > 1 && w[i-2] == 'l' {
			return false // "million"
		}
		if prev == 'n' && strings.HasPrefix(rest, "n") {
			return false // "onion", "union"
		}
		return true // "radio", "period", "various", "violence"
	case "iu":
		return true // "medium", "calcium"
	case "ie":
		switch {
		case strings.HasPrefix(rest, "t"):
			return true // "diet", "quiet", "anxiety"
		case (rest == "r" || rest == "rs" || rest == "st") && i > 1:
			return vowelGroups(w[:i]) > 0 // "easier", "earliest", not "pier"
		case strings.HasPrefix(rest, "nt") || strings.HasPrefix(rest, "nc"):
			return !softBefore // "client", "audience", not "patient", "ancient"
		}
	case "eo":
		return !(prev == 'g' && i > 1) && !strings.HasPrefix(w, "peo") && !strings.HasPrefix(w, "yeo")
	case "eu":
		return rest == "m" || rest == "s" // "museum", "nucleus"
	case "ua":
		return prev != 'q' && prev != 'g' // "actual", "usual"
	case "ue":
		return !atEnd && (rest[0] == 'l' || rest[0] == 'n' || rest[0] == 't') // "cruel", "fluent", "duet"
	case "ui":
		return !atEnd && (rest[0] == 'd' || rest[0] == 'n' || strings.HasPrefix(rest, "ti") || strings.HasPrefix(rest, "ty") ||
			strings.HasPrefix(rest, "to")) // "fluid", "ruin", "intuition"
	case "uo":
		return true // "duo", "fluoride" aside, "continuous"
	case "oe":
		return i > 0 && !atEnd && strings.IndexByte("mtvl", rest[0]) >= 0 // "poem", "poet", "whoever"
	case "oi":
		return rest == "c" || rest == "sm" || rest == "st" // "heroic", "heroism", "egoist"
	case "ea":
		return atEnd && vowelGroups(w[:i]) > 0 || rest == "te" || rest == "tes" // "area", "idea", "delineate"
	case "ao":
		return true // "chaos", "aorta"
	case "ii":
		return true // "radii"
	}
	return false
}
