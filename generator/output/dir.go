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
// A Dir that keeps a spare (KeepSpare, for a build with a cache) builds
// in the site published before the last one rather than in an empty
// folder, and keeps the site it replaces for the next build (spare.go).
type Dir struct {
	dest   string // as given, made absolute
	target string // dest with symbolic links followed
	tmp    string

	mu sync.Mutex
	// dirs are the folders made under tmp, or being made, by
	// slash-separated name.
	dirs map[string]*folderState
	// names are the files written or linked, by name: the previous site
	// has most of them too, which Commit removes by name (removeTree).
	names []string

	// Of a Dir that keeps a spare (see KeepSpare): keep is set; spare is
	// the manifest of the spare tmp is, if it is one; made describes
	// each file written or linked, by name; touched the folders whose
	// entries the build changed.
	keep    bool
	spare   *manifest
	made    map[string]fs.FileInfo
	touched map[string]bool

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
	tmp, err := newTemp(target)
	if err != nil {
		return nil, err
	}
	return &Dir{dest: abs, target: target, tmp: tmp, dirs: map[string]*folderState{}}, nil
}

// newTemp makes a new empty temporary folder beside the destination
// folder target and returns its path.
func newTemp(target string) (string, error) {
	parent, base := filepath.Split(target)
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	tmp := filepath.Join(parent, "."+base+tempMarker+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(rnd[:]))
	return tmp, os.Mkdir(tmp, 0o755)
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
// process is gone, and their manifests (see spare.go). The spare and the
// manifests a Dir keeps have no process id in their names, and stay.
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
	return d.write(name, full, data)
}

// write writes data as the file name, at full: in a Dir that keeps a
// spare, as a new file, never into a file already there, which may be a
// hard link to the site published, but in its place.
func (d *Dir) write(name, full string, data []byte) error {
	if !d.keep {
		return writeFile(full, data, 0o644)
	}
	var f *os.File
	err := d.put(name, full, func() (err error) {
		f, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		return err
	})
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	fi, serr := f.Stat()
	if err := errors.Join(werr, serr, f.Close()); err != nil {
		return err
	}
	d.record(name, fi)
	return nil
}

// put makes the file name, at full, with make, which fails with
// fs.ErrExist when something is there already: it clears first what a
// spare has there, and, when make finds something all the same (a file
// written twice), clears that and makes the file once more.
func (d *Dir) put(name, full string, make func() error) error {
	if d.spareHas(name, parentOf(name)) {
		if err := d.clear(name, full); err != nil {
			return err
		}
	}
	err := make()
	if errors.Is(err, fs.ErrExist) {
		if err := d.clear(name, full); err != nil {
			return err
		}
		err = make()
	}
	if err == nil {
		d.touch(parentOf(name))
	}
	return err
}

// clear readies the place of the file name, at full, for a new file: it
// removes what is there (a spare's file, which may be a hard link to the
// site published, or its folder, or the build's own file written before),
// but never a folder the build made, so that a build that makes a file
// and a folder of one name fails as it does without a spare.
func (d *Dir) clear(name, full string) error {
	d.mu.Lock()
	_, folder := d.dirs[name]
	d.mu.Unlock()
	if folder {
		return nil
	}
	return removeAny(full)
}

// record notes, in a Dir that keeps a spare, that the file name is the
// file fi describes: for the manifest, and for Stat.
func (d *Dir) record(name string, fi fs.FileInfo) {
	if !d.keep {
		return
	}
	d.mu.Lock()
	d.made[name] = fi
	d.mu.Unlock()
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
	if err := d.folder(parentOf(name)); err != nil {
		d.state.RUnlock()
		return "", nil, err
	}
	d.mu.Lock()
	d.names = append(d.names, name)
	d.mu.Unlock()
	return d.path(name), d.state.RUnlock, nil
}

// path returns where the file or folder of slash-separated name rel is.
func (d *Dir) path(rel string) string {
	return filepath.Join(d.tmp, filepath.FromSlash(rel))
}

