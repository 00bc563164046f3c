package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// bodyLog is the part of the build cache that keeps each page's converted
// Markdown (its site.Body), so that a page made again whose Markdown and
// link targets did not change is not converted again: an edit to a title
// that every list shows renders every page again, but converts one; a
// page added renders every page again, but converts the new one and those
// whose links lead elsewhere. The Bodies are too large to copy from one
// cache file to the next (about as large as the site's HTML), so they are
// appended to a log beside it (buildcache.Log), and the cache file keeps,
// for each content file, the key of its Body and where the log has it.
//
// A Body's key (bodyKey) is the converter's base (the program, site.yaml,
// the glossary, the pictures, the phone numbers it links, the names of
// the theme's static files) and the page's address and file. A Body
// under the right key is taken only if its links still lead where they
// did (markdown.SameTargets): the other pages' addresses are not in the
// key, so that adding a page converts no other. The same log keeps the
// body of each page's cachedPage (see encodePage), under the page's own
// key. A build starts a new log when the old one is mostly blobs no page
// needs any more (buildcache.Garbage), and copies into it the bodies of
// the pages it carries over.
type bodyLog struct {
	// ready is set once the log is open (buildCache.site): a page
	// converted before that is not looked up or kept.
	ready atomic.Bool
	log   *buildcache.Log
	// reader is the log the last build's pages' bodies are in: log, or
	// the last build's when this one started a new log or cannot write
	// one (then open for reading only), or nil.
	reader *buildcache.Log
	// created says that the log is new in this build, so that a build
	// that fails removes it.
	created bool
	// oldName is the log the last build named, old the Bodies it kept by
	// content file, and next those the new cache keeps: each Body
	// converted or read by this build.
	oldName string
	old     map[string]bodyRef
	mu      sync.Mutex
	next    map[string]bodyRef
	// converted counts the Bodies made, rather than read from the log.
	converted atomic.Int64
	// buffers are what the bodies of pages carried over are read and
	// decoded into (*carryBuffers), each used again once the Pass has
	// copied what it keeps of a page (pageBody, releaseBody): a large
	// site's bodies are tens of megabytes, nearly all of which a build
	// only reads.
	buffers sync.Pool
}

// bodyRef is where the log has the Body of a content file, and its key.
type bodyRef struct {
	key [32]byte
	at  buildcache.Ref
}

// The kinds of record of the cache file that name the log and the Bodies.
const (
	recordLog  = 'l' // the name of the log of Bodies
	recordBody = 'b' // a content file's Body: its path, key and place
)

// readBody reads a recordBody into c.bodies.old, or reports that it is
// damaged.
func (c *buildCache) readBody(rec []byte) bool {
	n, k := binary.Uvarint(rec)
	if k <= 0 || n > uint64(len(rec)-k) || uint64(len(rec)-k)-n < sha256.Size {
		return false
	}
	source := string(rec[k : k+int(n)])
	rest := rec[k+int(n):]
	ref := bodyRef{key: [32]byte(rest)}
	at, rest, ok := buildcache.ReadRef(rest[sha256.Size:])
	if !ok || len(rest) != 0 {
		return false
	}
	ref.at = at
	if c.bodies.old == nil {
		c.bodies.old = map[string]bodyRef{}
	}
	c.bodies.old[source] = ref
	return true
}

// openBodies opens the log of Bodies and pages' bodies: the last build's,
// unless it is mostly garbage, or a new one; and, as the reader, the last
// build's, if there is one, to read the bodies of the pages carried over
// (the same log, or the old one when a new one was started). A cache
// that cannot be written is still read: its log is opened as the reader
// alone, so that its pages are carried over, though nothing is kept.
func (c *buildCache) openBodies() {
	b := &c.bodies
	if c.w == nil {
		if b.oldName != "" && c.old != nil {
			b.reader, _ = buildcache.ReadLog(c.dir, b.oldName)
		}
		return
	}
	name := b.oldName
	if b.old == nil && c.old == nil {
		name = ""
	}
	log, err := buildcache.OpenLog(c.dir, name)
	if err != nil {
		c.cannotKeep(err)
		return
	}
	if name != "" && log.Name() == name {
		var live int64
		for _, r := range b.old {
			live += r.at.Len
		}
		for _, p := range c.old {
			live += p.body.Len
		}
		b.reader = log
		if buildcache.Garbage(log.Size(), live) {
			// The old log is kept open for the bodies of the pages
			// carried over, which are copied into the new one.
			if log, err = buildcache.OpenLog(c.dir, ""); err != nil {
				b.reader.Close()
				b.reader = nil
				c.cannotKeep(err)
				return
			}
		}
	}
	if log.Name() != name {
		b.old, b.created = nil, true
	}
	b.log, b.next = log, map[string]bodyRef{}
	b.ready.Store(true)
}

