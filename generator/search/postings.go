package search

import (
	"encoding/binary"
	"runtime"
)

// postingsOf returns the postings of each of nstems stems, in record
// order, as the index's files hold them: for each record that has the
// stem, the gap from the record before that has it (from 0 for the
// first), then its score (score, given the record's BM25 norm). They are
// laid end to end in one slice, the stem st's at postings[start[st]:
// start[st+1]]: a large site has tens of millions.
//
// The records are split into as many runs as there are cores, each
// measured and then written on a core of its own. A run does not know
// the last record before it that has a stem, so it measures the first
// gap of each stem as if there were none; the runs before it tell, and
// that gap is measured again, before any is written.
func postingsOf(docs []Doc, nstems int, norm func(i int) float64, score func(t Term, norm float64) uint64) (postings []byte, start []int) {
	return postingsIn(max(1, min(runtime.GOMAXPROCS(0), len(docs)/1000)), docs, nstems, norm, score)
}

// postingsIn is postingsOf with the records split into parts runs.
func postingsIn(parts int, docs []Doc, nstems int, norm func(i int) float64, score func(t Term, norm float64) uint64) (postings []byte, start []int) {
	parts = max(1, min(parts, len(docs)))
	type run struct {
		lo, hi int
		// size is the bytes of each stem's postings in the run; first
		// and last are the first and last record of the run that has
		// it (-1 when none), and before the last record before the run
		// that has it (0 when none: gaps count from 0).
		size, first, last, before []int
		// at is where the run writes each stem's next posting.
		at []int
	}
	runs := make([]run, parts)
	onCores(parts, func(p int) error {
		r := &runs[p]
		r.lo, r.hi = p*len(docs)/parts, (p+1)*len(docs)/parts
		r.size, r.first, r.last = make([]int, nstems), make([]int, nstems), make([]int, nstems)
		for st := range nstems {
			r.first[st], r.last[st] = -1, -1
		}
		sc := scores{score: score}
		var terms []Term
		for i := r.lo; i < r.hi; i++ {
			sc.reset(norm(i))
			terms = docs[i].appendTerms(terms[:0])
			for _, t := range terms {
				prev := max(r.last[t.Stem], 0)
				if r.first[t.Stem] < 0 {
					r.first[t.Stem] = i
				}
				r.size[t.Stem] += uvarintLen(uint64(i-prev)) + uvarintLen(sc.of(t))
				r.last[t.Stem] = i
			}
		}
		return nil
	})
	// The first gap of each stem in each run, now that the runs before
	// it tell where it starts from, and where each run writes.
	start = make([]int, nstems+1)
	for p := range runs {
		runs[p].before = make([]int, nstems)
	}
	for st := range nstems {
		prev, total := 0, 0
		for p := range runs {
			r := &runs[p]
			r.before[st] = prev
			if f := r.first[st]; f >= 0 {
				r.size[st] += uvarintLen(uint64(f-prev)) - uvarintLen(uint64(f))
				prev = r.last[st]
			}
			total += r.size[st]
		}
		start[st+1] = start[st] + total
	}
	for p := range runs {
		r := &runs[p]
		r.at, r.first, r.last = r.first[:0], nil, nil // the memory of first serves at
		for st := range nstems {
			at := start[st]
			for q := range p {
				at += runs[q].size[st]
			}
			r.at = append(r.at, at)
		}
	}
	postings = make([]byte, start[nstems])
	onCores(parts, func(p int) error {
		r := &runs[p]
		last := r.before
		sc := scores{score: score}
		var terms []Term
		for i := r.lo; i < r.hi; i++ {
			sc.reset(norm(i))
			terms = docs[i].appendTerms(terms[:0])
			for _, t := range terms {
				at := r.at[t.Stem]
				at += binary.PutUvarint(postings[at:], uint64(i-last[t.Stem]))
				at += binary.PutUvarint(postings[at:], sc.of(t))
				r.at[t.Stem] = at
				last[t.Stem] = i
			}
		}
		return nil
	})
	return postings, start
}

// scores gives the scores of the Terms of one record at a time, working
// each out once for each Freq under 32 and Named: most of a record's
// Terms count 1, 2 or 3, and a score is a division and a rounding.
type scores struct {
	score func(t Term, norm float64) uint64
	norm  float64
	// memo is each score plus one (0 when not worked out yet), by Named
	// and Freq.
	memo [2][32]uint64
}

// reset starts on a record whose BM25 norm is norm.
func (s *scores) reset(norm float64) {
	s.norm, s.memo = norm, [2][32]uint64{}
}

// of returns the score of t in the record.
func (s *scores) of(t Term) uint64 {
	if int(t.Freq) >= len(s.memo[0]) {
		return s.score(t, s.norm)
	}
	named := 0
	if t.Named {
		named = 1
	}
	m := &s.memo[named][t.Freq]
	if *m == 0 {
		*m = s.score(t, s.norm) + 1
	}
	return *m - 1
}
