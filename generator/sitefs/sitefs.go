// Package sitefs opens a site's folder for reading and says which of its
// files Lumen leaves alone.
//
// A site is often a Git repository that accepts contributions, so one
// symbolic link in a pull request must not publish the build machine's
// secrets. Open therefore returns a file system confined to the site's
// folder (an os.Root): a symbolic link is followed only while it stays
// inside the folder, and one that leads out of it cannot be read. Link
// explains such a link in an error that names the link and where it
// points.
//
// Ignored is the one list of names that every part of Lumen skips: the
// content loader, the theme's static files and the watcher of lumen serve.
package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// FS is a site's folder, confined to it. It implements fs.FS,
// fs.ReadFileFS, fs.ReadDirFS, fs.StatFS and fs.ReadLinkFS.
type FS struct {
	rootFS
	root *os.Root
	// dirfd is the folder again, for ReadFile's one call to open a file
	// (see readFile), or -1.
	dirfd int
}

// rootFS is what the file system of an os.Root offers.
type rootFS interface {
	fs.ReadFileFS
	fs.ReadDirFS
	fs.StatFS
	fs.ReadLinkFS
}

// Open opens the folder dir as a file system that never reads outside
// it. Close it when the site is no longer read.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{rootFS: root.FS().(rootFS), root: root, dirfd: openDir(dir)}, nil
}

// Close releases the folder.
func (f *FS) Close() error {
	closeDir(f.dirfd)
	f.dirfd = -1
	return f.root.Close()
}

// ReadFile reads the file name, as the os.Root's ReadFile does: the same
// bytes and the same errors, never a file outside the folder. On Linux a
// regular file is read with fewer system calls (see readFile).
func (f *FS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) {
		if data, ok := readFile(f.dirfd, name); ok {
			return data, nil
		}
	}
	return f.rootFS.ReadFile(name)
}

// Link explains why the symbolic link name in fsys, whose target could
// not be read with err, is not part of the site: its target lies outside
// the site, is given as an absolute path, or does not exist. It returns
// an error naming the link and its target.
func Link(fsys fs.FS, name string, err error) *diag.Error {
	target, lerr := fs.ReadLink(fsys, name)
	if lerr != nil {
		return &diag.Error{File: name, Msg: "cannot read: " + Reason(err)}
	}
	switch {
	case path.IsAbs(target) || strings.HasPrefix(target, `\`):
		return &diag.Error{File: name, Msg: "a symbolic link to " + target + ", an absolute path: Lumen follows only links that stay inside the site",
			Hint: "copy the file into the site, or make the link relative to its folder (ln -sr)"}
	case escapes(path.Dir(name), target):
		return &diag.Error{File: name, Msg: "a symbolic link to " + target + ", which is outside the site: Lumen never publishes files from outside the site",
			Hint: "copy the file into the site, or remove the link"}
	case errors.Is(err, syscall.ELOOP):
		return &diag.Error{File: name, Msg: "a symbolic link that leads to no file: too many levels of symbolic links",
			Hint: "point the link at an existing file, or remove it"}
	case errors.Is(err, fs.ErrNotExist):
		return &diag.Error{File: name, Msg: "a symbolic link that leads to no file: no such file or directory",
			Hint: "point the link at an existing file, or remove it"}
	}
	// A relative link that stays inside lexically but leaves through
	// another link on its way.
	return &diag.Error{File: name, Msg: "a symbolic link to " + target + " that cannot be followed inside the site: " + Reason(err),
		Hint: "copy the file into the site, or point the link at a file inside the site"}
}

// escapes reports whether the relative link target, written in the folder
// dir (a slash path from the site root), climbs out of the site.
func escapes(dir, target string) bool {
	p := path.Join(dir, strings.ReplaceAll(target, `\`, "/"))
	return p == ".." || strings.HasPrefix(p, "../")
}

// Reason returns the cause of a file system error without the operation
// and path that the caller names already.
func Reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
