package readability

import (
	"math"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

func TestAnalyzeHeadingsAndListItems(t *testing.T) {
	r := New(nil).Analyze([]Block{
		{Text: "Treatment step by step", Line: 3, Heading: true},
		{Text: "Rest for a day or two", Line: 5, ListItem: true},
		{Text: "Walk a little more each day", Line: 6, ListItem: true},
		{Text: "Most people get better. Some need surgery.", Line: 8},
	})
	if r.Sentences != 5 || r.Words != 23 {
		t.Errorf("sentences, words = %d, %d; want 5, 23", r.Sentences, r.Words)
	}
}

// TestProseLeavesOutHeadingsAndFragments holds the rule of Prose: the
// sentences of headings, and of list items under five words or without a
// sentence's end, count for the whole page but not for its prose, and are
// never hot spots.
func TestProseLeavesOutHeadingsAndFragments(t *testing.T) {
	for _, tc := range []struct {
		block     Block
		fragments int
	}{
		{Block{Text: "Numbness in the leg", ListItem: true}, 1},
		{Block{Text: "Physical therapy", ListItem: true}, 1},
		{Block{Text: "Call us.", ListItem: true}, 1},
		{Block{Text: "Numbness or weakness in both of your legs", ListItem: true}, 1},
		{Block{Text: "Walk a little more each day.", ListItem: true}, 0},
		{Block{Text: "Do you have pain in both legs at once?", ListItem: true}, 0},
		{Block{Text: "Rest for a day. Then walk a little more each day.", ListItem: true}, 1}, // the first sentence
		{Block{Text: "Ice helps.", ListItem: false}, 0},                                       // a paragraph's sentences are all prose
	} {
		r := New(nil).Analyze([]Block{tc.block})
		if r.Prose.Fragments != tc.fragments || r.Prose.Headings != 0 {
			t.Errorf("%q: %+v; want %d fragments", tc.block.Text, r.Prose, tc.fragments)
		}
	}
	blocks := []Block{
		{Text: "Multidisciplinary integration", Line: 1, Heading: true},
		{Text: "Introduction", Line: 3, Heading: true},
		{Text: "Transforaminal decompression", Line: 5, ListItem: true},
		{Text: "Most people get better without surgery. Walking helps the back heal.", Line: 7},
		{Text: "Ask us about every choice you have before you decide.", Line: 9, ListItem: true},
	}
	r := New(nil).Analyze(blocks)
	if r.Sentences != 6 || r.Prose.Sentences != 3 || r.Prose.Headings != 2 || r.Prose.Fragments != 1 {
		t.Fatalf("page %d sentences, prose %+v: want 6, 3 of prose, 2 headings, 1 fragment", r.Sentences, r.Prose)
	}
	if got := r.Prose.LeftOut(); math.Abs(got-0.5) > 1e-9 {
		t.Errorf("left out %v, want 0.5", got)
	}
	if r.Prose.Words != 21 || r.Prose.FleschKincaidGrade == r.FleschKincaidGrade {
		t.Errorf("prose %+v, page grade %v: the prose has 21 words and its own grade", r.Prose, r.FleschKincaidGrade)
	}
	for _, s := range r.Hardest {
		if s.Line < 7 {
			t.Errorf("a heading or a fragment is a hardest sentence: %+v", s)
		}
	}
	for _, w := range r.Longest {
		if w.Line < 7 {
			t.Errorf("a word of a heading or a fragment is among the longest: %+v", w)
		}
	}
}

func TestAnalyzeHotSpots(t *testing.T) {
	blocks := []Block{
		{Text: "Lumbar Disc Herniation", Line: 1, Heading: true},
		{Text: "Your back hurts. Rest.\nPercutaneous endoscopic discectomy\nremoves the herniated fragment\nunder local anesthesia.", Line: 3},
		{Text: "Call us.", Line: 9, ListItem: true},
		{Text: "A radiculopathy is a pinched nerve root. It is Radiculopathy.", Line: 11},
	}
	r := New(nil).Analyze(blocks)
	if len(r.Hardest) != 5 {
		t.Fatalf("Hardest has %d sentences, want 5", len(r.Hardest))
	}
	h := r.Hardest[0]
	want := "Percutaneous endoscopic discectomy removes the herniated fragment under local anesthesia."
	if h.Text != want || h.Line != 4 || h.Words != 10 {
		t.Errorf("hardest = %+v, want %q at line 4 with 10 words", h, want)
	}
	if math.Abs(h.Grade-sentenceGrade(h.Words, h.Syllables)) > 1e-9 {
		t.Errorf("grade %v is not the sentence's FK grade", h.Grade)
	}
	for i := 1; i < len(r.Hardest); i++ {
		if r.Hardest[i].Grade > r.Hardest[i-1].Grade {
			t.Errorf("Hardest not sorted: %+v", r.Hardest)
		}
	}
	// Longest words: distinct ignoring case, first occurrence kept, only
	// words of three or more syllables, never from a heading (this text
	// has six, and "Herniation" in its heading).
	if len(r.Longest) != 6 {
		t.Fatalf("Longest has %d words: %+v", len(r.Longest), r.Longest)
	}
	if w := r.Longest[0]; w.Text != "radiculopathy" || w.Line != 11 || w.Syllables != 6 {
		t.Errorf("longest = %+v, want radiculopathy, line 11, 6 syllables", w)
	}
	lines := map[string]int{}
	for _, w := range r.Longest {
		k := strings.ToLower(w.Text)
		if _, dup := lines[k]; dup {
			t.Errorf("%q listed twice", w.Text)
		}
		lines[k] = w.Line
	}
	if _, ok := lines["herniation"]; ok {
		t.Errorf("a word of a heading is among the longest: %v", lines)
	}
	for w, line := range map[string]int{"percutaneous": 4, "discectomy": 4, "herniated": 5, "anesthesia": 6} {
		if lines[w] != line {
			t.Errorf("%s at line %d, want %d (all: %v)", w, lines[w], line, lines)
		}
	}
	for i := 1; i < len(r.Longest); i++ {
		a, b := r.Longest[i-1], r.Longest[i]
		if b.Syllables > a.Syllables || b.Syllables == a.Syllables && letters(b.Text) > letters(a.Text) {
			t.Errorf("Longest not sorted at %d: %+v", i, r.Longest)
		}
	}
}

func TestAnalyzeComplexWords(t *testing.T) {
	a := New(nil)
	tests := []struct {
		block         Block
		poly, complex int
	}{
		// "Australian" is a capitalised word inside a sentence: a proper noun.
		{Block{Text: "The Australian platypus is seemingly a hybrid.", Line: 1}, 3, 2},
		// At the start of a sentence, or in a heading, capitals do not count.
		{Block{Text: "Australian doctors agree.", Line: 1}, 1, 1},
		{Block{Text: "Endoscopic Spine Surgery", Line: 1, Heading: true}, 2, 2},
		// -es, -ed and -ing endings that make the third syllable do not count.
		{Block{Text: "It created traces, and we are repeating it.", Line: 1}, 2, 0},
		// Acronyms are capitalised; numbers are never hard words.
		{Block{Text: "An MRI costs 1,250,000 dollars.", Line: 1}, 1, 0},
		// A hyphenated word is complex when a part is: "well-being" is not.
		{Block{Text: "Well-being and post-operative care.", Line: 1}, 2, 1},
	}
	for _, tt := range tests {
		r := a.Analyze([]Block{tt.block})
		if r.Polysyllables != tt.poly || r.ComplexWords != tt.complex {
			t.Errorf("%q: polysyllables %d, complex %d; want %d, %d", tt.block.Text, r.Polysyllables, r.ComplexWords, tt.poly, tt.complex)
		}
	}
}

func TestAnalyzeSkipsNumbersInLongest(t *testing.T) {
	r := New(nil).Analyze([]Block{{Text: "Call 1,250,000.75 now.", Line: 1}})
	for _, w := range r.Longest {
		if isNumber(w.Text) {
			t.Errorf("number %q among longest words", w.Text)
		}
	}
	if r.Words != 3 {
		t.Errorf("words = %d, want 3", r.Words)
	}
}

func TestAnalyzerConcurrent(t *testing.T) {
	a := New(Lexicon{"foraminoplasty": 6})
	text := passages(t)["clinical"]
	want := a.Analyze([]Block{{Text: text, Line: 1}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got := a.Analyze([]Block{{Text: text, Line: 1}})
				if got.Counts != want.Counts || got.Scores != want.Scores {
					t.Error("concurrent Analyze gave a different result")
				}
			}
		})
	}
	wg.Wait()
}

