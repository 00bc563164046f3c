package generator

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
)

// PassResult is what a Pass made and found.
type PassResult struct {
	// Files is the number of files made.
	Files int
	// Report has every content page's scores and every finding of the
	// pass: Markdown, templates, HTML, editorial checks, links to
	// #fragments.
	Report *check.Report
	// Index is the time the pass took to make the search index after
	// the pages (its words and postings; its files of records are
	// written while the pages are made, see recordStream).
	Index time.Duration
}

// Pass makes every file of the snapshot once, on all cores, and hands it
// to w (nil: nowhere). It is the pages stage of every command: lumen build
// writes to a folder, lumen check to nowhere, and lumen serve runs it in
// the background over the files it keeps. A page is converted, rendered,
// checked and reviewed while its Markdown is held, then let go (unless
// the Snapshot keeps files), keeping only its findings, its scores, the
// ids of its elements and its links to #fragments; those links are
// checked once every page is made. It returns an error only when a file
// could not be written or ctx was cancelled.
func (snap *Snapshot) Pass(ctx context.Context, w output.Writer) (*PassResult, error) {
	files := make([]kept, len(snap.names))
	var bufs sync.Pool // of *bytes.Buffer
	g, gctx := errgroup.WithContext(ctx)
	// Twice as many goroutines as cores: each page is read from and
	// written to the disk.
	workers := 2 * runtime.GOMAXPROCS(0)
	g.SetLimit(workers)
	// The pages are handed out, and waited for, apart from this
	// goroutine, so that a cancelled Pass returns at once: a page being
	// converted cannot be stopped halfway, and is left to finish on its
	// own (a writer refuses its file once aborted; see output.Dir).
	var first *firstWarnings
	if n := snap.opts.maxWarnings; n > 0 && !snap.opts.detail {
		first = &firstWarnings{n: n}
	}
	late, err := snap.startLate(w)
	if err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- snap.each(g, workers, gctx, w, files, &bufs, first, late.streams) }()
	select {
	case err := <-done:
		if err != nil {
			return nil, err
		}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := snap.writeLate(w, files, late); err != nil {
		return nil, err
	}
	index := time.Since(start)
	res := snap.report(files, first)
	res.Index = index
	return res, nil
}

// lateIndexes is what a Pass decided of each search index before making
// the pages: its keys in the build cache and, for those not kept from the
// last build (searchIndex.kept), the stream of its files of records, by
// the language's Site.
type lateIndexes struct {
	keys    map[*searchIndex]indexKeys
	streams map[*site.Site]*recordStream
}

// startLate links, from the site the last build published, each search
// index nothing of which changed (keepIndex), and starts, for each other
// one, the stream that writes its files of records to w as the pages are
// made (recordStream), or links those the last build wrote from the same
// records (keepRecordsFile): not when there is no w, nor in a Snapshot
// that keeps its files, which makes the index when it is first read.
func (snap *Snapshot) startLate(w output.Writer) (*lateIndexes, error) {
	late := &lateIndexes{keys: snap.indexKeys(), streams: map[*site.Site]*recordStream{}}
	if w == nil {
		return late, nil
	}
	for _, ix := range snap.search {
		keys := late.keys[ix]
		kept, err := snap.keepIndex(ix, keys)
		if err != nil {
			return nil, err
		}
		if kept {
			ix.kept = true
			continue
		}
		if snap.opts.keep {
			continue
		}
		late.streams[ix.site] = newRecordStream(ix, snap.Site.Config.BasePath(), keys.records, func(name string, key [32]byte, data func() []byte) error {
			if kept, err := snap.keepRecordsFile(name, key); kept || err != nil {
				return err
			}
			return snap.writeIndexFile(w, name, data(), key)
		})
	}
	return late, nil
}

