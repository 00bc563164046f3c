package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// The spare. A Dir that keeps a spare (KeepSpare) does not delete the
// site its build replaced: it keeps it beside the destination, as
// ".public.lumen-spare", and the next build that keeps a spare publishes
// into it rather than into an empty folder. After a small edit nearly
// every file of the new site is already there, a hard link to the file
// the build carries over from the site published (see Link), so carrying
// a page over costs no link, no folder and no removal: on 10,000 pages
// those were most of a cached build's time, spent in the kernel.
//
// A spare is used only as its manifest describes it: written by the build
// that made it, beside it, the manifest gives the inode of each of its
// files and the inode and change time (ctime) of each of its folders. A
// folder is trusted as it is only when it is still a folder (never a
// symbolic link) of the same inode and ctime, which any entry added,
// removed, renamed or replaced in it since would have changed; a folder
// that is not is emptied of what the manifest does not name, and its
// files are not trusted. The root folder, renamed by each publish, is
// emptied of its files when the spare is taken. A file is kept only when
// it is the very file (the same inode) that the build would link from the
// published site. Whatever the manifest names that the build does not
// make is removed before the site is published, so that a build keeping
// a spare publishes the same files as one that does not, which
// TestSpareNeverPublishesWhatTheBuildDidNotMake and the build cache's
// TestCachedBuildIsACleanBuild check. (A change time is the kernel's
// clock tick, a few milliseconds: a change made within the tick in which
// the build read it, at the very end of that build, would go unseen.)

// spareSuffix and the manifest suffixes name what a Dir keeps beside its
// destination: ".public.lumen-spare" and its manifest
// ".public.lumen-spare.manifest", and ".public.lumen-live.manifest", the
// manifest of the site published, which becomes the spare's when the
// next build replaces it. A build writes the manifest of its own site
// beside its temporary folder (".public.lumen-<pid>-<random>.manifest").
const (
	spareSuffix    = "spare"
	liveSuffix     = "live"
	manifestSuffix = ".manifest"
)

// A fileID tells a file or folder apart from any other: its device and
// inode and, for a folder, its change time.
type fileID struct {
	dev, ino uint64
	ctime    int64
}

// A manifest describes a built site's folder as the build that made it
// left it: its root folder, each other folder by slash-separated name,
// and each file's inode, by name.
type manifest struct {
	root  fileID
	dirs  map[string]fileID
	files map[string]uint64
}

// manifestMagic starts a manifest's file and names its format.
const manifestMagic = "lumen spare manifest 1\x00"

// encode returns the manifest as bytes: after the magic, fields each
// ended by a NUL, which no name holds: the root's device and inode, then
// "d", name, inode, ctime for each folder and "f", name, inode for each
// file. A device is the same for all.
func (m *manifest) encode() []byte {
	var b bytes.Buffer
	b.WriteString(manifestMagic)
	field := func(s string) { b.WriteString(s); b.WriteByte(0) }
	num := func(n uint64) { field(strconv.FormatUint(n, 10)) }
	num(m.root.dev)
	num(m.root.ino)
	for name, id := range m.dirs {
		field("d")
		field(name)
		num(id.ino)
		field(strconv.FormatInt(id.ctime, 10))
	}
	for name, ino := range m.files {
		field("f")
		field(name)
		num(ino)
	}
	return b.Bytes()
}

