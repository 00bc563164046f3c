package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// findJargon returns the built-in list's jargon in text.
func findJargon(text string) []phraseUse { return NewJargon(nil, nil).find(text) }

func TestFindJargon(t *testing.T) {
	text := "We utilize heat prior to surgery,\nin order to help. Edema? Prior tomorrow; priority. Prior, to."
	var got []string
	for _, j := range findJargon(text) {
		got = append(got, fmt.Sprintf("%d:%s→%s", j.at, j.word, j.say))
	}
	want := `3:utilize→"use" 16:prior to→"before" 34:in order to→"to" 52:Edema→"swelling"`
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestPhraseStartsCoverEveryPhrase(t *testing.T) {
	for _, l := range []*phraseList{jargonList, promotionalList} {
		for k := range l.phrases {
			if first, _, phrase := strings.Cut(k, " "); phrase && !l.words[first].startsPhrase {
				t.Errorf("%q, the first word of %q, does not start a phrase", first, k)
			}
		}
	}
}

// refFindJargon is findJargon as first written, with every word's span in
// a slice and every phrase (words with white space only between them)
// lower-cased whole: the reference that
// TestFindJargonMatchesReference holds findJargon to.
func refFindJargon(text string) []phraseUse {
	var out []phraseUse
	var words [][2]int
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || (start >= 0 && (r == '\'' || r == '-') && i+1 < len(text))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, [2]int{start, len(text)})
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		lower := strings.ToLower(text[w[0]:w[1]])
		found, end := "", w[1]
		// Words of a phrase have only white space between them.
		gap := func(a, b int) bool { g := text[a:b]; return g != "" && strings.TrimLeft(g, " \t\n\r\f\v") == "" }
		if jargonList.words[lower].startsPhrase && i+1 < len(words) && gap(w[1], words[i+1][0]) {
			two := lower + " " + strings.ToLower(text[words[i+1][0]:words[i+1][1]])
			if i+2 < len(words) && gap(words[i+1][1], words[i+2][0]) {
				three := two + " " + strings.ToLower(text[words[i+2][0]:words[i+2][1]])
				if _, ok := jargon[three]; ok {
					found, end = three, words[i+2][1]
				}
			}
			if _, ok := jargon[two]; ok && found == "" {
				found, end = two, words[i+1][1]
			}
		}
		if _, ok := jargon[lower]; ok && found == "" {
			found = lower
		}
		if found == "" {
			continue
		}
		before := ""
		if i > 0 {
			before = strings.ToLower(text[words[i-1][0]:words[i-1][1]])
		}
		out = append(out, phraseUse{at: w[0], word: text[w[0]:end], say: fmt.Sprintf("%q", jargon[found]), before: before})
		i += strings.Count(found, " ")
	}
	return out
}

// randomProse returns random text made of jargon's words and phrases in
// any case, other words, punctuation, white space and runes whose
// lower case differs in length.
func randomProse(r *rand.Rand) string {
	pieces := []string{" ", " ", " ", "  ", "\n", ",", ".", "-", "'", "--", "’", "(", "%", "5", "12 ", "per", "PER", "Per cent", "5%", "20 percent", "3.5 Per Cent", "1,5 PERCENT", "7 per",
		"in", "In", "IN", "order", "Order", "to", "TO", "prior", "Prior", "adverse", "event", "Event", "prone", "position",
		"subsequent", "utilize", "Utilize", "EDEMA", "oral", "voids", "the", "cat", "İn", "\u212aelvin", "ÉDEMA", "é", "\xff"}
	keys := make([]string, 0, len(jargon))
	for k := range jargon {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pieces = append(pieces, keys...)
	var b strings.Builder
	for range r.IntN(30) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestFindJargonMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := randomProse(r)
		if got, want := findJargon(s), refFindJargon(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("findJargon(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// TestWordingFindsLikeEachList checks that Jargon.wording, which reads a
// text's words once for the jargon, the promotional wording and the claims
// of outcome, finds what each finder finds on its own, on random prose
// made of the three lists' words and phrases.
func TestWordingFindsLikeEachList(t *testing.T) {
	j := NewJargon(nil, nil)
	r := rand.New(rand.NewPCG(5, 6))
	var extra []string
	for _, l := range []*phraseList{promotionalList, outcomeList} {
		for k := range l.phrases {
			extra = append(extra, k, strings.ToUpper(k))
		}
	}
	sort.Strings(extra)
	for range 20000 {
		var b strings.Builder
		b.WriteString(randomProse(r))
		for range r.IntN(6) {
			b.WriteString([]string{" ", ", ", " no ", " 20% "}[r.IntN(4)])
			b.WriteString(extra[r.IntN(len(extra))])
		}
		s := b.String()
		ws := wordsOf(s)
		gotJ, gotP, gotC := j.wording(ws)
		if want := j.findIn(ws); !reflect.DeepEqual(gotJ, want) {
			t.Fatalf("jargon of %q: %+v, want %+v", s, gotJ, want)
		}
		if want := promotionalIn(ws); !reflect.DeepEqual(gotP, want) {
			t.Fatalf("promotional wording of %q: %+v, want %+v", s, gotP, want)
		}
		if want := outcomesIn(ws); !reflect.DeepEqual(gotC, want) {
			t.Fatalf("claims of %q: %v, want %v", s, gotC, want)
		}
	}
}

// TestMayHavePercent checks that the quick test never skips a text in
// which the expression percent finds a percentage.
func TestMayHavePercent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := randomProse(r)
		if percent.MatchString(s) && !mayHavePercent(s) {
			t.Fatalf("mayHavePercent(%q) = false, but it has a percentage", s)
		}
	}
	for s, want := range map[string]bool{"20%": true, "12 PerCent": true, "5 pEr cent": true, "no digits %, per": false, "7 people": false, "": false} {
		if got := mayHavePercent(s); got != want {
			t.Errorf("mayHavePercent(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkWording runs the wording checks, jargon and the quick test for
// percentages, on a page of about 1,000 words.
func BenchmarkWording(b *testing.B) {
	para := "Most people with a slipped disc get better in a few weeks. In order to ease the pain, " +
		"your doctor may suggest pain relievers, gentle exercise and physical therapy. Prior to surgery, " +
		"we utilize an MRI scan to see the nerve. About 1 in 5 people need more care. "
	text := strings.Repeat(para, 20)
	b.ReportAllocs()
	for b.Loop() {
		for _, block := range strings.SplitAfter(text, ". ") {
			findJargon(block)
			mayHavePercent(block)
		}
	}
}

// FuzzNormalize holds normalize, which returns most words as they are, to
// its definition: lower-cased, one space between the words.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", " ", "sciatica", "nerve root", "Nerve root", "nerve  root", " nerve", "nerve ", "nerve\troot", "ciática", "x-ray's", "a\vb", "\u00a0a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalize(s), strings.Join(strings.Fields(strings.ToLower(s)), " "); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
