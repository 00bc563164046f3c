package watch

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

func TestNetOp(t *testing.T) {
	tests := []struct {
		name string
		ops  []Op
		want Op
	}{
		{"write", []Op{Write}, Write},
		{"writes", []Op{Write, Write, Write}, Write},
		{"create then write", []Op{Create, Write}, Create},
		{"create then remove", []Op{Create, Remove}, Remove},
		{"write then remove", []Op{Write, Remove}, Remove},
		{"remove then create", []Op{Remove, Create}, Write},
		{"remove then create then write", []Op{Remove, Create, Write}, Write},
		{"vim: rename away then create", []Op{Rename, Create, Write}, Write},
		{"renamed away", []Op{Write, Rename}, Rename},
		{"create remove create", []Op{Create, Remove, Create}, Create},
		{"several bits: remove wins", []Op{Write | Remove}, Remove},
		{"several bits: create beats write", []Op{Create | Write}, Create},
	}
	for _, tt := range tests {
		var p pending
		for _, op := range tt.ops {
			p.add(rawEvent{Path: "content/x.md", Op: op})
		}
		b := p.batch()
		if len(b) != 1 || b[0].Op != tt.want {
			t.Errorf("%s: batch %v, want one %v", tt.name, b, tt.want)
		}
	}
}

func TestPendingDedupsAndSorts(t *testing.T) {
	var p pending
	for _, ev := range []rawEvent{
		{"themes/default/layouts/page.html", Write},
		{"content/b.md", Write},
		{"site.yaml", Write},
		{"content/a.md", Create},
		{"content/b.md", Write},
		{"content/a.md", Write},
		{"content/c.md", 0}, // chmod only: ignored
	} {
		p.add(ev)
	}
	got := p.batch()
	want := Batch{
		{"content/a.md", KindContent, Create},
		{"content/b.md", KindContent, Write},
		{"site.yaml", KindConfig, Write},
		{"themes/default/layouts/page.html", KindTheme, Write},
	}
	if !slices.Equal(got, want) {
		t.Errorf("batch = %v\nwant %v", got, want)
	}
	p.reset()
	if p.len() != 0 || len(p.batch()) != 0 {
		t.Error("reset left changes behind")
	}
}

// batcherRig runs a batcher inside a synctest bubble, where time is fake
// and advances only when every goroutine is blocked, so timings are exact.
type batcherRig struct {
	t    *testing.T
	in   chan rawEvent
	out  chan Batch
	done chan struct{}
}

func startBatcher(t *testing.T, debounce, maxWait time.Duration) *batcherRig {
	r := &batcherRig{t: t, in: make(chan rawEvent), out: make(chan Batch), done: make(chan struct{})}
	go batcher{debounce: debounce, maxWait: maxWait}.run(r.in, r.out, r.done)
	return r
}

func (r *batcherRig) send(path string, op Op) { r.in <- rawEvent{Path: path, Op: op} }

// poll returns the batch that is ready now, if any.
func (r *batcherRig) poll() (Batch, bool) {
	synctest.Wait()
	select {
	case b := <-r.out:
		return b, true
	default:
		return nil, false
	}
}

func (r *batcherRig) stop() {
	close(r.done)
	for range r.out { // out is closed when run returns
	}
}

func TestBatcherTrailingDebounce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		r.send("content/x.md", Write)
		time.Sleep(14 * time.Millisecond)
		if b, ok := r.poll(); ok {
			t.Fatalf("batch %v before the quiet time", b)
		}
		time.Sleep(1 * time.Millisecond)
		b, ok := r.poll()
		if !ok || !slices.Equal(b.Paths(), []string{"content/x.md"}) {
			t.Fatalf("after 15ms: %v, %v; want [content/x.md]", b, ok)
		}
	})
}

func TestBatcherGroupsABurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		start := time.Now()
		for _, p := range []string{"content/b.md", "content/a.md", "site.yaml", "content/b.md"} {
			r.send(p, Write)
			time.Sleep(10 * time.Millisecond) // each within the quiet time of the last
		}
		// The last event came at 30ms; the batch is due at 45ms.
		time.Sleep(4 * time.Millisecond)
		if b, ok := r.poll(); ok {
			t.Fatalf("batch %v before the quiet time after the last event", b)
		}
		time.Sleep(1 * time.Millisecond)
		b, ok := r.poll()
		if !ok {
			t.Fatal("no batch 15ms after the last event")
		}
		if got := time.Since(start); got != 45*time.Millisecond {
			t.Errorf("batch after %v, want 45ms", got)
		}
		if want := []string{"content/a.md", "content/b.md", "site.yaml"}; !slices.Equal(b.Paths(), want) {
			t.Errorf("paths %v, want %v", b.Paths(), want)
		}
		time.Sleep(time.Second)
		if b, ok := r.poll(); ok {
			t.Errorf("extra batch %v", b)
		}
	})
}

func TestBatcherSeparatesBursts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		r.send("content/a.md", Write)
		time.Sleep(100 * time.Millisecond)
		b1, _ := r.poll()
		r.send("content/b.md", Write)
		time.Sleep(100 * time.Millisecond)
		b2, _ := r.poll()
		if !slices.Equal(b1.Paths(), []string{"content/a.md"}) || !slices.Equal(b2.Paths(), []string{"content/b.md"}) {
			t.Errorf("batches %v and %v, want [content/a.md] and [content/b.md]", b1, b2)
		}
	})
}

func TestBatcherMaxWaitFlushesAStream(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		start := time.Now()
		var at []time.Duration
		// An event every 10ms for a second: the quiet time never comes.
		for range 100 {
			r.send("content/x.md", Write)
			time.Sleep(10 * time.Millisecond)
			if _, ok := r.poll(); ok {
				at = append(at, time.Since(start))
			}
		}
		if len(at) < 3 {
			t.Fatalf("%d batches during a 1s stream (at %v), want a batch every 250ms", len(at), at)
		}
		if at[0] != 250*time.Millisecond {
			t.Errorf("first batch at %v, want 250ms", at[0])
		}
		for i := 1; i < len(at); i++ {
			if gap := at[i] - at[i-1]; gap > 260*time.Millisecond {
				t.Errorf("batches %v apart, want at most MaxWait plus one event", gap)
			}
		}
	})
}

func TestBatcherMergesWhileConsumerIsBusy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		r.send("content/a.md", Write)
		time.Sleep(50 * time.Millisecond) // the batch is ready; nobody takes it
		r.send("content/b.md", Create)
		r.send("content/a.md", Remove)
		time.Sleep(50 * time.Millisecond)
		b, ok := r.poll()
		want := Batch{{"content/a.md", KindContent, Remove}, {"content/b.md", KindContent, Create}}
		if !ok || !slices.Equal(b, want) {
			t.Fatalf("batch %v, want %v", b, want)
		}
		time.Sleep(time.Second)
		if b, ok := r.poll(); ok {
			t.Errorf("extra batch %v", b)
		}
	})
}

func TestBatcherIgnoresChmodOnly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		defer r.stop()
		r.send("content/a.md", 0)
		time.Sleep(time.Second)
		if b, ok := r.poll(); ok {
			t.Errorf("batch %v for an event without an op", b)
		}
	})
}

func TestBatcherStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startBatcher(t, 15*time.Millisecond, 250*time.Millisecond)
		r.send("content/a.md", Write)
		close(r.done)
		synctest.Wait()
		if _, ok := <-r.out; ok {
			t.Error("out not closed after done")
		}
		// synctest.Test fails if the batcher's goroutine is still running.
	})
}
