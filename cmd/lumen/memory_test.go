package main

import (
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	percent := func() int { p := debug.SetGCPercent(100); debug.SetGCPercent(p); return p }
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	before, beforeLimit := percent(), limit()

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	restore := tuneGC()
	if got := percent(); got != buildGCPercent {
		t.Errorf("GC percent during a build = %d, want %d", got, buildGCPercent)
	}
	if got := limit(); got < heapFloor {
		t.Errorf("memory limit during a build = %d, want at least %d", got, heapFloor)
	}
	restore()
	if percent() != before || limit() != beforeLimit {
		t.Errorf("after the build: GC percent %d, limit %d; want %d, %d as before", percent(), limit(), before, beforeLimit)
	}

	// The environment wins.
	t.Setenv("GOGC", "50")
	restore = tuneGC()
	if got := percent(); got != before {
		t.Errorf("with GOGC set, GC percent = %d, want it left at %d", got, before)
	}
	restore()
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "3GiB")
	restore = tuneGC()
	if got := limit(); got != beforeLimit {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it left at %d", got, beforeLimit)
	}
	restore()
}

func TestRaisedLimit(t *testing.T) {
	tests := []struct {
		limit int64
		live  uint64
		want  int64
	}{
		{heapFloor, 100 << 20, heapFloor}, // a small site: the floor
		{heapFloor, 1 << 30, heapFloor},   // 1.5 GiB of room over 1 GiB live
		{heapFloor, 2 << 30, 3 << 30},     // a large graph: 1.5 times it
		{3 << 30, 1 << 30, 3 << 30},       // never lowered
		{heapFloor, 0, heapFloor},         // nothing live yet
	}
	for _, tt := range tests {
		if got := raisedLimit(tt.limit, tt.live); got != tt.want {
			t.Errorf("raisedLimit(%d, %d) = %d, want %d", tt.limit, tt.live, got, tt.want)
		}
	}
}
