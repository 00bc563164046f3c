package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/themes"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder (holding site.yaml)")
	format := fl.String("format", "text", "text or json")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	today := fl.String("today", "", "judge reviews as of this date (YYYY-MM-DD) instead of today")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 || (*format != "text" && *format != "json") {
		fmt.Fprintln(stderr, "usage: lumen check [--source DIR] [--format text|json] [--drafts] [--today YYYY-MM-DD]")
		return exitUsage
	}
	day := time.Now()
	if *today != "" {
		t, err := time.Parse("2006-01-02", *today)
		if err != nil {
			fmt.Fprintf(stderr, "lumen check: --today %q is not a date such as 2026-03-14\n", *today)
			return exitUsage
		}
		day = t
	}
	ctx := context.Background()
	src, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintln(stderr, "lumen check:", err)
		return exitError
	}
	defer src.Close()
	b := generator.NewBuilder(generator.Options{Source: src, Theme: themes.Default(), Drafts: *drafts})
	snap, _, err := b.Build(ctx)
	if err == nil {
		err = snap.RenderAll(ctx)
	}
	if err != nil {
		var se *generator.StageError
		fmt.Fprintln(stderr, withSource(err, *source))
		if errors.As(err, &se) {
			fmt.Fprintf(stderr, "\nlumen check: the site does not build (%s stage); fix these first\n", se.Stage)
		}
		return exitError
	}
	report := snap.Quality(day)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(report)
	} else {
		printReport(stdout, report)
	}
	if report.Errors > 0 {
		return exitError
	}
	return exitOK
}

// printReport prints one row per page and then every finding.
func printReport(w io.Writer, r *check.Report) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PAGE\tWORDS\tGRADE\tSMOG\tEASE\tREVIEW\tFINDINGS")
	for _, p := range r.Pages {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.1f\t%.0f\t%s\t%s\n", p.Source, p.Words, p.FleschKincaidGrade, p.SMOG, p.FleschReadingEase, p.Review.Status, counts(p.Findings))
	}
	tw.Flush()
	var any bool
	for _, p := range r.Pages {
		for _, f := range p.Findings {
			if !any {
				fmt.Fprintln(w)
				any = true
			}
			fmt.Fprintf(w, "%s:%d: %s: %s [%s]\n", f.File, f.Line, f.Severity, f.Message, f.Rule)
		}
	}
	var grades float64
	for _, p := range r.Pages {
		grades += p.FleschKincaidGrade
	}
	mean := 0.0
	if len(r.Pages) > 0 {
		mean = grades / float64(len(r.Pages))
	}
	fmt.Fprintf(w, "\n%d pages, mean grade %.1f: %s, %s, %s\n", len(r.Pages), mean, plural(r.Errors, "error"), plural(r.Warnings, "warning"), plural(r.Hints, "hint"))
}

// counts summarises findings as "1 error, 2 warnings", or "-".
func counts(fs []check.Finding) string {
	n := map[check.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var parts []string
	for _, s := range []check.Severity{check.Error, check.Warning, check.Hint} {
		if n[s] > 0 {
			parts = append(parts, plural(n[s], string(s)))
		}
	}
	if parts == nil {
		return "-"
	}
	return strings.Join(parts, ", ")
}