// page is about 1,000 words of the demo site's style, for the benchmark.
func page(t testing.TB) []Block {
	p := passages(t)
	var blocks []Block
	line := 1
	for len(blocks) < 60 {
		for _, name := range []string{"content-disc", "content-outlook", "clinical", "grade2"} {
			blocks = append(blocks, Block{Text: "Questions to ask your doctor", Line: line, Heading: true})
			blocks = append(blocks, Block{Text: p[name], Line: line + 2})
			line += 4
		}
	}
	return blocks[:28] // 970 words
}

func BenchmarkAnalyze(b *testing.B) {
	a := New(nil)
	blocks := page(b)
	b.ReportAllocs()
	var r Report
	for b.Loop() {
		r = a.Analyze(blocks)
	}
	b.ReportMetric(float64(r.Words), "words/op")
}

func FuzzAnalyze(f *testing.F) {
	for _, p := range passages(f) {
		f.Add(p, false)
	}
	for _, s := range []string{"", ".", "Dr.", "e.g.", "a-", "-a", "'s", "1,2.3.4", "x\n\ny. Z", "東京。", "ü-ï", "https://x", "…", "J. K.", "A.B.C.D.E.F."} {
		f.Add(s, true)
	}
	a := New(Lexicon{"foo": 3})
	f.Fuzz(func(t *testing.T, text string, heading bool) {
		r := a.Analyze([]Block{{Text: text, Line: 1, Heading: heading}, {Text: text, Line: 7, ListItem: true}})
		c := r.Counts
		if c.Words < 0 || c.Sentences < 0 || c.Syllables < 0 || c.Polysyllables < 0 || c.ComplexWords < 0 || c.Letters < 0 {
			t.Fatalf("negative counts %+v", c)
		}
		if c.Words > 0 && (c.Sentences < 1 || c.Syllables < c.Words) {
			t.Fatalf("counts %+v: want a sentence and a syllable per word", c)
		}
		if c.ComplexWords > c.Polysyllables || c.Polysyllables > c.Words {
			t.Fatalf("counts %+v: complex ≤ polysyllables ≤ words", c)
		}
		for _, v := range []float64{r.FleschReadingEase, r.FleschKincaidGrade, r.SMOG, r.GunningFog, r.ColemanLiau, r.ARI, r.Consensus} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("score %v in %+v", v, r.Scores)
			}
		}
		for _, s := range r.Hardest {
			if s.Line < 1 || s.Words < 1 {
				t.Fatalf("bad sentence %+v", s)
			}
		}
		for _, w := range r.Longest {
			if w.Line < 1 || w.Syllables < 1 || w.Text == "" {
				t.Fatalf("bad word %+v", w)
			}
		}
		for _, w := range strings.Fields(text) {
			if n := a.Syllables(w); n < 0 || hasAlnum(w) && n < 1 {
				t.Fatalf("Syllables(%q) = %d", w, n)
			}
		}
	})
}

