package generator

// Benchmarks of each stage of the pipeline on a synthetic practice site, so
// that a regression shows where it is:
//
//	go test ./generator -run '^$' -bench . -benchmem
//	go test ./generator -run '^$' -bench Render -bench.pages 5000
//	go test ./generator -run '^$' -bench . -bench.site /tmp/lumen-bench/sites/10000-s1-plain
//
// The site is made by ../shared/bench/gensite.py (--flavor plain, seed 1)
// in a temporary folder, once per benchmark, with -bench.pages main pages
// (default 1,000); -bench.site uses a site already generated instead (such
// as those bench/compare.sh keeps). The benchmarks are skipped when
// python3 or gensite.py is missing and no -bench.site is given. Each
// reports ns/page besides ns/op, so runs on sites of different sizes
// compare. There are no timing assertions: read the numbers, or compare
// runs with benchstat.

import (
	"context"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/themes"
)

var (
	benchSite  = flag.String("bench.site", "", "site folder for the stage benchmarks (default: generate one with gensite.py)")
	benchPages = flag.Int("bench.pages", 1000, "main pages of the site the stage benchmarks generate")
)

// benchToday is a fixed date to judge medical reviews on.
var benchToday = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// vagueLink matches links whose whole text is vague, which the Markdown
// stage rejects; gensite.py makes one about every 10,000 pages.
var vagueLink = regexp.MustCompile(`(?im)(^|[^!])\[(click here|here|click|read more|more|link|this link|this page|learn more|go)\]\(`)

// benchSource returns the folder of the site to benchmark: -bench.site, or
// a site generated into a temporary folder.
func benchSource(b *testing.B) string {
	b.Helper()
	if *benchSite != "" {
		return *benchSite
	}
	script := filepath.Join("..", "..", "shared", "bench", "gensite.py")
	if _, err := os.Stat(script); err != nil {
		b.Skipf("no site: %s is missing and -bench.site is not set", script)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no site: python3 is missing and -bench.site is not set")
	}
	dir := b.TempDir()
	cmd := exec.Command(python, script, "--pages", strconv.Itoa(*benchPages), "--seed", "1",
		"--out", dir, "--flavor", "plain", "--force")
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gensite.py: %v\n%s", err, out)
	}
	err = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil || !vagueLink.Match(data) {
			return err
		}
		return os.WriteFile(p, vagueLink.ReplaceAll(data, []byte("$1[$2 about this topic](")), 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchOptions are the options of a build of the site in dir.
func benchOptions(dir string) Options {
	return Options{Source: os.DirFS(dir), Theme: themes.Default(), Out: output.NewMem(), Today: benchToday}
}

// benchState runs the stages up to and including site and theme, and
// returns their state.
func benchState(b *testing.B, dir string) *buildState {
	b.Helper()
	st := &buildState{b: NewBuilder(benchOptions(dir)), res: &Result{}}
	ctx := context.Background()
	for _, run := range []func(context.Context) error{st.loadConfig, st.loadContent, st.buildSite, st.loadTheme} {
		if err := run(ctx); err != nil {
			b.Fatalf("preparing the benchmark site: %v", err)
		}
	}
	return st
}

// benchSnapshot returns the site's Snapshot, its Markdown converted;
// rendered says whether to render every page too.
func benchSnapshot(b *testing.B, dir string, rendered bool) *Snapshot {
	b.Helper()
	snap, _, err := NewBuilder(benchOptions(dir)).Build(context.Background())
	if err != nil {
		b.Fatalf("preparing the benchmark site: %v", err)
	}
	if rendered {
		if err := snap.RenderAll(context.Background()); err != nil {
			b.Fatalf("rendering the benchmark site: %v", err)
		}
	}
	return snap
}

// perPage reports the time per page of the last loop.
func perPage(b *testing.B, pages int) {
	if b.N > 0 && pages > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	}
}

// contentPages counts the pages made from content files.
func contentPages(s *site.Site) int {
	n := 0
	for _, p := range s.Pages {
		if p.Source != nil {
			n++
		}
	}
	return n
}

// BenchmarkLoad reads content/ and parses every file: the content stage.
func BenchmarkLoad(b *testing.B) {
	dir := benchSource(b)
	fsys := os.DirFS(dir)
	var pages int
	for b.Loop() {
		set, errs := content.Load(fsys, content.Options{})
		if errs.Err() != nil {
			b.Fatal(errs.Err())
		}
		pages = len(set.Pages)
	}
	perPage(b, pages)
}

