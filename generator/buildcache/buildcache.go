// Package buildcache keeps what one build leaves for the next in a cache
// file and, for what is too large to copy from one cache file to the
// next, in a log beside it (see Log).
//
// The cache file is a sequence of records, each a string of bytes behind
// its length, behind a header that names the version of Lumen that wrote
// it, and followed by the CRC-32C of all that comes before (the checksum
// of LevelDB's and ext4's blocks: it finds a file cut short, or damaged
// on disk or on its way from a CI cache, and the processor computes it at
// memory speed, where SHA-256 took a tenth of a cached build's reading).
// A file that is truncated, corrupt or written by another version is
// never read: Open says why in one line and the build starts afresh. A
// Writer adds records as a build makes them, so that the build need not
// hold them all, and publishes the file atomically on Commit: a build
// that fails or is killed leaves the last good cache.
//
// Open reads and checks the whole file before it hands out any record,
// and the records it hands out are slices of what it read: a build can
// decode a record only when it needs it, and write again one that did not
// change without decoding it at all.
//
// What the records hold, and what they are keyed by, is the caller's (see
// the build cache of package generator); this package only keeps them
// safe.
package buildcache

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// magic starts every cache file: magicName and the number of the file's
// format.
const (
	magicName = "lumen build cache "
	magic     = magicName + "4\n"
)

// File is the name of the cache file in its folder.
const File = "build.cache"

// A Reader hands out the records of a cache file, in the order they were
// added.
type Reader struct {
	rest []byte
}

// Open reads and checks the cache file in dir and returns a Reader of its
// records when it is whole and was written by this version (any string
// that changes whenever what the file holds may mean something else, such
// as a hash of the running program). Otherwise it returns nil and, when a
// file was there, a note saying in one line why it is not trusted. A
// missing file is no note: a first build.
func Open(dir, version string) (*Reader, string) {
	name := filepath.Join(dir, File)
	data, err := os.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, ""
	case err != nil:
		return nil, fmt.Sprintf("the build cache %s cannot be read (%v); building everything", name, err)
	}
	note := func(why string) (*Reader, string) {
		return nil, fmt.Sprintf("the build cache %s %s; building everything", name, why)
	}
	head := magic + version + "\n"
	if !bytes.HasPrefix(data, []byte(magic)) {
		if line, _, ok := bytes.Cut(data, []byte("\n")); ok && bytes.HasPrefix(line, []byte(magicName)) {
			return note("was written by another version of Lumen")
		}
		return note("is truncated or not a cache")
	}
	if !bytes.HasPrefix(data, []byte(head)) || len(data) < len(head)+crc32.Size {
		return note("was written by another version of Lumen")
	}
	// The whole file is checked before any of it is read.
	body := len(data) - crc32.Size
	if crc32.Checksum(data[:body], castagnoli()) != binary.BigEndian.Uint32(data[body:]) {
		return note("is damaged (its checksum does not match)")
	}
	return &Reader{rest: data[len(head):body]}, ""
}

// Next returns the next record, or io.EOF after the last. The record is a
// slice of the file as Open read it: the caller must not change it.
func (r *Reader) Next() ([]byte, error) {
	if len(r.rest) == 0 {
		return nil, io.EOF
	}
	n, k := binary.Uvarint(r.rest)
	if k <= 0 || n > uint64(len(r.rest)-k) {
		return nil, errors.New("buildcache: a record's length runs past the end of the file")
	}
	rec := r.rest[k : k+int(n)]
	r.rest = r.rest[k+int(n):]
	return rec, nil
}

// A Writer writes a new cache file. It is safe for concurrent use.
type Writer struct {
	dir, tmp string
	f        *os.File
	w        *bufio.Writer
	h        hash.Hash32
	out      io.Writer

	mu  sync.Mutex
	err error
}

// Create starts a new cache file in dir for version. Until Commit, the
// cache file there, if any, is left as it is.
func Create(dir, version string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, err
	}
	// A build killed while it wrote left its temporary file; one that an
	// hour has not touched is no other build's.
	if stale, _ := filepath.Glob(filepath.Join(dir, "."+File+"-*")); len(stale) > 0 {
		for _, name := range stale {
			if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Hour {
				os.Remove(name)
			}
		}
	}
	tmp := filepath.Join(dir, "."+File+"-"+hex.EncodeToString(rnd[:]))
	f, err := os.Create(tmp)
	if err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, tmp: tmp, f: f, w: bufio.NewWriterSize(f, 1<<20), h: crc32.New(castagnoli())}
	w.out = io.MultiWriter(w.h, w.w)
	if _, err := w.out.Write([]byte(magic + version + "\n")); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// Add writes the next record: parts, one after the other. After an
// error, Add does nothing and Commit returns the error.
func (w *Writer) Add(parts ...[]byte) error {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var length [binary.MaxVarintLen64]byte
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		_, w.err = w.out.Write(length[:binary.PutUvarint(length[:], uint64(n))])
	}
	for _, p := range parts {
		if w.err == nil {
			_, w.err = w.out.Write(p)
		}
	}
	return w.err
}

// Commit finishes the file and puts it in place of the cache file.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	defer os.Remove(w.tmp) // after the rename, there is nothing to remove
	if w.err == nil {
		_, w.err = w.w.Write(w.h.Sum(nil))
	}
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if err := w.f.Close(); w.err == nil {
		w.err = err
	}
	if w.err != nil {
		return w.err
	}
	w.err = errors.New("buildcache: already committed")
	return os.Rename(w.tmp, filepath.Join(w.dir, File))
}

// Abort deletes the new file, leaving the cache file as it was.
func (w *Writer) Abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.f.Close()
	os.Remove(w.tmp)
	if w.err == nil {
		w.err = errors.New("buildcache: aborted")
	}
}

// castagnoli returns the table of CRC-32C, which amd64 and arm64 compute
// in hardware (package crc32 makes it once).
func castagnoli() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) }

// Remove deletes the cache file in dir, if there is one, and its logs.
func Remove(dir string) error {
	RemoveLogs(dir, "")
	err := os.Remove(filepath.Join(dir, File))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Prune deletes the folders in parent (such as lumen/builds, where
// DefaultDir puts each site's cache) whose cache file was last written
// longer than age ago, or that have none: the caches of sites, or
// destinations, that no build has used since. The folder keep, the cache
// of the build under way, is kept.
func Prune(parent string, age time.Duration, keep string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		dir := filepath.Join(parent, e.Name())
		if !e.IsDir() || dir == filepath.Clean(keep) {
			continue
		}
		st, err := os.Stat(filepath.Join(dir, File))
		if err == nil && time.Since(st.ModTime()) < age {
			continue
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			// A folder without a cache file: one being written now has a
			// temporary file younger than age.
			if young(dir, age) {
				continue
			}
		}
		os.RemoveAll(dir)
	}
}

// young reports whether a file in dir changed less than age ago.
func young(dir string, age time.Duration) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) < age {
			return true
		}
	}
	if st, err := os.Stat(dir); err == nil && time.Since(st.ModTime()) < age {
		return true
	}
	return false
}

// DefaultDir returns the folder of the build cache of the site in the
// folder source published to the folder dest: a folder of its own, named
// by a hash of both absolute paths, under lumen/builds in the user's cache
// folder (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux).
func DefaultDir(source, dest string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(src + "\x00" + dst))
	return filepath.Join(base, "lumen", "builds", hex.EncodeToString(sum[:8])), nil
}
