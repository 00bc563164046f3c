// Package generator builds a Lumen site. Its pipeline is one flat list of
// stages, read top to bottom, assembled in one place for lumen build,
// lumen check and lumen serve:
//
//	config    site.yaml                          package config
//	content   content/ → typed pages             package content
//	site      URLs, sections, tags, relations    package site
//	theme     theme layouts and static files     package render, themes
//	files     the table of every file; two       package generator
//	          files on one name are an error
//	pages     every file of the site: made,      package markdown, render,
//	          checked, written; every content    schema, htmlcheck, check,
//	          page's editorial report; links     feeds, headers
//	          to #fragments
//
// The first five stages (Builder.Prepare) make a Snapshot: the site graph,
// read-only from then on, and the table of every file the site has with
// the one function that makes each. The pages stage (Snapshot.Pass) makes
// every file, checks it and hands it to a writer. The three commands
// differ only in where the files go and in what they keep:
//
//	lumen build   Build with an output.Dir: a temporary folder that
//	              replaces the published site only when no stage found an
//	              error (see Publish), so a broken site never
//	              half-publishes. Keeps nothing.
//	lumen check   Build with no writer: the same findings, nothing written.
//	lumen serve   a Builder that keeps parsed pages, converted Markdown and
//	              the parsed theme between builds; its Snapshot is served
//	              as an fs.FS that makes each file when first asked for and
//	              keeps it, and a Pass in the background reports findings.
//
// A page's Markdown is converted when the page is first asked for it
// (site.Site.Body) and never written back into the page: any template may
// read any page's Content and gets the same bytes in every command. A
// one-shot build holds a page's converted Markdown only while the page is
// made, and lets it go after, so that its memory holds the site graph and
// one page per goroutine, not the whole site.
//
// Each stage is timed, and what it finds are findings (diag.Error) with a
// rule and a severity: the build stops after the first stage whose
// findings include an error, and reports them all.
package generator

