package buildcache

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestLog appends blobs, reads them back by their Refs after the log is
// opened again, and appends more to the same file.
func TestLog(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenLog(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	blobs := map[[32]byte]string{{1}: "the first blob", {2}: "", {3}: "a third, longer blob of bytes"}
	refs := map[[32]byte]Ref{}
	for key, b := range blobs {
		ref, err := l.Append(key, []byte(b))
		if err != nil {
			t.Fatal(err)
		}
		refs[key] = ref
	}
	name, size := l.Name(), l.Size()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() != size {
		t.Fatalf("the log is %v (%v); Size said %d", st, err, size)
	}

	l, err = OpenLog(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if l.Name() != name || l.Size() != size {
		t.Fatalf("opened again: %s of %d bytes; want %s of %d", l.Name(), l.Size(), name, size)
	}
	var buf []byte // read into, the longest blob first, then the others
	for _, key := range [][32]byte{{3}, {1}, {2}} {
		b := blobs[key]
		got, ok := l.Read(refs[key], key)
		if !ok || string(got) != b {
			t.Errorf("Read(%v) = %q, %v; want %q", refs[key], got, ok, b)
		}
		if _, ok := l.Read(refs[key], [32]byte{9}); ok {
			t.Errorf("the blob at %v was read under another key", refs[key])
		}
		before := cap(buf)
		into, ok := l.ReadInto(&buf, refs[key], key)
		if !ok || string(into) != b {
			t.Errorf("ReadInto(%v) = %q, %v; want %q", refs[key], into, ok, b)
		}
		if before > 0 && cap(buf) != before {
			t.Errorf("ReadInto(%v) made a buffer of %d bytes; the one it had holds %d", refs[key], cap(buf), before)
		}
		if len(b) > 0 && &into[0] != &buf[logHead] {
			t.Errorf("ReadInto(%v) did not read into the buffer", refs[key])
		}
	}
	ref, err := l.Append([32]byte{4}, []byte("appended"))
	if err != nil || ref.Off != size {
		t.Fatalf("appended at %v (%v); want at %d", ref, err, size)
	}
	// Read sees only what was flushed; Close flushes.
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, _ = OpenLog(dir, name)
	if got, ok := l.Read(ref, [32]byte{4}); !ok || string(got) != "appended" {
		t.Errorf("the appended blob reads %q, %v", got, ok)
	}
}

// TestLogDamaged reads a blob whose bytes, header or place are wrong as
// missing, never as another blob.
func TestLogDamaged(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenLog(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	key := [32]byte{7}
	ref, _ := l.Append(key, []byte("converted Markdown"))
	next, _ := l.Append([32]byte{8}, []byte("more"))
	name := l.Name()
	l.Close()
	file := filepath.Join(dir, name)
	good, _ := os.ReadFile(file)

	for _, tc := range []struct {
		name string
		ref  Ref
		edit func([]byte) []byte
	}{
		{"a byte of the blob changed", ref, func(b []byte) []byte { b[ref.Off+logHead+3] ^= 1; return b }},
		{"its length changed", ref, func(b []byte) []byte { b[ref.Off]++; return b }},
		{"its checksum changed", ref, func(b []byte) []byte { b[ref.Off+5] ^= 0x40; return b }},
		{"the log cut short", next, func(b []byte) []byte { return b[:len(b)-1] }},
		{"a Ref one byte off", Ref{Off: ref.Off + 1, Len: ref.Len}, nil},
		{"a Ref past the end", Ref{Off: next.Off + next.Len, Len: ref.Len}, nil},
		{"a Ref too short", Ref{Off: ref.Off, Len: logHead - 1}, nil},
		{"a negative Ref", Ref{Off: -1, Len: ref.Len}, nil},
		{"a huge Ref", Ref{Off: 0, Len: 1 << 40}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := append([]byte(nil), good...)
			if tc.edit != nil {
				data = tc.edit(data)
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := OpenLog(dir, name)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Close()
			k := key
			if tc.ref == next {
				k = [32]byte{8}
			}
			if got, ok := l.Read(tc.ref, k); ok {
				t.Errorf("read %q", got)
			}
		})
	}
}

// TestOpenLogName starts a new log rather than open a name that is not a
// log's, such as a path out of the folder, or a log that is gone; and
// RemoveLogs keeps only the log named.
func TestOpenLogName(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("keep out"), 0o644)
	for _, name := range []string{"../secret", secret, "blobs-0123456789abcdef", "blobs-zz23456789abcdef", "build.cache"} {
		l, err := OpenLog(dir, name)
		if err != nil {
			t.Fatal(err)
		}
		if l.Name() == name || l.Size() != 0 || !isLogName(l.Name()) {
			t.Errorf("OpenLog(%q) opened %q of %d bytes; want a new log", name, l.Name(), l.Size())
		}
		l.Close()
	}
	logs, _ := filepath.Glob(filepath.Join(dir, logPrefix+"*"))
	if len(logs) != 5 {
		t.Fatalf("%d logs; want 5", len(logs))
	}
	os.WriteFile(filepath.Join(dir, "blobs-notes.txt"), nil, 0o644)
	keep := filepath.Base(logs[2])
	RemoveLogs(dir, keep)
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 2 || filepath.Base(left[0]) != keep && filepath.Base(left[1]) != keep {
		t.Errorf("left %v; want %s and blobs-notes.txt", left, keep)
	}
	if data, _ := os.ReadFile(secret); string(data) != "keep out" {
		t.Error("a file out of the folder was changed")
	}
}

// TestLogConcurrent appends from many goroutines at once: every blob
// reads back.
func TestLogConcurrent(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenLog(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	refs := make([]Ref, 200)
	var wg sync.WaitGroup
	for i := range refs {
		wg.Go(func() {
			ref, err := l.Append([32]byte{byte(i)}, []byte(string(rune('a'+i%26))+"…"))
			if err != nil {
				t.Error(err)
			}
			refs[i] = ref
		})
	}
	wg.Wait()
	name := l.Name()
	l.Close()
	l, _ = OpenLog(dir, name)
	defer l.Close()
	for i, ref := range refs {
		if got, ok := l.Read(ref, [32]byte{byte(i)}); !ok || string(got) != string(rune('a'+i%26))+"…" {
			t.Errorf("blob %d reads %q, %v", i, got, ok)
		}
	}
}

// TestGarbage starts a log afresh only when most of it, and much of it,
// is unused.
func TestGarbage(t *testing.T) {
	for _, tc := range []struct {
		size, live int64
		want       bool
	}{
		{0, 0, false},
		{10 << 20, 0, false},
		{40 << 20, 0, true},
		{200 << 20, 150 << 20, false},
		{400 << 20, 150 << 20, true},
	} {
		if got := Garbage(tc.size, tc.live); got != tc.want {
			t.Errorf("Garbage(%d, %d) = %v; want %v", tc.size, tc.live, got, tc.want)
		}
	}
}

// TestRemoveDropsLogs deletes the cache file and its logs, and nothing
// else of the folder.
func TestRemoveDropsLogs(t *testing.T) {
	dir := t.TempDir()
	w, err := Create(dir, "v1")
	if err != nil {
		t.Fatal(err)
	}
	w.Commit()
	l, err := OpenLog(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
	if err := Remove(dir); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 || filepath.Base(left[0]) != "notes.txt" {
		t.Errorf("left %v; want only notes.txt", left)
	}
}

// TestLogReadPastEnd refuses a Ref that runs past the end of the log
// without allocating what it asks for.
func TestLogReadPastEnd(t *testing.T) {
	l, err := OpenLog(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ref, _ := l.Append([32]byte{1}, []byte("blob"))
	long := Ref{Off: ref.Off, Len: 1 << 30}
	if allocs := testing.AllocsPerRun(10, func() {
		if _, ok := l.Read(long, [32]byte{1}); ok {
			t.Error("a Ref past the end was read")
		}
	}); allocs != 0 {
		t.Errorf("a Ref past the end allocated %v times", allocs)
	}
}

// TestReadLog opens a log for reading only, as a build does the last
// build's log when it starts a new one: it reads what was written,
// appends nothing, closes without error, and refuses a name that is not a
// log's or a log that is not there.
func TestReadLog(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenLog(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := l.Append([32]byte{1}, []byte("a page's findings"))
	if err != nil {
		t.Fatal(err)
	}
	name, size := l.Name(), l.Size()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := ReadLog(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name() != name || r.Size() != size {
		t.Errorf("ReadLog: %s of %d bytes; want %s of %d", r.Name(), r.Size(), name, size)
	}
	if got, ok := r.Read(ref, [32]byte{1}); !ok || string(got) != "a page's findings" {
		t.Errorf("Read = %q, %v", got, ok)
	}
	if _, err := r.Append([32]byte{2}, []byte("more")); err == nil {
		t.Error("a log open for reading was appended to")
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() != size {
		t.Errorf("after ReadLog the log is %v (%v); want %d bytes", st, err, size)
	}
	for _, bad := range []string{"", "../" + name, "blobs-zz", "build.cache"} {
		if _, err := ReadLog(dir, bad); err == nil {
			t.Errorf("ReadLog(%q) opened it", bad)
		}
	}
	if _, err := ReadLog(dir, "blobs-0123456789abcdef"); err == nil {
		t.Error("ReadLog opened a log that is not there")
	}
	os.Mkdir(filepath.Join(dir, "blobs-0123456789abcdef"), 0o755)
	if _, err := ReadLog(dir, "blobs-0123456789abcdef"); err == nil {
		t.Error("ReadLog opened a folder")
	}
}

// TestRef writes Refs as a cache file keeps them and reads them back, with
// what follows; it refuses one cut short or past any log's size.
func TestRef(t *testing.T) {
	for _, r := range []Ref{{}, {Off: 1, Len: logHead}, {Off: 1 << 62, Len: 1 << 40}} {
		b := r.Append([]byte("x"))[1:]
		got, rest, ok := ReadRef(append(b, "after"...))
		if !ok || got != r || string(rest) != "after" {
			t.Errorf("ReadRef(%v.Append) = %v, %q, %v", r, got, rest, ok)
		}
		for n := range len(b) {
			if _, _, ok := ReadRef(b[:n]); ok {
				t.Errorf("%v cut to %d of %d bytes was read", r, n, len(b))
			}
		}
	}
	for _, r := range []Ref{{Off: 1<<62 + 1}, {Len: 1<<40 + 1}} {
		if _, _, ok := ReadRef(r.Append(nil)); ok {
			t.Errorf("%v was read", r)
		}
	}
}
