package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// The build cache of lumen build keeps, for every page it published, what
// the pages stage made of it — its findings, the ids of its elements, its
// links to #fragments, its search records — with the key of everything the
// page was made from, and the identity (inode, size, time) of the file it
// published. The next build that finds a page's key unchanged, and the
// published file as it left it, does not make the page: it hard-links the
// published file into the new site (see output.Dir.Link) and takes the
// rest from the cache. Every other file (theme files, pictures, the feed,
// the sitemap, the search index) is made as in any build, from what the
// pages left.
//
// A page's key (pageKey) is made of:
//
//   - the base: the program (Options.CacheVersion), the configuration as
//     read (config.Config.Fingerprint, with the base URL the build uses),
//     drafts, the notices of the day, every file of the theme and of i18n/,
//     the data files of content/ and of each language's folder (glossary,
//     jargon, synonyms, lexicon), and every picture's key;
//   - the site: every page's address, kind, source and front matter, and
//     every other file's address — what lists, menus, relations,
//     breadcrumbs, links and checks can show or test of another page —
//     and an SVG file's bytes (a drawing's size is written into the <img>
//     of every page that shows it, by images.DrawingSize, and a logo's
//     into every header); and, when the theme may show other pages'
//     converted Markdown (render.Renderer.ReadsOtherBodies), every page's
//     whole file;
//   - the page: its file's bytes and those of its translations, and the
//     status of its medical review on the day of the build.
//
// So an edit to one page's text remakes that page alone; an edit to a
// front matter, a theme file or site.yaml remakes every page. The cache
// also keeps every content file's parsed front matter (content.Known), so
// that only the files that changed are parsed again. It is one file
// (package buildcache): a damaged one, or one of another program, is
// ignored with a one-line note.
type buildCache struct {
	dir, version string
	out          *output.Dir
	old          map[string]*cachedPage
	// parsed are the content files the last build parsed, by path, and
	// oldSite the key of the site of its pages.
	parsed  map[string]*parsedFile
	oldSite [32]byte
	// oldWords are the words of the search records of old, and words
	// those of the records this build writes.
	oldWords, words *search.WordList
	// w writes the new cache file, page by page, as they are published,
	// so that the build does not hold them all.
	w *buildcache.Writer

	reused, made atomic.Int64
	// kept counts the content files not parsed again.
	kept atomic.Int64
	note string
}

// cachedPage is what the build cache keeps of one published page.
type cachedPage struct {
	Key [32]byte
	// Ino, Size and ModTime identify the published file, and Sum is the
	// SHA-256 of its bytes, for a published folder restored elsewhere
	// (a CI job's cache) whose files have other inodes and times.
	Ino     uint64
	Size    int64
	ModTime int64
	Sum     [32]byte
	// Findings are the page's errors and warnings, but for the time it
	// took; with Options.MaxWarnings, only its first warnings, and
	// Dropped counts the others.
	Findings  diag.List
	Dropped   int
	IDs       string
	Fragments []markdown.Link
	Content   bool
	Docs      []search.Saved
}

// cacheEntry is one value of the cache file: a page published as Name, a
// content file parsed, or, last, the words of the pages' search records.
type cacheEntry struct {
	Name   string
	Page   *cachedPage
	Source *parsedFile
	// Site is the key of what every page of the build was made from
	// (snapshotOptions.siteKey), part of each page's key.
	Site  *[32]byte
	Words []string
	End   bool
}

// parsedFile is a content file as package content parsed it, and the
// identity of the file it parsed.
type parsedFile struct {
	Path    string
	Size    int64
	ModTime int64
	Ino     uint64
	Page    *content.Page
	Errs    diag.List
}

// CacheStats says what a build did with its cache.
type CacheStats struct {
	// Dir is the cache's folder, or "" when the build had no cache.
	Dir string
	// Reused is the number of pages carried over from the last build, and
	// Made the number made anew.
	Reused, Made int
	// Kept is the number of content files whose parsed front matter was
	// taken from the cache rather than parsed again.
	Kept int
	// Note, when not empty, says in one line why the cache was not used
	// or could not be saved.
	Note string
}

