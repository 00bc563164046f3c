package generator

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/i18n"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// searchIndex is the search index of one language of a Snapshot: files
// whose content depends on every page's text, so they are made after the
// pages — by Pass from what it kept of each page (but its files of
// records, which a Pass that writes its files writes as their pages are
// made: recordStream), or, when a file of it is read first (lumen serve),
// from every page made and kept.
type searchIndex struct {
	// site is the language's Site, whose search page the index serves,
	// and folder the index's folder: that page's, "search" or
	// "es/search".
	site   *site.Site
	folder string
	// layout names the index's files: known before any page is made,
	// from the number of records each page's front matter gives.
	layout   search.Layout
	names    map[string]bool
	synonyms [][]string
	analyzer *search.Analyzer
	// label names the kinds of results in the language.
	label func(kind string) string
	// kept is set when the build links the last build's index rather
	// than make it (keepIndex), before any page is made: the pages
	// carried over then need not restore their records.
	kept bool

	once  sync.Once
	files map[string][]byte
	err   error
}

// addSearchIndex lists the files of the search index of each language of
// the site that has a search page, with add.
func (snap *Snapshot) addSearchIndex(add func(string, *entry)) {
	for _, ls := range snap.Site.Languages() {
		if ls.Search == nil || snap.opts.noSearchIndex {
			continue
		}
		n := 0
		for _, p := range ls.Pages {
			n += search.Count(p)
		}
		code := ls.Lang.Code
		folder := strings.Trim(ls.Search.URL, "/")
		ix := &searchIndex{site: ls, folder: folder, layout: search.Layout{Records: n, Folder: folder}, names: map[string]bool{},
			synonyms: snap.opts.synonyms[code], analyzer: search.NewAnalyzerFor(code),
			label: resultLabels(snap.opts.strings.Lang(code))}
		if snap.searchOf == nil {
			snap.searchOf = map[*site.Site]*searchIndex{}
		}
		snap.searchOf[ls] = ix
		if snap.opts.cache != nil {
			ix.analyzer.KeepWords()
		}
		snap.search = append(snap.search, ix)
		for _, name := range ix.layout.Files() {
			ix.names[name] = true
			add(name, &entry{read: func() ([]byte, error) {
				files, err := snap.searchFiles(ix, nil, nil, nil)
				return files[name], err
			}})
		}
	}
}

// resultLabels returns the names of the kinds of search results in the
// language of strs (the theme's strings result_<kind>), or nil, which
// names them in English, when there are no strings.
func resultLabels(strs *i18n.Strings) func(kind string) string {
	if strs == nil {
		return nil
	}
	return func(kind string) string {
		t, err := strs.T("result_" + kind)
		if err != nil {
			return kind
		}
		return t
	}
}

// late reports whether the file name is made after the pages.
func (snap *Snapshot) late(name string) bool {
	for _, ix := range snap.search {
		if ix.names[name] {
			return true
		}
	}
	return false
}

// searchDocs returns the analyzed records of page p for the index ix,
// given its converted Markdown.
func (snap *Snapshot) searchDocs(ix *searchIndex, p *site.Page, b *site.Body) []search.Doc {
	return ix.analyzer.Docs(search.RecordsOf(p, b, ix.label))
}

// searchFiles makes the files of the search index ix, once, from the
// analyzed records of every page of its language: those given, by page,
// or else those of every page made now (and kept, in a Snapshot that
// keeps files). It hands each file to emit, if not nil, and keeps them all
// when the Snapshot keeps files or there is no emit, so that a Snapshot
// that writes its files (lumen build) never holds the whole index. It
// leaves out the files of records written reports written already (by a
// recordStream). It stops at the first error of emit and returns it.
func (snap *Snapshot) searchFiles(ix *searchIndex, docs map[*site.Page][]search.Doc, written func(string) bool, emit func(name string, data []byte) error) (map[string][]byte, error) {
	made := false
	var emitErr error
	ix.once.Do(func() {
		made = true
		all := make([]search.Doc, 0, ix.layout.Records)
		for _, p := range ix.site.Pages {
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
		ix.err = search.BuildRest(ix.analyzer, ix.folder, all, ix.synonyms, snap.Site.Config.BasePath(), written, func(name string, data []byte) error {
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
