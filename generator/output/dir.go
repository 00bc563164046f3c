package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
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
	dest   string // as given, made absolute
	target string // dest with symbolic links followed
	tmp    string

	mu   sync.Mutex
	dirs map[string]bool // folders already created under tmp
	// names are the files written or linked, by name: the previous site
	// has most of them too, which Commit removes by name (removeTree).
	names []string

	// state is held for reading by each write and for writing by Abort,
	// so that a write still under way when an interrupted build aborts
	// finishes before the folder is removed, and none starts after.
	state   sync.RWMutex
	aborted bool
}

// tempMarker is part of the names of Lumen's temporary folders, which sit
// beside the destination: ".public.lumen-<pid>-<random>".
const tempMarker = ".lumen-"

// NewDir prepares to publish to dest, for the site whose root folder is
// source. Both are resolved first: symbolic links and ".." are followed,
// so that a destination reached through a link is judged by where it
// really is. NewDir refuses a destination that is or holds the site, that
// lies inside its content/ or themes/ folders or is its site.yaml, or that
// is a folder with files that do not look like a built site (no
// index.html), so that a mistyped --dest cannot replace someone's
// documents or the site's own source.
//
// A dest that is a symbolic link to a folder stays a link: the new site
// is published into the folder it points to (see Target).
func NewDir(dest, source string) (*Dir, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	target, err := resolve(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot use the destination %s: %w", dest, err)
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	if src, err = resolve(src); err != nil {
		return nil, fmt.Errorf("cannot read the site %s: %w", source, err)
	}
	if err := checkDest(abs, target, src); err != nil {
		return nil, err
	}
	if info, err := os.Stat(target); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("the destination %s is a file, not a folder; choose a folder such as %s", dest, filepath.Join(src, "public"))
	}
	parent, base := filepath.Split(target)
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
	return &Dir{dest: abs, target: target, tmp: tmp, dirs: map[string]bool{}}, nil
}

// resolve returns the absolute path p with every symbolic link and ".."
// followed. The part of p that does not exist yet is joined to the
// resolved part that does.
func resolve(p string) (string, error) {
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(p); lerr == nil {
			// p exists but is a link that leads nowhere: publishing
			// would replace the link with a folder.
			return "", fmt.Errorf("%s is a symbolic link that leads to no folder; remove it or point it at a folder", p)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// checkDest refuses destinations a build must never replace. dest is the
// destination as given (made absolute), target where it resolves to and
// src the resolved site folder.
func checkDest(dest, target, src string) error {
	named := dest
	if target != dest {
		named = dest + " (" + target + ")"
	}
	if within(src, target) {
		return fmt.Errorf("the destination %s contains the site itself (%s); choose a folder such as %s", named, src, filepath.Join(src, "public"))
	}
	for _, part := range []string{"content", "themes", "site.yaml"} {
		if p := filepath.Join(src, part); within(target, p) {
			return fmt.Errorf("the destination %s lies inside the site's %s (%s), which a build reads; choose a folder such as %s", named, part, p, filepath.Join(src, "public"))
		}
	}
	entries, err := os.ReadDir(target)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot use the destination %s: %w", named, err)
	}
	if len(entries) == 0 {
		return nil
	}
	for _, e := range entries {
		if e.Name() == "index.html" || e.Name() == "404.html" {
			return nil
		}
	}
	return fmt.Errorf("the destination %s has files but no index.html, so it does not look like a built site; Lumen replaces its destination entirely, so choose an empty or new folder", named)
}

// within reports whether the path p is dir or lies inside it; both are
// absolute and clean.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
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

// WriteFile writes data as name inside the temporary folder. After Abort
// it writes nothing and returns an error.
func (d *Dir) WriteFile(name string, data []byte) error {
	full, done, err := d.begin(name)
	if err != nil {
		return err
	}
	defer done()
	return os.WriteFile(full, data, 0o644)
}

// begin readies the writing of the file name: it returns its path inside
// the temporary folder, whose folder it has made, and holds the Dir for
// reading until done is called; after Abort it returns an error.
func (d *Dir) begin(name string) (full string, done func(), err error) {
	if err := checkName(name); err != nil {
		return "", nil, err
	}
	d.state.RLock()
	if d.aborted {
		d.state.RUnlock()
		return "", nil, errAborted
	}
	full = filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(full)); err != nil {
		d.state.RUnlock()
		return "", nil, err
	}
	d.mu.Lock()
	d.names = append(d.names, name)
	d.mu.Unlock()
	return full, d.state.RUnlock, nil
}

