package search

import (
	"encoding/binary"
	"runtime"
	"strconv"
)

// postings are the postings of every stem, as the index's files write
// them: for each record that has the stem, in record order, the gap from
// the record before that has it (from 0 for the first), then its score,
// in decimal, all separated by commas. A large site has tens of millions.
//
// The records are split into as many runs as there are cores, each read
// once on a core of its own into a text per stem. A run does not know the
// last record before it that has a stem, so its text leaves out its first
// gap: appendTo writes that gap, once the runs before it tell where it
// counts from.
type postings struct {
	runs []postingRun
}

// postingRun is the postings of one run of records: those of each stem,
// by its number.
type postingRun struct {
	stems []runStem
}

// runStem is the postings of one stem in a run.
type runStem struct {
	// text is the stem's postings in the run but its first gap: its
	// first score, then a comma, a gap, a comma and a score for each
	// record after.
	text []byte
	// first and last are the first and last record of the run that has
	// the stem, or -1.
	first, last int32
}

// postingsOf returns the postings of each of nstems stems in docs, each
// scored by score given the record's BM25 norm.
func postingsOf(docs []Doc, nstems int, norm func(i int) float64, score func(t Term, norm float64) uint64) *postings {
	return postingsIn(max(1, min(runtime.GOMAXPROCS(0), len(docs)/1000)), docs, nstems, norm, score)
}

// postingsIn is postingsOf with the records split into parts runs. Its
// loop, over every Term of every record, writes each posting with two
// stores: the gap between two commas, and the score, whose text scores
// keeps.
func postingsIn(parts int, docs []Doc, nstems int, norm func(i int) float64, score func(t Term, norm float64) uint64) *postings {
	parts = max(1, min(parts, len(docs)))
	p := &postings{runs: make([]postingRun, parts)}
	onCores(parts, func(k int) error {
		r := &p.runs[k]
		lo, hi := k*len(docs)/parts, (k+1)*len(docs)/parts
		r.stems = make([]runStem, nstems)
		for st := range r.stems {
			r.stems[st].first, r.stems[st].last = -1, -1
		}
		r.setAside(docs[lo:hi], len(strconv.Itoa(hi)))
		sc := scores{score: score}
		var terms []Term
		for i := lo; i < hi; i++ {
			sc.reset(norm(i))
			terms = docs[i].appendTerms(terms[:0])
			for _, t := range terms {
				st := &r.stems[t.Stem]
				text := st.text
				if st.first < 0 {
					st.first = int32(i)
				} else {
					text = appendGap(text, uint64(int32(i)-st.last))
				}
				st.text = sc.appendScore(text, t)
				st.last = int32(i)
			}
		}
		return nil
	})
	return p
}

// setAside gives each stem's text room, cut from blocks of blockBytes (or
// one of its own, when larger), for the postings of docs, the run's
// records, whose numbers have at most digits digits: a
// run's texts grown one append at a time were most of the memory a large
// site's index took, in many small slices made again and again. The
// room of a stem is its number of records times the most a posting
// takes (a comma, a gap, a comma and a score of at most scoreDigits
// digits), plus the eight bytes appendGap stores at once; a text
// that outgrows it, with a larger score, is moved out as any slice is,
// never into the next stem's room.
func (r *postingRun) setAside(docs []Doc, digits int) {
	count := make([]int, len(r.stems))
	for i := range docs {
		docs[i].countStems(count)
	}
	per := 2 + digits + scoreDigits
	var block []byte
	for st, n := range count {
		if n == 0 {
			continue
		}
		size := n*per + 8
		if size > cap(block)-len(block) {
			block = make([]byte, 0, max(size, blockBytes))
		}
		end := len(block) + size
		r.stems[st].text = block[len(block):len(block):end]
		block = block[:end]
	}
}

// blockBytes is the size of the blocks setAside cuts texts from: small
// enough that the memory of a build's earlier garbage can hold them.
const blockBytes = 64 << 10

// scoreDigits is the most digits a score usually takes: BM25 times 100,
// under 220, plus 200 for a name.
const scoreDigits = 3

// has reports whether any record has the stem st.
func (p *postings) has(st uint32) bool {
	for _, r := range p.runs {
		if r.stems[st].first >= 0 {
			return true
		}
	}
	return false
}

// size returns at most how many bytes appendTo appends for the stem st:
// each run's text, and for each run its first gap (at most 20 digits)
// and two commas.
func (p *postings) size(st uint32) int {
	n := 0
	for _, r := range p.runs {
		if r.stems[st].first >= 0 {
			n += len(r.stems[st].text) + 22
		}
	}
	return n
}

// appendTo appends the postings of the stem st to dst.
func (p *postings) appendTo(dst []byte, st uint32) []byte {
	last := -1 // the last record before the run that has the stem
	for _, r := range p.runs {
		rs := &r.stems[st]
		if rs.first < 0 {
			continue
		}
		if last >= 0 {
			dst = append(dst, ',')
		}
		dst = appendDecimal(dst, uint64(int(rs.first)-max(last, 0)))
		dst = append(dst, ',')
		dst = append(dst, rs.text...)
		last = int(rs.last)
	}
	return dst
}

// scores gives the scores of the Terms of one record at a time, working
// each out once for each Freq under 32 and Named: most of a record's
// Terms count 1, 2 or 3, and a score is a division and a rounding. It
// keeps each in decimal, as decimals does, to be stored at once.
type scores struct {
	score func(t Term, norm float64) uint64
	norm  float64
	// memo is each score's text (see decimals) plus one (0 when not
	// worked out yet), by Named and Freq.
	memo [2][32]uint64
}

// reset starts on a record whose BM25 norm is norm.
func (s *scores) reset(norm float64) {
	s.norm, s.memo = norm, [2][32]uint64{}
}

// appendScore appends the score of t in the record to dst in decimal.
func (s *scores) appendScore(dst []byte, t Term) []byte {
	if int(t.Freq) >= len(s.memo[0]) {
		return appendDecimal(dst, s.score(t, s.norm))
	}
	named := 0
	if t.Named {
		named = 1
	}
	m := &s.memo[named][t.Freq]
	if *m == 0 {
		v := s.score(t, s.norm)
		if v >= uint64(len(decimals)) {
			return appendDecimal(dst, v) // never kept: a score is seldom over 420
		}
		*m = decimals[v] + 1
	}
	return appendDigits(dst, *m-1)
}

// appendGap appends a comma, the gap v in decimal and a comma to dst: for
// a gap under 10,000, with one store of eight bytes, the slice then cut
// back to its length.
func appendGap(dst []byte, v uint64) []byte {
	if v >= uint64(len(decimals)) {
		dst = append(dst, ',')
		return append(strconv.AppendUint(dst, v, 10), ',')
	}
	d := decimals[v]
	n := int(d >> 32)
	x := ',' | uint64(uint32(d))<<8 | uint64(',')<<(8*(n+1))
	size := len(dst) + n + 2
	return binary.LittleEndian.AppendUint64(dst, x)[:size]
}
