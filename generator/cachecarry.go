package generator

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Carrying a page over from the last build: by its key, by its reads key,
// or by its output (see buildCache).

// reuse returns what the last build made of the page of e, having put the
// file it published into the new site, or nil when the page must be made:
// its key changed, and what its HTML is made of (its reads key) changed
// too, or its published file is gone or was changed since.
func (snap *Snapshot) reuse(e *entry) *made {
	c := snap.opts.cache
	if c == nil || e.page == nil {
		return nil
	}
	old, ok := c.old[e.name]
	key := snap.pageKey(e.page)
	was, _, _, has := blobKeys(old.head)
	if !ok || !has {
		return nil
	}
	reads := blobReads(old.head)
	var deps *pageDeps
	if was != key {
		// Another page's front matter, say, changed: the page is kept
		// when its templates read nothing that changed (not when the
		// theme's templates changed: then no page's reads key is the
		// same, and computing it would be time lost).
		if reads == ([32]byte{}) || !c.readsSame {
			return nil
		}
		if !snap.readsUnchanged(e.page, old.head) {
			c.followed.Add(1)
			d, err := snap.pageData(e.page)
			if err != nil {
				return nil
			}
			now, nowDeps := snap.readsKey(e.page, d)
			if now != reads {
				return nil
			}
			deps = &nowDeps
		}
	}
	m := snap.carry(e, old, key, reads, deps)
	if m != nil {
		c.reused.Add(1)
	}
	return m
}

// rerendered returns what the last build made of the page of e, having put
// the file it published into the new site, when the page, made anew up to
// its HTML, data, is what the last build published, its own key
// (ownKey) is the last build's and its links lead where they did
// (checked by carry): the page's findings, ids, links and
// search records are then those the cache has. Otherwise it returns nil,
// and the page is made in full. So an edit to another page's front
// matter that the page's templates read makes in full only the pages
// whose HTML shows it. reads is the page's reads key in this build, and
// deps its deps.
func (snap *Snapshot) rerendered(e *entry, data []byte, reads [32]byte, deps pageDeps) *made {
	c := snap.opts.cache
	if c == nil || e.page == nil {
		return nil
	}
	old, ok := c.old[e.name]
	_, own, sum, has := blobKeys(old.head)
	if !ok || !has || own != snap.ownKey(e.page) || sha256.Sum256(data) != sum {
		return nil
	}
	m := snap.carry(e, old, snap.pageKey(e.page), reads, &deps)
	if m != nil {
		c.rerendered.Add(1)
	}
	return m
}

// carry carries the page of e over from the last build, which kept it as
// old: it links the file the last build published into the new site,
// writes its record to the new cache under key and reads, the page's key
// and reads key in this build, and deps, its deps, when not nil (else
// they are the last build's), and returns what the record has, or nil
// when the published file is gone or is no longer what the last build
// wrote.
func (snap *Snapshot) carry(e *entry, old oldPage, key, reads [32]byte, deps *pageDeps) *made {
	c := snap.opts.cache
	from := filepath.Join(c.out.Target(), filepath.FromSlash(e.name))
	body, bufs, ok := c.pageBody(e.name, old)
	if !ok {
		return nil
	}
	m := snap.carryBody(e, old, key, reads, deps, from, body, &bufs.space)
	if m == nil {
		c.releaseBody(bufs)
		return nil
	}
	// The findings are still the buffers': the Pass copies those it
	// keeps, then gives the buffers back (Snapshot.one); unless what is
	// made is kept whole (Snapshot.get), when they are let go.
	if !snap.opts.keep {
		m.body = bufs
	}
	return m
}

