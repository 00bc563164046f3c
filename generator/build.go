// Package generator builds a Lumen site. Its pipeline is a flat list of
// stages, read top to bottom:
//
//	config    site.yaml                          package config
//	content   content/ → typed pages             package content
//	site      URLs, sections, tags, relations    package site
//	theme     theme layouts and static files     package render, themes
//	pages     each page: Markdown → HTML,        package markdown, render,
//	          rendered, checked, written,        htmlcheck, check, feeds
//	          its editorial report made
//	check     links to #fragments; the errors    package check
//	          and warnings of every page
//	write     the outcome of the writes          package output
//
// Each stage is timed and its errors are wrapped with its name (the pages
// stage reports Markdown errors as the markdown stage's and template errors
// as the render stage's). A stage reports every problem it finds, and the
// build stops after the first stage with errors.
//
// A one-shot build (Build) keeps in memory the site graph and the pages
// being worked on, one per goroutine: the content stage lets each page's
// Markdown go once its front matter is read, and the pages stage reads it
// again, converts, renders, checks and writes the page, makes its
// editorial report and lets everything but the report go. It writes to
// Options.Out, which for lumen build is a temporary folder that replaces
// the published site only when every stage succeeded (see Publish), so a
// broken site never half-publishes.
//
// A Builder instead makes a Snapshot: the site with every page's Markdown
// converted, ready to render, which a dev server serves as an fs.FS that
// renders each page when it is first asked for, and lumen check reviews
// whole. A Builder keeps what did not change between builds (parsed pages,
// converted Markdown, parsed templates), so that a rebuild after an edit
// redoes only the edited page's work.
package generator

import (
	"context"
	"errors"
	"io/fs"
	"time"

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
	// Target is the folder Publish published into: the destination with
	// its symbolic links followed.
	Target string
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
		var se *StageError
		if errors.As(err, &se) || err != nil && errors.Is(err, ctx.Err()) {
			return err // a stage that reports for another, or an interruption
		}
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
	st, err := NewBuilder(opts).prepare(ctx, true)
	res := st.res
	if err != nil {
		res.Duration = time.Since(start)
		return res, err
	}
	snap := st.snapshot()
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	var ps *pass
	err = runStages(ctx, res, []stage{
		{"pages", func(ctx context.Context) error {
			// Convert, render, check and write each page in one pass, so
			// that no page's Markdown or HTML stays in memory. Everything
			// goes to opts.Out, which for lumen build is a temporary
			// folder published only on success. The errors are reported
			// in the order of the stages that find them.
			ps = st.publishAll(ctx, snap, opts.Out, today)
			res.Files = ps.files
			if err := ctx.Err(); err != nil {
				return err
			}
			if ps.markdown != nil {
				return &StageError{Stage: "markdown", Err: ps.markdown}
			}
			if ps.render != nil {
				return &StageError{Stage: "render", Err: ps.render}
			}
			return nil
		}},
		{"check", func(ctx context.Context) error {
			// The anchors' errors follow the page's other findings on the
			// same line, in the order of the rules, as in lumen check.
			errs := append(append(ps.check, ps.errors...), ps.anchors()...)
			errs.Sort()
			ps.warnings.Sort()
			res.Warnings = ps.warnings
			return errs.Err()
		}},
		{"write", func(context.Context) error { return ps.write }},
	})
	res.Duration = time.Since(start)
	return res, err
}
