package generator

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

// Open opens the file or folder name, as fs.FS requires: a Snapshot is a
// read-only file system of the site's files, made when first opened (see
// ReadFile).
func (snap *Snapshot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if _, ok := snap.files[name]; ok {
		data, err := snap.ReadFile(name)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &file{info: info{name: path.Base(name), size: int64(len(data)), time: snap.Time}, r: bytes.NewReader(data)}, nil
	}
	children := snap.children(name)
	if children == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &dir{info: info{name: path.Base(name), dir: true, time: snap.Time}, snap: snap, path: name, children: children}, nil
}

// children returns the names directly inside the folder name, or nil when
// there is no such folder.
func (snap *Snapshot) children(name string) []string {
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	i := sort.SearchStrings(snap.names, prefix)
	seen := map[string]bool{}
	var out []string
	for ; i < len(snap.names) && strings.HasPrefix(snap.names[i], prefix); i++ {
		child, _, _ := strings.Cut(snap.names[i][len(prefix):], "/")
		if !seen[child] {
			seen[child] = true
			out = append(out, child)
		}
	}
	return out
}

// info describes a file or folder of a Snapshot.
type info struct {
	name string
	size int64
	dir  bool
	time time.Time
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) ModTime() time.Time { return i.time }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i info) Type() fs.FileMode          { return i.Mode().Type() }
func (i info) Info() (fs.FileInfo, error) { return i, nil }

type file struct {
	info info
	r    *bytes.Reader
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *file) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *file) Close() error { return nil }

type dir struct {
	info     info
	snap     *Snapshot
	path     string
	children []string
	read     int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errors.New("is a directory")}
}
func (d *dir) Close() error { return nil }

// ReadDir lists the folder, as fs.ReadDirFile requires.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.children[d.read:]
	if n > 0 && len(rest) > n {
		rest = rest[:n]
	}
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	out := make([]fs.DirEntry, len(rest))
	for i, c := range rest {
		full := path.Join(d.path, c)
		if e := d.snap.files[full]; e != nil {
			out[i] = info{name: c, time: d.snap.Time}
		} else {
			out[i] = info{name: c, dir: true, time: d.snap.Time}
		}
	}
	d.read += len(rest)
	return out, nil
}
