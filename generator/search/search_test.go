package search

import (
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestWordsAreFoldedAndStopwordsLeftOut(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"What is the best thing for my BACK?", "best thing back"},
		{"Ciática y hernia discal", "ciatica hernia discal"},
		{"L4-L5 disc, 2 cm", "l4 l5 disc cm"},
		{"x-ray", "ray"},
	} {
		if got := strings.Join(Words(tc.in, stopwords("en")), " "); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for w, stem := range map[string]string{"herniated": "herniat", "herniation": "herniat", "injections": "inject", "2026": "2026"} {
		if got := Stem(w); got != stem {
			t.Errorf("Stem(%q) = %q, want %q", w, got, stem)
		}
	}
}

// TestShardOfMatchesTheScript pins the hash the script computes (FNV-1a
// of the first two letters): values computed by search.js's shardOf.
func TestShardOfMatchesTheScript(t *testing.T) {
	for _, tc := range []struct {
		w       string
		n, want int
	}{{"slipped", 7, 2}, {"sciatica", 7, 0}, {"disc", 512, 238}, {"a1", 1, 0}} {
		if got := shardOf(tc.w, tc.n); got != tc.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tc.w, tc.n, got, tc.want)
		}
	}
}

func TestBuiltinSynonymsParse(t *testing.T) {
	groups, errs := ParseSynonyms("synonyms.txt", builtin)
	if len(errs) > 0 || len(groups) < 30 {
		t.Fatalf("%d groups, errors %v", len(groups), errs)
	}
	all := Synonyms("en", nil, [][]string{{"Slipped disc", "Disc herniation", "HNP"}, {"the", "a"}})
	found := false
	for _, g := range all {
		if slices.Equal(g, []string{"slipped disc", "disc herniation", "hnp"}) {
			found = true
		}
		if len(g) < 2 {
			t.Errorf("a group of one: %v", g)
		}
	}
	if !found {
		t.Error("a site's own group is missing")
	}
	if _, errs := ParseSynonyms("content/synonyms.txt", []byte("# ok\nslipped disc = herniated disc\nsciatica\n")); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "content/synonyms.txt:3: ") {
		t.Errorf("a line with one name: %v", errs)
	}
}

// TestSpanish checks the search of Spanish pages: Spanish stopwords left
// out, Spanish words stemmed as Spanish (so "hernia", "herniado" and
// "herniados" are one word), and Lumen's Spanish synonyms
// parsed and folded ("pequeña" is "pequena").
func TestSpanish(t *testing.T) {
	a := NewAnalyzerFor("es")
	d := a.Doc(Record{Title: "Hernia de disco", Body: []string{"Los discos herniados y el disco herniado duelen."}})
	words, stemOf, _ := a.vocabulary()
	if slices.Contains(words, "los") || slices.Contains(words, "el") || slices.Contains(words, "de") {
		t.Errorf("Spanish stopwords are indexed: %q", words)
	}
	if stemOf["herniados"] != stemOf["herniado"] || stemOf["hernia"] != stemOf["herniado"] || stemOf["discos"] != stemOf["disco"] {
		t.Errorf("hernia, herniado and herniados, or discos and disco, have different stems: %v", stemOf)
	}
	if len(d.Terms()) != 3 { // herni-, disc-, duel-
		t.Errorf("%d terms, want 3: %q", len(d.Terms()), words)
	}
	if en := NewAnalyzer(); stemIn("en", "discos") == stemIn("es", "discos") || en.lang != "en" {
		t.Error("English and Spanish stem alike")
	}
	groups, errs := ParseSynonyms("synonyms.es.txt", builtinES)
	if len(errs) > 0 || len(groups) < 30 {
		t.Fatalf("%d Spanish groups, errors %v", len(groups), errs)
	}
	found := false
	for _, g := range Synonyms("es", nil, nil) {
		if slices.Contains(g, "hernia disco") && slices.Contains(g, "disco herniado") {
			found = true
		}
		for _, name := range g {
			if strings.ContainsAny(name, "ñáéíóú") || slices.Contains(strings.Fields(name), "de") {
				t.Errorf("a name not folded, or with a stopword: %q", name)
			}
		}
	}
	if !found {
		t.Error("hernia de disco = disco herniado is not a group")
	}
}

