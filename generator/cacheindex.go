package generator

import (
	"crypto/sha256"
	"hash"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/search"
)

// The build cache keeps the search index of each language as it keeps a
// page: a record of each of its files, under the file's name, with the
// file's key. The words, the postings and meta.json have the index's key
// (indexKeys.all): they are made from every record. A file of records
// has its own (indexKeys.records): it is made from its few records only.
// A build whose index has the key of the last build's, and whose
// published files of it are all still the files the last build wrote,
// links them into the new site rather than make the index again: a build
// in which nothing changed, or only the theme's templates. Else each file
// of records whose key is the last build's, and whose published file is
// intact, is linked as its pages are made, rather than written (see
// recordStream): after an edit to one page, all but one. The records of
// an index are made from what the pages' own keys (ownKey) cover, so a
// key that holds those of the pages it is made from is exact; a
// published file changed since, gone or replaced by a link is made anew.

// indexKeys are the keys of the files of a search index in the build
// cache.
type indexKeys struct {
	// all is the key of everything the index is made from: the records
	// of its language's searchable pages, in order, the synonyms, and
	// where the index and the results' links are.
	all [32]byte
	// records are the keys of the files of records, by number: of where
	// the index and the results' links are, and of the pages whose
	// records the file holds, each with the number of its first record
	// there among the page's own.
	records [][32]byte
}

// searchKeys returns the keys of the files of the search index ix.
func (snap *Snapshot) searchKeys(ix *searchIndex) indexKeys {
	where := func(h hash.Hash, what string) {
		writeString(h, what)
		writeString(h, ix.folder)
		writeString(h, ix.site.Lang.Code)
		writeString(h, snap.Site.Config.BasePath())
	}
	all := sha256.New()
	where(all, "search index")
	writeString(all, strconv.Itoa(len(ix.synonyms)))
	for _, group := range ix.synonyms {
		writeString(all, strconv.Itoa(len(group)))
		for _, w := range group {
			writeString(all, w)
		}
	}
	per := ix.layout.PerFile()
	keys := indexKeys{records: make([][32]byte, (ix.layout.Records+per-1)/per)}
	file := sha256.New()
	n := 0 // the number of the page's first record
	for _, p := range ix.site.Pages {
		if !p.Searchable() {
			continue
		}
		k := snap.ownKey(p)
		all.Write(k[:])
		count := search.Count(p)
		for j := 0; j < count; {
			f := (n + j) / per
			if (n+j)%per == 0 {
				file.Reset()
				where(file, "search records "+strconv.Itoa(per))
			}
			file.Write(k[:])
			writeString(file, strconv.Itoa(j))
			// The page's records up to the end of this file.
			j = min(count, (f+1)*per-n)
			if (n+j)%per == 0 || n+j == ix.layout.Records {
				file.Sum(keys.records[f][:0])
			}
		}
		n += count
	}
	all.Sum(keys.all[:0])
	return keys
}

// keepIndex links the files of the search index ix, whose keys are keys,
// from the site the last build published, if each was made by the last
// build with its key now and is still the file it wrote (intactIndexFile),
// and reports whether it did. When it reports false, nothing is linked.
// An error is of a link that failed after the index's files were found
// intact: a file system's, which fails the build.
func (snap *Snapshot) keepIndex(ix *searchIndex, keys indexKeys) (bool, error) {
	c := snap.opts.cache
	if c == nil || c.old == nil {
		return false, nil
	}
	want := make(map[string][32]byte, len(keys.records))
	for f, k := range keys.records {
		want[ix.layout.RecordsFile(f)] = k
	}
	names := slices.Sorted(maps.Keys(ix.names))
	found := make([]keptFile, len(names))
	for i, name := range names {
		key, ok := want[name]
		if !ok {
			key = keys.all
		}
		if found[i], ok = c.intactIndexFile(name, key); !ok {
			return false, nil
		}
	}
	for _, k := range found {
		if err := c.link(k); err != nil {
			return false, err
		}
	}
	c.indexKept.Add(1)
	return true, nil
}

