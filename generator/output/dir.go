package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Dir builds a site into a temporary folder beside its destination and
// publishes it with Commit, which swaps the new folder in for the old in
// one rename. Until Commit, the destination is untouched: a build that
// fails, is interrupted or is killed leaves the last good site as it was.
// Temporary folders left by killed builds are removed by the next NewDir.
type Dir struct {
	dest string
	tmp  string

	mu   sync.Mutex
	dirs map[string]bool // folders already created under tmp
}

// tempMarker is part of the names of Lumen's temporary folders, which sit
// beside the destination: ".public.lumen-<pid>-<random>".
const tempMarker = ".lumen-"

// NewDir prepares to publish to dest. It refuses a dest that holds the
// site's source (source, the site root) or that is a folder with files
// that do not look like a built site (no index.html), so that a mistyped
// --dest cannot replace someone's documents.
func NewDir(dest, source string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	if err := checkDest(dest, source); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, err
	}
	tmp := filepath.Join(parent, "."+base+tempMarker+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(rnd[:]))
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, tmp: tmp, dirs: map[string]bool{}}, nil
}

// checkDest refuses destinations a build must never replace.
func checkDest(dest, source string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(dest, src); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("the destination %s contains the site itself; choose a folder such as %s", dest, filepath.Join(src, "public"))
	}
	entries, err := os.ReadDir(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot use the destination %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if e.Name() == "index.html" || e.Name() == "404.html" {
			return nil
		}
	}
	return fmt.Errorf("the destination %s has files but no index.html, so it does not look like a built site; Lumen replaces its destination entirely, so choose an empty or new folder", dest)
}

// removeStale deletes temporary folders beside dest left by builds whose
// process is gone.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, "."+base+tempMarker+"*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), "."+base+tempMarker)
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || processAlive(pid) {
			continue
		}
		os.RemoveAll(m)
	}
}

// WriteFile writes data as name inside the temporary folder.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// mkdir creates dir and its parents once.
func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit publishes the build: the temporary folder becomes the
// destination and the previous destination is removed.
func (d *Dir) Commit() error {
	if err := swap(d.tmp, d.dest); err != nil {
		d.Abort()
		return fmt.Errorf("publishing to %s: %w", d.dest, err)
	}
	return os.RemoveAll(d.tmp) // now the previous site, if there was one
}

// Abort removes the temporary folder, leaving the destination untouched.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }

// Path returns the destination folder.
func (d *Dir) Path() string { return d.dest }
