package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/search"
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
// front matter, a theme file or site.yaml changes every page's key.
//
// A page whose key changed is still carried over, without rendering it,
// when its reads key (Snapshot.readsKey) is the last build's: the site
// key but other pages' front matter and text and the pages' addresses,
// its own files, and what its templates read of other pages, of the
// site's lists (which page is at an address among them) and of its
// structured data, as render.Renderer.WriteReads follows them; and when
// the links of its Markdown lead where they did (Snapshot.sameTargets).
// So an edit to one page's title makes only the pages whose templates
// read it (its neighbours, its lists, the pages that name it), an edit
// to a page linked from every footer makes them all, and a page added
// makes the pages that list it or link to it. (A theme that shows other
// pages' converted Markdown, whose links are not followed, has the
// pages' addresses in the reads key: a page added makes every page.)
//
// A page also has an own key (ownKey): the same as its key but other
// pages' front matter and text and the pages' addresses, and with the
// names of the theme's files and its i18n rather than its templates. A
// page whose own key is unchanged is rendered again, and when its HTML is
// what the last build published and its links lead where they did, it is
// carried over all the same (Snapshot.rerendered): its findings, ids,
// links and search records are made from its own file, the targets of
// its links and what the own key holds. So an edit to a template that leaves the
// pages' HTML as it was (a comment) renders every page but makes none.
// The cache also keeps every
// content file's parsed front matter (content.Known), so that only the
// files that changed are parsed again, and every page's converted
// Markdown, in a log beside the cache file (bodyLog), so that a page
// made again whose Markdown and link targets did not change is not
// converted again.
//
// It is one file (package buildcache), of records: the site's key, the
// table of the search records' words, the parsed files in parsedShards
// shards (each encoded with encoding/gob, since a page's front matter is
// of its kind's type), one record per page, the head of its cachedPage
// (its keys and deps, encodePage) beside the identity of its published
// file and where the log has the page's body, and the name of the log
// and where it has each content file's converted Markdown. A build reads
// the file at once but decodes a shard only when the content stage first
// asks for one of its files, and reads a page's body from the log only
// when it carries the page over; it writes a shard whose files it all
// kept as it read it, and a page it carried over as its head alone, with
// the place of the body the log already has (kilobytes a page: findings,
// ids, links, search records), so that a build that changes one page
// writes one page's worth of them. The table of words is kept from build
// to build, new words added at its end, so that a carried-over page's
// records still name the right words (a build whose graph key changed,
// which carries no page over, starts it afresh). A damaged file, or one
// of another program, is ignored with a one-line note.
type buildCache struct {
	dir, version string
	out          *output.Dir
	old          map[string]oldPage
	// shards are the content files the last build parsed, and parsed
	// by this one, by parsedShard.
	shards [parsedShards]parsedShard
	// oldGraph is the last build's graph key (see cacheKeys), and
	// readsSame says this build's reads key of the site is the last
	// build's: else no page's reads key can be (Snapshot.reuse).
	oldGraph, oldReads [32]byte
	readsSame          bool
	// oldSite is the last build's site key and oldStructure its
	// structure (prepared.structure), and structure this build's, when
	// its reads key is the last build's too: then a page none of whose
	// deps changed reads the same (Snapshot.readsUnchanged).
	// oldStructureRecord is the record oldStructure was read from, which
	// the new cache file takes as it is when the structure is the same.
	oldSite                 [32]byte
	oldStructure, structure map[uint64]uint64
	oldStructureRecord      []byte
	changes                 changedPages
	// sameAddresses is addressesSame, once computed.
	sameAddresses struct {
		once sync.Once
		same bool
	}
	// oldWords are the words of the search records of old, and words
	// those of the records this build writes: oldWords and the words
	// added since.
	oldWords, words *search.WordList
	// w writes the new cache file, page by page, as they are published,
	// so that the build does not hold them all.
	w *buildcache.Writer
	// loaded is closed once the last build's cache is read, and encoded
	// once the parsed shards are in w.
	loaded, encoded chan struct{}

	// reused counts the pages carried over as their key matched,
	// rerendered those carried over as they rendered the same, and made
	// those made in full.
	reused, rerendered, made atomic.Int64
	// kept counts the content files not parsed again, indexKept the
	// search indexes linked from the last build (keepIndex), recordsKept
	// the other indexes' files of records linked (keepRecordsFile),
	// indexSame their files linked as they were made again the same
	// (writeIndexFile), and unfollowed the pages rendered whose templates
	// WriteReads could not follow (see Snapshot.readsKey).
	kept, indexKept, recordsKept, indexSame, unfollowed atomic.Int64
	// followed counts the pages whose templates reuse followed.
	followed atomic.Int64
	// bodies keeps the pages' converted Markdown.
	bodies bodyLog
	mu     sync.Mutex
	note   string
}

