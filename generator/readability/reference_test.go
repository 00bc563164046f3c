package readability

import (
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// This file keeps straightforward reference implementations of the steps
// that Analyze does with fast paths, caches and bounded memory: splitting
// words, judging every word on its own, and collecting the hot spots by
// sorting every sentence and word. The tests below compare the two on
// random input.

// refSplitWords is splitWords written without fast paths: every rune is
// decoded and classified by package unicode, and every chunk is lower-cased
// to look for a link.
func refSplitWords(s string) []span {
	var out []span
	i := 0
	for i < len(s) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		if i < j && !refIsLink(s[i:j]) {
			for _, w := range refChunkWords(s[i:j]) {
				out = append(out, span{i + w.start, i + w.end})
			}
		}
		i = j
	}
	return out
}

func refIsLink(chunk string) bool {
	lower := strings.ToLower(chunk)
	if strings.Contains(lower, "://") || strings.HasPrefix(strings.TrimLeft(lower, "(<[\"'"), "www.") {
		return true
	}
	at := strings.IndexByte(chunk, '@')
	return at > 0 && strings.Contains(chunk[at:], ".") && at+1 < len(chunk) && refIsWordRune(rune(chunk[at+1]))
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func refChunkWords(c string) []span {
	var out []span
	i := 0
	for i < len(c) {
		r, size := utf8.DecodeRuneInString(c[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start := i
		i += size
		prev := r
		singles, partLen := true, 1
		for i < len(c) {
			r, size := utf8.DecodeRuneInString(c[i:])
			if refIsWordRune(r) {
				prev = r
				i += size
				partLen++
				singles = singles && partLen == 1
				continue
			}
			var next rune
			nsize := 0
			if i+size < len(c) {
				next, nsize = utf8.DecodeRuneInString(c[i+size:])
			}
			join := false
			switch {
			case r == '\'' || r == '’':
				join = unicode.IsLetter(prev) && unicode.IsLetter(next)
			case r == '-' || r == '‐' || r == '‑':
				join = refIsWordRune(prev) && refIsWordRune(next)
			case r == '.' || r == ',':
				join = unicode.IsDigit(prev) && unicode.IsDigit(next) ||
					r == '.' && singles && partLen == 1 && refInitialism(next, c[i+size+nsize:])
			}
			if !join {
				break
			}
			i += size
			partLen = 0
		}
		out = append(out, span{start, i})
	}
	return out
}

func refInitialism(next rune, after string) bool {
	if !unicode.IsLetter(next) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !refIsWordRune(r)
}

// refHotspots collects every sentence and every distinct long word, and
// sorts them all at the end.
type refHotspots struct {
	sentences []Sentence
	words     []Word
	letters   []int
	seen      map[string]bool
}

func (h *refHotspots) addSentence(s Sentence) { h.sentences = append(h.sentences, s) }

func (h *refHotspots) addWord(text string, line, syllables int) {
	key := strings.ToLower(text)
	if h.seen[key] {
		return
	}
	if h.seen == nil {
		h.seen = map[string]bool{}
	}
	h.seen[key] = true
	h.words = append(h.words, Word{Text: text, Line: line, Syllables: syllables})
	h.letters = append(h.letters, letters(text))
}

func (h *refHotspots) hardest() []Sentence {
	s := append([]Sentence(nil), h.sentences...)
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Grade != s[j].Grade {
			return s[i].Grade > s[j].Grade
		}
		return s[i].Words > s[j].Words
	})
	if len(s) > MaxHardest {
		s = s[:MaxHardest]
	}
	for i := range s {
		s[i].Text = strings.Join(strings.Fields(s[i].Text), " ")
	}
	return s
}

func (h *refHotspots) longest() []Word {
	idx := make([]int, len(h.words))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if h.words[i].Syllables != h.words[j].Syllables {
			return h.words[i].Syllables > h.words[j].Syllables
		}
		return h.letters[i] > h.letters[j]
	})
	if len(idx) > MaxLongest {
		idx = idx[:MaxLongest]
	}
	out := make([]Word, len(idx))
	for k, i := range idx {
		out[k] = h.words[i]
	}
	return out
}

