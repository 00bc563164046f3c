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
// (default 1,000), readied by internal/benchsite; -bench.site uses a site already generated instead (such
// as those bench/compare.sh keeps). The benchmarks are skipped when
// python3 or gensite.py is missing and no -bench.site is given. Each
// reports ns/page besides ns/op, so runs on sites of different sizes
// compare. There are no timing assertions: read the numbers, or compare
// runs with benchstat.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/check"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
	"github.com/lumen-ssg/lumen/generator/output"
	"github.com/lumen-ssg/lumen/generator/search"
	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/internal/benchsite"
	"github.com/lumen-ssg/lumen/themes"
)

var (
	benchSite  = flag.String("bench.site", "", "site folder for the stage benchmarks (default: generate one with gensite.py)")
	benchPages = flag.Int("bench.pages", 1000, "main pages of the site the stage benchmarks generate")
)

// benchToday is a fixed date to judge medical reviews on: the day after
// the last last_reviewed that gensite.py writes (2026-10-31), which a
// review may not come after (rule review.future).
var benchToday = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// benchSource returns the folder of the site to benchmark: -bench.site, or
// a site of -bench.pages main pages generated into a temporary folder.
func benchSource(b testing.TB) string { return benchSourceOf(b, *benchPages) }

// benchSourceOf returns -bench.site, or a site of pages main pages
// generated into a temporary folder.
func benchSourceOf(b testing.TB, pages int) string {
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
	cmd := exec.Command(python, script, "--pages", strconv.Itoa(pages), "--seed", "1",
		"--out", dir, "--flavor", "plain", "--force")
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gensite.py: %v\n%s", err, out)
	}
	if _, err := benchsite.Fixup(dir); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchOptions are the options of a build of the site in dir.
func benchOptions(dir string) Options {
	return Options{Source: os.DirFS(dir), Theme: themes.Default(), Out: output.NewMem(), Today: benchToday}
}

// benchPrepared runs the stages up to and including site and theme, and
// returns their state.
func benchPrepared(b *testing.B, dir string) *prepared {
	b.Helper()
	st := &prepared{b: newBuilder(benchOptions(dir), false), res: &Result{}}
	ctx := context.Background()
	for _, run := range []func(context.Context) error{st.loadConfig, st.loadContent, st.buildSite, st.loadTheme} {
		if err := run(ctx); err != nil {
			b.Fatalf("preparing the benchmark site: %v", err)
		}
	}
	return st
}