// writeLate makes the files made after the pages, the search index, from
// the analyzed records the pages left in files, and hands them to w: all
// but those of an index kept from the last build and the files of records
// its stream wrote. An index that cannot be made is a finding of its
// first file.
func (snap *Snapshot) writeLate(w output.Writer, files []kept, late *lateIndexes) error {
	if len(snap.search) == 0 {
		return nil
	}
	docs := map[*site.Page][]search.Doc{}
	for i, name := range snap.names {
		if p := snap.files[name].page; p != nil && p.Searchable() {
			docs[p] = files[i].docs
			files[i].docs = nil
		}
	}
	// The index's files are written on all cores as they are made: a
	// large site's index has thousands. A build with a cache remembers
	// each file of an index it makes.
	keys := late.keys
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	var failed atomic.Bool
	emitter := func(ix *searchIndex) func(string, []byte) error {
		if w == nil {
			return nil
		}
		key := keys[ix].all
		return func(name string, data []byte) error {
			if failed.Load() {
				return errWriteFailed
			}
			g.Go(func() error {
				err := snap.writeIndexFile(w, name, data, key)
				if err != nil {
					failed.Store(true)
				}
				return err
			})
			return nil
		}
	}
	errs := make([]error, len(snap.search))
	for i, ix := range snap.search {
		if ix.kept {
			continue
		}
		var written func(string) bool
		if s := late.streams[ix.site]; s != nil {
			written = s.wrote
		}
		_, errs[i] = snap.searchFiles(ix, docs, written, emitter(ix))
	}
	if werr := g.Wait(); werr != nil {
		return werr
	}
	for k, ix := range snap.search {
		if errs[k] == nil {
			continue
		}
		for i, name := range snap.names {
			if ix.names[name] {
				files[i].findings = diag.List{{File: name, Rule: diag.RuleUnclassified, Msg: errs[k].Error()}}
				break
			}
		}
	}
	return nil
}

// errWriteFailed stops the making of the search index once a file of it
// could not be written; the error of the write is returned instead.
var errWriteFailed = errors.New("a file of the search index could not be written")

// kept is what a Pass keeps of each file.
type kept struct {
	findings  diag.List
	template  *diag.Error
	ids       string // the page's ids, one per line
	rendered  bool
	fragments []markdown.Link
	content   bool        // a content page, whose links to #fragments are checked
	report    *check.Page // its scores, with Detail
	docs      []search.Doc
}

// each makes every file on workers goroutines of g (as many as g allows
// at once), keeping what the Pass needs of it in files and writing it to
// w, and waits for them. With first, the warnings of the files go there
// rather than into files. Each goroutine makes one file after another: a
// goroutine of its own for each file would grow its stack anew, deep in
// the templates, for every page.
func (snap *Snapshot) each(g *errgroup.Group, workers int, gctx context.Context, w output.Writer, files []kept, bufs *sync.Pool, first *firstWarnings, streams map[*site.Site]*recordStream) error {
	var next atomic.Int64
	for range workers {
		g.Go(func() error {
			for {
				if err := gctx.Err(); err != nil {
					return err
				}
				i := int(next.Add(1) - 1)
				if i >= len(snap.names) {
					return nil
				}
				if name := snap.names[i]; !snap.late(name) {
					if err := snap.one(i, name, w, files, bufs, first, streams); err != nil {
						return err
					}
				}
				// Between pages, let other goroutines run: in lumen
				// serve, the request for a page waits for no more
				// than one page of the Pass in the background.
				runtime.Gosched()
			}
		})
	}
	return g.Wait()
}