// oldPage is what the last build kept of a page: the identity of the
// file it published, the head of its cachedPage and where the log has its
// body (see encodePage; none, Len 0, for a file of the search index).
type oldPage struct {
	ino           uint64
	size, modTime int64
	head          []byte
	body          buildcache.Ref
}

// cachedPage is what the build cache keeps of one published page.
type cachedPage struct {
	// Key is the key of everything the page was made from (pageKey), and
	// Own that of what its findings and search records were made from
	// (ownKey).
	Key, Own [32]byte
	// Sum is the SHA-256 of the published file, for a published folder
	// restored elsewhere (a CI job's cache) whose files have other inodes
	// and times than oldPage gives.
	Sum [32]byte
	// Reads is the key of what the page's HTML was made of
	// (Snapshot.readsKey), or zero, and Deps the pages whose own files
	// it holds (pageDeps).
	Reads [32]byte
	Deps  pageDeps
	// Findings are the page's errors and warnings, but for the time it
	// took; with Options.MaxWarnings, only its first warnings, and
	// Dropped counts the others.
	Findings  diag.List
	Dropped   int
	IDs       string
	Fragments []markdown.Link
	// Targets are the links of the page's Markdown but those to other
	// hosts, with the addresses they led to (only Dest and URL kept): a
	// page is carried over only while each leads where it did
	// (Snapshot.carry), since the keys hold no other page's address.
	Targets []markdown.Link
	Content bool
	Docs    []search.Saved
}

// The kinds of record of the cache file, in each record's first byte.
const (
	recordSite  = 's' // the site key
	recordWords = 'w' // the table of words, as uvarint lengths and strings
	// recordStructure is the parts of the site's structure: pairs of
	// little-endian uint64, a partID and its hash (prepared.structure).
	recordStructure = 'S'
	recordShard     = 'f' // a shard of parsed files: its number, then gob
	recordPage      = 'p' // a page: its name, identity, body's place and head
	identitySize    = 24  // a page's Ino, Size and ModTime, little-endian
)

// CacheStats says what a build did with its cache.
type CacheStats struct {
	// Dir is the cache's folder, or "" when the build had no cache.
	Dir string
	// Reused is the number of pages carried over from the last build
	// untouched, as nothing they are made from changed, or nothing
	// their templates read did (Snapshot.readsKey); Rerendered the
	// number rendered anew (their templates run) and carried over, as
	// they came out the same; Made the number made in full.
	Reused, Rerendered, Made int
	// Kept is the number of content files whose parsed front matter was
	// taken from the cache rather than parsed again.
	Kept int
	// Reconverted is the number of pages whose Markdown was converted
	// (the others took their converted Markdown from the cache, or were
	// reused).
	Reconverted int
	// IndexesKept is the number of search indexes (one per language with
	// a search page) carried over from the last build, as no page's
	// search records changed.
	IndexesKept int
	// RecordsKept is the number of files of records of the other search
	// indexes carried over from the last build, as their records did not
	// change (their words and postings are made anew).
	RecordsKept int
	// IndexFilesSame is the number of those indexes' files (of words, of
	// postings, of records) made again and the same as the last build's,
	// and so carried over.
	IndexFilesSame int
	// Unfollowed is the number of pages rendered whose templates the
	// cache could not follow to know what they read of other pages
	// (render.Renderer.WriteReads): an edit to another page's front
	// matter renders them again.
	Unfollowed int
	// Followed is the number of pages reused whose key changed and whose
	// templates were followed to know that what they read did not
	// (render.Renderer.WriteReads); the other pages reused whose key
	// changed were known to read the same from their deps (pageDeps).
	Followed int
	// Note, when not empty, says in one line why the cache was not used
	// or could not be saved.
	Note string
}

// pruneAfter is how long the build cache of a site and destination that
// no build used is kept: the caches of sites built into temporary folders
// would otherwise gather.
const pruneAfter = 30 * 24 * time.Hour

