package generator

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
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
	analyzer *search.Analyzer

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
	snap.search = &searchIndex{names: map[string]bool{}, synonyms: snap.opts.synonyms, analyzer: search.NewAnalyzer()}
	for _, name := range (search.Layout{Records: n}).Files() {
		snap.search.names[name] = true
		add(name, &entry{read: func() ([]byte, error) {
			files, err := snap.searchFiles(nil, nil)
			return files[name], err
		}})
	}
}

// late reports whether the file name is made after the pages.
func (snap *Snapshot) late(name string) bool {
	return snap.search != nil && snap.search.names[name]
}

// searchDocs returns the analyzed records of page p, given its converted
// Markdown.
func (snap *Snapshot) searchDocs(p *site.Page, b *site.Body) []search.Doc {
	var docs []search.Doc
	for _, r := range search.RecordsOf(p, b) {
		docs = append(docs, snap.search.analyzer.Doc(r))
	}
	return docs
}

// searchFiles makes the files of the search index, once, from the
// analyzed records of every page: those given, by page, or else those of
// every page made now (and kept, in a Snapshot that keeps files). It
// hands each file to emit, if not nil, and keeps them all when the
// Snapshot keeps files or there is no emit, so that a Snapshot that
// writes its files (lumen build) never holds the whole index. It stops
// at the first error of emit and returns it.
func (snap *Snapshot) searchFiles(docs map[*site.Page][]search.Doc, emit func(name string, data []byte) error) (map[string][]byte, error) {
	ix := snap.search
	made := false
	var emitErr error
	ix.once.Do(func() {
		made = true
		var all []search.Doc
		for _, p := range snap.Site.Pages {
			if !p.Searchable() {
				continue
			}
			ds, ok := docs[p]
			if !ok {
				ds = snap.get(snap.files[site.FileOf(p.URL)], new(bytes.Buffer)).docs
			}
			if len(ds) != search.Count(p) {
				ix.err = fmt.Errorf("search: %s has %d records, its front matter %d", p.SourcePath(), len(ds), search.Count(p))
				return
			}
			all = append(all, ds...)
		}
		if snap.opts.keep || emit == nil {
			ix.files = map[string][]byte{}
		}
		ix.err = search.Build(ix.analyzer, all, ix.synonyms, snap.Site.Config.BasePath(), func(name string, data []byte) error {
			if ix.files != nil {
				ix.files[name] = data
			}
			if emit != nil {
				emitErr = emit(name, data)
			}
			return emitErr
		})
	})
	if emitErr != nil {
		return nil, emitErr
	}
	if ix.err != nil || made || emit == nil {
		return ix.files, ix.err
	}
	for _, name := range slices.Sorted(maps.Keys(ix.files)) {
		if err := emit(name, ix.files[name]); err != nil {
			return nil, err
		}
	}
	return ix.files, nil
}
