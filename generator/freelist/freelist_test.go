package freelist

import (
	"runtime"
	"sync"
	"testing"
)

// TestListKeepsValuesThroughGC checks what sync.Pool does not promise: a
// value put back is returned by the next Get, after a garbage collection.
func TestListKeepsValuesThroughGC(t *testing.T) {
	var l List[*int]
	made := 0
	newInt := func() *int { made++; return new(int) }
	v := l.Get(newInt)
	*v = 42
	l.Put(v)
	runtime.GC()
	runtime.GC()
	if got := l.Get(newInt); got != v || *got != 42 {
		t.Fatalf("Get after GC = %p (%d); want the value put, %p", got, *got, v)
	}
	if made != 1 {
		t.Fatalf("made %d values; want 1", made)
	}
}

// TestListHoldsNoMoreThanInUse gets and puts values on many goroutines
// (run with -race): the list never makes more values than were in use at
// once, and holds every value made once they are all put back.
func TestListHoldsNoMoreThanInUse(t *testing.T) {
	var l List[[]byte]
	var mu sync.Mutex
	made := 0
	newBuf := func() []byte { mu.Lock(); made++; mu.Unlock(); return make([]byte, 8) }
	const workers = 8
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range 1000 {
				l.Put(l.Get(newBuf))
			}
		})
	}
	wg.Wait()
	if made > workers {
		t.Fatalf("made %d values for %d goroutines", made, workers)
	}
	if len(l.idle) != made {
		t.Fatalf("the list holds %d values; %d were made", len(l.idle), made)
	}
}