// refAnalyze is Analyze without its per-page memo: every word is counted
// and judged on its own.
func (a *Analyzer) refAnalyze(blocks []Block) Report {
	var c, prose Counts
	var headings, fragments int
	var long []Sentence
	var lengths []float64
	var h refHotspots
	for _, b := range blocks {
		cur := lineCursor{text: b.Text, line: b.Line}
		for _, sp := range splitSentences(b.Text) {
			text := b.Text[sp.start:sp.end]
			words := refSplitWords(text)
			if len(words) == 0 {
				continue
			}
			full := !b.Heading && !(b.ListItem && refFragment(text, len(words)))
			if b.Heading {
				headings++
			} else if !full {
				fragments++
			}
			s := Counts{Sentences: 1}
			line := cur.at(sp.start + words[0].start)
			for k, ws := range words {
				w := text[ws.start:ws.end]
				n := a.Syllables(w)
				s.Words++
				s.Syllables += n
				s.Letters += letters(w)
				if isNumber(w) {
					continue
				}
				if n >= 3 {
					s.Polysyllables++
				}
				if a.refComplexWord(w, n, k == 0 || b.Heading) {
					s.ComplexWords++
				}
				if n >= 3 && full {
					h.addWord(w, cur.at(sp.start+ws.start), n)
				}
			}
			c = c.Add(s)
			if !full {
				continue
			}
			prose = prose.Add(s)
			lengths = append(lengths, float64(s.Words))
			sentence := Sentence{
				Text:      text,
				Line:      line,
				Words:     s.Words,
				Syllables: s.Syllables,
				Grade:     sentenceGrade(s.Words, s.Syllables),
			}
			h.addSentence(sentence)
			if s.Words > 20 && len(long) < MaxLong {
				sentence.Text = strings.Join(strings.Fields(text), " ")
				long = append(long, sentence)
			}
		}
	}
	return Report{
		Counts: c, Scores: Score(c),
		Prose: Prose{Counts: prose, Scores: Score(prose), Headings: headings, Fragments: fragments,
			SpreadWords: refSpread(lengths)},
		Hardest: h.hardest(), Longest: h.longest(), Long: long,
	}
}

// refSpread is the standard deviation of lengths, computed in two passes.
func refSpread(lengths []float64) float64 {
	if len(lengths) == 0 {
		return 0
	}
	mean := 0.0
	for _, l := range lengths {
		mean += l
	}
	mean /= float64(len(lengths))
	v := 0.0
	for _, l := range lengths {
		v += (l - mean) * (l - mean)
	}
	return math.Sqrt(v / float64(len(lengths)))
}

// refSentenceEnd matches the end of a full sentence: a full stop,
// question mark, exclamation mark or ellipsis, then closing quotes,
// brackets or emphasis marks.
var refSentenceEnd = regexp.MustCompile(`[.!?…][\s"'”’)\]*_]*$`)

// refFragment is fragment, written again: a list item's sentence is a
// fragment with fewer than five words or without a sentence's end.
func refFragment(text string, words int) bool {
	return words < 5 || !refSentenceEnd.MatchString(text)
}

func (a *Analyzer) refComplexWord(w string, n int, capsOK bool) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if n < 3 || !capsOK && unicode.IsUpper(r) {
		return false
	}
	parts := strings.FieldsFunc(w, func(r rune) bool {
		return r == '-' || r == '‐' || r == '‑' || r == '–' || r == '/'
	})
	for _, part := range parts {
		if a.partSyllables(uninflect(part)) >= 3 {
			return true
		}
	}
	return false
}