// openCache starts the new build cache in dir, for a build published by
// out, and reads the last one in the background: while the build reads
// site.yaml and the theme and lists content/, which need none of it.
// Every method that needs it waits for it (wait).
func openCache(dir, version string, out *output.Dir) *buildCache {
	c := &buildCache{dir: dir, version: version, out: out, loaded: make(chan struct{})}
	registerKinds()
	w, err := buildcache.Create(dir, version)
	if err != nil {
		c.note = "the build cache cannot be written: " + err.Error()
	}
	c.w = w
	go func() {
		defer close(c.loaded)
		buildcache.Prune(filepath.Dir(dir), pruneAfter, dir)
		if note := c.read(); note != "" {
			c.old, c.oldWords, c.oldSite, c.oldGraph, c.oldReads, c.oldStructure = nil, nil, [32]byte{}, [32]byte{}, [32]byte{}, nil
			c.oldStructureRecord = nil
			c.bodies.old, c.bodies.oldName = nil, ""
			for i := range c.shards {
				c.shards[i].raw = nil
			}
			c.noteOnce(note)
		}
		c.words = &search.WordList{}
		if c.oldWords != nil {
			c.words.List = slices.Clone(c.oldWords.List)
		}
	}()
	return c
}

// wait waits until the last build's cache is read.
func (c *buildCache) wait() { <-c.loaded }

// read reads the cache file in dir into c, or returns a note saying why
// it is not used.
func (c *buildCache) read() string {
	r, note := buildcache.Open(c.dir, c.version)
	if r == nil {
		return note
	}
	damaged := fmt.Sprintf("the build cache in %s cannot be read (a record is damaged); building everything", c.dir)
	c.old = map[string]oldPage{}
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil || len(rec) == 0 {
			return damaged
		}
		kind, rec := rec[0], rec[1:]
		switch kind {
		case recordSite:
			// The last build's site key, which pages' keys hold, its
			// graph key, which their own keys hold, and its reads key,
			// which their reads keys hold.
			if len(rec) != 3*sha256.Size {
				return damaged
			}
			c.oldSite = [32]byte(rec)
			c.oldGraph = [32]byte(rec[sha256.Size:])
			c.oldReads = [32]byte(rec[2*sha256.Size:])
		case recordStructure:
			var ok bool
			if c.oldStructure, ok = decodeStructure(rec); !ok {
				return damaged
			}
			c.oldStructureRecord = rec
		case recordWords:
			words, ok := readWords(rec)
			if !ok {
				return damaged
			}
			c.oldWords = &search.WordList{List: words}
		case recordShard:
			n, k := binary.Uvarint(rec)
			if k <= 0 || n >= parsedShards {
				return damaged
			}
			c.shards[n].raw = rec[k:]
		case recordLog:
			c.bodies.oldName = string(rec)
		case recordBody:
			if !c.readBody(rec) {
				return damaged
			}
		case recordPage:
			name, old, ok := readPage(rec)
			if !ok {
				return damaged
			}
			c.old[name] = old
		default:
			return damaged
		}
	}
	if c.oldWords == nil {
		return damaged
	}
	return ""
}

// readPage returns the page of a recordPage record (without its kind):
// its name, the identity of its file, where the log has its body, and its
// head.
func readPage(rec []byte) (string, oldPage, bool) {
	n, k := binary.Uvarint(rec)
	if k <= 0 || n > uint64(len(rec)-k) || uint64(len(rec)-k)-n < identitySize {
		return "", oldPage{}, false
	}
	name, id := string(rec[k:k+int(n)]), rec[k+int(n):]
	old := oldPage{ino: binary.LittleEndian.Uint64(id), size: int64(binary.LittleEndian.Uint64(id[8:])),
		modTime: int64(binary.LittleEndian.Uint64(id[16:]))}
	body, head, ok := buildcache.ReadRef(id[identitySize:])
	if !ok || len(head) < blobHead {
		return "", oldPage{}, false
	}
	old.body, old.head = body, head
	return name, old, true
}

// readWords returns the words of a recordWords record.
func readWords(rec []byte) ([]string, bool) {
	var words []string
	for len(rec) > 0 {
		n, k := binary.Uvarint(rec)
		if k <= 0 || n > uint64(len(rec)-k) {
			return nil, false
		}
		words = append(words, string(rec[k:k+int(n)]))
		rec = rec[k+int(n):]
	}
	return words, true
}

// damaged notes, once, that part of the cache could not be decoded: what
// it held is made anew.
func (c *buildCache) damaged(err error) {
	c.noteOnce(fmt.Sprintf("part of the build cache in %s cannot be decoded (%v); making it anew", c.dir, err))
}

// noteOnce keeps note as the cache's note, unless it has one.
func (c *buildCache) noteOnce(note string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.note == "" {
		c.note = note
	}
}

