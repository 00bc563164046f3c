// Package generator builds a Lumen site. Build is the whole pipeline as a
// flat list of stages, read top to bottom:
//
//	config    site.yaml                        package config
//	content   content/ → typed pages           package content
//	site      URLs, sections, tags, relations  package site
//	theme     theme layouts and static files   package render, themes
//	markdown  page bodies → HTML               package markdown
//	render    pages → HTML documents           package render
//	write     pages, files, sitemap, feed      package output, feeds
//
// Each stage is timed and its errors are wrapped with its name. A stage
// reports every problem it finds, and the build stops after the first
// stage with errors, before anything is written, so a broken site never
// half-publishes.
package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/feeds"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/render"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Options describe one build.
type Options struct {
	// Source is the site's root: site.yaml, content/, and optionally
	// themes/<theme>/ with files overriding the theme.
	Source fs.FS
	// Theme is the built-in default theme (themes.Default()).
	Theme fs.FS
	// Out receives the built files.
	Out output.Writer
	// Drafts includes pages marked draft: true.
	Drafts bool
	// BaseURL, when not empty, replaces site.yaml's base_url.
	BaseURL string
	// Markdown is the renderer to use; nil makes one. A dev server keeps
	// one for all its rebuilds.
	Markdown *markdown.Renderer
}

// Result describes a finished build.
type Result struct {
	// Site is the site graph that was built.
	Site *site.Site
	// Files is the number of files written.
	Files int
	// Timings are the stages in order with their durations.
	Timings []Timing
	// Duration is the whole build's wall time.
	Duration time.Duration
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// StageError is a build error with the stage that found it. Its Err is
// usually a diag.List.
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return e.Err.Error() }

// Unwrap returns the stage's error.
func (e *StageError) Unwrap() error { return e.Err }

// Build runs the pipeline. On error nothing has been published: with an
// output.Dir the caller aborts instead of committing.
func Build(ctx context.Context, opts Options) (*Result, error) {
	b := &builder{opts: opts, res: &Result{}}
	start := time.Now()
	stages := []struct {
		name string
		run  func(context.Context) error
	}{
		{"config", b.loadConfig},
		{"content", b.loadContent},
		{"site", b.buildSite},
		{"theme", b.loadTheme},
		{"markdown", b.renderMarkdown},
		{"render", b.renderPages},
		{"write", b.writeFiles},
	}
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		err := st.run(ctx)
		b.res.Timings = append(b.res.Timings, Timing{st.name, time.Since(t)})
		if err != nil {
			return b.res, &StageError{Stage: st.name, Err: err}
		}
	}
	b.res.Duration = time.Since(start)
	b.res.Files = int(b.files.Load())
	return b.res, nil
}

// builder holds what the stages pass to each other.
type builder struct {
	opts   Options
	res    *Result
	cfg    *config.Config
	set    *content.Set
	site   *site.Site
	theme  fs.FS
	render *render.Renderer
	pages  [][]byte // rendered HTML, index-aligned with site.Pages
	files  atomic.Int64
}

func (b *builder) loadConfig(context.Context) error {
	cfg, err := config.Load(b.opts.Source)
	if err != nil {
		return err
	}
	if b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(b.opts.BaseURL); err != nil {
			return err
		}
	}
	b.cfg = cfg
	return nil
}

func (b *builder) loadContent(context.Context) error {
	set, errs := content.Load(b.opts.Source, content.Options{Drafts: b.opts.Drafts})
	b.set = set
	return errs.Err()
}

func (b *builder) buildSite(context.Context) error {
	s, errs := site.New(b.cfg, b.set)
	b.site, b.res.Site = s, s
	return errs.Err()
}

// loadTheme joins the site's theme overrides with the theme and parses the
// layouts.
func (b *builder) loadTheme(context.Context) error {
	dir := "themes/" + b.cfg.Theme
	local, err := fs.Sub(b.opts.Source, dir)
	if err != nil {
		return err
	}
	if b.cfg.Theme == config.DefaultTheme {
		b.theme = render.Overlay(local, b.opts.Theme)
	} else {
		if _, err := fs.Stat(b.opts.Source, dir+"/layouts/baseof.html"); err != nil {
			return &diag.Error{File: config.File, Line: b.cfg.Pos.Line("theme"),
				Msg:  fmt.Sprintf("theme %q not found: there is no %s/layouts/baseof.html", b.cfg.Theme, dir),
				Hint: "remove theme: to use the default theme, or create the theme's folder"}
		}
		b.theme = render.Overlay(local, b.opts.Theme)
	}
	label := func(name string) string {
		if render.Origin(b.theme, name) == "top" {
			return dir + "/" + name
		}
		return "themes/default/" + name
	}
	b.render, err = render.New(b.theme, b.cfg, label)
	return err
}