import (
	"context"
	"errors"
	"io/fs"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Options describe one build.
type Options struct {
	// Source is the site's root: site.yaml, content/, and optionally
	// themes/<theme>/ with files overriding the theme. Open it with
	// sitefs.Open, so that nothing outside the site is read.
	Source fs.FS
	// Theme is the built-in default theme (themes.Default()).
	Theme fs.FS
	// Out receives the built files; nil writes nothing (lumen check).
	Out output.Writer
	// Drafts includes pages marked draft: true.
	Drafts bool
	// BaseURL, when not empty, replaces site.yaml's base_url.
	BaseURL string
	// Origin, when not empty, replaces the scheme and host of the base
	// URL and keeps its path, as lumen serve does: with base_url
	// https://example.org/clinic/ and Origin http://127.0.0.1:1313 the
	// site is served at http://127.0.0.1:1313/clinic/.
	Origin string
	// Markdown is the renderer to use; nil makes one.
	Markdown *markdown.Renderer
	// Today is the date medical reviews are judged on; zero means now.
	Today time.Time
	// Detail keeps in Result.Report what only lumen check shows: each
	// content page's scores, hardest sentences and longest words, and
	// hints. Without it a build keeps of each page its errors and
	// warnings only (Report.Findings), so that a large site's memory does
	// not grow with its text.
	Detail bool
	// MaxWarnings, when not 0 and without Detail, keeps only the first
	// MaxWarnings warnings of the pages (in the order of the sorted
	// report) and counts the others (Report.MoreWarnings): lumen build
	// prints a few, and a large generated site has millions.
	MaxWarnings int
	// ImageCache keeps processed pictures between builds; nil is the
	// folder lumen/images in the user's cache folder (images.DefaultDir).
	ImageCache images.Cache
	// CacheDir, when not "", is the folder of the build cache of Publish
	// (see buildCache), and CacheVersion names the program that builds,
	// so that a cache written by another is never trusted.
	CacheDir, CacheVersion string

	// cache is the build cache Publish opened.
	cache *buildCache
	// noSearchIndex makes the pages as they are, the search page and the
	// search box included, but not the search index: what the index
	// costs a build is measured against it (BenchmarkSearchIndex).
	noSearchIndex bool
	// noPageChecks makes and writes the pages without checking them
	// (neither their HTML nor their text): what the checks cost a build
	// is measured against it (BenchmarkBuildWithoutChecks). Lumen has no
	// such mode.
	noPageChecks bool
}

// Result describes a finished build.
type Result struct {
	// Site is the site graph that was built, or nil when the stages
	// before it failed.
	Site *site.Site
	// Files is the number of files made.
	Files int
	// Timings are the stages in order with their durations.
	Timings []Timing
	// Duration is the whole build's wall time, publishing included.
	Duration time.Duration
	// Target is the folder Publish published into: the destination with
	// its symbolic links followed.
	Target string
	// Findings are every finding of every stage run, sorted: errors,
	// which stop the build, warnings and hints.
	Findings diag.List
	// Report has the scores of every content page and every finding, as
	// lumen check prints it. It is never nil.
	Report *check.Report
	// Images says what the build did with the site's pictures.
	Images ImageStats
	// Cache says what the build did with its build cache.
	Cache CacheStats
	// Notes are what went wrong that did not stop the build, for its
	// user to know: a previous site Publish could not delete.
	Notes []string
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// StageError is the error of a build whose stage found errors. Its Err is
// a diag.List of the errors (the warnings are in Result.Findings).
type StageError struct {
	Stage string
	Err   error
}

func (e *StageError) Error() string { return e.Err.Error() }

// Unwrap returns the stage's error.
func (e *StageError) Unwrap() error { return e.Err }

// stage is one named step of the pipeline and the rule of the findings
// it reports without one of their own.
type stage struct {
	name string
	rule string
	run  func(context.Context) error
}

// runStages runs stages in order, timing each into res, and stops at the
// first that found an error. What a stage returns are its findings: a
// diag.List (or any error, taken as one finding) whose errors stop the
// build and whose warnings and hints go to res.Findings. An interruption
// is returned as it is.
func runStages(ctx context.Context, res *Result, stages []stage) error {
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := time.Now()
		err := st.run(ctx)
		res.Timings = append(res.Timings, Timing{st.name, time.Since(t)})
		if err == nil {
			continue
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		var found diag.List
		found.Add(err)
		found.SetRule(st.rule)
		found.Sort()
		res.Findings = append(res.Findings, found...)
		if errs := found.Errors(); len(errs) > 0 {
			return &StageError{Stage: st.name, Err: errs}
		}
	}
	return nil
}

// Build runs the whole pipeline once: it prepares the site and makes,
// checks and writes every file to opts.Out (or nowhere when it is nil).
// It is lumen build and lumen check. On error nothing has been
// published: with an output.Dir the caller aborts instead of committing
// (see Publish).
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	snap, res, err := newBuilder(opts, false).Prepare(ctx)
	if err == nil {
		prepared := res.Findings // warnings of the stages before, such as the theme's
		var index time.Duration
		err = runStages(ctx, res, []stage{{"pages", diag.RuleUnclassified, func(ctx context.Context) error {
			pass, err := snap.Pass(ctx, opts.Out)
			if err != nil {
				return err
			}
			index = pass.Index
			res.Files = pass.Files
			res.Images = snap.pictures.stats()
			res.Report = check.NewReport(pass.Report.Pages, append(append(diag.List{}, pass.Report.Findings...), prepared...)).
				WithMoreWarnings(pass.Report.MoreWarnings)
			res.Report.Translations = check.Translations(snap.Site)
			return pass.Report.All().Err()
		}}})
		if last := len(res.Timings) - 1; index > 0 && last >= 0 {
			// The search index is made in the pages stage, after the pages.
			res.Timings[last].Duration -= index
			res.Timings = append(res.Timings, Timing{"index", index})
		}
	}
	res.Findings.Sort()
	if res.Report == nil {
		res.Report = check.NewReport(nil, res.Findings)
	}
	res.Duration = time.Since(start)
	return res, err
}
