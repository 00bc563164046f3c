package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiler writes the CPU and heap profiles that `lumen build
// --cpuprofile FILE --memprofile FILE` ask for, for `go tool pprof`. Either
// file name may be empty.
type profiler struct {
	cpuFile, memFile string
	cpu              *os.File
}

// start begins CPU profiling when a CPU profile was asked for.
func (p *profiler) start() error {
	if p.cpuFile == "" {
		return nil
	}
	f, err := os.Create(p.cpuFile)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpu profile: %w", err)
	}
	p.cpu = f
	return nil
}

// stop ends CPU profiling and writes the heap profile, if asked for. The
// heap profile records every allocation of the build (alloc_space) and
// what was still live at its end (inuse_space).
func (p *profiler) stop() error {
	if p.cpu != nil {
		pprof.StopCPUProfile()
		if err := p.cpu.Close(); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		p.cpu = nil
	}
	if p.memFile == "" {
		return nil
	}
	f, err := os.Create(p.memFile)
	if err != nil {
		return fmt.Errorf("memory profile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("memory profile: %w", err)
	}
	return f.Close()
}