// renderMarkdown converts every page body, and every FAQ answer, to HTML.
func (b *builder) renderMarkdown(ctx context.Context) error {
	md := b.opts.Markdown
	if md == nil {
		md = markdown.New()
	}
	errLists := make([]diag.List, len(b.site.Pages))
	parallel(ctx, len(b.site.Pages), func(i int) {
		p := b.site.Pages[i]
		if p.Source == nil {
			return
		}
		doc, errs := md.Render(p.Source.Source, p.Source.Body, p.Source.BodyLine, b.site)
		p.Content, p.TOC = template.HTML(doc.HTML), doc.TOC
		errLists[i] = errs
		if faq, ok := p.Meta.(*content.FAQ); ok {
			p.Answers = make([]template.HTML, len(faq.Questions))
			for j, q := range faq.Questions {
				line := p.Source.Line(fmt.Sprintf("questions.%d.answer", j))
				doc, errs := md.Render(p.Source.Source, []byte(q.Answer), line, b.site)
				p.Answers[j] = template.HTML(doc.HTML)
				errLists[i] = append(errLists[i], errs...)
			}
		}
	})
	var all diag.List
	for _, l := range errLists {
		all = append(all, l...)
	}
	all.Sort()
	return all.Err()
}

// renderPages executes the theme's templates for every page and the 404
// page.
func (b *builder) renderPages(ctx context.Context) error {
	pages := append(append([]*site.Page(nil), b.site.Pages...), b.notFoundPage())
	b.pages = make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel(ctx, len(pages), func(i int) {
		var buf bytes.Buffer
		errs[i] = b.render.Render(&buf, render.Data{Site: b.site, Page: pages[i]})
		b.pages[i] = buf.Bytes()
	})
	return groupErrors(pages, errs).Err()
}

// groupErrors reports each distinct template error once, naming the first
// page it happened on and how many pages it broke, instead of once per
// page.
func groupErrors(pages []*site.Page, errs []error) diag.List {
	var all diag.List
	first := map[string]*diag.Error{}
	count := map[string]int{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		var e *diag.Error
		if !errors.As(err, &e) {
			e = &diag.Error{Msg: err.Error()}
		}
		key := e.Error()
		count[key]++
		if first[key] == nil {
			c := *e
			where := pages[i].SourcePath()
			if where == "" {
				where = pages[i].URL
			}
			c.Msg += " (while rendering " + where
			first[key] = &c
			all = append(all, &c)
		}
	}
	for key, e := range first {
		if n := count[key]; n > 1 {
			e.Msg += fmt.Sprintf(" and %d other pages", n-1)
		}
		e.Msg += ")"
	}
	return all
}

// notFoundPage is the page written as 404.html.
func (b *builder) notFoundPage() *site.Page {
	return &site.Page{
		Kind:        "404",
		URL:         "/404.html",
		Permalink:   b.site.Permalink("/404.html"),
		Meta:        &content.Plain{Common: content.Common{Title: "Page not found", Description: "This page could not be found."}},
		Breadcrumbs: []*site.Page{b.site.Home},
	}
}

// writeFiles writes the pages, the theme's static files, the content
// files, and the sitemap, feed and robots.txt.
func (b *builder) writeFiles(ctx context.Context) error {
	var jobs []func() error
	write := func(name string, data []byte) func() error {
		return func() error { return b.write(name, data) }
	}
	for i, p := range b.site.Pages {
		jobs = append(jobs, write(pageFile(p.URL), b.pages[i]))
	}
	jobs = append(jobs, write("404.html", b.pages[len(b.pages)-1]))
	static, err := render.StaticFiles(b.theme)
	if err != nil {
		return err
	}
	for _, f := range static {
		jobs = append(jobs, b.copy(b.theme, render.StaticDir+"/"+f, f))
	}
	for _, f := range b.site.Files {
		jobs = append(jobs, b.copy(b.opts.Source, f.Source, strings.TrimPrefix(f.URL, "/")))
	}
	sitemap, err := feeds.Sitemap(b.site)
	if err != nil {
		return err
	}
	atom, err := feeds.Atom(b.site)
	if err != nil {
		return err
	}
	jobs = append(jobs, write("sitemap.xml", sitemap), write(feeds.AtomPath, atom), write("robots.txt", feeds.Robots(b.site)))
	errs := make([]error, len(jobs))
	parallel(ctx, len(jobs), func(i int) { errs[i] = jobs[i]() })
	return errors.Join(errs...)
}

func (b *builder) write(name string, data []byte) error {
	if err := b.opts.Out.WriteFile(name, data); err != nil {
		return err
	}
	b.files.Add(1)
	return nil
}

// copy returns a job copying the file name of fsys to dest.
func (b *builder) copy(fsys fs.FS, name, dest string) func() error {
	return func() error {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return b.write(dest, data)
	}
}

// pageFile returns the file a page URL is written to: "/a/b/" is
// "a/b/index.html".
func pageFile(url string) string {
	if strings.HasSuffix(url, "/") {
		return strings.TrimPrefix(url, "/") + "index.html"
	}
	return strings.TrimPrefix(url, "/")
}

// parallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines, stopping
// early when ctx is cancelled.
func parallel(ctx context.Context, n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
