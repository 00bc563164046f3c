package search

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strconv"
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
	score := func(t Term, norm float64) uint64 {
		s := uint64(float64(t.Freq) / (1 + norm) * 100)
		if t.Named {
			s += 100000
		}
		return s
	}
	want, wantStart := postingsIn(1, docs, nstems, norm, score)
	for _, parts := range []int{2, 3, 7, 499, 500, 1000} {
		got, start := postingsIn(parts, docs, nstems, norm, score)
		if !slices.Equal(start, wantStart) || string(got) != string(want) {
			t.Errorf("%d runs: the postings differ from one run's", parts)
		}
	}
	// The gaps of one run are from record to record that has the stem,
	// and each score is the record's.
	for _, st := range []int{0, 7, 57} {
		var docsOf []int
		var scoresOf []uint64
		for i := range docs {
			for _, t := range docs[i].Terms() {
				if t.Stem == uint32(st) {
					docsOf = append(docsOf, i)
					scoresOf = append(scoresOf, score(t, norm(i)))
				}
			}
		}
		p := want[wantStart[st]:wantStart[st+1]]
		var got []int
		var scores []uint64
		for at, last := 0, 0; at < len(p); {
			gap, n := binary.Uvarint(p[at:])
			s, m := binary.Uvarint(p[at+n:])
			at += n + m
			last += int(gap)
			got = append(got, last)
			scores = append(scores, s)
		}
		if !slices.Equal(got, docsOf) {
			t.Errorf("stem %d: the postings name records %v, want %v", st, got, docsOf)
		}
		if !slices.Equal(scores, scoresOf) {
			t.Errorf("stem %d: the postings score %v, want %v", st, scores, scoresOf)
		}
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

// TestUvarint checks the fast varint decoder against encoding/binary's,
// on whole numbers of each length and on cut ones.
func TestUvarint(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 300, 16383, 16384, 1 << 21, 1<<32 + 5, 1<<64 - 1} {
		b := binary.AppendUvarint(nil, v)
		for cut := 0; cut <= len(b); cut++ {
			// A byte past the end, which must not be read.
			b := append(b[:cut:cut], 0xff)[:cut]
			gv, gn := uvarint(b)
			wv, wn := binary.Uvarint(b)
			if gv != wv || gn != wn {
				t.Errorf("uvarint(% x) = %d, %d; binary.Uvarint %d, %d", b, gv, gn, wv, wn)
			}
		}
	}
}