// FuzzWordsSplitLikeTheScript holds the byte-at-a-time split of Words to
// its definition, which the script follows: fold, then split at anything
// but a–z and 0–9.
func FuzzWordsSplitLikeTheScript(f *testing.F) {
	for _, s := range []string{"What is the BEST thing?", "Ciática y hernia discal", "L4-L5", "İstanbul ǅ ß Ⅻ", "x\u0301y",
		// Words across eight-byte chunks, longer than the tokenizer's
		// buffer, and next to letters that are not ASCII.
		"Spondylolisthesis and SPONDYLOLISTHESIS: a-b-c 12345678ABCDEFGH-ijk, ", strings.Repeat("Pneumonoultramicroscopic", 5) + " done",
		"über-Ärzte müssen zahlen 1234567é89 abcdefgñhijk"} {
		f.Add(s)
	}
	stop := stopwords("en")
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, w := range strings.FieldsFunc(fold(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			if len(w) > 1 && !stop[w] {
				want = append(want, w)
			}
		}
		if got := Words(s, stop); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestAlnum checks alnum against wordByte: every ASCII byte, at each of
// the eight places.
func TestAlnum(t *testing.T) {
	for c := range utf8.RuneSelf {
		for at := range 8 {
			x := uint64(c) << (8 * at)
			word, lower := alnum(x)
			isWord := word>>(8*at)&0x80 != 0
			if want := wordByte[c] != 0; isWord != want {
				t.Errorf("alnum says %q at %d is a letter or digit: %v", rune(c), at, isWord)
			}
			if got := byte(lower >> (8 * at)); isWord && got != wordByte[c] {
				t.Errorf("alnum lowers %q to %q, want %q", rune(c), got, wordByte[c])
			}
			if word&^(0x80<<(8*at)) != 0 {
				t.Errorf("alnum of %q at %d marks other bytes: %x", rune(c), at, word)
			}
		}
	}
}

// BenchmarkAnalyzerDoc analyzes an example condition page's Markdown as
// one record: what every page of a build costs the index.
func BenchmarkAnalyzerDoc(b *testing.B) {
	data, err := os.ReadFile("../../content/conditions/lumbar-disc-herniation.md")
	if err != nil {
		b.Fatal(err)
	}
	r := Record{Title: "Lumbar disc herniation", Body: strings.Split(string(data), "\n\n")}
	a := NewAnalyzer()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		a.Doc(r)
	}
}

// TestAnalyzerIsSafeForConcurrentUse analyzes the same records on many
// goroutines at once (run with -race) and alone: the same stems, counts
// and lengths, whatever the numbers the stems were given.
func TestAnalyzerIsSafeForConcurrentUse(t *testing.T) {
	records := []Record{
		{Title: "Sciatica", Names: []string{"Lumbar radiculopathy"}, Body: []string{"Leg pain from a pinched nerve; nerves pinched — ciática."}},
		{Title: "Herniated disc", Lead: []string{"A disc bulges and presses on a nerve."}, Body: []string{"Most herniations heal without surgery."}},
		{Title: "Épidural steroid injection", Headings: []string{"Risks"}, Body: []string{"An injection of steroid near the nerve."}},
	}
	alone := NewAnalyzer()
	var want []map[string]Term
	for _, r := range records {
		want = append(want, counts(alone, alone.Doc(r)))
	}
	shared := NewAnalyzer()
	docs := make([]Doc, 60)
	var wg sync.WaitGroup
	for i := range docs {
		wg.Go(func() { docs[i] = shared.Doc(records[i%len(records)]) })
	}
	wg.Wait()
	for i, d := range docs {
		if got := counts(shared, d); !maps.Equal(got, want[i%len(records)]) {
			t.Errorf("record %d: %v, alone %v", i%len(records), got, want[i%len(records)])
		}
		if d.Length != alone.Doc(records[i%len(records)]).Length {
			t.Errorf("record %d: length %d", i, d.Length)
		}
	}
}

// counts returns d's Terms by the stem each counts, which a numbered.
func counts(a *Analyzer, d Doc) map[string]Term {
	_, _, n := a.vocabulary()
	stems := make([]string, n)
	for st, id := range a.ids {
		stems[id] = st
	}
	m := map[string]Term{}
	for _, t := range d.Terms() {
		t2 := t
		t2.Stem = 0
		m[stems[t.Stem]] = t2
	}
	return m
}

// TestPartsAreReadOnce checks Analyzer.Docs on an FAQ page's records: the
// page's Doc counts the headings and body of its questions' answers as
// if they were its own, and each question's Doc is what Doc makes of it
// alone, words kept for the cache included.
func TestPartsAreReadOnce(t *testing.T) {
	page := Record{URL: "/faq/", Title: "Back pain FAQ", Lead: []string{"Questions about back pain."},
		Headings: []string{"Before you come"}, Body: []string{"Bring your scans."}}
	parts := []Record{
		{URL: "/faq/#question-1", Title: "Is sciatica serious?", Lead: []string{"Back pain FAQ"},
			Headings: []string{"Warning signs"}, Body: []string{"Most sciatica heals; numbness in the groin needs care today."}},
		{URL: "/faq/#question-2", Title: "Do I need an MRI?", Lead: []string{"Back pain FAQ"},
			Body: []string{"Not at first: scans seldom change the plan in the first six weeks.", "Back pain that wakes you is different."}},
	}
	whole := page
	for _, p := range parts {
		whole.Headings = append(whole.Headings, p.Headings...)
		whole.Body = append(whole.Body, p.Body...)
	}
	alone := NewAnalyzer()
	alone.KeepWords()
	want := []Doc{alone.Doc(whole), alone.Doc(parts[0]), alone.Doc(parts[1])}

	a := NewAnalyzer()
	a.KeepWords()
	rs := []Record{page, parts[0], parts[1]}
	for i := range parts {
		rs[i+1].Part = true
	}
	got := a.Docs(rs)
	if len(got) != len(want) {
		t.Fatalf("%d Docs, want %d", len(got), len(want))
	}
	for i := range want {
		if g, w := counts(a, got[i]), counts(alone, want[i]); !maps.Equal(g, w) {
			t.Errorf("record %d: terms %v, want %v", i, g, w)
		}
		if got[i].Length != want[i].Length || got[i].URL != want[i].URL || got[i].Snippet != want[i].Snippet {
			t.Errorf("record %d: %+v, want %+v", i, got[i], want[i])
		}
		if g, w := slices.Sorted(slices.Values(got[i].words)), slices.Sorted(slices.Values(want[i].words)); !slices.Equal(g, w) {
			t.Errorf("record %d: words %q, want %q", i, g, w)
		}
	}
	// "scans" is in the page's body and in an answer.
	if n := counts(a, got[0])["scan"].Freq; n != 2*weightBody {
		t.Errorf("the page counts its and an answer's word %d times, want 2", n)
	}
}

// TestWordTableIsAMap checks the analyzer's hash table against a Go map,
// through several growths, with short words and long ones that share
// their first eight bytes.
func TestWordTableIsAMap(t *testing.T) {
	var tab wordTable
	want := map[string]uint32{}
	number := map[string]uint32{} // each word's number: the order of put
	for i := range 5000 {
		w := "w" + strconv.Itoa(i*7919%100003)
		if i%3 == 0 {
			w = "neurolog" + w
		}
		if _, _, ok := tab.get([]byte(w)); ok != has(want, w) {
			t.Fatalf("get(%q) before put: %v", w, ok)
		}
		if !has(want, w) {
			if n := tab.put([]byte(w), uint32(i)); n != uint32(len(want)) {
				t.Fatalf("put(%q) numbered it %d; want %d", w, n, len(want))
			}
			number[w] = uint32(len(want))
			want[w] = uint32(i)
		}
	}
	for w, id := range want {
		if got, n, ok := tab.get([]byte(w)); !ok || got != id || n != number[w] {
			t.Errorf("get(%q) = %d, %d, %v; want %d, %d", w, got, n, ok, id, number[w])
		}
	}
	if _, _, ok := tab.get([]byte("absent")); ok {
		t.Error("get of a word never put")
	}
	// getAll finds what get finds, in a text of every word put, words
	// never put, and words of every length around 8 and 16 that share
	// their first and last eight bytes with others; a word longer than
	// 16 letters it leaves to get.
	words := slices.Sorted(maps.Keys(want))
	words = append(words, "absent", "neurologw0absent", "neurologabsentw0", strings.Repeat("ab", 20))
	for n := 2; n <= 24; n++ {
		for _, w := range []string{strings.Repeat("x", n), strings.Repeat("x", n-1) + "y", "y" + strings.Repeat("x", n-1)} {
			if n%3 == 0 {
				tab.put([]byte(w), uint32(n))
			}
			words = append(words, w)
		}
	}
	var tok tokenizer
	tok.read(strings.Join(words, " "))
	refs, unknowns := tab.getAll(&tok, nil)
	if len(refs) != len(words) {
		t.Fatalf("getAll gave %d words of %d", len(refs), len(words))
	}
	unknownWords := 0
	for k, w := range words {
		id, n, ok := tab.get([]byte(w))
		if !ok || len(w) > 16 {
			id, n = unknown, 0
			unknownWords++
		}
		if refs[k] != (wordRef{id, n}) {
			t.Errorf("getAll: %q is %+v, get says %d, %d, %v", w, refs[k], id, n, ok)
		}
	}
	if unknowns != unknownWords || unknownWords == 0 {
		t.Errorf("getAll counted %d words unknown, want %d", unknowns, unknownWords)
	}
}

// has reports whether the map m has the key k.
func has(m map[string]uint32, k string) bool {
	_, ok := m[k]
	return ok
}

// fold lowercases s and takes the accents off its letters as the search
// script does to a query: toLowerCase, normalize("NFD"), then without
// U+0300–U+036F. The tokenizer is held to it.
func fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36f {
			return -1
		}
		return r
	}, s)
}

