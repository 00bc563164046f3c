package content

import (
	"io/fs"
	"reflect"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Cache keeps parsed pages between loads of the same site, so that a dev
// server rebuilding after an edit parses only the files that changed. A
// file is parsed again when its size or modification time differs from the
// cached one, when it has no modification time (as in an in-memory file
// system), or after Forget. A Cache is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

type cacheEntry struct {
	size    int64
	modTime time.Time
	page    *Page
	errs    diag.List
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

// Forget drops the entries of the given paths (relative to the site root),
// or of every path when none is given.
func (c *Cache) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(paths) == 0 {
		clear(c.entries)
		return
	}
	for _, p := range paths {
		delete(c.entries, p)
	}
}

// get returns the cached parse of path if info still matches it.
func (c *Cache) get(path string, info fs.FileInfo) (*Page, diag.List, bool) {
	if c == nil || info == nil || info.ModTime().IsZero() {
		return nil, nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	if !ok || e.size != info.Size() || !e.modTime.Equal(info.ModTime()) {
		return nil, nil, false
	}
	return e.page, e.errs, true
}

func (c *Cache) put(path string, info fs.FileInfo, p *Page, errs diag.List) {
	if c == nil || info == nil || info.ModTime().IsZero() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[path] = cacheEntry{size: info.Size(), modTime: info.ModTime(), page: p, errs: errs}
}

// prune drops entries for paths no longer in the site.
func (c *Cache) prune(keep map[string]bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !keep[p] {
			delete(c.entries, p)
		}
	}
}

// Reread reads the page file at source (a path relative to the site root)
// again, as Load with opts would, and keeps the new parse in c. It reports
// whether only the file's body changed since c last parsed it: the file
// was a page before and is one now, in the same language, with the same
// front matter, on the same lines, with the same findings. Then what was
// built of the earlier parse other than its Body and its Version still
// stands, and the new page can take the old one's place in the making of
// those.
func (c *Cache) Reread(fsys fs.FS, source string, opts Options) (*Page, bool) {
	c.mu.Lock()
	before, ok := c.entries[source]
	c.mu.Unlock()
	if !ok || before.page == nil {
		return nil, false
	}
	lang, _ := opts.split(source)
	info, err := fs.Stat(fsys, source)
	if err != nil || !info.Mode().IsRegular() || opts.MaxPageBytes > 0 && info.Size() > opts.MaxPageBytes {
		return nil, false
	}
	data, err := fs.ReadFile(fsys, source)
	if err != nil {
		return nil, false
	}
	p, errs := ParseIn(source, lang, data)
	if p != nil && lang == "" && len(opts.Languages) > 0 {
		p.Version = Version(data)
	}
	c.put(source, info, p, errs)
	old := before.page
	return p, p != nil && p.Lang == old.Lang && p.Kind == old.Kind && p.FrontSum == old.FrontSum &&
		p.BodyLine == old.BodyLine && reflect.DeepEqual(errs, before.errs)
}