// benchSnapshot returns the site's Snapshot as lumen serve has it: every
// file made when first read, and kept; made says whether to make every
// file now.
func benchSnapshot(b *testing.B, dir string, made bool) *Snapshot {
	b.Helper()
	snap, _, err := NewBuilder(benchOptions(dir)).Prepare(context.Background())
	if err != nil {
		b.Fatalf("preparing the benchmark site: %v", err)
	}
	if made {
		if _, err := snap.Pass(context.Background(), nil); err != nil {
			b.Fatalf("making the benchmark site: %v", err)
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
	st := benchPrepared(b, benchSource(b))
	for b.Loop() {
		if _, errs := site.New(st.cfg, st.set, site.Options{}); errs.Err() != nil {
			b.Fatal(errs.Err())
		}
	}
	perPage(b, len(st.site.Pages))
}

// BenchmarkMarkdown converts every page body (and FAQ answer) to HTML,
// with nothing kept from an earlier build, reading each body again from
// the disk as a one-shot build does.
func BenchmarkMarkdown(b *testing.B) {
	st := benchPrepared(b, benchSource(b))
	for b.Loop() {
		for _, p := range st.site.Pages {
			if p.Source != nil {
				if body := st.conv.make(st.site, p); body.Errs.Err() != nil {
					b.Fatal(body.Errs.Err())
				}
			}
		}
	}
	perPage(b, contentPages(st.site))
}

// BenchmarkPages makes, checks and reviews every file without writing it:
// the pages stage of lumen check.
func BenchmarkPages(b *testing.B) {
	st := benchPrepared(b, benchSource(b))
	ctx := context.Background()
	for b.Loop() {
		snap, _ := st.snapshot()
		if _, err := snap.Pass(ctx, nil); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, len(st.site.Pages))
}

// BenchmarkSearchAnalyzer analyzes the search records of every content
// page of the site, in the site's order, with a new Analyzer each round:
// every page's words are new to the processor as in a build,
// unlike search's BenchmarkAnalyzerDoc, which analyzes one page again and
// again and trains the branch predictor on it.
func BenchmarkSearchAnalyzer(b *testing.B) {
	st := benchPrepared(b, benchSource(b))
	var records [][]search.Record
	for _, p := range st.site.Pages {
		if p.Source != nil {
			if rs := search.RecordsOf(p, st.conv.make(st.site, p), nil); len(rs) > 0 {
				records = append(records, rs)
			}
		}
	}
	for b.Loop() {
		a := search.NewAnalyzer()
		for _, rs := range records {
			a.Docs(rs)
		}
	}
	perPage(b, len(records))
}

// BenchmarkRender renders every page with the theme's templates, the
// structured data included, its Markdown converted beforehand.
func BenchmarkRender(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), false)
	var pages []*site.Page
	for _, p := range snap.Site.Pages {
		snap.Site.Body(p) // converted once, and kept
		pages = append(pages, p)
	}
	var buf bytes.Buffer
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			if _, err := snap.renderPage(&buf, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	perPage(b, len(pages))
}

// BenchmarkHTMLCheck checks every rendered page for the accessibility and
// privacy failures of package htmlcheck.
func BenchmarkHTMLCheck(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), true)
	type page struct {
		p    *site.Page
		data []byte
	}
	var pages []page
	for _, p := range snap.Site.Pages {
		data, err := snap.ReadFile(site.FileOf(p.URL))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, page{p, data})
	}
	c := htmlcheck.New(snap.Site.Config.Privacy.AllowedHosts)
	for b.Loop() {
		for _, pg := range pages {
			c.Inspect(pg.p.SourcePath(), pg.p.URL, pg.data)
		}
	}
	perPage(b, len(pages))
}

// BenchmarkQuality runs the editorial checks (readability, review dates,
// jargon, glossary) on every content page, one goroutine.
func BenchmarkQuality(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), true)
	pages := benchBodies(snap)
	for b.Loop() {
		for _, pb := range pages {
			check.PageReport(snap.Site, pb.p, pb.body, snap.opts.check)
		}
	}
	perPage(b, len(pages))
}

// BenchmarkReadability scores the prose of every page, alone and on one
// goroutine: the largest part of BenchmarkQuality.
func BenchmarkReadability(b *testing.B) {
	snap := benchSnapshot(b, benchSource(b), false)
	pages := benchBodies(snap)
	for b.Loop() {
		for _, pb := range pages {
			snap.opts.check.Analyzer.Analyze(check.Blocks(pb.p, pb.body))
		}
	}
	perPage(b, len(pages))
}

// pageBody is a content page with its converted Markdown.
type pageBody struct {
	p    *site.Page
	body *site.Body
}

// benchBodies returns the content pages of snap with their Bodies.
func benchBodies(snap *Snapshot) []pageBody {
	var out []pageBody
	for _, p := range snap.Site.Pages {
		if p.Source != nil {
			out = append(out, pageBody{p, snap.Site.Body(p)})
		}
	}
	return out
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
		g, _ := errgroup.WithContext(ctx)
		g.SetLimit(2 * runtime.GOMAXPROCS(0))
		for _, name := range snap.Names() {
			g.Go(func() error {
				data, _ := snap.ReadFile(name)
				return out.WriteFile(name, data)
			})
		}
		if err := g.Wait(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		out.Abort()
		b.StartTimer()
	}
	perPage(b, len(snap.Site.Pages))
}

// BenchmarkBuild runs the whole pipeline, from reading the site to writing
// it into memory, as `lumen build` does (without the folder swap).
// TestBenchmarkSiteBuilds checks that a site made by gensite.py and
// readied by benchsite.Fixup builds without an error: a new rule that the
// generated site breaks would otherwise stop every benchmark, here and in
// bench/*.sh.
func TestBenchmarkSiteBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a site")
	}
	if _, err := Build(context.Background(), benchOptions(benchSourceOf(t, 200))); err != nil {
		t.Fatal(err)
	}
}

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

