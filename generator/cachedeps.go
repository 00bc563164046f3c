package generator

import (
	"encoding/binary"
	"hash/fnv"
	"maps"
	"math/bits"
	"slices"
	"sync"

	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/schema"
	"github.com/lumen-ssg/lumen/generator/site"
)

// A page's deps are what its HTML may show beyond its own file and what
// every page is made from: the other pages whose front matter (or files)
// its templates read (render.Deps) and its structured data shows
// (schema.Reads), and the parts of the site's structure
// (render.Renderer.WriteStructure) they read. The build cache keeps them
// with the page, and the structure, so that a build whose reads key of
// the site is the last build's, and in which nothing of a page's deps
// changed, knows the page's reads key without following its templates
// again (Snapshot.readsUnchanged): an edit to one article's title then
// follows only the templates of the pages that show it, or list it where
// it moved, not those of every page.

// pageDeps are the deps of a page: the pageIDs of the pages and the
// partIDs of the parts of the structure, sorted, each once. sure is false
// when they are not known (the templates read of the site something its
// structure does not hold, or the structured data reads lists of the
// site): then only following the templates tells.
type pageDeps struct {
	ids  []uint64
	sure bool
}

// pageID names a page's summary in the deps of others, from build to
// build: a hash of its address, which two pages share only by a chance
// that makes a page seem changed when another did, never the other way.
func pageID(p *site.Page) uint64 { return partID(render.StructurePart{Page: p, Summary: true}) }

// partID names a part of the site's structure in the deps of pages, and
// in the structure the cache keeps: the summary part of a page is its
// pageID.
func partID(part render.StructurePart) uint64 {
	if part.Truth {
		part.Truth = false
		return truthID(partID(part))
	}
	h := fnv.New64a()
	switch {
	case part.Page != nil && part.Summary:
		h.Write([]byte(part.Page.URL))
	case part.Page != nil:
		h.Write([]byte("\x00page " + part.Page.URL + "\x00" + part.Member + "\x00" + part.Arg))
	default:
		h.Write([]byte("\x00site " + part.Site.Lang.Code + "\x00" + part.Member + "\x00" + part.Arg))
	}
	return h.Sum64()
}

// addressesPart is the id, in the structure, of the part that is every
// page's address, kind and file (prepared.structure): no page's deps name
// it.
var addressesPart = func() uint64 {
	h := fnv.New64a()
	h.Write([]byte("\x00addresses"))
	return h.Sum64()
}()

// addressesSame reports whether every page's address, kind and file are
// the last build's: then each link of a page leads where it did, and
// Snapshot.carry need not resolve them again. It is computed once.
func (c *buildCache) addressesSame() bool {
	c.sameAddresses.once.Do(func() {
		now, ok := c.structure[addressesPart]
		was, had := c.oldStructure[addressesPart]
		c.sameAddresses.same = ok && had && now == was
	})
	return c.sameAddresses.same
}

// truthID returns the partID of whether the part whose partID is id is
// empty: it is not in the structure when it is.
func truthID(id uint64) uint64 { return bits.RotateLeft64(id, 17) ^ 0x9e3779b97f4a7c15 }

// depsOf returns the deps of page p, whose templates read what rd says.
func depsOf(p *site.Page, rd render.Deps) pageDeps {
	if !rd.Sure {
		return pageDeps{}
	}
	ids := make([]uint64, 0, len(rd.Pages)+len(rd.Structure)+16)
	for _, q := range rd.Pages {
		if q != p {
			ids = append(ids, pageID(q))
		}
	}
	for _, part := range rd.Structure {
		ids = append(ids, partID(part))
	}
	// The structured data shows what the pages schema.Reads gives are,
	// and reads the relations it gives.
	if !schema.Reads(p, func(q *site.Page) { ids = append(ids, pageID(q)) }, func(q *site.Page, field string) {
		ids = append(ids, partID(render.StructurePart{Page: q, Member: field}))
	}) {
		return pageDeps{}
	}
	slices.Sort(ids)
	return pageDeps{ids: slices.Compact(ids), sure: true}
}

// deps writes d: 0 when they are not sure, else 1, how many, and each id
// as the difference from the one before.
func (w *blobWriter) deps(d pageDeps) {
	if !d.sure {
		w.uint(0)
		return
	}
	w.uint(1)
	w.uint(uint64(len(d.ids)))
	last := uint64(0)
	for _, id := range d.ids {
		w.uint(id - last)
		last = id
	}
}