// site tells the cache the keys of the site being built, its site key,
// its graph key and its reads key (see cacheKeys), and how to compute its
// structure, which it does when the site key is not the last build's
// (else the structure is the last build's too). When the site key is
// not the last
// build's, no page is carried over for its key; a page can still be for
// its output (Snapshot.rerendered), unless the graph key changed too
// (site.yaml, the glossary, a theme's file names): then what the
// last build left of its pages is let go at once rather than held while
// every page is made, and the table of words starts afresh. The content
// files are all parsed by now: the shards of parsed files whose files
// this build all kept are written as the last build wrote them, first,
// and the others encoded anew, while the pages are made.
func (c *buildCache) site(key, graph, reads [32]byte, structure func() (map[uint64]uint64, bool)) {
	c.wait()
	if graph != c.oldGraph {
		c.old, c.oldWords = nil, nil
		c.words = &search.WordList{}
	}
	c.readsSame = reads == c.oldReads && c.old != nil
	c.structure = c.oldStructure
	// The same structure is written as the last build's record: sorting
	// its parts again took 14 ms of a cached build of 10,000 pages, on
	// one core while the other waited.
	encoded := c.oldStructureRecord
	if key != c.oldSite || c.old == nil || c.oldStructure == nil {
		encoded = nil
		if parts, ok := structure(); ok {
			c.structure = parts
		} else {
			c.structure = nil
		}
	}
	if c.w != nil {
		c.w.Add([]byte{recordSite}, key[:], graph[:], reads[:])
		if c.structure != nil {
			if encoded == nil {
				encoded = encodeStructure(c.structure)
			}
			c.w.Add([]byte{recordStructure}, encoded)
		}
	}
	c.openBodies()
	c.encoded = make(chan struct{})
	go func() {
		defer close(c.encoded)
		c.writeShards()
	}()
}

// commit finishes the new cache file once the build is published; abort
// drops it when it is not.
func (c *buildCache) commit() error {
	c.wait()
	if c.w == nil {
		c.bodies.closeReader()
		return nil
	}
	if c.encoded != nil {
		<-c.encoded
	}
	c.writeBodies()
	var words []byte
	for _, w := range c.words.List {
		words = binary.AppendUvarint(words, uint64(len(w)))
		words = append(words, w...)
	}
	c.w.Add([]byte{recordWords}, words)
	if err := c.w.Commit(); err != nil {
		return err
	}
	c.committed()
	return nil
}

func (c *buildCache) abort() {
	switch {
	case c == nil:
	case c.w == nil:
		c.wait()
		c.bodies.closeReader()
	default:
		c.wait()
		if c.encoded != nil {
			<-c.encoded
		}
		c.w.Abort()
		c.aborted()
	}
}

// stats returns what the build did with the cache.
func (c *buildCache) stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Dir: c.dir, Reused: int(c.reused.Load()), Rerendered: int(c.rerendered.Load()), Made: int(c.made.Load()),
		Kept: int(c.kept.Load()), Reconverted: int(c.bodies.converted.Load()), IndexesKept: int(c.indexKept.Load()), RecordsKept: int(c.recordsKept.Load()), IndexFilesSame: int(c.indexSame.Load()), Unfollowed: int(c.unfollowed.Load()), Followed: int(c.followed.Load()), Note: c.note}
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
	rec := &cachedPage{Key: snap.pageKey(e.page), Own: snap.ownKey(e.page), Fragments: m.fragments, Targets: m.targets, Content: m.report != nil,
		IDs: strings.Join(m.ids, "\n"), Sum: sha256.Sum256(m.data), Reads: m.reads, Deps: m.deps}
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
	head, body := encodePage(rec)
	if at, ok := c.keepPageBody(rec.Own, body); ok {
		c.put(e.name, fi, head, at)
	}
}

// put writes to the new cache the page published as name, whose file is
// fi, the head of whose cachedPage is head and whose body the log has at
// body.
func (c *buildCache) put(name string, fi fs.FileInfo, head []byte, body buildcache.Ref) {
	if c.w == nil {
		return
	}
	rec := make([]byte, 0, 1+3*binary.MaxVarintLen64+len(name)+identitySize)
	rec = append(rec, recordPage)
	rec = binary.AppendUvarint(rec, uint64(len(name)))
	rec = append(rec, name...)
	rec = binary.LittleEndian.AppendUint64(rec, inode(fi))
	rec = binary.LittleEndian.AppendUint64(rec, uint64(fi.Size()))
	rec = binary.LittleEndian.AppendUint64(rec, uint64(fi.ModTime().UnixNano()))
	c.w.Add(body.Append(rec), head)
}