// bodyKey returns the key of the Body of page p, converted by a converter
// whose base is base (see bodyLog).
func bodyKey(base [32]byte, p *site.Page) [32]byte {
	h := sha256.New()
	writeString(h, "body")
	h.Write(base[:])
	writeString(h, p.URL)
	writeString(h, p.ImageURL) // a page with an image shows it first
	src := p.File()
	writeString(h, src.Source)
	writeString(h, src.Lang)
	h.Write(src.Sum[:])
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// body returns the Body of page p that the last build converted, or nil
// when it has none for p's file, none under key, or one with a link that
// res resolves elsewhere now.
func (c *buildCache) body(p *site.Page, key [32]byte, res markdown.Resolver) *site.Body {
	b := &c.bodies
	source := p.File().Source
	ref, ok := b.old[source]
	if !ok || ref.key != key {
		return nil
	}
	blob, ok := b.log.Read(ref.at, key)
	if !ok {
		c.damaged(fmt.Errorf("the converted Markdown of %s is not whole", source))
		return nil
	}
	body, err := decodeBody(blob)
	if err != nil {
		c.damaged(err)
		return nil
	}
	if !markdown.SameTargets(body.Links, res, source) {
		return nil
	}
	b.mu.Lock()
	b.next[source] = ref
	b.mu.Unlock()
	return body
}

// keepBody appends the Body of page p, just converted, to the log under
// key. A Body with an error reading the file is not kept: it says nothing
// of the file.
func (c *buildCache) keepBody(p *site.Page, key [32]byte, body *site.Body) {
	for _, e := range body.Errs {
		if e.Rule == diag.RuleFile {
			return
		}
	}
	b := &c.bodies
	source := p.File().Source
	b.mu.Lock()
	_, had := b.next[source]
	b.mu.Unlock()
	if had {
		return
	}
	at, err := b.log.Append(key, encodeBody(body))
	if err != nil {
		c.cannotKeep(err)
		return
	}
	b.mu.Lock()
	b.next[source] = bodyRef{key: key, at: at}
	b.mu.Unlock()
}

// writeBodies closes the log and writes to the new cache its name and
// where it has each content file's Body: those this build converted or
// read, and those the last build kept of files this build kept as they
// were, which it neither converted nor read (their pages were reused).
func (c *buildCache) writeBodies() {
	b := &c.bodies
	if b.log == nil {
		return
	}
	if err := b.log.Close(); err != nil {
		c.cannotKeep(err)
		return
	}
	for i := range c.shards {
		for _, f := range c.shards[i].next {
			if _, ok := b.next[f.Path]; !ok {
				if ref, ok := b.old[f.Path]; ok {
					b.next[f.Path] = ref
				}
			}
		}
	}
	c.w.Add([]byte{recordLog}, []byte(b.log.Name()))
	for _, source := range slices.Sorted(maps.Keys(b.next)) {
		ref := b.next[source]
		rec := []byte{recordBody}
		rec = binary.AppendUvarint(rec, uint64(len(source)))
		rec = append(rec, source...)
		rec = append(rec, ref.key[:]...)
		c.w.Add(ref.at.Append(rec))
	}
}

// committed removes the logs the new cache does not name; aborted closes
// the log, and removes it if this build started it.
func (c *buildCache) committed() {
	if b := &c.bodies; b.log != nil {
		b.closeReader()
		buildcache.RemoveLogs(c.dir, b.log.Name())
	}
}

func (c *buildCache) aborted() {
	b := &c.bodies
	if b.log == nil {
		return
	}
	b.closeReader()
	b.log.Close()
	if b.created {
		os.Remove(filepath.Join(c.dir, b.log.Name()))
	}
}

// closeReader closes the log the last build's pages' bodies were read
// from, unless it is the log this build appends to.
func (b *bodyLog) closeReader() {
	if b.reader != nil && b.reader != b.log {
		b.reader.Close()
	}
}

// cannotKeep notes that the log of Bodies could not be kept, and why.
func (c *buildCache) cannotKeep(err error) {
	c.noteOnce("the build cache cannot keep converted Markdown: " + err.Error())
}

// keepPageBody appends the body of a page's cachedPage, whose own key is
// own, to the log, and returns where it is; false when the cache cannot
// keep it.
func (c *buildCache) keepPageBody(own [32]byte, body []byte) (buildcache.Ref, bool) {
	b := &c.bodies
	if !b.ready.Load() || b.log == nil {
		return buildcache.Ref{}, false
	}
	at, err := b.log.Append(own, body)
	if err != nil {
		c.cannotKeep(err)
		return buildcache.Ref{}, false
	}
	return at, true
}

// carryBuffers are what the body of a page carried over is read into
// (pageBody), and its cachedPage decoded into (decodePageIn).
type carryBuffers struct {
	body  []byte
	space pageSpace
}

// pageBody returns the body of the cachedPage the last build kept of the
// page published as name, old, or false when there is no log of the last
// build's (a cache folder restored without it: then nothing is carried
// over) or it does not have the body whole (with a note). The reader is
// opened before the pages are made (openBodies), and only they call it.
// The body is read into buffers of the cache's, bufs, which the caller
// decodes it into too: it gives them back with releaseBody once nothing
// is left that points into them, and else lets them go.
func (c *buildCache) pageBody(name string, old oldPage) (body []byte, bufs *carryBuffers, ok bool) {
	b := &c.bodies
	_, own, _, ok := blobKeys(old.head)
	if !ok || b.reader == nil {
		return nil, nil, false
	}
	bufs, _ = b.buffers.Get().(*carryBuffers)
	if bufs == nil {
		bufs = new(carryBuffers)
	}
	body, ok = b.reader.ReadInto(&bufs.body, old.body, own)
	if !ok {
		c.damaged(fmt.Errorf("what it has of %s is not whole", name))
		c.releaseBody(bufs)
		return nil, nil, false
	}
	return body, bufs, true
}

// releaseBody gives back the buffers pageBody read a body into, once
// nothing points into them.
func (c *buildCache) releaseBody(bufs *carryBuffers) {
	if bufs != nil {
		c.bodies.buffers.Put(bufs)
	}
}

// carryPageBody returns where the new cache has the body of a page
// carried over, old, whose body is body: where the last build kept it,
// or, in a new log, where it is copied.
func (c *buildCache) carryPageBody(old oldPage, body []byte) (buildcache.Ref, bool) {
	b := &c.bodies
	if b.reader == b.log {
		return old.body, true
	}
	_, own, _, _ := blobKeys(old.head)
	return c.keepPageBody(own, body)
}
