package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strings"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// pageKey returns the key of everything page p is made from (see
// buildCache).
func (snap *Snapshot) pageKey(p *site.Page) [32]byte { return snap.keyOf(snap.opts.siteKey, p) }

// ownKey returns the key of what page p's Markdown, findings and search
// records are made from: the site's graph key (the site key without
// other pages' front matter and text) and p's own files.
func (snap *Snapshot) ownKey(p *site.Page) [32]byte { return snap.keyOf(snap.opts.graphKey, p) }

// readsKey returns the key of what the HTML of page p, rendered with d,
// is made of: the site's reads key (the site key but other pages' front
// matter and text), p's own files, and what its templates read of other
// pages and of the site's lists, and its structured data
// (render.Renderer.WriteReads). It is zero when there is no build cache,
// or when the templates do something WriteReads does not follow. A page
// whose reads key is the last build's renders the same HTML (see
// Snapshot.reuse): an edit to one page's title reaches, without
// rendering them, only the pages that show it. It returns the page's
// deps too.
func (snap *Snapshot) readsKey(p *site.Page, d render.Data) ([32]byte, pageDeps) {
	var k [32]byte
	if snap.opts.cache == nil {
		return k, pageDeps{}
	}
	h := sha256.New()
	own := snap.keyOf(snap.opts.readsKey, p)
	h.Write(own[:])
	rd, err := snap.render.WriteReads(h, d)
	if err != nil {
		return k, pageDeps{}
	}
	h.Sum(k[:0])
	return k, depsOf(p, rd)
}