// decodeManifest returns the manifest encoded as data, or an error when
// data is not one whole.
func decodeManifest(data []byte) (*manifest, error) {
	rest, ok := bytes.CutPrefix(data, []byte(manifestMagic))
	if !ok {
		return nil, errors.New("not a manifest of this version")
	}
	fields := strings.Split(string(rest), "\x00")
	if len(fields) < 3 || fields[len(fields)-1] != "" {
		return nil, errors.New("a manifest cut short")
	}
	fields = fields[:len(fields)-1]
	var err error
	num := func(s string) uint64 {
		n, perr := strconv.ParseUint(s, 10, 64)
		if perr != nil && err == nil {
			err = perr
		}
		return n
	}
	m := &manifest{dirs: map[string]fileID{}, files: map[string]uint64{}}
	m.root = fileID{dev: num(fields[0]), ino: num(fields[1])}
	for i := 2; i < len(fields) && err == nil; {
		switch {
		case fields[i] == "d" && i+4 <= len(fields) && fs.ValidPath(fields[i+1]) && fields[i+1] != ".":
			ctime, perr := strconv.ParseInt(fields[i+3], 10, 64)
			if perr != nil {
				return nil, perr
			}
			m.dirs[fields[i+1]] = fileID{dev: m.root.dev, ino: num(fields[i+2]), ctime: ctime}
			i += 4
		case fields[i] == "f" && i+3 <= len(fields) && fs.ValidPath(fields[i+1]) && fields[i+1] != ".":
			m.files[fields[i+1]] = num(fields[i+2])
			i += 3
		default:
			return nil, fmt.Errorf("a manifest's entry %d is not one", i)
		}
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// readManifest returns the manifest in the file name when it describes
// the folder dir as it is now (the same device and inode), else nil.
func readManifest(name, dir string) *manifest {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	m, err := decodeManifest(data)
	if err != nil {
		return nil
	}
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	if id, ok := idOf(fi); !ok || id.dev != m.root.dev || id.ino != m.root.ino {
		return nil
	}
	return m
}

// sparePaths returns the paths of the spare, its manifest and the
// manifest of the site published, beside the destination folder target.
func sparePaths(target string) (spare, spareManifest, liveManifest string) {
	parent, base := filepath.Split(target)
	prefix := filepath.Join(parent, "."+base+tempMarker)
	return prefix + spareSuffix, prefix + spareSuffix + manifestSuffix, prefix + liveSuffix + manifestSuffix
}

// KeepSpare makes d publish into the spare the last build kept, when
// there is one its manifest describes, and keep the site it replaces as
// the next build's spare. It must be called before any file is written.
// Where the system cannot tell folders apart by inode and change time,
// it does nothing.
func (d *Dir) KeepSpare() {
	if !spareSupported {
		return
	}
	d.keep = true
	d.made = map[string]fs.FileInfo{}
	d.touched = map[string]bool{}
	// Taking the spare is one rename: of two builds at once, one takes it.
	spare, spareManifest, _ := sparePaths(d.target)
	if err := os.Remove(d.tmp); err != nil {
		return
	}
	if err := os.Rename(spare, d.tmp); err != nil {
		if err := os.Mkdir(d.tmp, 0o755); err != nil {
			d.dropTaken()
		}
		return
	}
	m := readManifest(spareManifest, d.tmp)
	os.Remove(spareManifest)
	if m == nil || !emptyRoot(d.tmp, m) {
		d.dropTaken()
		return
	}
	d.spare = m
}

// emptyRoot readies the root folder root of a spare whose manifest is m:
// its change time is the last rename's, so it is emptied of its files and
// of what m does not name. It reports whether it could.
func emptyRoot(root string, m *manifest) bool {
	entries, err := os.ReadDir(root)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if _, ok := m.dirs[e.Name()]; !ok || !e.IsDir() {
			if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil {
				return false
			}
		}
	}
	return true
}

// dropTaken deletes the spare d took but cannot use, and gives d an
// empty temporary folder: a new one when what the spare held cannot all
// be deleted (a later build deletes it, see NewDir). When it cannot, d
// refuses every write, as after Abort, rather than publish what is left.
func (d *Dir) dropTaken() {
	if err := os.RemoveAll(d.tmp); err == nil && os.Mkdir(d.tmp, 0o755) == nil {
		return
	}
	tmp, err := newTemp(d.target)
	if err != nil {
		d.aborted = true
		return
	}
	d.tmp = tmp
}

// A folderState is what a build found of one folder of its temporary
// folder: made once (see Dir.folder), and whether it is a spare's folder
// whose files are as its manifest says (clean).
type folderState struct {
	once  sync.Once
	err   error
	clean bool
}

// fromSpare readies the folder rel of the spare, which its manifest
// names, for the build: it reports whether the folder is as the manifest
// says (clean); else it has emptied it of all but the folders the
// manifest names, or made it anew where it was no folder. The folder's
// parent is ready.
func (d *Dir) fromSpare(rel string, want fileID) (clean bool, err error) {
	full := d.path(rel)
	fi, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.touch(path.Dir(rel))
		return false, os.Mkdir(full, 0o755)
	case err != nil:
		return false, err
	case !fi.IsDir():
		// A link or a file where the folder was: removed, never followed.
		d.touch(path.Dir(rel))
		if err := os.Remove(full); err != nil {
			return false, err
		}
		return false, os.Mkdir(full, 0o755)
	}
	if id, ok := idOf(fi); ok && id == want {
		return true, nil
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return false, err
	}
	d.touch(rel)
	for _, e := range entries {
		if _, ok := d.spare.dirs[path.Join(rel, e.Name())]; !ok || !e.IsDir() {
			if err := os.RemoveAll(filepath.Join(full, e.Name())); err != nil {
				return false, err
			}
		}
	}
	return false, nil
}

// touch notes that the entries of the folder rel changed, so that its
// change time is read again for the manifest.
func (d *Dir) touch(rel string) {
	if !d.keep {
		return
	}
	if rel == "." {
		rel = ""
	}
	d.mu.Lock()
	d.touched[rel] = true
	d.mu.Unlock()
}

// spareHas reports whether the spare may have a file or folder at name,
// a file's name in the folder dir, which is ready.
func (d *Dir) spareHas(name, dir string) bool {
	if d.spare == nil {
		return false
	}
	if _, ok := d.spare.dirs[name]; ok {
		return true
	}
	_, ok := d.spare.files[name]
	return ok && d.isClean(dir)
}