// BenchmarkFrontMatter splits and decodes every content file already in
// memory: content.Parse without the file system.
func BenchmarkFrontMatter(b *testing.B) {
	dir := benchSource(b)
	type file struct {
		source string
		data   []byte
	}
	var files []file
	var size int64
	err := fs.WalkDir(os.DirFS(dir), content.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, p))
		files = append(files, file{p, data})
		size += int64(len(data))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, f := range files {
			if _, errs := content.Parse(f.source, f.data); errs.Err() != nil {
				b.Fatal(errs.Err())
			}
		}
	}
	perPage(b, len(files))
}

// BenchmarkSiteGraph makes the site graph from the parsed content: URLs,
// sections, tags, relations.
func BenchmarkSiteGraph(b *testing.B) {
	st := benchState(b, benchSource(b))
	for b.Loop() {
		if _, errs := site.New(st.cfg, st.set); errs.Err() != nil {
			b.Fatal(errs.Err())
		}
	}
	perPage(b, len(st.site.Pages))
}

// BenchmarkMarkdown converts every page body (and FAQ answer) to HTML: the
// markdown stage, with nothing cached from an earlier build.
func BenchmarkMarkdown(b *testing.B) {
	st := benchState(b, benchSource(b))
	ctx := context.Background()
	for b.Loop() {
		st.b.converted = map[string]converted{}
		if err := st.convertMarkdown(ctx); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, contentPages(st.site))
}

// BenchmarkRender renders every page with the theme's templates, the
// structured data included: the render stage.
func BenchmarkRender(b *testing.B) {
	dir := benchSource(b)
	base := benchSnapshot(b, dir, false)
	ctx := context.Background()
	for b.Loop() {
		snap := newSnapshot(base.Site, themes.Default(), os.DirFS(dir), base.render)
		if err := snap.RenderAll(ctx); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, len(base.Site.Pages))
}

// BenchmarkHTMLCheck checks every rendered page for the accessibility and
// privacy failures of package htmlcheck: the first half of the check stage.
func BenchmarkHTMLCheck(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), true)
	ctx := context.Background()
	for b.Loop() {
		if err := snap.Check(ctx); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, len(snap.Site.Pages))
}

// BenchmarkQuality runs the editorial checks (readability, review dates,
// anchors, jargon, glossary) on every page: the second half of the check
// stage.
func BenchmarkQuality(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), true)
	for b.Loop() {
		snap.Quality(benchToday)
	}
	perPage(b, contentPages(snap.Site))
}

// BenchmarkReadability scores the prose of every page, alone and on one
// goroutine (Quality runs pages in parallel): the largest part of
// BenchmarkQuality.
func BenchmarkReadability(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), false)
	var pages []*site.Page
	for _, p := range snap.Site.Pages {
		if p.Source != nil {
			pages = append(pages, p)
		}
	}
	for b.Loop() {
		for _, p := range pages {
			snap.analyzer.Analyze(check.Blocks(p))
		}
	}
	perPage(b, len(pages))
}

// BenchmarkWrite writes every file of a rendered site to a new folder: the
// write stage, without publishing the folder.
func BenchmarkWrite(b *testing.B) {
	dir := benchSource(b)
	snap := benchSnapshot(b, dir, true)
	dest := filepath.Join(b.TempDir(), "public")
	ctx := context.Background()
	var bytes int64
	for _, name := range snap.Names() {
		data, err := snap.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		bytes += int64(len(data))
	}
	b.SetBytes(bytes)
	for b.Loop() {
		out, err := output.NewDir(dest, dir)
		if err != nil {
			b.Fatal(err)
		}
		// The files are made before the loop: this times the writes alone.
		errs := make([]error, len(snap.Names()))
		parallel(ctx, len(errs), func(i int) {
			data, _ := snap.ReadFile(snap.Names()[i])
			errs[i] = out.WriteFile(snap.Names()[i], data)
		})
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		out.Abort()
		b.StartTimer()
	}
	perPage(b, len(snap.Site.Pages))
}

// BenchmarkBuild runs the whole pipeline, from reading the site to writing
// it into memory, as `lumen build` does (without the folder swap).
func BenchmarkBuild(b *testing.B) {
	dir := benchSource(b)
	var pages int
	for b.Loop() {
		res, err := Build(context.Background(), benchOptions(dir))
		if err != nil {
			b.Fatal(err)
		}
		pages = len(res.Site.Pages)
	}
	perPage(b, pages)
}

// BenchmarkHTMLCheckPage checks one typical rendered page, for profiles of
// the checker alone.
func BenchmarkHTMLCheckPage(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), true)
	var page *site.Page
	for _, p := range snap.Site.Pages {
		if p.Kind == "article" {
			page = p
			break
		}
	}
	data, err := snap.ReadFile(pageFile(page.URL))
	if err != nil {
		b.Fatal(err)
	}
	c := htmlcheck.New(snap.Site.Config.Privacy.AllowedHosts)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c.Page(page.SourcePath(), page.URL, data)
	}
}
