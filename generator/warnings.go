package generator

import (
	"sync"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// firstWarnings keeps the first n warnings of a Pass, in the order of its
// sorted report, and counts the others: a build prints a few warnings and
// the number of the rest, and a site of 100,000 generated pages has
// millions, which it need not hold until the end. The n kept are those a
// report of every warning would list first, whatever order the pages are
// made in.
type firstWarnings struct {
	n int

	mu sync.Mutex
	// kept are at most n warnings, sorted, each with its place in its
	// file's list (its order among warnings at the same place).
	kept    []rankedWarning
	dropped int
}

// rankedWarning is a warning and its place in the list of its file.
type rankedWarning struct {
	e   *diag.Error
	seq int
}

// before reports whether a comes before b in a sorted report.
func (a rankedWarning) before(b rankedWarning) bool {
	if diag.Before(a.e, b.e) {
		return true
	}
	if diag.Before(b.e, a.e) {
		return false
	}
	return a.seq < b.seq
}

// add takes the warnings of one file, sorted, keeps copies of those that
// are among the first n so far (Error.Copy: a carried page's point into a
// buffer used again), and counts the rest.
func (f *firstWarnings) add(warnings diag.List) {
	if len(warnings) == 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, e := range warnings {
		w := rankedWarning{e, i}
		if len(f.kept) == f.n && !w.before(f.kept[len(f.kept)-1]) {
			// Not among the first n: nor are the rest of this file's,
			// which come after it.
			f.dropped += len(warnings) - i
			return
		}
		at := len(f.kept)
		for at > 0 && w.before(f.kept[at-1]) {
			at--
		}
		if len(f.kept) == f.n {
			f.kept = f.kept[:f.n-1]
			f.dropped++
		}
		f.kept = append(f.kept, rankedWarning{})
		copy(f.kept[at+1:], f.kept[at:])
		w.e = e.Copy()
		f.kept[at] = w
	}
}

// count counts n warnings of a file that come after the first n of it,
// and so after every warning kept.
func (f *firstWarnings) count(n int) {
	if n == 0 {
		return
	}
	f.mu.Lock()
	f.dropped += n
	f.mu.Unlock()
}

// list returns the warnings kept, sorted.
func (f *firstWarnings) list() diag.List {
	out := make(diag.List, len(f.kept))
	for i, w := range f.kept {
		out[i] = w.e
	}
	return out
}
