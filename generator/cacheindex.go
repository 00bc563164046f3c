package generator

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/lumen-ssg/lumen/generator/buildcache"
)

// The build cache keeps the search index of each language as it keeps a
// page: a record of each of its files, under the file's name, whose key
// is the index's (indexKey). A build whose index has the key of the last
// build's, and whose published files of it are all still the files the
// last build wrote, links them into the new site rather than make the
// index again: a build in which nothing changed, or only the theme's
// templates. The records of an index are made from what the pages' own
// keys (ownKey) cover, so a key that holds them all is exact; a published
// file changed since, gone or replaced by a link makes the whole index
// anew.

// indexKey returns the key of everything the files of the search index ix
// are made from: the records of its language's searchable pages, in
// order (each page's ownKey is the key of what its records are made from),
// the synonyms, and where the index and the results' links are.
func (snap *Snapshot) indexKey(ix *searchIndex) [32]byte {
	h := sha256.New()
	writeString(h, "search index")
	writeString(h, ix.folder)
	writeString(h, ix.site.Lang.Code)
	writeString(h, snap.Site.Config.BasePath())
	writeString(h, strconv.Itoa(len(ix.synonyms)))
	for _, group := range ix.synonyms {
		writeString(h, strconv.Itoa(len(group)))
		for _, w := range group {
			writeString(h, w)
		}
	}
	for _, p := range ix.site.Pages {
		if p.Searchable() {
			k := snap.ownKey(p)
			h.Write(k[:])
		}
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// keepIndex links the files of the search index ix, whose key is key,
// from the site the last build published, if the last build's index had
// that key and each of its files is still the file it wrote (the same
// inode, size and time, or else the same SHA-256), and reports whether it
// did. When it reports
// false, nothing is linked. An error is of a link that failed after the
// index's files were found intact: a file system's, which fails the build.
func (snap *Snapshot) keepIndex(ix *searchIndex, key [32]byte) (bool, error) {
	c := snap.opts.cache
	if c == nil || c.old == nil {
		return false, nil
	}
	names := slices.Sorted(maps.Keys(ix.names))
	type kept struct {
		from string
		fi   fs.FileInfo
		head []byte
	}
	found := make([]kept, len(names))
	for i, name := range names {
		old, ok := c.old[name]
		if !ok {
			return false, nil
		}
		was, _, sum, ok := blobKeys(old.head)
		if !ok || was != key {
			return false, nil
		}
		from := filepath.Join(c.out.Target(), filepath.FromSlash(name))
		fi, ok := unchanged(from, old, sum)
		if !ok {
			return false, nil
		}
		found[i] = kept{from, fi, old.head}
	}
	for i, name := range names {
		if err := c.out.Link(name, found[i].from); err != nil {
			return false, err
		}
		c.put(name, found[i].fi, found[i].head, buildcache.Ref{})
	}
	c.indexKept.Add(1)
	return true, nil
}

// rememberIndexFile writes to the new cache the file name of a search
// index whose key is key, once it is written with data.
func (snap *Snapshot) rememberIndexFile(name string, key [32]byte, data []byte) {
	c := snap.opts.cache
	if c == nil {
		return
	}
	if fi, err := c.out.Stat(name); err == nil {
		// A file of the index has no body: its head is all the cache
		// needs.
		c.put(name, fi, encodePageHead(&cachedPage{Key: key, Own: key, Sum: sha256.Sum256(data)}), buildcache.Ref{})
	}
}

// indexKeys returns the key of each search index of the Snapshot, by
// index, when it has a build cache.
func (snap *Snapshot) indexKeys() map[*searchIndex][32]byte {
	if snap.opts.cache == nil {
		return nil
	}
	keys := map[*searchIndex][32]byte{}
	for _, ix := range snap.search {
		keys[ix] = snap.indexKey(ix)
	}
	return keys
}
