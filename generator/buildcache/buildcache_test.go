package buildcache

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriteRead writes records, reads them back in order, and refuses the
// file once it is cut short, changed or claimed by another version.
func TestWriteRead(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(dir, "v1")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range [][][]byte{{[]byte("one")}, {[]byte("tw"), []byte("o")}, {}, {[]byte("three")}} {
		if err := w.Add(v...); err != nil {
			t.Fatal(err)
		}
	}
	// Until Commit, there is no cache file.
	if r, note := Open(dir, "v1"); r != nil || note != "" {
		t.Fatalf("an uncommitted cache was opened (note %q)", note)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	r, note := Open(dir, "v1")
	if r == nil {
		t.Fatal(note)
	}
	var got []string
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(rec))
	}
	if strings.Join(got, " ") != "one two  three" {
		t.Errorf("read %q", got)
	}
	file := filepath.Join(dir, File)
	good, _ := os.ReadFile(file)
	for _, tc := range []struct {
		name, version, want string
		data                []byte
	}{
		{"another version", "v2", "another version", good},
		{"another format", "v1", "another version", append([]byte(magicName+"2\nv1\n"), good[len(magic)+3:]...)},
		{"cut short", "v1", "damaged", good[:len(good)-5]},
		{"a bit flipped", "v1", "damaged", flip(good, len(good)-6)},
		{"its checksum changed", "v1", "damaged", flip(good, len(good)-1)},
		{"empty", "v1", "truncated or not a cache", nil},
	} {
		os.WriteFile(file, tc.data, 0o644)
		if r, note := Open(dir, tc.version); r != nil || !strings.Contains(note, tc.want) {
			t.Errorf("%s: note %q, want one saying %q", tc.name, note, tc.want)
		}
	}
	// An aborted writer leaves the file as it was.
	os.WriteFile(file, good, 0o644)
	w, _ = Create(dir, "v1")
	w.Add([]byte("four"))
	w.Abort()
	if data, _ := os.ReadFile(file); string(data) != string(good) {
		t.Error("an aborted cache replaced the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("an aborted cache left %d files", len(entries))
	}
}

// TestPrune removes the caches no build used for a while, and keeps the
// others.
func TestPrune(t *testing.T) {
	parent := t.TempDir()
	old, fresh, mine := filepath.Join(parent, "old"), filepath.Join(parent, "fresh"), filepath.Join(parent, "mine")
	for _, dir := range []string{old, fresh, mine} {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, File), []byte("x"), 0o644)
	}
	long := time.Now().Add(-60 * 24 * time.Hour)
	os.Chtimes(filepath.Join(old, File), long, long)
	os.Chtimes(filepath.Join(mine, File), long, long)
	Prune(parent, 30*24*time.Hour, mine)
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Error("a cache unused for 60 days was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh cache was removed")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("the cache of the build under way was removed")
	}
}

// flip returns data with one bit of its byte at i changed.
func flip(data []byte, i int) []byte {
	out := append([]byte{}, data...)
	out[i] ^= 4
	return out
}

// TestRecordPastTheEnd refuses a record longer than what is left, which
// only a writer's bug could leave in a file whose checksum matches.
func TestRecordPastTheEnd(t *testing.T) {
	r := &Reader{rest: []byte{5, 'a', 'b'}}
	if rec, err := r.Next(); err == nil {
		t.Errorf("a record of 5 bytes with 2 left was read: %q", rec)
	}
}