// randomText returns a random string of up to n pieces drawn from words,
// punctuation, white space and runes that stress the fast paths: Unicode
// letters, marks, spaces and digits, and bytes that are not UTF-8.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"a", "e", "g", "I", "U", "S", "x", "word", "Cat", "WHO", "MRI", "L4", "12", "3", "ing", "ed",
		"www", "WwW", "http", "mailto", "com", "nhs",
		" ", "  ", "\n", "\t", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000",
		".", ",", "-", "‐", "‑", "–", "—", "/", "'", "’", ":", "//", "@", "(", "<", "[", "\"", "!", "?", "…", "%",
		"é", "É", "ß", "ı", "İ", "K", "Ş", "東", "。", "\u0301", "\u0903", "²", "٣", "\xff", "\xc3",
	}
	k := r.IntN(n + 1)
	var b strings.Builder
	for range k {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestSplitWordsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		s := randomText(r, 12)
		if got, want := splitWords(s), refSplitWords(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitWords(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestLettersMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 30000 {
		s := randomText(r, 8)
		want := 0
		for _, c := range s {
			if refIsWordRune(c) && !strings.ContainsRune("\u0301\u0903", c) {
				want++
			}
		}
		if got := letters(s); got != want {
			t.Fatalf("letters(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestHotspotsMatchReference checks the bounded hot spots against sorting
// every candidate, on random sentences and words with many ties.
func TestHotspotsMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	words := []string{"Radiculopathy", "radiculopathy", "RADICULOPATHY", "anesthesia", "Anesthesia", "herniation",
		"discectomy", "percutaneous", "EBOLA", "Ebola", "ebola", "École", "école", "ÉCOLE", "İNDIGO", "indigo"}
	for range 10000 {
		var h hotspots
		var ref refHotspots
		// Analyze gives hotspots each word once, in any case (its
		// wordCache's lower-cased entries); the reference tells them
		// apart itself.
		offered := map[string]bool{}
		for i := range r.IntN(40) {
			if r.IntN(2) == 0 {
				n := 1 + r.IntN(8)
				sylls := n + r.IntN(2*n)
				s := Sentence{Text: " a\n b  ", Line: i, Words: n, Syllables: sylls, Grade: sentenceGrade(n, sylls)}
				h.addSentence(s)
				ref.addSentence(s)
			} else {
				w := words[r.IntN(len(words))]
				// The same spelling always has the same syllables, as it
				// does in Analyze; equal words in another case need not.
				sylls := 3 + len(w)%4
				if strings.ToUpper(w) == w {
					sylls += 2
				}
				if !offered[strings.ToLower(w)] {
					offered[strings.ToLower(w)] = true
					h.addWord(w, i, sylls, letters(w))
				}
				ref.addWord(w, i, sylls)
			}
		}
		if got, want := h.hardest(), ref.hardest(); !reflect.DeepEqual(got, want) {
			t.Fatalf("hardest = %+v, want %+v", got, want)
		}
		if got, want := h.longest(), ref.longest(); !reflect.DeepEqual(got, want) {
			t.Fatalf("longest = %+v, want %+v", got, want)
		}
	}
}

// TestAnalyzeMatchesReference checks Analyze, with its per-page memo and
// fast paths, against refAnalyze on random pages.
func TestAnalyzeMatchesReference(t *testing.T) {
	a := New(Lexicon{"foo": 3})
	r := rand.New(rand.NewPCG(9, 10))
	base := variedPage(t, 3000)
	for n := range 300 {
		var blocks []Block
		for range 1 + r.IntN(8) {
			b := base[r.IntN(len(base))]
			switch r.IntN(4) {
			case 0:
				b.Text = randomText(r, 40)
			case 1:
				b.Text = strings.ToUpper(b.Text)
			case 2:
				b.Heading = !b.Heading
			}
			blocks = append(blocks, b)
		}
		if n == 0 {
			blocks = base
		}
		got, want := a.Analyze(blocks), a.refAnalyze(blocks)
		// The spread is computed in one pass and in two: equal to
		// rounding.
		if math.Abs(got.Prose.SpreadWords-want.Prose.SpreadWords) < 1e-9 {
			got.Prose.SpreadWords = want.Prose.SpreadWords
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Analyze(%+v)\n = %+v\nwant %+v", blocks, got, want)
		}
	}
}

// TestNextPartMatchesFieldsFunc checks the parts that Syllables and
// complexParts walk through against strings.FieldsFunc.
func TestNextPartMatchesFieldsFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 30000 {
		s := randomText(r, 8)
		var got []string
		for rest := s; rest != ""; {
			var part string
			part, rest = nextPart(rest)
			if part != "" {
				got = append(got, part)
			}
		}
		want := strings.FieldsFunc(s, isPartSeparator)
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parts of %q = %q, want %q", s, got, want)
		}
	}
}