// one makes the file name, the i-th of the Snapshot, for each, and hands
// a page's search records to the stream of its language's index, if any.
func (snap *Snapshot) one(i int, name string, w output.Writer, files []kept, bufs *sync.Pool, first *firstWarnings, streams map[*site.Site]*recordStream) error {
	e := snap.files[name]
	buf, _ := bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer bufs.Put(buf)
	m := snap.reuse(e)
	if m == nil {
		m = snap.get(e, buf)
	}
	if m.body != nil {
		// The buffers a carried page was read into are used again,
		// once what is kept of its findings is copied out (below).
		defer snap.opts.cache.releaseBody(m.body)
	}
	k := &files[i]
	k.findings, k.template, k.fragments, k.docs = m.findings, m.template, m.fragments, m.docs
	if !snap.opts.detail && len(m.findings.Hints()) > 0 {
		k.findings = append(m.findings.Errors(), m.findings.Warnings()...)
		k.findings.Sort()
	}
	if first != nil {
		first.add(k.findings.Warnings())
		first.count(m.dropped)
		k.findings = k.findings.Errors()
	}
	if m.body != nil {
		k.findings = k.findings.Copy()
	}
	if m.report != nil {
		k.content = true
		if snap.opts.detail {
			r := *m.report
			k.report = &r
		}
	}
	if m.err != nil || m.template != nil {
		return nil // reported with the findings
	}
	if e.page != nil {
		k.rendered = true
		k.ids = strings.Join(m.ids, "\n")
	}
	if w != nil && !m.carried {
		if err := w.WriteFile(name, m.data); err != nil {
			return err
		}
		snap.remember(e, m)
	}
	// Last, once the build cache has saved them whole: the stream lets
	// go of the snippets of the records whose file it writes.
	if s := streams[pageSite(e)]; s != nil {
		return s.add(e.page, k.docs)
	}
	return nil
}

// report makes the report of a Pass from what it kept of each file:
// links to #fragments are checked now that every page's ids are known,
// and each distinct template error is reported once. The warnings first
// kept, if not nil, join the report, and those it counted only are
// counted in it.
func (snap *Snapshot) report(files []kept, first *firstWarnings) *PassResult {
	n := len(files)
	ids := map[string]string{}
	var other diag.List
	var pages []check.Page
	var templates []pageError
	for i, name := range snap.names {
		k, e := &files[i], snap.files[name]
		if k.rendered {
			ids[e.page.URL] = k.ids
		}
		if k.template != nil {
			templates = append(templates, pageError{e.page, k.template})
		}
		if !k.content {
			other = append(other, k.findings...)
		}
	}
	lookup := func(url string) map[string]bool {
		list, ok := ids[url]
		if !ok {
			return nil
		}
		return idSet(strings.Split(list, "\n"))
	}
	for i, name := range snap.names {
		k, e := &files[i], snap.files[name]
		if !k.content {
			continue
		}
		anchors := check.Anchors(e.page, k.fragments, lookup)
		if k.report == nil {
			// Without Detail a build keeps a page's findings only.
			other = append(append(other, k.findings...), anchors...)
			continue
		}
		r := *k.report
		r.Findings = append(diag.List{}, k.findings...)
		r.AddFindings(anchors...)
		pages = append(pages, r)
	}
	other = append(other, templateErrors(templates)...)
	more := 0
	if first != nil {
		other = append(other, first.list()...)
		more = first.dropped
	}
	return &PassResult{Files: n, Report: check.NewReport(pages, other).WithMoreWarnings(more)}
}

// pageError is the template error of one page.
type pageError struct {
	page *site.Page
	err  *diag.Error
}

// templateErrors reports each distinct template error once, naming the
// first page it broke and how many others.
func templateErrors(list []pageError) diag.List {
	var all diag.List
	first := map[string]*diag.Error{}
	count := map[string]int{}
	for _, pe := range list {
		key := pe.err.Error()
		if count[key]++; first[key] == nil {
			c := *pe.err
			where := pe.page.SourcePath()
			if where == "" {
				where = pe.page.URL
			}
			c.Msg += " (while rendering " + where
			first[key] = &c
			all = append(all, &c)
		}
	}
	for key, d := range first {
		if n := count[key]; n > 1 {
			d.Msg += " and " + strconv.Itoa(n-1) + " other pages"
		}
		d.Msg += ")"
	}
	return all
}

// pageSite returns the language's Site of the page of e, or nil when e is
// not a page.
func pageSite(e *entry) *site.Site {
	if e.page == nil {
		return nil
	}
	return e.page.Site()
}