// TestSnippet checks the text a result shows: the words of its parts one
// space apart, whatever spaces and lines were between them, cut at a word
// boundary at snippetBytes.
func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 300)
	tests := []struct {
		name  string
		parts []string
		want  string
	}{
		{"nothing", nil, ""},
		{"one part", []string{"Leg pain from a pinched nerve."}, "Leg pain from a pinched nerve."},
		{"spaces and lines", []string{"  Leg\tpain\n\nfrom  a\r\nnerve.  "}, "Leg pain from a nerve."},
		{"parts", []string{"Summary.", "", "  Body\n", "text."}, "Summary. Body text."},
		{"other spaces", []string{"Ciática\u00a0y\u2003dolor"}, "Ciática y dolor"},
		{"long", []string{"Start.", long}, strings.TrimSpace(("Start. " + long)[:snippetBytes-3])},
		{"a full first part", []string{strings.Repeat("x", snippetBytes), "more"}, strings.Repeat("x", snippetBytes)},
		{"a long word at the cut", []string{strings.Repeat("x", 790) + " " + strings.Repeat("y", 30)}, strings.Repeat("x", 790)},
	}
	for _, tt := range tests {
		got := snippet(tt.parts)
		if got != tt.want {
			t.Errorf("%s: snippet = %q, want %q", tt.name, got, tt.want)
		}
		if len(got) > snippetBytes {
			t.Errorf("%s: snippet is %d bytes, more than %d", tt.name, len(got), snippetBytes)
		}
	}
}