// keepRecordsFile links the file of records name, whose key is key, from
// the site the last build published, if the last build made it with that
// key and it is still the file it wrote (intactIndexFile), and reports
// whether it did. An error is of a link that failed.
func (snap *Snapshot) keepRecordsFile(name string, key [32]byte) (bool, error) {
	c := snap.opts.cache
	if c == nil || c.old == nil {
		return false, nil
	}
	k, ok := c.intactIndexFile(name, key)
	if !ok {
		return false, nil
	}
	if err := c.link(k); err != nil {
		return false, err
	}
	c.recordsKept.Add(1)
	return true, nil
}

// A keptFile is a file of a search index that the last build published
// and that is still the file it wrote.
type keptFile struct {
	name, from string // its name in the site, and its path
	fi         fs.FileInfo
	head       []byte // its record in the last build's cache
}

// intactIndexFile returns the file name of a search index as the last
// build published it, when the last build made it with key key and it is
// still the file that build wrote (publishedIndexFile).
func (c *buildCache) intactIndexFile(name string, key [32]byte) (keptFile, bool) {
	return c.publishedIndexFile(name, func(was, _ [32]byte) bool { return was == key })
}

// publishedIndexFile returns the file name of a search index as the last
// build published it, when its key and the SHA-256 of its bytes as the
// last build kept them match, and it is still the file that build wrote:
// the same inode, size and time, or else the same SHA-256.
func (c *buildCache) publishedIndexFile(name string, match func(key, sum [32]byte) bool) (keptFile, bool) {
	old, ok := c.old[name]
	if !ok {
		return keptFile{}, false
	}
	was, _, sum, ok := blobKeys(old.head)
	if !ok || !match(was, sum) {
		return keptFile{}, false
	}
	from := filepath.Join(c.out.Target(), filepath.FromSlash(name))
	fi, ok := unchanged(from, old, sum)
	if !ok {
		return keptFile{}, false
	}
	return keptFile{name, from, fi, old.head}, true
}

// link links the file k into the new site and keeps its record in the
// new cache.
func (c *buildCache) link(k keptFile) error {
	if err := c.out.Link(k.name, k.from, k.fi); err != nil {
		return err
	}
	c.put(k.name, k.fi, k.head, buildcache.Ref{})
	return nil
}

// writeIndexFile writes the file name of a search index, data, whose key
// is key, to w, and keeps its record in the build cache. A file the last
// build published with the same bytes, and still intact, is linked
// instead: after an edit to one page most files of the index are
// (after a sentence added to one article of 10,000, 1,000 to 1,279 of
// the 1,282 files made again).
func (snap *Snapshot) writeIndexFile(w output.Writer, name string, data []byte, key [32]byte) error {
	c := snap.opts.cache
	if c == nil {
		return w.WriteFile(name, data)
	}
	sum := sha256.Sum256(data)
	// A file of the index has no body: its head is all the cache needs.
	head := encodePageHead(&cachedPage{Key: key, Own: key, Sum: sum})
	if k, ok := c.publishedIndexFile(name, func(_, was [32]byte) bool { return was == sum }); ok {
		if err := c.out.Link(k.name, k.from, k.fi); err != nil {
			return err
		}
		c.put(name, k.fi, head, buildcache.Ref{})
		c.indexSame.Add(1)
		return nil
	}
	if err := w.WriteFile(name, data); err != nil {
		return err
	}
	if fi, err := c.out.Stat(name); err == nil {
		c.put(name, fi, head, buildcache.Ref{})
	}
	return nil
}

// indexKeys returns the keys of the files of each search index of the
// Snapshot, by index, when it has a build cache.
func (snap *Snapshot) indexKeys() map[*searchIndex]indexKeys {
	if snap.opts.cache == nil {
		return nil
	}
	keys := map[*searchIndex]indexKeys{}
	for _, ix := range snap.search {
		keys[ix] = snap.searchKeys(ix)
	}
	return keys
}
