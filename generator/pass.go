package generator

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/site"
)

// pass is the outcome of a one-shot build's single pass over the site's
// files (see publishAll): what it found and what it kept of each page.
type pass struct {
	files    int
	markdown diag.List // errors converting Markdown
	render   error     // template errors, each distinct one once
	check    diag.List // accessibility and privacy errors of package htmlcheck
	write    error
	// reports are the editorial reports of the content pages, without
	// their anchor checks, which need every page rendered.
	reports []*check.Page
	pages   []*site.Page // the page of each report
	ids     map[string][]string
}

// publishAll makes every file of snap and writes it to w, in one pass on
// all cores. A content page is converted from its Markdown, which is read
// again from the source (the content stage let it go), rendered, checked
// by package htmlcheck, written, and given its editorial report; then its
// converted Markdown, its rendered bytes and its prose are let go, keeping
// only the report, the ids of its elements and its links to #fragments.
// So a build's memory holds the site graph and one page per core, not the
// whole site, and grows with the number of pages only by their front
// matter.
//
// A page's template therefore sees the converted Markdown of that page
// only; the other pages it lists offer their front matter, URLs and
// relations.
func (st *buildState) publishAll(ctx context.Context, snap *Snapshot, w output.Writer, today time.Time) *pass {
	s := st.site
	glossary := glossaryTerms(st.set.Glossary)
	hc := htmlcheck.New(s.Config.Privacy.AllowedHosts)
	opts := check.Options{Today: today, Analyzer: st.analyzer, Glossary: st.set.Glossary}
	n := len(snap.names)
	mdErrs := make([]diag.List, n)
	checks := make([]diag.List, n)
	writes := make([]error, n)
	ids := make([][]string, n)
	reports := make([]*check.Page, n)
	var bufs sync.Pool // of *bytes.Buffer
	// Twice as many goroutines as cores: each page is read from and
	// written to the disk.
	parallelOn(ctx, 2*runtime.GOMAXPROCS(0), n, func(i int) {
		name := snap.names[i]
		e := snap.files[name]
		p := e.page
		if p != nil && p.Source != nil {
			body, err := content.ReadBody(st.b.opts.Source, p.Source)
			if err != nil {
				mdErrs[i].Add(err)
				return
			}
			c := st.b.convert(p, body, s, glossary)
			c.apply(p)
			mdErrs[i] = c.errs
		}
		var data []byte
		if p != nil {
			// Pages are rendered into buffers used again and again: each
			// page is written and checked before its buffer is.
			buf, _ := bufs.Get().(*bytes.Buffer)
			if buf == nil {
				buf = new(bytes.Buffer)
			}
			defer bufs.Put(buf)
			buf.Reset()
			e.once.Do(func() { e.err = snap.renderPage(buf, p) })
			if e.err != nil {
				return // a render error, reported below
			}
			data = buf.Bytes()
		} else {
			var err error
			if data, err = e.get(); err != nil {
				writes[i] = err
				return
			}
		}
		if p != nil {
			file := p.SourcePath()
			if file == "" {
				file = name
			}
			checks[i], ids[i] = hc.Inspect(file, p.URL, data)
		} else {
			checks[i] = snap.checkFile(hc, name, data)
		}
		writes[i] = w.WriteFile(name, data)
		if p == nil {
			return
		}
		if p.Source != nil {
			r := check.PageReport(s, p, opts)
			reports[i] = &r
		}
		p.Content, p.TOC, p.Answers, p.Prose, p.Defined = "", nil, nil, nil, nil
		p.Links = check.FragmentLinks(p)
	})
	out := &pass{files: n, ids: map[string][]string{}}
	var rendered []*entry
	for i, name := range snap.names {
		e := snap.files[name]
		out.markdown = append(out.markdown, mdErrs[i]...)
		out.check = append(out.check, checks[i]...)
		if e.page == nil {
			continue
		}
		rendered = append(rendered, e)
		if ids[i] != nil {
			out.ids[e.page.URL] = ids[i]
		}
		if reports[i] != nil {
			out.reports = append(out.reports, reports[i])
			out.pages = append(out.pages, e.page)
		}
	}
	out.markdown.Sort()
	out.check.Sort()
	out.render = renderErrors(rendered)
	out.write = errors.Join(writes...)
	return out
}

// quality finishes the editorial reports with the anchor checks, now that
// every page's ids are known, and returns the site's report.
func (ps *pass) quality() *check.Report {
	lookup := func(url string) map[string]bool {
		list, ok := ps.ids[url]
		if !ok {
			return nil
		}
		set := make(map[string]bool, len(list))
		for _, id := range list {
			set[id] = true
		}
		return set
	}
	pages := make([]check.Page, len(ps.reports))
	for i, r := range ps.reports {
		r.AddFindings(check.Anchors(ps.pages[i], lookup)...)
		pages[i] = *r
	}
	return check.NewReport(pages)
}