// FuzzSnippet holds snippet to its definition: the words of the parts,
// one space apart, clipped.
func FuzzSnippet(f *testing.F) {
	f.Add("Sciatica is\tleg pain.\n\nIt  often\u00a0heals.", "A second part", 3)
	f.Add(strings.Repeat("word ", 300), "x", 1)
	f.Add(strings.Repeat("ä", 500), "\u2003", 2)
	f.Fuzz(func(t *testing.T, a, b string, n int) {
		parts := []string{a, b, a}[:1+uint(n)%3]
		want := clip(strings.Join(strings.Fields(strings.Join(parts, " ")), " "), snippetBytes)
		if got := snippet(parts); got != want {
			t.Errorf("snippet(%q) = %q, want %q", parts, got, want)
		}
	})
}

// wordsEndBytes is wordsEnd one byte at a time, as it was: the reference
// its tests hold it to.
func wordsEndBytes(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			if unicodeSpaceAt(s[i:]) != 0 {
				return i
			}
		case asciiSpaceLen[c] != 0:
			if c != ' ' || i+1 == len(s) || spaceAt(s, i+1) != 0 {
				return i
			}
		}
		i++
	}
	return i
}

// FuzzWordsEnd holds wordsEnd, eight bytes at a time, to wordsEndBytes,
// one at a time, from every place in the text.
func FuzzWordsEnd(f *testing.F) {
	for _, s := range []string{"Leg pain from a pinched nerve, which often heals.", "two  spaces here and there", "tab\there, a line\nend",
		"spaces at the end of eight ", "seven c  two spaces across eight", "seven c\u00a0x", "seven c \tx", "seven c ", "Ciática\u00a0y\u2003dolor de espalda baja", "\x1fcontrol\x7fbytes\x00 in words", strings.Repeat("word ", 30)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) + 1 {
			if got, want := wordsEnd(s, i), wordsEndBytes(s, i); got != want {
				t.Fatalf("wordsEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// TestCountsStopAtMaxFreq: a word however often it is on a page counts at
// most maxFreq, in one text or in many, in one field or in several, and
// the counts of the other words are as they were.
func TestCountsStopAtMaxFreq(t *testing.T) {
	many := func(w string, n int) string { return strings.Repeat(w+" ", n) }
	cases := []struct {
		name string
		r    Record
		want uint16
	}{
		{"one text", Record{Body: []string{many("disc", maxFreq+10)}}, maxFreq},
		{"many texts", Record{Body: []string{many("disc", 40000), many("disc", 40000)}}, maxFreq},
		{"fields", Record{Lead: []string{many("disc", 10000)}, Headings: []string{many("disc", 10000)}, Body: []string{many("disc", 10)}}, maxFreq},
		{"just under", Record{Lead: []string{many("disc", 16000)}, Body: []string{many("disc", maxFreq-64000-1)}}, maxFreq - 1},
		{"after others", Record{Body: []string{many("spine", 60000), many("disc", 10000)}}, 10000},
	}
	a := NewAnalyzer()
	disc := Stem("disc")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := a.Doc(c.r)
			found := false
			for _, term := range d.Terms() {
				if a.stems[term.Stem] == disc {
					found = true
					if term.Freq != c.want {
						t.Errorf("disc counts %d; want %d", term.Freq, c.want)
					}
				}
			}
			if !found {
				t.Error("no term for disc")
			}
		})
	}
}
