// Package generator builds a Lumen site. Its pipeline is a flat list of
// stages, read top to bottom:
//
//	config    site.yaml                          package config
//	content   content/ → typed pages             package content
//	site      URLs, sections, tags, relations    package site
//	theme     theme layouts and static files     package render, themes
//	markdown  page bodies → HTML                 package markdown
//	render    pages → HTML, checked, written     package render, htmlcheck, feeds
//	check     accessibility, privacy, reading    package htmlcheck, check
//	write     the outcome of the writes          package output
//
// Each stage is timed and its errors are wrapped with its name. A stage
// reports every problem it finds, and the build stops after the first
// stage with errors. The render stage writes each page as soon as it is
// rendered, so that no rendered page stays in memory; it writes to
// Options.Out, which for lumen build is a temporary folder that replaces
// the published site only when every stage succeeded (see Publish), so a
// broken site never half-publishes.
//
// The first five stages make a Snapshot: the site with every page's
// Markdown converted, ready to render. Build renders and writes the whole
// Snapshot; a dev server instead serves it as an fs.FS that renders each
// page when it is first asked for. A Builder keeps what did not change
// between builds (parsed pages, converted Markdown, parsed templates), so
// that a rebuild after an edit redoes only the edited page's work.
package generator

import (
	"context"
	"io/fs"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Options describe one build.
type Options struct {
	// Source is the site's root: site.yaml, content/, and optionally
	// themes/<theme>/ with files overriding the theme.
	Source fs.FS
	// Theme is the built-in default theme (themes.Default()).
	Theme fs.FS
	// Out receives the built files; Build requires it.
	Out output.Writer
	// Drafts includes pages marked draft: true.
	Drafts bool
	// BaseURL, when not empty, replaces site.yaml's base_url.
	BaseURL string
	// Markdown is the renderer to use; nil makes one.
	Markdown *markdown.Renderer
	// Today is the date medical reviews are judged on; zero means now.
	Today time.Time
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
	// Warnings are the findings of the check stage that do not stop a
	// build: readability above target (unless enforced), reviews due
	// soon, jargon, undefined glossary terms.
	Warnings diag.List
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

// stage is one named step of the pipeline.
type stage struct {
	name string
	run  func(context.Context) error
}

// runStages runs stages in order, timing each into res, and stops at the
// first error.
func runStages(ctx context.Context, res *Result, stages []stage) error {
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := time.Now()
		err := st.run(ctx)
		res.Timings = append(res.Timings, Timing{st.name, time.Since(t)})
		if err != nil {
			return &StageError{Stage: st.name, Err: err}
		}
	}
	return nil
}

// Build runs the whole pipeline once and writes every file to opts.Out.
// On error nothing has been published: with an output.Dir the caller
// aborts instead of committing (see Publish).
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	snap, res, err := NewBuilder(opts).Build(ctx)
	if err != nil {
		return res, err
	}
	// The Markdown is converted: a one-shot build never reads the sources
	// again, so they need not stay in memory.
	for _, p := range snap.Site.Pages {
		if p.Source != nil {
			p.Source.Body = nil
		}
	}
	var checkErr, writeErr error
	err = runStages(ctx, res, []stage{
		{"render", func(ctx context.Context) error {
			// Render, check and write each page in one pass, so that no
			// rendered page stays in memory; what the later stages report
			// waits for them. Everything goes to opts.Out, which for
			// lumen build is a temporary folder published only on success.
			var renderErr error
			res.Files, renderErr, checkErr, writeErr = snap.Publish(ctx, opts.Out)
			return renderErr
		}},
		{"check", func(ctx context.Context) error {
			errs := diag.List{}
			errs.Add(checkErr)
			today := opts.Today
			if today.IsZero() {
				today = time.Now()
			}
			quality, warnings := snap.Quality(today).Diagnostics(check.Warning)
			res.Warnings = warnings
			errs = append(errs, quality...)
			errs.Sort()
			return errs.Err()
		}},
		{"write", func(context.Context) error { return writeErr }},
	})
	res.Duration = time.Since(start)
	return res, err
}
