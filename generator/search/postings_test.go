package search

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPostingsInRuns makes the same postings whatever the number of runs
// the records are split into: a run's first gap of a stem counts from
// the runs before it.
func TestPostingsInRuns(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	const nstems = 300
	docs := make([]Doc, 500)
	for i := range docs {
		var terms []Term
		for st := range nstems {
			// Common stems, rare stems, and stems only in some runs.
			if rnd.IntN(nstems) < nstems/(st+1) || (st%50 == 7 && i%97 < 3) {
				// Counts under 32, which scores keeps, and over.
				freq := 1 + rnd.IntN(40)
				if rnd.IntN(4) == 0 {
					freq = 1 + rnd.IntN(300)
				}
				terms = append(terms, Term{Stem: uint32(st), Freq: uint16(freq), Named: rnd.IntN(9) == 0})
			}
		}
		rnd.Shuffle(len(terms), func(a, b int) { terms[a], terms[b] = terms[b], terms[a] })
		docs[i] = Doc{Length: 10 + rnd.IntN(5000), terms: encodeTerms(nil, terms)}
	}
	norm := func(i int) float64 { return float64(docs[i].Length) / 1000 }
	// Scores of up to three digits, which the room set aside for each
	// stem's postings holds (scoreDigits), and larger ones, which
	// outgrow it.
	small := func(t Term, norm float64) uint64 {
		s := uint64(float64(t.Freq) / (float64(t.Freq) + norm) * 220)
		if t.Named {
			s += 200
		}
		return s
	}
	large := func(t Term, norm float64) uint64 {
		s := 1e9 + uint64(float64(t.Freq)/(1+norm)*100)
		if t.Named {
			s += 1e12
		}
		return s
	}
	text := func(p *postings, st int) string { return string(p.appendTo(nil, uint32(st))) }
	for _, score := range []func(Term, float64) uint64{small, large} {
		one := postingsIn(1, docs, nstems, norm, score)
		for _, parts := range []int{2, 3, 7, 499, 500, 1000} {
			p := postingsIn(parts, docs, nstems, norm, score)
			for st := range nstems {
				if got, want := text(p, st), text(one, st); got != want || p.has(uint32(st)) != one.has(uint32(st)) {
					t.Fatalf("%d runs: stem %d has the postings %q, with one run %q", parts, st, got, want)
				}
			}
		}
		// The gaps are from record to record that has the stem, and
		// each score is the record's.
		for st := range nstems {
			var want []string
			last := 0
			for i := range docs {
				for _, t := range docs[i].Terms() {
					if t.Stem == uint32(st) {
						want = append(want, strconv.Itoa(i-last), strconv.FormatUint(score(t, norm(i)), 10))
						last = i
					}
				}
			}
			for _, p := range []*postings{one, postingsIn(3, docs, nstems, norm, score)} {
				if got := text(p, st); got != strings.Join(want, ",") {
					t.Fatalf("stem %d: the postings are %q, want %q", st, got, strings.Join(want, ","))
				}
			}
		}
	}
	// A stem no record has.
	if p := postingsIn(2, docs, nstems+1, norm, small); p.has(nstems) || text(p, nstems) != "" {
		t.Errorf("a stem no record has: %v, %q", p.has(nstems), text(p, nstems))
	}
}

// TestAppendDecimal writes numbers as strconv.AppendUint does, on both
// sides of the table's end.
func TestAppendDecimal(t *testing.T) {
	for _, v := range []uint64{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 10001, 123456, 1<<64 - 1} {
		if got, want := string(appendDecimal([]byte("x"), v)), "x"+strconv.FormatUint(v, 10); got != want {
			t.Errorf("appendDecimal(%d) = %q; want %q", v, got, want)
		}
	}
}

// TestAppendGap writes a gap between two commas, on both sides of the
// table's end, and leaves the bytes before it as they were.
func TestAppendGap(t *testing.T) {
	for _, v := range []uint64{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 123456, 1<<64 - 1} {
		if got, want := string(appendGap([]byte("7"), v)), "7,"+strconv.FormatUint(v, 10)+","; got != want {
			t.Errorf("appendGap(%d) = %q; want %q", v, got, want)
		}
	}
}

// TestEncodeTerms writes each Term as two varints, the stem's number
// (shifted, with Named) and the count, whatever their sizes, and reads
// them back as they were.
func TestEncodeTerms(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	var terms []Term
	for range 5000 {
		terms = append(terms, Term{
			Stem:  uint32(rnd.IntN([]int{64, 8192, 1 << 14, 1 << 30}[rnd.IntN(4)])),
			Freq:  uint16(rnd.IntN([]int{128, maxFreq + 1}[rnd.IntN(2)])),
			Named: rnd.IntN(2) == 0,
		})
	}
	var want []byte
	for _, term := range terms {
		stem := uint64(term.Stem) << 1
		if term.Named {
			stem |= 1
		}
		want = binary.AppendUvarint(binary.AppendUvarint(want, stem), uint64(term.Freq))
	}
	got := encodeTerms([]byte("x"), terms)
	if !bytes.Equal(got[1:], want) || got[0] != 'x' {
		t.Fatalf("encodeTerms wrote %d bytes unlike binary.AppendUvarint's %d", len(got)-1, len(want))
	}
	if back := (&Doc{terms: got[1:]}).Terms(); !slices.Equal(back, terms) {
		t.Errorf("the Terms read back differ from those written")
	}
}

// A Doc's Terms cut short anywhere, as a damaged file could give them, read
// back as the Terms before the cut, and counting their stems never fails;
// whole, the stems counted are those of the Terms.
func TestTermsCutShortReadBackWhatTheyHold(t *testing.T) {
	terms := []Term{{Stem: 3, Freq: 1}, {Stem: 5000, Freq: 2, Named: true}, {Stem: 1 << 20, Freq: 300}, {Stem: 40, Freq: maxFreq}, {Stem: 5000, Freq: 1}}
	enc := encodeTerms(nil, terms)
	for cut := range len(enc) + 1 {
		got := (&Doc{terms: enc[:cut]}).Terms()
		if len(got) > len(terms) || !slices.Equal(got, terms[:len(got)]) {
			t.Errorf("cut at %d: read %v, not a start of %v", cut, got, terms)
		}
		(&Doc{terms: enc[:cut]}).countStems(make([]int, 1<<21))
	}
	count := make([]int, 1<<21)
	(&Doc{terms: enc}).countStems(count)
	for _, term := range terms {
		count[term.Stem]--
	}
	for st, n := range count {
		if n != 0 {
			t.Errorf("stem %d counted %d times too many", st, n)
		}
	}
}
