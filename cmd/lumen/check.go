package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/themes"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder (holding site.yaml)")
	format := fl.String("format", "text", "text or json")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	today := todayFlag(fl, "judge reviews as of the day `YYYY-MM-DD` instead of today")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 || (*format != "text" && *format != "json") {
		fmt.Fprintln(stderr, "usage: lumen check [--source DIR] [--format text|json] [--drafts] [--today YYYY-MM-DD]")
		return exitUsage
	}
	day := today.Day()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// lumen check is lumen build with nowhere to write: the same stages,
	// the same findings.
	report, stage := checkSite(ctx, *source, generator.Options{Theme: themes.Default(), Drafts: *drafts, Today: day, Detail: true})
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(report)
	} else {
		printReport(stdout, report, *source)
		if stage != "" {
			fmt.Fprintf(stdout, "\nThe site does not build (%s stage): fix these first; the pages are checked once it does.\n", stage)
		}
	}
	if report.Errors > 0 {
		return exitError
	}
	return exitOK
}

// checkSite builds the site in source with nowhere to write and returns
// its report, which holds every finding, and, when a stage before the
// pages failed, that stage's name. A problem that keeps the site from
// being read at all is a finding too, so that the report is always whole.
func checkSite(ctx context.Context, source string, opts generator.Options) (*check.Report, string) {
	src, err := sitefs.Open(source)
	if err != nil {
		return check.NewReport(nil, diag.List{{Rule: diag.RuleConfig, Msg: "cannot read the site: " + err.Error(),
			Hint: "pass the site's folder with --source"}}), "config"
	}
	defer src.Close()
	opts.Source = src
	res, err := generator.Build(ctx, opts)
	var se *generator.StageError
	switch {
	case errors.As(err, &se) && se.Stage != "pages":
		return res.Report, se.Stage
	case errors.Is(err, context.Canceled):
		return check.NewReport(res.Report.Pages, append(res.Report.Findings,
			&diag.Error{Rule: diag.RuleInterrupted, Msg: "interrupted before every page was checked"})), ""
	}
	return res.Report, ""
}

// printReport prints one row per page and then every finding, each with
// its line of the site's source.
func printReport(w io.Writer, r *check.Report, source string) {
	spanish := false
	for _, p := range r.Pages {
		spanish = spanish || p.INFLESZ != nil
	}
	if len(r.Pages) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		// The scores are of the full sentences, as the targets judge
		// them; LEFT OUT is the share of headings and list fragments. A
		// page in Spanish is judged by its INFLESZ score, not by the
		// English formulas.
		head := "PAGE\tWORDS\tGRADE\tSMOG\tEASE\t"
		if spanish {
			head += "INFLESZ\t"
		}
		fmt.Fprintln(tw, head+"LEFT OUT\tREVIEW\tFINDINGS")
		for _, p := range r.Pages {
			scores := fmt.Sprintf("%.1f\t%.1f\t%.0f\t", p.Prose.FleschKincaidGrade, p.Prose.SMOG, p.Prose.FleschReadingEase)
			if p.INFLESZ != nil {
				scores = fmt.Sprintf("-\t-\t-\t%.1f\t", *p.INFLESZ)
			} else if spanish {
				scores += "-\t"
			}
			fmt.Fprintf(tw, "%s\t%d\t%s%.0f%%\t%s\t%s\n", p.Source, p.Prose.Words, scores, 100*p.Prose.LeftOut, p.Review.Status, counts(p.Findings))
		}
		tw.Flush()
	}
	if all := r.All(); len(all) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, findingsText(all, source, 0))
	}
	// The mean grade is of the pages the English formulas judge.
	var grades float64
	graded := 0
	for _, p := range r.Pages {
		if p.INFLESZ == nil {
			grades += p.Prose.FleschKincaidGrade
			graded++
		}
	}
	mean := 0.0
	if graded > 0 {
		mean = grades / float64(graded)
	}
	fmt.Fprintf(w, "\n%d pages, mean grade %.1f: %s, %s, %s\n", len(r.Pages), mean, plural(r.Errors, "error"), plural(r.Warnings, "warning"), plural(r.Hints, "hint"))
	printTranslations(w, r.Translations)
}

// printTranslations says how much of the site each other language has,
// and which pages it does not have yet: a summary, not a warning a page.
func printTranslations(w io.Writer, langs []check.Coverage) {
	for _, c := range langs {
		fmt.Fprintf(w, "%s (%s): %d of %d pages translated", c.Name, c.Language, c.Translated, c.Pages)
		if n := len(c.Outdated); n > 0 {
			fmt.Fprintf(w, ", %d behind their originals", n)
		}
		if len(c.Missing) == 0 {
			fmt.Fprintln(w)
			continue
		}
		const shown = 8
		list := strings.Join(c.Missing[:min(shown, len(c.Missing))], ", ")
		if len(c.Missing) > shown {
			list += fmt.Sprintf(" and %d more (lumen check --format json lists them all)", len(c.Missing)-shown)
		}
		fmt.Fprintf(w, "; not yet translated: %s\n", list)
	}
}

// counts summarises findings as "1 error, 2 warnings", or "-".
func counts(fs diag.List) string {
	n := map[diag.Severity]int{}
	for _, f := range fs {
		n[f.Level()]++
	}
	var parts []string
	for _, s := range []diag.Severity{diag.SeverityError, diag.SeverityWarning, diag.SeverityHint} {
		if n[s] > 0 {
			parts = append(parts, plural(n[s], string(s)))
		}
	}
	if parts == nil {
		return "-"
	}
	return strings.Join(parts, ", ")
}
