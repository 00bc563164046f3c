package render

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system that serves each name from top when top
// has it and from base otherwise. Directory listings merge both. It is how
// a site's own theme files override the theme's.
func Overlay(top, base fs.FS) fs.FS {
	return overlay{top: top, base: base}
}

type overlay struct {
	top, base fs.FS
}

// Open opens name from top, falling back to base.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		st, serr := f.Stat()
		if serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.base.Open(name)
}

// ReadDir lists the entries of name in both layers, top's winning.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	topEntries, terr := fs.ReadDir(o.top, name)
	for _, e := range topEntries {
		seen[e.Name()] = e
	}
	baseEntries, berr := fs.ReadDir(o.base, name)
	for _, e := range baseEntries {
		if _, ok := seen[e.Name()]; !ok {
			seen[e.Name()] = e
		}
	}
	if terr != nil && berr != nil {
		if errors.Is(berr, fs.ErrNotExist) {
			return nil, terr
		}
		return nil, berr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Origin reports which layer serves name: "top", "base" or "".
func Origin(fsys fs.FS, name string) string {
	o, ok := fsys.(overlay)
	if !ok {
		return ""
	}
	if st, err := fs.Stat(o.top, name); err == nil && !st.IsDir() {
		return "top"
	}
	if _, err := fs.Stat(o.base, name); err == nil {
		return "base"
	}
	return ""
}

// ReadLink returns the target of the symbolic link name in the layer
// that serves it, as fs.ReadLinkFS requires.
func (o overlay) ReadLink(name string) (string, error) {
	if _, err := fs.Lstat(o.top, name); err == nil {
		return fs.ReadLink(o.top, name)
	}
	return fs.ReadLink(o.base, name)
}

// Lstat describes name without following a final symbolic link, in the
// layer that serves it, as fs.ReadLinkFS requires.
func (o overlay) Lstat(name string) (fs.FileInfo, error) {
	if info, err := fs.Lstat(o.top, name); err == nil {
		return info, nil
	}
	return fs.Lstat(o.base, name)
}
