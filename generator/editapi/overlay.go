package editapi

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"testing/fstest"
	"time"
)

// overlay is the site as it would be after a change: the files of top
// laid over base, and the files of gone removed. The build reads it as it
// reads the site's folder, through fs.ReadDir, fs.ReadFile, fs.Stat,
// fs.Lstat and fs.ReadLink.
type overlay struct {
	base fs.FS
	top  fstest.MapFS
	gone map[string]bool
}

// newOverlay returns base with changes: a name with data is added or
// replaced, a name with nil data is removed. Names are paths from the
// site root.
func newOverlay(base fs.FS, changes map[string][]byte) overlay {
	o := overlay{base: base, top: fstest.MapFS{}, gone: map[string]bool{}}
	now := time.Now()
	for name, data := range changes {
		if data == nil {
			o.gone[name] = true
			continue
		}
		o.top[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: now}
	}
	return o
}

func notExist(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// inTop reports whether top has name as a file.
func (o overlay) inTop(name string) bool {
	f, ok := o.top[name]
	return ok && !f.Mode.IsDir()
}

func (o overlay) Open(name string) (fs.File, error) {
	switch {
	case o.gone[name]:
		return nil, notExist("open", name)
	case o.inTop(name):
		return o.top.Open(name)
	}
	f, err := o.base.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.top.Open(name) // a folder that only the change makes
	}
	return f, err
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	switch {
	case o.gone[name]:
		return nil, notExist("read", name)
	case o.inTop(name):
		return o.top.ReadFile(name)
	}
	return fs.ReadFile(o.base, name)
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	switch {
	case o.gone[name]:
		return nil, notExist("stat", name)
	case o.inTop(name):
		return o.top.Stat(name)
	}
	info, err := fs.Stat(o.base, name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.top.Stat(name)
	}
	return info, err
}

func (o overlay) Lstat(name string) (fs.FileInfo, error) {
	switch {
	case o.gone[name]:
		return nil, notExist("lstat", name)
	case o.inTop(name):
		return o.top.Stat(name)
	}
	info, err := fs.Lstat(o.base, name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.top.Stat(name)
	}
	return info, err
}

func (o overlay) ReadLink(name string) (string, error) {
	if o.gone[name] || o.inTop(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return fs.ReadLink(o.base, name)
}

// ReadDir lists name in base and top, without the files that are gone.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	baseEntries, berr := fs.ReadDir(o.base, name)
	for _, e := range baseEntries {
		if !o.gone[path.Join(name, e.Name())] {
			seen[e.Name()] = e
		}
	}
	topEntries, terr := o.top.ReadDir(name)
	for _, e := range topEntries {
		seen[e.Name()] = e
	}
	if berr != nil && terr != nil {
		return nil, berr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