// Link puts the file from, a path outside the temporary folder (a file of
// the site published before, see Target), which fi describes, as name
// inside it: as a hard link, which copies nothing, or, where the file
// system has none, as a copy. A build cache carries unchanged files over
// with it. In a spare that has the very file from as name already, Link
// does nothing.
func (d *Dir) Link(name, from string, fi fs.FileInfo) error {
	full, done, err := d.begin(name)
	if err != nil {
		return err
	}
	defer done()
	if d.spareFile(name, parentOf(name), fi) {
		d.record(name, fi)
		return nil
	}
	if err := d.put(name, full, func() error { return os.Link(from, full) }); err == nil {
		d.record(name, fi)
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return d.write(name, full, data)
}

// Stat describes the file name written inside the temporary folder; once
// committed, the published file is the same file. In a Dir that keeps a
// spare, it is what the write found (see record), with no call to the
// system.
func (d *Dir) Stat(name string) (fs.FileInfo, error) {
	if err := checkName(name); err != nil {
		return nil, err
	}
	if d.keep {
		d.mu.Lock()
		fi := d.made[name]
		d.mu.Unlock()
		if fi != nil {
			return fi, nil
		}
	}
	return os.Lstat(d.path(name))
}

// folder makes the folder rel (a slash-separated name; "" is the
// temporary folder itself) and its parents, once: the first call makes
// it, the others wait for it. In a spare, a folder its manifest names is
// taken as it is, or emptied (see fromSpare). Most folders of a site are
// made in a folder made just before (a page's folder in its section's):
// one mkdir, where os.MkdirAll would look at the folder and its parent
// first.
func (d *Dir) folder(rel string) error {
	if rel == "" {
		return nil
	}
	d.mu.Lock()
	st := d.dirs[rel]
	if st == nil {
		st = &folderState{}
		d.dirs[rel] = st
	}
	d.mu.Unlock()
	st.once.Do(func() { st.clean, st.err = d.makeFolder(rel) })
	return st.err
}

// makeFolder makes the folder rel, after its parent, and reports whether
// it is a spare's folder as the spare's manifest says.
func (d *Dir) makeFolder(rel string) (clean bool, err error) {
	if err := d.folder(parentOf(rel)); err != nil {
		return false, err
	}
	if d.spare != nil {
		if want, ok := d.spare.dirs[rel]; ok {
			return d.fromSpare(rel, want)
		}
	}
	full := d.path(rel)
	err = os.Mkdir(full, 0o755)
	if errors.Is(err, fs.ErrExist) {
		d.mu.Lock()
		_, ours := d.made[rel]
		d.mu.Unlock()
		if !ours && d.spareHas(rel, parentOf(rel)) {
			// The spare's file where the build makes a folder.
			if err := removeAny(full); err != nil {
				return false, err
			}
			err = os.Mkdir(full, 0o755)
		} else if fi, serr := os.Lstat(full); serr == nil && fi.IsDir() {
			err = nil // there already
		}
	}
	if err == nil {
		d.touch(parentOf(rel))
	}
	return false, err
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
	if d.keep {
		if err := d.finish(); err != nil {
			d.aborted = true
			os.RemoveAll(d.tmp)
			os.Remove(d.tmp + manifestSuffix)
			return fmt.Errorf("publishing to %s: %w", d.target, err)
		}
	}
	if err := swap(d.tmp, d.target); err != nil {
		d.aborted = true
		os.RemoveAll(d.tmp)
		os.Remove(d.tmp + manifestSuffix)
		return fmt.Errorf("publishing to %s: %w", d.target, err)
	}
	// d.tmp is now the previous site, if there was one; no more writes.
	d.aborted = true
	return nil
}

// RemovePrevious deletes the site Swap replaced, if there was one: by
// the names of the files of the new site first (see removeTree). A
// folder it fails to delete is deleted by a later build (see NewDir).
// A Dir that keeps a spare keeps it as the spare instead, when it can
// (see keepPrevious); one that does not removes any spare too.
func (d *Dir) RemovePrevious() error {
	if d.keep {
		return d.keepPrevious()
	}
	dropSpare(d.target)
	return removeTree(d.tmp, d.names)
}

// Abort removes the temporary folder, leaving the destination untouched,
// or, when it is a spare (see KeepSpare), puts it back for the next
// build. A write under way finishes first; later writes are refused.
func (d *Dir) Abort() error {
	d.state.Lock()
	defer d.state.Unlock()
	was := d.aborted
	d.aborted = true
	os.Remove(d.tmp + manifestSuffix)
	if !was && d.spare != nil && d.returnSpare() {
		return nil
	}
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