// Link puts the file from, a path outside the temporary folder (a file of
// the site published before, see Target), as name inside it: as a hard
// link, which copies nothing, or, where the file system has none, as a
// copy. A build cache carries unchanged files over with it.
func (d *Dir) Link(name, from string) error {
	full, done, err := d.begin(name)
	if err != nil {
		return err
	}
	defer done()
	if err := os.Link(from, full); err == nil {
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// Stat describes the file name written inside the temporary folder; once
// committed, the published file is the same file.
func (d *Dir) Stat(name string) (fs.FileInfo, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	return os.Lstat(filepath.Join(d.tmp, filepath.FromSlash(name)))
}

// mkdir creates dir and its parents once. Most folders of a site are
// made in a folder made just before (a page's folder in its section's):
// one mkdir, where os.MkdirAll would look at the folder and its parent
// first.
func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	done := d.dirs[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) && filepath.Dir(dir) != dir {
		if err := d.mkdir(filepath.Dir(dir)); err != nil {
			return err
		}
		err = os.Mkdir(dir, 0o755)
	}
	if errors.Is(err, fs.ErrExist) {
		// Made by another goroutine, or there already, as a folder or not.
		if st, serr := os.Lstat(dir); serr == nil && st.IsDir() {
			err = nil
		}
	}
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit publishes the build: the temporary folder becomes the
// destination and the previous destination is removed. It is Swap, then
// RemovePrevious.
func (d *Dir) Commit() error {
	if err := d.Swap(); err != nil {
		return err
	}
	return d.RemovePrevious()
}

// Swap publishes the build: the temporary folder becomes the destination,
// in one step where the system can (see swap), and the previous
// destination the temporary folder, for RemovePrevious to delete. Writes
// after it are refused. When it fails, the destination is as it was and
// the build is aborted.
func (d *Dir) Swap() error {
	d.state.Lock()
	defer d.state.Unlock()
	if d.aborted {
		return errAborted
	}
	if err := swap(d.tmp, d.target); err != nil {
		d.aborted = true
		os.RemoveAll(d.tmp)
		return fmt.Errorf("publishing to %s: %w", d.target, err)
	}
	// d.tmp is now the previous site, if there was one; no more writes.
	d.aborted = true
	return nil
}

// RemovePrevious deletes the site Swap replaced, if there was one: by
// the names of the files of the new site first (see removeTree). A
// folder it fails to delete is deleted by a later build (see NewDir).
func (d *Dir) RemovePrevious() error {
	return removeTree(d.tmp, d.names)
}

// Abort removes the temporary folder, leaving the destination untouched.
// A write under way finishes first; later writes are refused.
func (d *Dir) Abort() error {
	d.state.Lock()
	defer d.state.Unlock()
	d.aborted = true
	return os.RemoveAll(d.tmp)
}

// errAborted is returned by writes to a Dir aborted or swapped in.
var errAborted = errors.New("output: the build was aborted or is published")

// Path returns the destination folder as given, made absolute.
func (d *Dir) Path() string { return d.dest }

// Target returns the folder the site is published into: Path with its
// symbolic links followed. When they differ, the destination (or a folder
// above it) is a link, which publishing leaves in place.
func (d *Dir) Target() string { return d.target }
