package generator

import (
	"context"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// parallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines, stopping
// early when ctx is cancelled.
func parallel(ctx context.Context, n int, fn func(i int)) {
	parallelOn(ctx, runtime.GOMAXPROCS(0), n, fn)
}

// parallelOn calls fn(i) for i in [0, n) on the given number of
// goroutines, stopping early when ctx is cancelled. Work that reads and
// writes files wants more goroutines than cores, so that a core is not
// idle while its goroutine waits for the disk.
func parallelOn(ctx context.Context, goroutines, n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(goroutines, max(n, 1)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

func itoa(i int) string { return strconv.Itoa(i) }