// keyOf returns the key of page p in a site whose key is base.
func (snap *Snapshot) keyOf(base [32]byte, p *site.Page) [32]byte {
	h := sha256.New()
	h.Write(base[:])
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

// cacheKeys returns the key of what every page of the prepared site is
// made from (the base and the site of buildCache), the key of the same but
// other pages' front matter and text, the pages' addresses and the
// theme's templates: what a page's Markdown, findings and search records
// are made from besides its own files and the targets of its links (see
// Snapshot.rerendered), and the key of the site key but other pages'
// front matter and text and the pages' addresses, which with what a
// page's templates read of other pages makes its reads key
// (Snapshot.readsKey).
func (st *prepared) cacheKeys() (siteKey, graphKey, readsKey [32]byte) {
	h, g, r := sha256.New(), sha256.New(), sha256.New()
	w := io.MultiWriter(h, g, r)
	writeString(w, st.b.opts.CacheVersion)
	writeString(w, st.cfg.Fingerprint())
	// Of the day of the build, what shows: the notices of the day (and,
	// in pageKey, each page's review status).
	for _, n := range st.cfg.NoticesOn(st.today()) {
		for _, f := range []string{n.Text, n.Link, n.Starts, n.Ends} {
			writeString(w, f)
		}
	}
	writeString(w, fmt.Sprint("warnings ", st.b.opts.MaxWarnings))
	if st.b.opts.Drafts {
		writeString(w, "drafts")
	}
	// A theme's templates show in the pages' HTML, which a page carried
	// over for its graph key is checked to be (Snapshot.rerendered); the
	// names of its files are what links resolve to.
	hashFiles(io.MultiWriter(h, r), st.theme, ".")
	hashNames(g, st.theme, ".")
	hashFiles(g, st.theme, i18n.Dir) // the search results' kinds, and such
	hashFiles(w, st.b.opts.Source, i18n.Dir)
	for _, l := range st.cfg.Languages() {
		dir := content.Dir
		if l.Code != st.cfg.Language {
			dir += "/" + l.Code
		}
		entries, _ := fs.ReadDir(st.b.opts.Source, dir)
		for _, e := range entries {
			if !e.IsDir() && path.Ext(e.Name()) != ".md" && !sitefs.Ignored(e.Name()) {
				hashFile(w, st.b.opts.Source, dir+"/"+e.Name())
			}
		}
	}
	for _, p := range st.pictures.list {
		writeString(w, p.url)
		writeString(w, p.key)
		if p.err != nil {
			writeString(w, p.err.Error())
		}
	}
	bodies := st.render.ReadsOtherBodies()
	for _, ls := range st.site.Languages() {
		for _, p := range append(append([]*site.Page(nil), ls.Pages...), ls.NotFound) {
			// Which pages there are, and where, is in the site key
			// only: what a page's HTML and findings make of the others'
			// addresses is known page by page, from the structure its
			// templates read (Snapshot.readsUnchanged, PageAt among it)
			// and the targets of its links (Snapshot.sameTargets), so
			// that a page added or moved does not remake every page.
			// Not so when the theme shows other pages' converted
			// Markdown, whose links are not followed.
			var addresses io.Writer = h
			if bodies {
				addresses = w
			}
			writeString(addresses, p.URL)
			writeString(addresses, string(p.Kind))
			if p.Source != nil {
				writeString(addresses, p.Source.Source)
				// Other pages show a page's front matter (and with
				// bodies, its text): the site key, not the graph key.
				h.Write(p.Source.FrontSum[:])
				if bodies {
					h.Write(p.Source.Sum[:])
				}
			}
		}
		for _, f := range ls.Files {
			writeString(w, f.URL)
			writeString(w, f.Source)
			if strings.EqualFold(path.Ext(f.Source), ".svg") {
				// A page shows a drawing with the width and height its
				// file gives (images.DrawingSize), and a logo too.
				hashFile(w, st.b.opts.Source, f.Source)
			}
		}
	}
	h.Sum(siteKey[:0])
	g.Sum(graphKey[:0])
	r.Sum(readsKey[:0])
	return siteKey, graphKey, readsKey
}

// structure returns the parts of the site's structure
// (render.Renderer.WriteStructure), each as the first eight bytes of its
// SHA-256 by its partID, or false when it cannot be written. It is made
// of what the site key is (front matter, the configuration, the addresses
// of pages): a build whose site key is the last build's has the last
// build's structure too, without computing it.
func (st *prepared) structure() (map[uint64]uint64, bool) {
	// Each share of the structure, written on a core of its own.
	type share struct {
		parts   map[uint64]uint64
		h       hash.Hash
		id      uint64
		started bool
	}
	shares := make([]share, runtime.GOMAXPROCS(0))
	for i := range shares {
		shares[i] = share{parts: map[uint64]uint64{}, h: sha256.New()}
	}
	done := func(sh *share) {
		if sh.started {
			// Two parts with one id (a chance of one in 2⁶⁴) count as
			// one, changed when either does.
			sh.parts[sh.id] = sh.parts[sh.id]*0x100000001b3 + binary.LittleEndian.Uint64(sh.h.Sum(nil))
		}
	}
	err := st.render.WriteStructure(st.site, len(shares), func(k int, part render.StructurePart) io.Writer {
		sh := &shares[k]
		done(sh)
		sh.id, sh.started = partID(part), true
		sh.h.Reset()
		return sh.h
	})
	if err != nil {
		return nil, false
	}
	parts := shares[0].parts
	done(&shares[0])
	for i := 1; i < len(shares); i++ {
		done(&shares[i])
		for id, h := range shares[i].parts {
			parts[id] = parts[id]*0x100000001b3 + h
		}
	}
	// Every page is there, under its pageID, so that a page that read
	// one since deleted or moved (its pageID gone) reads anew; and, as
	// one part, every page's address, kind and file, which tell where
	// links lead (see buildCache.addressesSame).
	addresses := sha256.New()
	for _, ls := range st.site.Languages() {
		for _, p := range append(ls.Pages[:len(ls.Pages):len(ls.Pages)], ls.NotFound) {
			if p != nil {
				id := pageID(p)
				parts[id] = parts[id]*0x100000001b3 + 1
				writeString(addresses, p.URL)
				writeString(addresses, string(p.Kind))
				if p.Source != nil {
					writeString(addresses, p.Source.Source)
				}
			}
		}
	}
	parts[addressesPart] = binary.LittleEndian.Uint64(addresses.Sum(nil))
	return parts, true
}

// hashFiles writes the names and contents of the files under dir of fsys
// to h, in order.
func hashFiles(h io.Writer, fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			hashFile(h, fsys, name)
		}
		return nil
	})
}

// hashNames writes the names of the files under dir of fsys to h, in
// order.
func hashNames(h io.Writer, fsys fs.FS, dir string) {
	_ = fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			writeString(h, name)
		}
		return nil
	})
}

// hashFile writes the name and content of the file name of fsys to h.
func hashFile(h io.Writer, fsys fs.FS, name string) {
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
func writeString(h io.Writer, s string) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	h.Write([]byte(s))
}