// pruneAfter is how long the build cache of a site and destination that
// no build used is kept: the caches of sites built into temporary folders
// would otherwise gather.
const pruneAfter = 30 * 24 * time.Hour

// openCache reads the build cache in dir, for a build published by out,
// and starts the new one.
func openCache(dir, version string, out *output.Dir) *buildCache {
	c := &buildCache{dir: dir, version: version, out: out, words: &search.WordList{}}
	registerKinds()
	buildcache.Prune(filepath.Dir(dir), pruneAfter, dir)
	c.old, c.parsed, c.oldWords, c.oldSite, c.note = readCache(dir, version)
	w, err := buildcache.Create(dir, version)
	if err != nil {
		c.note = "the build cache cannot be written: " + err.Error()
	}
	c.w = w
	return c
}

// readCache returns the pages, parsed files and words of the cache file
// in dir, or a note saying why it is not used.
func readCache(dir, version string) (map[string]*cachedPage, map[string]*parsedFile, *search.WordList, [32]byte, string) {
	var site [32]byte
	r, note := buildcache.Open(dir, version)
	if r == nil {
		return nil, nil, nil, site, note
	}
	defer r.Close()
	pages, parsed := map[string]*cachedPage{}, map[string]*parsedFile{}
	for {
		var e cacheEntry
		if err := r.Decode(&e); err != nil {
			return nil, nil, nil, site, fmt.Sprintf("the build cache in %s cannot be decoded (%v); building everything", dir, err)
		}
		switch {
		case e.End:
			return pages, parsed, &search.WordList{List: e.Words}, site, ""
		case e.Page != nil:
			pages[e.Name] = e.Page
		case e.Source != nil:
			parsed[e.Source.Path] = e.Source
		case e.Site != nil:
			site = *e.Site
		}
	}
}

// site tells the cache the key of the site being built: when it is not
// the last build's, no page can be carried over, and what the last build
// left of its pages is let go at once rather than held while every page
// is made (a template or a title edited).
func (c *buildCache) site(key [32]byte) {
	if c.w != nil {
		c.w.Add(cacheEntry{Site: &key})
	}
	if key != c.oldSite {
		c.old, c.oldWords = nil, nil
	}
}

// registerKinds tells encoding/gob the front-matter type of each kind, so
// that a parsed page's Meta can be kept.
func registerKinds() {
	gob.Register(&content.Plain{})
	for _, k := range content.Kinds() {
		if k.Meta != nil {
			gob.Register(k.Meta())
		}
	}
}