// spareFile reports whether the spare's file name, in the folder dir,
// which is ready, is the file fi describes.
func (d *Dir) spareFile(name, dir string, fi fs.FileInfo) bool {
	if d.spare == nil || fi == nil {
		return false
	}
	id, ok := idOf(fi)
	was, has := d.spare.files[name]
	return ok && has && was == id.ino && d.isClean(dir)
}

// isClean reports whether the folder rel, which is ready, is a spare's
// folder as its manifest says.
func (d *Dir) isClean(rel string) bool {
	d.mu.Lock()
	st := d.dirs[rel]
	d.mu.Unlock()
	return st != nil && st.clean
}

// finish readies the temporary folder of a Dir that keeps a spare to be
// published: it removes what the spare had that the build did not make,
// and writes the manifest of the folder beside it.
func (d *Dir) finish() error {
	if d.spare != nil {
		for name := range d.spare.files {
			dir := parentOf(name)
			if _, made := d.made[name]; !made && d.isClean(dir) && !d.ready(name) {
				d.touch(dir)
				if err := removeAny(d.path(name)); err != nil {
					return err
				}
			}
		}
		for rel := range d.spare.dirs {
			parent := parentOf(rel)
			if d.ready(rel) || !d.ready(parent) {
				continue // kept, or removed with its parent
			}
			if _, isFile := d.made[rel]; isFile {
				continue // a folder replaced by a file
			}
			d.touch(parent)
			if err := os.RemoveAll(d.path(rel)); err != nil {
				return err
			}
		}
	}
	fi, err := os.Lstat(d.tmp)
	if err != nil {
		return err
	}
	root, _ := idOf(fi)
	m := &manifest{root: root, dirs: map[string]fileID{}, files: make(map[string]uint64, len(d.made))}
	for name, fi := range d.made {
		id, _ := idOf(fi)
		m.files[name] = id.ino
	}
	for rel := range d.dirs {
		if rel == "" || !d.ready(rel) {
			continue
		}
		if d.spare != nil && d.isClean(rel) && !d.touched[rel] {
			m.dirs[rel] = d.spare.dirs[rel]
			continue
		}
		fi, err := os.Lstat(d.path(rel))
		if err != nil {
			return err
		}
		if m.dirs[rel], _ = idOf(fi); !fi.IsDir() {
			return fmt.Errorf("%s is no longer a folder", d.path(rel))
		}
	}
	return os.WriteFile(d.tmp+manifestSuffix, m.encode(), 0o644)
}

// ready reports whether the folder rel was made by the build, which
// has made all its folders.
func (d *Dir) ready(rel string) bool {
	if rel == "" {
		return true
	}
	d.mu.Lock()
	st := d.dirs[rel]
	d.mu.Unlock()
	return st != nil && st.err == nil
}

// keepPrevious keeps the site the swap replaced, now in the temporary
// folder, as the spare, when the manifest of the site published describes
// it; else it removes it. The manifest this build wrote becomes the
// published site's.
func (d *Dir) keepPrevious() error {
	spare, spareManifest, liveManifest := sparePaths(d.target)
	kept := false
	if m := readManifest(liveManifest, d.tmp); m != nil {
		if err := os.Rename(d.tmp, spare); err == nil {
			kept = os.Rename(liveManifest, spareManifest) == nil
		}
	}
	if err := os.Rename(d.tmp+manifestSuffix, liveManifest); err != nil {
		os.Remove(liveManifest)
	}
	if !kept {
		return removeTree(d.tmp, d.names)
	}
	return nil
}

// returnSpare puts back the spare an aborted build took, for the next
// build, and reports whether it did: with the manifest it had, which the
// next build checks each folder against, so that the folders this build
// changed are emptied then.
func (d *Dir) returnSpare() bool {
	spare, spareManifest, _ := sparePaths(d.target)
	if err := os.WriteFile(spareManifest, d.spare.encode(), 0o644); err != nil {
		return false
	}
	if err := os.Rename(d.tmp, spare); err != nil {
		os.Remove(spareManifest)
		return false
	}
	return true
}

// dropSpare removes the spare and the manifests of a destination whose
// build keeps none: they would describe sites no longer there.
func dropSpare(target string) {
	spare, spareManifest, liveManifest := sparePaths(target)
	os.Remove(liveManifest)
	os.Remove(spareManifest)
	os.RemoveAll(spare)
}

// removeAny removes the file or folder at full, whatever it holds, and
// succeeds when there is none.
func removeAny(full string) error {
	err := os.Remove(full)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return os.RemoveAll(full)
}

// parentOf returns the folder of the slash-separated name: "" for the
// root.
func parentOf(name string) string {
	dir := path.Dir(name)
	if dir == "." {
		return ""
	}
	return dir
}
