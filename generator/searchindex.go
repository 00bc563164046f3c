package generator

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// searchIndex is the search index of a Snapshot: files whose content
// depends on every page's text, so they are made after the pages — by
// Pass from what it kept of each page, or, when a file of it is read
// first (lumen serve), from every page made and kept.
type searchIndex struct {
	names    map[string]bool
	synonyms [][]string

	once  sync.Once
	files map[string][]byte
	err   error
}

// addSearchIndex lists the files of the site's search index, if it has a
// search page, with add.
func (snap *Snapshot) addSearchIndex(add func(string, *entry)) {
	s := snap.Site
	if s.Search == nil {
		return
	}
	n := 0
	for _, p := range s.Pages {
		n += search.Count(p)
	}
	snap.search = &searchIndex{names: map[string]bool{}, synonyms: snap.opts.synonyms}
	for _, name := range (search.Layout{Records: n}).Files() {
		snap.search.names[name] = true
		add(name, &entry{read: func() ([]byte, error) {
			files, err := snap.searchFiles(nil)
			return files[name], err
		}})
	}
}

// late reports whether the file name is made after the pages.
func (snap *Snapshot) late(name string) bool {
	return snap.search != nil && snap.search.names[name]
}

// searchFiles returns the files of the search index, made once from the
// records of every page: those given, by page, or else those of every
// page made now (and kept, in a Snapshot that keeps files).
func (snap *Snapshot) searchFiles(records map[*site.Page][]search.Record) (map[string][]byte, error) {
	ix := snap.search
	ix.once.Do(func() {
		var all []search.Record
		for _, p := range snap.Site.Pages {
			if !p.Searchable() {
				continue
			}
			rs, ok := records[p]
			if !ok {
				rs = snap.get(snap.files[site.FileOf(p.URL)], new(bytes.Buffer)).records
			}
			if len(rs) != search.Count(p) {
				ix.err = fmt.Errorf("search: %s has %d records, its front matter %d", p.SourcePath(), len(rs), search.Count(p))
				return
			}
			all = append(all, rs...)
		}
		ix.files, ix.err = search.Build(all, ix.synonyms, snap.Site.Config.BasePath())
	})
	return ix.files, ix.err
}