// Page returns the page the last build parsed from the file at path, when
// the file is the same (its size, time and inode): content.Known.
func (c *buildCache) Page(path string, info fs.FileInfo) (*content.Page, diag.List, bool) {
	f := c.parsed[path]
	if f == nil || f.Size != info.Size() || f.ModTime != info.ModTime().UnixNano() || f.Ino != inode(info) || info.ModTime().IsZero() {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// Same returns the page the last build parsed from the file at path, when
// the file has the same bytes: content.Known.
func (c *buildCache) Same(path string, sum [32]byte) (*content.Page, diag.List, bool) {
	f := c.parsed[path]
	if f == nil || f.Page == nil || f.Page.Sum != sum {
		return nil, nil, false
	}
	c.kept.Add(1)
	return f.Page, f.Errs, true
}

// Parsed keeps the page parsed from the file at path for the next build:
// content.Known.
func (c *buildCache) Parsed(path string, info fs.FileInfo, p *content.Page, errs diag.List) {
	if c.w == nil || p == nil || info.ModTime().IsZero() {
		return
	}
	c.w.Add(cacheEntry{Source: &parsedFile{Path: path, Size: info.Size(), ModTime: info.ModTime().UnixNano(),
		Ino: inode(info), Page: p, Errs: errs}})
}

// commit finishes the new cache file once the build is published; abort
// drops it when it is not.
func (c *buildCache) commit() error {
	if c.w == nil {
		return nil
	}
	c.w.Add(cacheEntry{Words: c.words.List, End: true})
	return c.w.Commit()
}

func (c *buildCache) abort() {
	if c != nil && c.w != nil {
		c.w.Abort()
	}
}

// stats returns what the build did with the cache.
func (c *buildCache) stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	return CacheStats{Dir: c.dir, Reused: int(c.reused.Load()), Made: int(c.made.Load()), Kept: int(c.kept.Load()), Note: c.note}
}

// reuse returns what the last build made of the page of e, having put the
// file it published into the new site, or nil when the page must be made:
// its key changed, or its published file is gone or was changed since.
func (snap *Snapshot) reuse(e *entry) *made {
	c := snap.opts.cache
	if c == nil || e.page == nil {
		return nil
	}
	rec := c.old[e.name]
	if rec == nil || rec.Key != snap.pageKey(e.page) {
		return nil
	}
	from := filepath.Join(c.out.Target(), filepath.FromSlash(e.name))
	fi, err := os.Lstat(from)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != rec.Size {
		return nil
	}
	if fi.ModTime().UnixNano() != rec.ModTime || inode(fi) != rec.Ino {
		data, err := os.ReadFile(from)
		if err != nil || sha256.Sum256(data) != rec.Sum {
			return nil
		}
	}
	m := &made{findings: rec.Findings, dropped: rec.Dropped, fragments: rec.Fragments}
	if rec.IDs != "" {
		m.ids = strings.Split(rec.IDs, "\n")
	}
	if ix := snap.searchOf[e.page.Site()]; ix != nil && e.page.Searchable() {
		for _, s := range rec.Docs {
			d, err := ix.analyzer.Restore(s, c.oldWords)
			if err != nil {
				return nil
			}
			m.docs = append(m.docs, d)
		}
	}
	if rec.Content {
		m.report = &check.Page{}
	}
	if err := c.out.Link(e.name, from); err != nil {
		return nil
	}
	if fi, err := c.out.Stat(e.name); err == nil {
		// The records' words are numbered anew in the new cache's table.
		next := *rec
		next.Docs = make([]search.Saved, len(rec.Docs))
		for i, s := range rec.Docs {
			next.Docs[i] = c.words.Move(s, c.oldWords)
		}
		c.put(e.name, &next, fi)
	}
	c.reused.Add(1)
	return m
}

// remember keeps what the page of e made, m, once its file is written.
func (snap *Snapshot) remember(e *entry, m *made) {
	c := snap.opts.cache
	if c == nil || e.page == nil || m.err != nil || m.template != nil {
		return
	}
	c.made.Add(1)
	fi, err := c.out.Stat(e.name)
	if err != nil {
		return
	}
	// A Pass that keeps only the first n warnings of all its pages
	// (firstWarnings) never keeps more than the first n of one.
	n := snap.opts.maxWarnings
	rec := &cachedPage{Key: snap.pageKey(e.page), Fragments: m.fragments, Content: m.report != nil,
		IDs: strings.Join(m.ids, "\n"), Sum: sha256.Sum256(m.data)}
	warnings := 0
	for _, f := range m.findings {
		switch {
		case f.Rule == diag.RuleSlow || f.Severity == diag.SeverityHint:
		case f.Severity == diag.SeverityWarning && n > 0 && warnings >= n:
			rec.Dropped++
		default:
			if f.Severity == diag.SeverityWarning {
				warnings++
			}
			rec.Findings = append(rec.Findings, f)
		}
	}
	if ix := snap.searchOf[e.page.Site()]; ix != nil {
		for i := range m.docs {
			rec.Docs = append(rec.Docs, ix.analyzer.Save(m.docs[i], c.words))
			m.docs[i].Forget()
		}
	}
	c.put(e.name, rec, fi)
}

// put writes rec to the new cache as the page published as name, whose
// file is fi.
func (c *buildCache) put(name string, rec *cachedPage, fi fs.FileInfo) {
	if c.w == nil {
		return
	}
	r := *rec
	r.Ino, r.Size, r.ModTime = inode(fi), fi.Size(), fi.ModTime().UnixNano()
	c.w.Add(cacheEntry{Name: name, Page: &r})
}

// pageKey returns the key of everything page p is made from (see
// buildCache).
func (snap *Snapshot) pageKey(p *site.Page) [32]byte {
	h := sha256.New()
	h.Write(snap.opts.siteKey[:])
	writeString(h, p.URL)
	if p.Source != nil {
		h.Write(p.Source.Sum[:])
	}
	for _, t := range p.Translations {
		if t.Source != nil {
			h.Write(t.Source.Sum[:])
		}
	}
	writeString(h, check.ReviewStatus(p, snap.opts.check.Today))
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// cacheKey returns the key of what every page of the prepared site is
// made from: the base and the site of buildCache.
func (st *prepared) cacheKey() [32]byte {
	h := sha256.New()
	writeString(h, st.b.opts.CacheVersion)
	writeString(h, st.cfg.Fingerprint())
	// Of the day of the build, what shows: the notices of the day (and,
	// in pageKey, each page's review status).
	for _, n := range st.cfg.NoticesOn(st.today()) {
		for _, f := range []string{n.Text, n.Link, n.Starts, n.Ends} {
			writeString(h, f)
		}
	}
	writeString(h, fmt.Sprint("warnings ", st.b.opts.MaxWarnings))
	if st.b.opts.Drafts {
		writeString(h, "drafts")
	}
	hashFiles(h, st.theme, ".")
	hashFiles(h, st.b.opts.Source, i18n.Dir)
	for _, l := range st.cfg.Languages() {
		dir := content.Dir
		if l.Code != st.cfg.Language {
			dir += "/" + l.Code
		}
		entries, _ := fs.ReadDir(st.b.opts.Source, dir)
		for _, e := range entries {
			if !e.IsDir() && path.Ext(e.Name()) != ".md" && !sitefs.Ignored(e.Name()) {
				hashFile(h, st.b.opts.Source, dir+"/"+e.Name())
			}
		}
	}
	for _, p := range st.pictures.list {
		writeString(h, p.url)
		writeString(h, p.key)
		if p.err != nil {
			writeString(h, p.err.Error())
		}
	}
	bodies := st.render.ReadsOtherBodies()
	for _, ls := range st.site.Languages() {
		for _, p := range append(append([]*site.Page(nil), ls.Pages...), ls.NotFound) {
			writeString(h, p.URL)
			writeString(h, string(p.Kind))
			if p.Source != nil {
				writeString(h, p.Source.Source)
				h.Write(p.Source.FrontSum[:])
				if bodies {
					h.Write(p.Source.Sum[:])
				}
			}
		}
		for _, f := range ls.Files {
			writeString(h, f.URL)
			writeString(h, f.Source)
			if strings.EqualFold(path.Ext(f.Source), ".svg") {
				// A page shows a drawing with the width and height its
				// file gives (images.DrawingSize), and a logo too.
				hashFile(h, st.b.opts.Source, f.Source)
			}
		}
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// hashFiles writes the names and contents of the files under dir of fsys
// to h, in order.
func hashFiles(h hash.Hash, fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			hashFile(h, fsys, name)
		}
		return nil
	})
}

// hashFile writes the name and content of the file name of fsys to h.
func hashFile(h hash.Hash, fsys fs.FS, name string) {
	writeString(h, name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		writeString(h, "unreadable: "+err.Error())
		return
	}
	sum := sha256.Sum256(data)
	h.Write(sum[:])
}

// writeString writes s to h with its length, so that no two lists of
// strings write the same bytes.
func writeString(h hash.Hash, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}
