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
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
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