// deps reads what blobWriter.deps wrote.
func (r *blobReader) deps() pageDeps {
	if r.uint() == 0 || r.err != nil {
		return pageDeps{}
	}
	d := pageDeps{ids: make([]uint64, r.count()), sure: true}
	last := uint64(0)
	for i := range d.ids {
		last += r.uint()
		d.ids[i] = last
	}
	return d
}

// blobDeps returns the deps of the page of a head, blob, the numbers
// after its keys; false when blob is damaged.
func blobDeps(blob []byte) (pageDeps, bool) {
	if len(blob) < blobHead {
		return pageDeps{}, false
	}
	r, err := newBlobReader(blob[blobHead:])
	if err != nil {
		return pageDeps{}, false
	}
	d := r.deps()
	return d, r.end() == nil
}

// encodeStructure returns the record of the cache that keeps the parts of
// a structure (prepared.structure): pairs of little-endian uint64, a
// partID and its hash, in the order of the partIDs.
func encodeStructure(parts map[uint64]uint64) []byte {
	rec := make([]byte, 0, 16*len(parts))
	for _, id := range slices.Sorted(maps.Keys(parts)) {
		rec = binary.LittleEndian.AppendUint64(rec, id)
		rec = binary.LittleEndian.AppendUint64(rec, parts[id])
	}
	return rec
}

// decodeStructure returns the parts of a record encodeStructure wrote,
// or false when it is not one.
func decodeStructure(rec []byte) (map[uint64]uint64, bool) {
	if len(rec)%16 != 0 {
		return nil, false
	}
	parts := make(map[uint64]uint64, len(rec)/16)
	for ; len(rec) > 0; rec = rec[16:] {
		parts[binary.LittleEndian.Uint64(rec)] = binary.LittleEndian.Uint64(rec[8:])
	}
	return parts, true
}

// changedPages are the pages of a build whose own files, or own key,
// are not what the last build kept, by pageID, and the parts of the
// structure that are not, by partID (see buildCache.changed).
type changedPages struct {
	once sync.Once
	ids  map[uint64]bool
}

// changed returns the pageIDs of the pages of snap whose own key is not
// the one the last build kept with the page (their own files changed,
// or the page is new) or that it does not publish, and the partIDs of
// the parts of the structure that are not the last build's, computed
// once per build.
func (c *buildCache) changed(snap *Snapshot) map[uint64]bool {
	c.changes.once.Do(func() {
		ids := map[uint64]bool{}
		published := map[*site.Page]bool{}
		for name, e := range snap.files {
			if e.page == nil {
				continue
			}
			published[e.page] = true
			old, ok := c.old[name]
			_, own, _, has := blobKeys(old.head)
			if !ok || !has || own != snap.ownKey(e.page) {
				ids[pageID(e.page)] = true
			}
		}
		// A page the build does not publish has no record to tell:
		// it counts as changed.
		for _, ls := range snap.Site.Languages() {
			for _, p := range append(ls.Pages[:len(ls.Pages):len(ls.Pages)], ls.NotFound) {
				if p != nil && !published[p] {
					ids[pageID(p)] = true
				}
			}
		}
		// The parts of the structure that changed, or came or went (a
		// part is left out when empty).
		for id, h := range c.structure {
			old, ok := c.oldStructure[id]
			if !ok {
				ids[truthID(id)] = true
			}
			if !ok || old != h {
				ids[id] = true
			}
		}
		for id := range c.oldStructure {
			if _, ok := c.structure[id]; !ok {
				ids[id], ids[truthID(id)] = true, true
			}
		}
		c.changes.ids = ids
	})
	return c.changes.ids
}

// readsUnchanged reports whether page p's reads key is surely the one
// the last build kept with it in its head, without following its templates:
// the site's reads key is the last build's, p's own files are, and so are
// those of every page of its deps and every part of the structure they
// name.
func (snap *Snapshot) readsUnchanged(p *site.Page, head []byte) bool {
	c := snap.opts.cache
	if !c.readsSame || c.structure == nil || c.oldStructure == nil {
		return false
	}
	d, ok := blobDeps(head)
	if !ok || !d.sure {
		return false
	}
	changed := c.changed(snap)
	if changed[pageID(p)] {
		return false
	}
	for _, id := range d.ids {
		if changed[id] {
			return false
		}
	}
	return true
}
