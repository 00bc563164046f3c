//go:build unix

package generator

import (
	"context"
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/output"
)

// BenchmarkSearchIndex measures what making the search index adds to a
// build: each round builds the site twice, as lumen build does (into a
// folder, published atomically), once as it is and once without the index
// (Options.noSearchIndex: the same pages, the search page and the search
// box in every header included, but no records analyzed and no index
// files), in turn, the one or the other first, into a folder in memory
// where there is one (/dev/shm). It reports the median over
// the rounds of each round's ratio, wall and CPU time (user and system),
// as the index's share in percent: index-wall-% and index-cpu-%.
//
//	go test ./generator -run '^$' -bench SearchIndex -benchtime 8x -bench.site DIR
func BenchmarkSearchIndex(b *testing.B) {
	dir := benchSource(b)
	// A folder in memory when there is one: the disk's own noise is
	// not the index's.
	tmp, err := os.MkdirTemp("/dev/shm", "lumen-bench-")
	if err != nil {
		tmp = b.TempDir()
	} else {
		b.Cleanup(func() { os.RemoveAll(tmp) })
	}
	dest := tmp + "/public"
	build := func(without bool) (wall, cpu time.Duration) {
		runtime.GC()
		out, err := output.NewDir(dest, dir)
		if err != nil {
			b.Fatal(err)
		}
		opts := benchOptions(dir)
		opts.Out, opts.noSearchIndex = out, without
		cpu0, start := cpuTime(b), time.Now()
		res, err := Build(context.Background(), opts)
		if err == nil {
			err = out.Commit()
		}
		wall, cpu = time.Since(start), cpuTime(b)-cpu0
		if err != nil {
			b.Fatal(err)
		}
		if res.Site.Search == nil {
			b.Fatal("the site has no search page")
		}
		return wall, cpu
	}
	var walls, cpus []float64
	round := 0
	for b.Loop() {
		var wall, cpu [2]time.Duration // with, without
		for _, without := range [][]bool{{false, true}, {true, false}}[round%2] {
			i := 0
			if without {
				i = 1
			}
			wall[i], cpu[i] = build(without)
		}
		round++
		walls = append(walls, 100*(wall[0].Seconds()/wall[1].Seconds()-1))
		cpus = append(cpus, 100*(cpu[0].Seconds()/cpu[1].Seconds()-1))
		b.Logf("round %d: with the index %.2f s wall, %.2f s CPU; without %.2f s, %.2f s", round, wall[0].Seconds(), cpu[0].Seconds(), wall[1].Seconds(), cpu[1].Seconds())
	}
	b.ReportMetric(median(walls), "index-wall-%")
	b.ReportMetric(median(cpus), "index-cpu-%")
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// median returns the median of xs, which it sorts.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