// BenchmarkBuildWithoutIndex is BenchmarkBuild without the search index
// alone (Options.noSearchIndex: the search page and the box in every
// header are kept). Run with BenchmarkBuild under a tool that counts
// instructions, it gives the index's share of a build's work free of the
// machine's noise (bench/search-instructions.sh).
func BenchmarkBuildWithoutIndex(b *testing.B) {
	dir := benchSource(b)
	opts := benchOptions(dir)
	opts.noSearchIndex = true
	var pages int
	for b.Loop() {
		res, err := Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		pages = len(res.Site.Pages)
	}
	perPage(b, pages)
}

// BenchmarkBuildWithoutSearch is BenchmarkBuild of the same site with
// search: {disabled: true}: the difference is what the search index (and
// the search page and box) costs a build.
func BenchmarkBuildWithoutSearch(b *testing.B) { benchWithoutSearch(b, false) }

// BenchmarkBuildWithoutChecks is BenchmarkBuildWithoutSearch without the
// checks of each page (Options.noPageChecks: neither the HTML nor the
// text of a page is checked): what is left is what converting Markdown,
// rendering templates and writing files cost, the floor under what
// speeding up the checks or the search can gain. Lumen has no such mode;
// this measures the parts of a build against each other:
//
//	go test ./generator -run '^$' -bench 'Build(WithoutSearch|WithoutChecks)?$' -bench.site DIR
func BenchmarkBuildWithoutChecks(b *testing.B) { benchWithoutSearch(b, true) }

// benchWithoutSearch builds the site with search: {disabled: true}, and
// without the checks of each page when noPageChecks is set.
func benchWithoutSearch(b *testing.B, noPageChecks bool) {
	dir := benchSource(b)
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	opts := benchOptions(dir)
	opts.Source = overlaySite{opts.Source, fstest.MapFS{"site.yaml": {Data: append(data, "\nsearch: {disabled: true}\n"...)}}}
	opts.noPageChecks = noPageChecks
	var pages int
	for b.Loop() {
		opts.Out = output.NewMem()
		res, err := Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if res.Site.Search != nil {
			b.Fatal("search is on")
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
	data, err := snap.ReadFile(site.FileOf(page.URL))
	if err != nil {
		b.Fatal(err)
	}
	c := htmlcheck.New(snap.Site.Config.Privacy.AllowedHosts)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c.Page(page.SourcePath(), page.URL, data)
	}
}

// BenchmarkRebuild is what lumen serve does after an author saves one
// page: the Builder of a dev server prepares the site again, keeping what
// it can, and the edited page is made (the background Pass is left out).
// The page's body is edited ("body": the site graph is kept) or its title
// ("title": the site is prepared from the start); the file is put back as
// it was at the end.
func BenchmarkRebuild(b *testing.B) {
	dir := benchSource(b)
	src, err := sitefs.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	builder := NewBuilder(Options{Source: src, Theme: themes.Default()})
	snap, _, err := builder.Prepare(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var page *site.Page
	for _, p := range snap.Site.Pages {
		if p.Kind == content.KindArticle {
			page = p
			break
		}
	}
	file := filepath.Join(dir, filepath.FromSlash(page.SourcePath()))
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, original, 0o644) })
	title := regexp.MustCompile(`(?m)^title: .*$`)
	if !title.Match(original) {
		b.Fatalf("%s: no title: line", file)
	}
	for _, edit := range []struct {
		name string
		make func(n int) []byte
	}{
		{"body", func(n int) []byte { return fmt.Appendf(bytes.Clone(original), "\nEdit number %d.\n", n) }},
		{"title", func(n int) []byte {
			return title.ReplaceAll(original, fmt.Appendf(nil, "title: Edit number %d", n))
		}},
	} {
		b.Run(edit.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n++
				if err := os.WriteFile(file, edit.make(n), 0o644); err != nil {
					b.Fatal(err)
				}
				builder.Changed(page.SourcePath())
				snap, _, err := builder.Prepare(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if _, err := snap.ReadFile(site.FileOf(page.URL)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