// carryBody is carry once the page's body, body, is read: it decodes it
// into space, and what it returns points into body and space by its
// findings only.
func (snap *Snapshot) carryBody(e *entry, old oldPage, key, reads [32]byte, deps *pageDeps, from string, body []byte, space *pageSpace) *made {
	c := snap.opts.cache
	rec, err := decodePageIn(old.head, body, space)
	if err != nil {
		c.damaged(err)
		return nil
	}
	if !c.addressesSame() && !snap.sameTargets(e.page, rec.Targets) {
		return nil
	}
	fi, ok := unchanged(from, old, rec.Sum)
	if !ok {
		return nil
	}
	// What the Pass keeps of the page until the end is copied out of the
	// body, whose buffer is read into again for another page: a large
	// site's bodies are tens of megabytes. Its findings are copied by the
	// Pass, which keeps few of them (errors, and the first few warnings of
	// the build, see firstWarnings).
	m := &made{findings: rec.Findings, dropped: rec.Dropped, fragments: cloneLinks(rec.Fragments), carried: true}
	if rec.IDs != "" {
		m.ids = strings.Split(strings.Clone(rec.IDs), "\n")
	}
	if ix := snap.searchOf[e.page.Site()]; ix != nil && e.page.Searchable() && !ix.kept {
		for _, s := range rec.Docs {
			d, err := ix.analyzer.Restore(s, c.oldWords)
			if err != nil {
				return nil
			}
			// Its record is carried over as it is: the Doc is saved.
			d.Forget()
			d.URL, d.Title, d.Kind, d.Snippet = strings.Clone(d.URL), strings.Clone(d.Title), strings.Clone(d.Kind), strings.Clone(d.Snippet)
			m.docs = append(m.docs, d)
		}
	}
	if rec.Content {
		m.report = &check.Page{}
	}
	if err := c.out.Link(e.name, from, fi); err != nil {
		return nil
	}
	// The link is the same file: its inode, size and time are fi's. The
	// record's words are in the new cache's table too, which starts with
	// the old table's.
	head := old.head
	switch {
	case deps != nil && (deps.sure != rec.Deps.sure || !slices.Equal(deps.ids, rec.Deps.ids)):
		rec.Key, rec.Reads, rec.Deps = key, reads, *deps
		head = encodePageHead(rec)
	case key != rec.Key || reads != rec.Reads:
		head = slices.Clone(head)
		setBlobKeys(head, key, reads)
	}
	if at, ok := c.carryPageBody(old, body); ok {
		c.put(e.name, fi, head, at)
	}
	return m
}

// cloneLinks returns a copy of links whose strings are copies too.
func cloneLinks(links []markdown.Link) []markdown.Link {
	if len(links) == 0 {
		return nil
	}
	out := make([]markdown.Link, len(links))
	for i, l := range links {
		l.Dest, l.URL, l.Text = strings.Clone(l.Dest), strings.Clone(l.URL), strings.Clone(l.Text)
		out[i] = l
	}
	return out
}

// sameTargets reports whether the links of page p's Markdown, as the last
// build kept them (cachedPage.Targets), lead where they did: the keys hold
// no other page's address, so a page whose link leads to a page that
// moved, or to the translation a new page is, is made again.
func (snap *Snapshot) sameTargets(p *site.Page, targets []markdown.Link) bool {
	if len(targets) == 0 {
		return true
	}
	return markdown.SameTargets(targets, resolver{p.Site(), snap.opts.static}, p.File().Source)
}

// linkTargets returns the links of links but those to other hosts, as the
// build cache keeps them (cachedPage.Targets): their Dest and URL.
func linkTargets(links []markdown.Link) []markdown.Link {
	var out []markdown.Link
	for _, l := range links {
		if !l.External {
			out = append(out, markdown.Link{Dest: l.Dest, URL: l.URL})
		}
	}
	return out
}

// unchanged reports whether the published file from is still the file
// the last build wrote and kept as old, and returns its FileInfo: a
// regular file (a link is never followed) of old's size, and of old's
// inode and time or else of the SHA-256 sum (a published folder restored
// elsewhere, such as a CI job's cache, has other inodes and times).
func unchanged(from string, old oldPage, sum [32]byte) (fs.FileInfo, bool) {
	fi, err := os.Lstat(from)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != old.size {
		return nil, false
	}
	if fi.ModTime().UnixNano() != old.modTime || inode(fi) != old.ino {
		published, err := os.ReadFile(from)
		if err != nil || sha256.Sum256(published) != sum {
			return nil, false
		}
	}
	return fi, true
}
