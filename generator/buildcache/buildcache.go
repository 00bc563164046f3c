// Package buildcache keeps what one build leaves for the next in a single
// file: a stream of values encoded with encoding/gob, behind a header that
// names the version of Lumen that wrote it, and followed by the SHA-256 of
// all that comes before. A file that is truncated, corrupt or written by
// another version is never decoded: Open says why in one line and the
// build starts afresh. A Writer adds values as a build makes them, so that
// the build need not hold them all, and publishes the file atomically on
// Commit: a build that fails or is killed leaves the last good cache.
//
// What the values are, and what they are keyed by, is the caller's (see
// the build cache of package generator); this package only keeps them
// safe.
package buildcache

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// magic starts every cache file.
const magic = "lumen build cache 2\n"

// File is the name of the cache file in its folder.
const File = "build.cache"

// A Reader decodes the values of a cache file, in the order they were
// added.
type Reader struct {
	f   *os.File
	dec *gob.Decoder
}

// Open checks the cache file in dir and returns a Reader of its values
// when it is whole and was written by this version (any string that
// changes whenever what the file holds may mean something else, such as a
// hash of the running program). Otherwise it returns nil and, when a file
// was there, a note saying in one line why it is not trusted. A missing
// file is no note: a first build.
func Open(dir, version string) (*Reader, string) {
	name := filepath.Join(dir, File)
	f, err := os.Open(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, ""
	case err != nil:
		return nil, fmt.Sprintf("the build cache %s cannot be read (%v); building everything", name, err)
	}
	note := func(why string) (*Reader, string) {
		f.Close()
		return nil, fmt.Sprintf("the build cache %s %s; building everything", name, why)
	}
	st, err := f.Stat()
	if err != nil {
		return note("cannot be read (" + err.Error() + ")")
	}
	head := magic + version + "\n"
	got := make([]byte, len(head))
	if _, err := io.ReadFull(f, got[:min(len(got), len(magic))]); err != nil || !bytes.Equal(got[:len(magic)], []byte(magic)) {
		return note("is truncated or not a cache")
	}
	if _, err := io.ReadFull(f, got[len(magic):]); err != nil || !bytes.Equal(got, []byte(head)) || st.Size() < int64(len(head)+sha256.Size) {
		return note("was written by another version of Lumen")
	}
	// The whole file is checked before any of it is decoded.
	body := st.Size() - sha256.Size
	h := sha256.New()
	h.Write(got)
	if _, err := io.Copy(h, io.NewSectionReader(f, int64(len(head)), body-int64(len(head)))); err != nil {
		return note("cannot be read (" + err.Error() + ")")
	}
	sum := make([]byte, sha256.Size)
	if _, err := f.ReadAt(sum, body); err != nil || !bytes.Equal(h.Sum(nil), sum) {
		return note("is damaged (its checksum does not match)")
	}
	r := bufio.NewReaderSize(io.NewSectionReader(f, int64(len(head)), body-int64(len(head))), 1<<20)
	return &Reader{f: f, dec: gob.NewDecoder(r)}, ""
}

// Decode decodes the next value into v; it returns io.EOF after the last.
func (r *Reader) Decode(v any) error { return r.dec.Decode(v) }

// Close closes the file.
func (r *Reader) Close() error { return r.f.Close() }

// A Writer writes a new cache file. It is safe for concurrent use.
type Writer struct {
	dir, tmp string
	f        *os.File
	w        *bufio.Writer
	h        hash.Hash
	enc      *gob.Encoder

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
	w := &Writer{dir: dir, tmp: tmp, f: f, w: bufio.NewWriterSize(f, 1<<20), h: sha256.New()}
	t := &tee{w: w.w, h: w.h}
	w.enc = gob.NewEncoder(t)
	if _, err := t.Write([]byte(magic + version + "\n")); err != nil {
		w.Abort()
		return nil, err
	}
	return w, nil
}

// Add encodes v as the next value. After an error, Add does nothing and
// Commit returns the error.
func (w *Writer) Add(v any) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = w.enc.Encode(v)
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

// Remove deletes the cache file in dir, if there is one.
func Remove(dir string) error {
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

// tee writes to w and hashes what it writes.
type tee struct {
	w io.Writer
	h hash.Hash
}

func (t *tee) Write(p []byte) (int, error) {
	t.h.Write(p)
	return t.w.Write(p)
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
