package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/scaffold"
)

func kindList() string { return strings.Join(scaffold.KindNames(), ", ") }

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder, for a new page")
	pos, err := parseInterspersed(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "usage: lumen new site DIR\n       lumen new KIND \"Title\" [--source DIR]\nKIND is one of %s\n", kindList())
		return exitUsage
	}
	if pos[0] == "site" {
		files, err := scaffold.Site(pos[1])
		if err != nil {
			fmt.Fprintln(stderr, "lumen new site:", err)
			return exitError
		}
		fmt.Fprintf(stdout, "Created a new site in %s (%d files). See it, reloading as you edit, with:\n  %s\nor build it into %s with:\n  %s\n",
			pos[1], len(files), commandLine("serve", "--source", pos[1]), filepath.Join(pos[1], "public"), commandLine("build", "--source", pos[1]))
		return exitOK
	}
	kind, title := pos[0], pos[1]
	if !scaffold.IsKind(kind) {
		fmt.Fprintf(stderr, "lumen new: unknown kind %q; choose one of site, %s\n", kind, kindList())
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(*source, "site.yaml")); err != nil {
		fmt.Fprintf(stderr, "lumen new: no site.yaml in %s; run this in a site's folder or pass --source DIR (or create a site with %s)\n", *source, commandLine("new", "site", "DIR"))
		return exitError
	}
	reviewer := firstProvider(*source)
	path, err := scaffold.Page(*source, kind, title, time.Now(), reviewer)
	if err != nil {
		fmt.Fprintln(stderr, "lumen new:", err)
		return exitError
	}
	fmt.Fprintf(stdout, "Created %s (a draft: set draft: false when it is ready)\n", path)
	if content.Kind(kind).Medical() && reviewer == "" {
		fmt.Fprintln(stdout, "Add a provider page and set author and reviewed_by to its slug before publishing.")
	}
	return exitOK
}

// firstProvider returns the slug of the site's first provider page, or "".
func firstProvider(source string) string {
	matches, _ := filepath.Glob(filepath.Join(source, content.Dir, "providers", "*.md"))
	sort.Strings(matches)
	for _, m := range matches {
		if base := filepath.Base(m); base != "_index.md" {
			return strings.TrimSuffix(base, ".md")
		}
	}
	return ""
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, which it returns.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}
