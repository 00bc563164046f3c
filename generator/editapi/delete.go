package editapi

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// deleteFiles removes pages and images, unless the site would have errors
// without them: a page that other pages link to, or name in their front
// matter (reviewed_by, treats, about, …), or an image a page shows, is
// refused with the list of the pages that need it.
func (a *API) deleteFiles(ctx context.Context, paths []string) (any, error) {
	if len(paths) == 0 || len(paths) > maxFiles {
		return nil, refuse(http.StatusBadRequest, "deleteFiles: give from 1 to %d paths", maxFiles)
	}
	changes := map[string][]byte{}
	var rels []string
	for _, p := range paths {
		rel, err := contentPath(p)
		if err != nil {
			return nil, err
		}
		info, err := fs.Lstat(a.content, rel)
		if errors.Is(err, fs.ErrNotExist) {
			continue // already gone, as decap-server takes it
		}
		if err != nil || info.IsDir() {
			return nil, refuse(http.StatusForbidden, "%s: refused: the editor deletes files, not folders", clip(p))
		}
		changes[content.Dir+"/"+rel] = nil
		rels = append(rels, rel)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	errs, err := a.verify(ctx, changes, nil)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, refusal("Not deleted: "+strings.Join(paths, ", ")+" is still needed by these pages; change them first:", errs)
	}
	for _, rel := range rels {
		if err := a.root.Remove(rel); err != nil {
			return nil, err
		}
	}
	return map[string]string{"message": "deleted files " + strings.Join(paths, ", ")}, nil
}