// TestReportKeepsNoText proves that a Report's sentences and words are
// copies: a build keeps the reports of every page while letting each
// page's prose go.
func TestReportKeepsNoText(t *testing.T) {
	text := "Unquestionably. Physiotherapy accelerates rehabilitation considerably after microdiscectomy. " +
		"Walk daily. Inflammation diminishes gradually."
	rep := New(nil).Analyze([]Block{{Text: text, Line: 1}})
	if len(rep.Hardest) == 0 || len(rep.Longest) == 0 {
		t.Fatalf("no hot spots: %+v", rep)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= start && p < start+uintptr(len(text))
	}
	for _, s := range rep.Hardest {
		if inText(s.Text) {
			t.Errorf("the sentence %q points into the analysed text", s.Text)
		}
	}
	for _, w := range rep.Longest {
		if inText(w.Text) {
			t.Errorf("the word %q points into the analysed text", w.Text)
		}
	}
}

// TestLongSentences lists the full sentences of more than LongWords words,
// in page order, and never a heading or a fragment however long.
func TestLongSentences(t *testing.T) {
	long := "If the pain in your back and leg does not get better after six weeks of rest and gentle exercise, call us."
	r := New(nil).Analyze([]Block{
		{Text: "What to do when the pain in your back and your leg does not get better after many weeks of rest", Line: 1, Heading: true},
		{Text: "Most people get better. " + long, Line: 3},
		{Text: "Rest, ice, heat, walking, stretching, swimming, yoga, massage, pain relievers, physical therapy, injections, surgery or other care that", Line: 5, ListItem: true},
		{Text: "Walk every day.", Line: 7},
	})
	if len(r.Long) != 1 || r.Long[0].Text != long || r.Long[0].Line != 3 || r.Long[0].Words != 22 {
		t.Errorf("long sentences %+v, want only %q on line 3 (22 words)", r.Long, long)
	}
}
