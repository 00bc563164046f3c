package generator

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
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
	// errors and warnings are the findings of the editorial checks,
	// without those of the anchor checks, which need every page rendered.
	errors, warnings diag.List
	// linking are the pages with links to #fragments.
	linking []*site.Page
	// ids holds the ids of each rendered page, by URL, as one string:
	// the ids separated by newlines.
	ids map[string]string
}

// publishAll makes every file of snap and writes it to w, in one pass on
// all cores. A content page is converted from its Markdown, which is read
// again from the source (the content stage let it go), rendered, checked
// by package htmlcheck, written, and reviewed by package check; then its
// converted Markdown, its rendered bytes and its prose are let go, keeping
// only its errors and warnings, the ids of its elements and its links to
// #fragments. So a build's memory holds the site graph and one page per
// goroutine, not the whole site.
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
	type kept struct {
		markdown, check, errors, warnings diag.List
		write                             error
		ids                               string
		rendered                          bool
	}
	pages := make([]kept, n)
	var bufs sync.Pool // of *bytes.Buffer
	// Twice as many goroutines as cores: each page is read from and
	// written to the disk.
	parallelOn(ctx, 2*runtime.GOMAXPROCS(0), n, func(i int) {
		name := snap.names[i]
		e := snap.files[name]
		p := e.page
		k := &pages[i]
		if p != nil && p.Source != nil {
			body, err := content.ReadBody(st.b.opts.Source, p.Source)
			if err != nil {
				k.markdown.Add(err)
				return
			}
			c := st.b.convert(p, body, s, glossary)
			c.apply(p)
			k.markdown = c.errs
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
				k.write = err
				return
			}
		}
		if p == nil {
			k.check = snap.checkFile(hc, name, data)
			k.write = w.WriteFile(name, data)
			return
		}
		file := p.SourcePath()
		if file == "" {
			file = name
		}
		var ids []string
		k.check, ids = hc.Inspect(file, p.URL, data)
		k.rendered = true
		k.ids = strings.Join(ids, "\n")
		k.write = w.WriteFile(name, data)
		if p.Source != nil {
			r := check.PageReport(s, p, opts)
			k.errors, k.warnings = r.Diagnostics(check.Warning)
		}
		p.Content, p.TOC, p.Answers, p.Prose, p.Defined = "", nil, nil, nil, nil
		p.Links = check.FragmentLinks(p)
	})
	out := &pass{files: n, ids: map[string]string{}}
	var rendered []*entry
	var writes []error
	for i, name := range snap.names {
		k := &pages[i]
		out.markdown = append(out.markdown, k.markdown...)
		out.check = append(out.check, k.check...)
		out.errors = append(out.errors, k.errors...)
		out.warnings = append(out.warnings, k.warnings...)
		if k.write != nil {
			writes = append(writes, k.write)
		}
		e := snap.files[name]
		if e.page == nil {
			continue
		}
		rendered = append(rendered, e)
		if k.rendered {
			out.ids[e.page.URL] = k.ids
		}
		if len(e.page.Links) > 0 {
			out.linking = append(out.linking, e.page)
		}
	}
	out.markdown.Sort()
	out.check.Sort()
	out.render = renderErrors(rendered)
	out.write = errors.Join(writes...)
	return out
}

// anchors checks the links to #fragments, now that every page's ids are
// known, and returns their errors.
func (ps *pass) anchors() diag.List {
	lookup := func(url string) map[string]bool {
		list, ok := ps.ids[url]
		if !ok {
			return nil
		}
		return idSet(strings.Split(list, "\n"))
	}
	var errs diag.List
	for _, p := range ps.linking {
		for _, f := range check.Anchors(p, lookup) {
			errs = append(errs, f.Diag())
		}
	}
	return errs
}
