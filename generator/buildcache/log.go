package buildcache

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A Log is a file of blobs beside the cache file, each under a key, that
// builds append to and never rewrite: for what is too large to copy from
// one cache file to the next at every build (a page's converted Markdown,
// what checking it found), since a build that changes one page should
// write one page's worth. The
// cache file names the log and, for each blob it still needs, where the
// blob is (a Ref); a new log is started when the old one is mostly blobs
// nobody needs (see Garbage).
//
// Each blob is written behind its length, the CRC-32C of its key and
// bytes, and its key, and Read checks all three: a log cut short, damaged,
// or appended to by two builds at once gives a miss, never another blob.
type Log struct {
	name string
	f    *os.File

	mu   sync.Mutex
	w    *bufio.Writer
	size int64 // where the next blob goes
	err  error
}

// A Ref says where a blob of a Log is: its offset, and its length with
// its header.
type Ref struct {
	Off int64
	Len int64
}

// Append appends r to dst as a cache file keeps it: its offset and its
// length, as uvarints.
func (r Ref) Append(dst []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(r.Off))
	return binary.AppendUvarint(dst, uint64(r.Len))
}

// ReadRef reads a Ref that Ref.Append wrote at the start of b, and
// returns the bytes after it; false when b does not start with one, or
// with one past any log's size (an offset over 2⁶², a length over 2⁴⁰).
func ReadRef(b []byte) (Ref, []byte, bool) {
	off, k1 := binary.Uvarint(b)
	if k1 <= 0 {
		return Ref{}, nil, false
	}
	length, k2 := binary.Uvarint(b[k1:])
	if k2 <= 0 || off > 1<<62 || length > 1<<40 {
		return Ref{}, nil, false
	}
	return Ref{Off: int64(off), Len: int64(length)}, b[k1+k2:], true
}

// logPrefix starts the name of every log file in a cache folder.
const logPrefix = "blobs-"

// logHead is the header of each blob: its length, its checksum, its key.
const logHead = 4 + 4 + 32

// OpenLog opens the log called name in dir for reading and appending, or
// starts a new one when name is "" or the log cannot be opened.
func OpenLog(dir, name string) (*Log, error) {
	if name != "" && isLogName(name) {
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_RDWR|os.O_APPEND, 0)
		if err == nil {
			st, err := f.Stat()
			if err == nil && st.Mode().IsRegular() {
				return newLog(name, f, st.Size()), nil
			}
			f.Close()
		}
	}
	var rnd [8]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, err
	}
	name = logPrefix + hex.EncodeToString(rnd[:])
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return newLog(name, f, 0), nil
}

// ReadLog opens the log called name in dir for reading only: the log a
// cache file names, when a build appends to another (see Garbage). Its
// Append fails.
func ReadLog(dir, name string) (*Log, error) {
	if !isLogName(name) {
		return nil, fmt.Errorf("buildcache: %q is not the name of a log", name)
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("buildcache: the log %s is not a file", name)
	}
	l := newLog(name, f, st.Size())
	l.w, l.err = nil, errors.New("buildcache: the log is open for reading only")
	return l, nil
}

func newLog(name string, f *os.File, size int64) *Log {
	return &Log{name: name, f: f, w: bufio.NewWriterSize(f, 1<<20), size: size}
}

// isLogName reports whether name is one OpenLog gives a log, and so no
// path out of the folder.
func isLogName(name string) bool {
	hexPart, ok := strings.CutPrefix(name, logPrefix)
	if !ok || len(hexPart) != 16 {
		return false
	}
	_, err := hex.DecodeString(hexPart)
	return err == nil
}

// Name returns the log's file name in its folder, for the cache file.
func (l *Log) Name() string { return l.name }

// Size returns the length of the log: blobs the last builds wrote, and
// those this one appended.
func (l *Log) Size() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.size
}

// Append adds blob under key and returns where it is. It is safe for
// concurrent use. After an error, Append does nothing and Close returns
// the error.
func (l *Log) Append(key [32]byte, blob []byte) (Ref, error) {
	var head [logHead]byte
	binary.LittleEndian.PutUint32(head[0:], uint32(len(blob)))
	copy(head[8:], key[:])
	sum := crc32.Update(0, castagnoli(), head[8:])
	binary.LittleEndian.PutUint32(head[4:], crc32.Update(sum, castagnoli(), blob))
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err == nil && int64(len(blob)) > 1<<31 {
		l.err = errors.New("buildcache: a blob of 2 GB or more")
	}
	if l.err != nil {
		return Ref{}, l.err
	}
	ref := Ref{Off: l.size, Len: int64(logHead + len(blob))}
	if _, l.err = l.w.Write(head[:]); l.err == nil {
		_, l.err = l.w.Write(blob)
	}
	l.size += ref.Len
	return ref, l.err
}

// Read returns the blob at ref if it is whole and under key, and false
// otherwise. The blob is a new slice, the caller's to keep. It reads only
// what the log held when it was opened and what was flushed since; a Ref
// past the end of the log is refused before anything is allocated for
// it, so that a damaged cache file cannot make a build ask for gigabytes.
func (l *Log) Read(ref Ref, key [32]byte) ([]byte, bool) {
	var buf []byte
	return l.ReadInto(&buf, ref, key)
}

// ReadInto is Read into *buf, which it makes larger when the blob does
// not fit: the blob is a slice of *buf, until the caller reads into *buf
// again. A caller that reads thousands of blobs and keeps nothing of each
// reads them all into one buffer rather than making one for each.
func (l *Log) ReadInto(into *[]byte, ref Ref, key [32]byte) ([]byte, bool) {
	if ref.Off < 0 || ref.Len < logHead || ref.Len > 1<<31+logHead || ref.Off > l.Size()-ref.Len {
		return nil, false
	}
	if int64(cap(*into)) < ref.Len {
		*into = make([]byte, ref.Len)
	}
	buf := (*into)[:ref.Len]
	if _, err := l.f.ReadAt(buf, ref.Off); err != nil {
		return nil, false
	}
	blob := buf[logHead:]
	if binary.LittleEndian.Uint32(buf) != uint32(len(blob)) || !bytes.Equal(buf[8:logHead], key[:]) ||
		binary.LittleEndian.Uint32(buf[4:]) != crc32.Update(crc32.Update(0, castagnoli(), buf[8:logHead]), castagnoli(), blob) {
		return nil, false
	}
	return blob, true
}

// Close writes out what Append buffered and closes the file.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err == nil {
		l.err = l.w.Flush()
	}
	if l.w == nil {
		l.err = nil // open for reading only: nothing to write out
	}
	if err := l.f.Close(); l.err == nil {
		l.err = err
	}
	err := l.err
	if l.err == nil {
		l.err = errors.New("buildcache: the log is closed")
	}
	return err
}

// Garbage reports whether a log of size bytes, of which live bytes are
// blobs the cache still needs, is worth starting afresh: when more than
// half of it, and more than 32 MB, is blobs nobody needs.
func Garbage(size, live int64) bool {
	return size-live > max(live, 32<<20)
}

// RemoveLogs deletes the logs in dir but the one called keep.
func RemoveLogs(dir, keep string) {
	names, _ := filepath.Glob(filepath.Join(dir, logPrefix+"*"))
	for _, name := range names {
		if base := filepath.Base(name); base != keep && isLogName(base) {
			os.Remove(name)
		}
	}
}
