package editapi

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// fileRef names a file, as Decap sends and receives it.
type fileRef struct {
	Path  string  `json:"path"`
	Label string  `json:"label,omitempty"`
	ID    *string `json:"id"`
}

// entry is one page as Decap receives it: its text (null when it could
// not be read) and its file, whose id is the sha256 of its bytes.
type entry struct {
	Data *string `json:"data"`
	File fileRef `json:"file"`
}

// entriesByFolder lists the pages of a folder of content/: its files
// with the extension and the index.md of its page bundles. The section
// page (_index.md) belongs to the sections collection, and files Lumen
// ignores are left out.
func (a *API) entriesByFolder(folder, ext string) ([]entry, error) {
	rel, err := contentPath(strings.TrimSuffix(folder, "/"))
	if err != nil {
		return nil, err
	}
	if ext == "" {
		ext = "md"
	}
	list, err := fs.ReadDir(a.content, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return []entry{}, nil // a collection with no page yet
	}
	if err != nil {
		return nil, err
	}
	var refs []fileRef
	for _, d := range list {
		name := d.Name()
		if sitefs.Ignored(name) || name == "_index.md" {
			continue
		}
		p := path.Join(content.Dir, rel, name)
		switch {
		case d.IsDir():
			if info, err := fs.Stat(a.content, path.Join(rel, name, "index.md")); err == nil && info.Mode().IsRegular() && ext == "md" {
				refs = append(refs, fileRef{Path: p + "/index.md"})
			}
		case strings.HasSuffix(name, "."+ext):
			refs = append(refs, fileRef{Path: p})
		}
	}
	return a.entries(refs)
}

// entries reads the files refs name. A file that does not exist, or a
// symbolic link that leads out of content/, gives an entry with null
// data, as decap-server does; a path outside content/ is refused.
func (a *API) entries(refs []fileRef) ([]entry, error) {
	out := make([]entry, 0, len(refs))
	for _, r := range refs {
		rel, err := contentPath(r.Path)
		if err != nil {
			return nil, err
		}
		e := entry{File: fileRef{Path: r.Path, Label: r.Label}}
		if data, err := a.readFile(rel); err == nil {
			s, id := string(data), fileID(data)
			e.Data, e.File.ID = &s, &id
		}
		out = append(out, e)
	}
	return out, nil
}

// readFile reads the regular file rel of content/, up to the page limit
// or the image limit, whichever is larger.
func (a *API) readFile(rel string) ([]byte, error) {
	info, err := fs.Stat(a.content, rel)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > max(MaxPageBytes, MaxImageBytes) {
		return nil, refuse(http.StatusForbidden, "content/%s: not a file the editor reads", rel)
	}
	return fs.ReadFile(a.content, rel)
}

// fileID is the id Decap keeps of a file: the sha256 of its bytes.
func fileID(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}
