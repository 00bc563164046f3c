package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/buildcache"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/themes"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder (holding site.yaml)")
	dest := fl.String("dest", "", "where to write the site (default: public inside the source)")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	baseURL := fl.String("base-url", "", "the URL the site is published at, replacing site.yaml's base_url")
	verbose := fl.Bool("v", false, "print the time each stage took and how many pages the build cache saved making")
	noCache := fl.Bool("no-cache", false, "neither read nor write the build cache: make every page")
	clean := fl.Bool("clean", false, "delete the build cache first, then make every page and write a new cache")
	asOf := todayFlag(fl, "build as of the day `YYYY-MM-DD`: which notices show, which reviews are due")
	var prof profiler
	fl.StringVar(&prof.cpuFile, "cpuprofile", "", "write a CPU profile of the build to `FILE` (for go tool pprof)")
	fl.StringVar(&prof.memFile, "memprofile", "", "write a memory profile of the build to `FILE` (for go tool pprof)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "lumen build: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	today := asOf.Day()
	cacheDir, version := "", ""
	if !*noCache {
		if version = programVersion(); version != "" {
			cacheDir, _ = buildcache.DefaultDir(*source, *dest)
		}
		if cacheDir != "" && *clean {
			if err := buildcache.Remove(cacheDir); err != nil {
				fmt.Fprintln(stderr, "lumen build: cannot delete the build cache:", err)
				return exitError
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	defer tuneGC()()
	if err := prof.start(); err != nil {
		fmt.Fprintln(stderr, "lumen build:", err)
		return exitError
	}
	_, ok := buildSite(ctx, *source, *dest, generator.Options{
		Theme:        themes.Default(),
		Drafts:       *drafts,
		BaseURL:      *baseURL,
		Today:        today,
		CacheDir:     cacheDir,
		CacheVersion: version,
	}, *verbose, stdout, stderr)
	if perr := prof.stop(); perr != nil {
		fmt.Fprintln(stderr, "lumen build:", perr)
	}
	if !ok {
		return exitError
	}
	return exitOK
}

// buildSite builds the site in source into dest, as lumen build and lumen
// deploy do, and prints what a build prints: its warnings, its errors
// with their lines, the time of each stage when verbose, the summary and
// the day to build again for a notice. It reports whether the build
// succeeded.
func buildSite(ctx context.Context, source, dest string, opts generator.Options, verbose bool, stdout, stderr io.Writer) (*generator.Result, bool) {
	opts.MaxWarnings = maxWarnings // it prints no more, and counts the rest
	res, err := generator.Publish(ctx, source, dest, opts)
	if err != nil {
		if res != nil {
			printWarnings(stderr, res.Findings.Warnings(), res.Report.MoreWarnings)
		}
		reportError(stderr, err, source, dest)
		return res, false
	}
	printWarnings(stderr, res.Findings.Warnings(), res.Report.MoreWarnings)
	if verbose {
		for _, t := range res.Timings {
			fmt.Fprintf(stdout, "  %-9s %6d ms\n", t.Stage, t.Duration.Milliseconds())
		}
		if c := res.Cache; c.Dir != "" {
			index := ""
			if c.IndexesKept > 0 {
				index = "; search index kept"
			}
			if c.RecordsKept > 0 {
				index += fmt.Sprintf("; %s of search records kept", plural(c.RecordsKept, "file"))
			}
			if c.IndexFilesSame > 0 {
				index += fmt.Sprintf("; %s of the search index made the same and kept", plural(c.IndexFilesSame, "file"))
			}
			if c.Followed > 0 {
				index += fmt.Sprintf("; templates of %s followed", plural(c.Followed, "page"))
			}
			if c.Unfollowed > 0 {
				index += fmt.Sprintf("; %s whose templates it cannot follow", plural(c.Unfollowed, "page"))
			}
			fmt.Fprintf(stdout, "  cache     %s reused, %d re-rendered, %d made, %d reconverted; front matter of %s kept%s (%s)\n",
				plural(c.Reused, "page"), c.Rerendered, c.Made, c.Reconverted, plural(c.Kept, "file"), index, c.Dir)
		}
	}
	if res.Cache.Note != "" {
		fmt.Fprintln(stdout, "note: "+res.Cache.Note)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, "note: "+n)
	}
	fmt.Fprintln(stdout, summary(res, dest))
	if day, what, ok := res.Site.Config.NextNoticeChange(opts.Today); ok {
		// A static site changes only when it is built.
		fmt.Fprintf(stdout, "Build the site again on %s %s.\n", day.Format("Monday, January 2, 2006"), what)
	}
	return res, true
}

// reportError prints a failed build's errors, each with its line of the
// site's source, and says that the published site was left as it was.
func reportError(w io.Writer, err error, source, dest string) {
	var se *generator.StageError
	if errors.As(err, &se) {
		fmt.Fprintln(w, withSource(err, source))
		n := 1
		var list diag.List
		if errors.As(err, &list) {
			n = len(list)
		}
		fmt.Fprintf(w, "\nlumen build: the %s stage found %s; %s was left unchanged\n", se.Stage, plural(n, "error"), dest)
		return
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(w, "lumen build: interrupted; %s was left unchanged\n", dest)
		return
	}
	fmt.Fprintf(w, "lumen build: %v\n%s was left unchanged\n", err, dest)
}

// maxWarnings is how many warnings a build prints before it counts the
// rest.
const maxWarnings = 20

// printWarnings prints up to maxWarnings warnings and counts the others:
// those of the list it does not print, and more that were only counted.
func printWarnings(w io.Writer, warnings diag.List, more int) {
	for i, e := range warnings {
		if i == maxWarnings {
			break
		}
		fmt.Fprintln(w, e)
	}
	if rest := len(warnings) - min(len(warnings), maxWarnings) + more; rest > 0 {
		fmt.Fprintf(w, "warning: ... and %d more warnings; %s lists them all\n", rest, commandLine("check"))
	}
}

// summary is the line a successful build ends with.
func summary(res *generator.Result, dest string) string {
	var kinds []string
	total := 0
	for _, c := range res.Site.Counts() {
		kinds = append(kinds, c.String())
		total += c.N
	}
	if langs := res.Site.Languages(); len(langs) > 1 {
		var each []string
		for _, l := range langs {
			each = append(each, fmt.Sprintf("%d in %s", len(l.Pages), l.Lang.Name))
		}
		kinds = append([]string{strings.Join(each, ", ") + ":"}, kinds...)
		return fmt.Sprintf("Built %s in %d languages (%s %s), %s to %s in %d ms",
			plural(total, "page"), len(langs), kinds[0], strings.Join(kinds[1:], ", "), plural(res.Files, "file"), summaryDest(res, dest), res.Duration.Round(time.Millisecond).Milliseconds())
	}
	return fmt.Sprintf("Built %s (%s), %s to %s in %d ms",
		plural(total, "page"), strings.Join(kinds, ", "), plural(res.Files, "file"), summaryDest(res, dest), res.Duration.Round(time.Millisecond).Milliseconds())
}

// summaryDest names the folder a build wrote, and where it leads when it
// is a link.
func summaryDest(res *generator.Result, dest string) string {
	if abs, err := filepath.Abs(dest); err == nil && res.Target != "" && res.Target != abs {
		dest += " (a link to " + res.Target + ")"
	}
	return dest
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
