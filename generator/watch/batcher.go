package watch

import (
	"slices"
	"strings"
	"time"
)

// Op is what happened to a path. Within a Batch each path carries one net
// Op, the effect of all its events in the burst (see Batch).
type Op uint8

// The operations on a path. Remove and Rename both mean that the path no
// longer exists; Rename says it was moved away (its new name, if watched,
// is reported as a Create). For a folder, both mean that everything under
// it is gone too: no change is reported for each file inside.
const (
	Create Op = 1 << iota // the path was created (or moved here)
	Write                 // the path's content changed, or it was replaced
	Remove                // the path was deleted
	Rename                // the path was moved away
)

// String returns the names of the bits of op joined by "|", such as
// "create" or "write|remove".
func (op Op) String() string {
	var names []string
	for _, b := range [...]struct {
		op   Op
		name string
	}{{Create, "create"}, {Write, "write"}, {Remove, "remove"}, {Rename, "rename"}} {
		if op&b.op != 0 {
			names = append(names, b.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "|")
}

// Has reports whether op includes every bit of h.
func (op Op) Has(h Op) bool { return op&h == h }

// Change is one changed path in a Batch.
type Change struct {
	Path string // slash path relative to the site folder, e.g. "content/conditions/asthma.md"
	Kind Kind   // the part of the site that Path belongs to: Classify(Path)
	Op   Op     // the net effect of the burst's events on Path
}

// String returns the change as "op path", such as "write content/x.md".
func (c Change) String() string { return c.Op.String() + " " + c.Path }

// Batch is the changes of one burst of file events, one Change per path,
// sorted by path.
//
// Each Change's Op is the net effect of the path's events in the burst:
// when the last event removed or renamed the path, that is its Op (so a
// file created and deleted in one burst is a Remove); otherwise it exists
// at the end, and its Op is Create when its first event created it, and
// Write when it existed before (so vim's rename-away-and-write-anew save is
// one Write).
type Batch []Change

// Paths returns the paths of b in order.
func (b Batch) Paths() []string {
	paths := make([]string, len(b))
	for i, c := range b {
		paths[i] = c.Path
	}
	return paths
}

// rawEvent is one event on a path, from fsnotify or the poller, already
// translated to a slash path relative to the site folder and filtered.
type rawEvent struct {
	Path string
	Op   Op
}

// primary reduces op, which may have several bits, to the one that matters
// most for the net effect: a removal or rename beats a creation, which
// beats a write. It returns 0 when op has none of the four bits.
func primary(op Op) Op {
	for _, b := range [...]Op{Remove, Rename, Create, Write} {
		if op&b != 0 {
			return b
		}
	}
	return 0
}

// pending collects the events of one burst and computes each path's net
// Op. It is pure: no clock, no channels.
type pending struct {
	paths map[string]*span
}

// span is the first and last primary op of one path's events in a burst.
type span struct{ first, last Op }

// add records ev. Events without one of the four ops are ignored.
func (p *pending) add(ev rawEvent) {
	op := primary(ev.Op)
	if op == 0 {
		return
	}
	if p.paths == nil {
		p.paths = make(map[string]*span)
	}
	if s, ok := p.paths[ev.Path]; ok {
		s.last = op
		return
	}
	p.paths[ev.Path] = &span{first: op, last: op}
}

// len returns the number of distinct paths recorded.
func (p *pending) len() int { return len(p.paths) }

// batch returns the recorded changes with their net ops, sorted by path.
func (p *pending) batch() Batch {
	b := make(Batch, 0, len(p.paths))
	for path, s := range p.paths {
		b = append(b, Change{Path: path, Kind: Classify(path), Op: s.net()})
	}
	slices.SortFunc(b, func(x, y Change) int { return strings.Compare(x.Path, y.Path) })
	return b
}

// reset forgets everything recorded.
func (p *pending) reset() { clear(p.paths) }

// net returns the net op of a path whose first and last events were s.
func (s span) net() Op {
	switch {
	case s.last == Remove || s.last == Rename:
		return s.last
	case s.first == Create:
		return Create
	}
	return Write
}

// batcher groups raw events into batches with a trailing debounce: a batch
// is sent once no event has come for debounce, or once maxWait has passed
// since its first event, whichever is sooner, so that a constant stream of
// events (a long git checkout, a tool rewriting files in a loop) still
// produces a batch at least every maxWait. There is no fixed tick: an
// isolated event is sent exactly debounce after it arrived.
//
// While a finished batch waits for its consumer (who is busy rebuilding),
// new events are merged into it, so the consumer gets one batch with
// everything rather than a queue of stale ones.
type batcher struct {
	debounce, maxWait time.Duration
}

// run reads in until done is closed or in is closed, and sends batches on
// out, which it closes when it returns.
func (b batcher) run(in <-chan rawEvent, out chan<- Batch, done <-chan struct{}) {
	defer close(out)
	var (
		p      pending
		timer  = time.NewTimer(time.Hour)
		timerC <-chan time.Time // non-nil while a batch is being debounced
		sendC  chan<- Batch     // non-nil while a finished batch waits for the consumer
		ready  Batch            // the finished batch
		first  time.Time        // when the first event of the pending batch came
	)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-done:
			return
		case ev, ok := <-in:
			if !ok {
				return
			}
			if primary(ev.Op) == 0 {
				continue
			}
			if p.len() == 0 {
				first = time.Now()
			}
			p.add(ev)
			if sendC != nil {
				// The consumer is still busy with the previous batch: merge
				// whatever else is already queued, then refresh the batch.
				drain(in, &p, 256)
				ready = p.batch()
				continue
			}
			wait := min(b.debounce, time.Until(first.Add(b.maxWait)))
			timer.Reset(max(wait, 0))
			timerC = timer.C
		case <-timerC:
			timerC = nil
			ready, sendC = p.batch(), out
		case sendC <- ready:
			p.reset()
			ready, sendC = nil, nil
		}
	}
}

// drain adds up to limit events that are already waiting on in to p
// without blocking.
func drain(in <-chan rawEvent, p *pending, limit int) {
	for range limit {
		select {
		case ev, ok := <-in:
			if !ok {
				return
			}
			p.add(ev)
		default:
			return
		}
	}
}
