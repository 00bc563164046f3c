package generator

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/images"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// pictures are the JPEG, PNG, GIF and WebP files of a build's content, in
// every language, each probed (package images) when the build lists its
// files, so that its versions are files of the Snapshot and the Markdown
// knows their names and sizes. A picture is processed when the first
// page that shows it, or the first of its files, is made, once per build
// (images.Processor), and read from the cache after that: by this build's
// other files and by the next builds.
type pictures struct {
	source   fs.FS
	settings images.Settings
	proc     *images.Processor
	byURL    map[string]*picture
	list     []*picture        // by URL
	files    map[string]string // the site path of every content file → its source
	// drawings are the SVG files of the content whose root element gives
	// their size, by URL: published as they are, but a page's <img> of
	// one gets its width and height (images.DrawingSize).
	drawings map[string]*markdown.Picture
}

// picture is one picture of the content and its versions.
type picture struct {
	source, url string
	size        int64
	key         string
	info        images.Info
	// err is why the picture cannot be processed, found by its probe.
	err      error
	versions []images.Version
	// urls are the site paths of versions, in their order.
	urls []string
	md   *markdown.Picture
	// weighed finds, once, the picture's weight on a page (see
	// pictures.weight): every page that shows it asks.
	weighed  sync.Once
	weighs   int64
	weighErr error
}

// settingsOf returns the image settings of site.yaml.
func settingsOf(cfg *config.Config) images.Settings {
	return images.Settings{Widths: cfg.Images.Widths, MaxPixels: cfg.Limits.ImageMegapixels * 1_000_000}
}

// newPictures probes every picture of the site s, whose files are read
// from source, on all cores; memo, when not nil, keeps probes between a
// dev server's builds.
func newPictures(ctx context.Context, s *site.Site, source fs.FS, cache images.Cache, memo *probeMemo) *pictures {
	ps := &pictures{source: source, settings: settingsOf(s.Config), proc: images.NewProcessor(cache, 0),
		byURL: map[string]*picture{}, files: map[string]string{}, drawings: map[string]*markdown.Picture{}}
	for _, ls := range s.Languages() {
		for _, f := range ls.Files {
			ps.files[f.URL] = f.Source
			if strings.EqualFold(path.Ext(f.Source), ".svg") {
				if data, err := fs.ReadFile(source, f.Source); err == nil {
					if w, h, ok := images.DrawingSize(data); ok {
						ps.drawings[f.URL] = &markdown.Picture{Width: w, Height: h}
					}
				}
				continue
			}
			if images.IsPicture(f.Source) {
				p := &picture{source: f.Source, url: f.URL}
				ps.byURL[f.URL] = p
				ps.list = append(ps.list, p)
			}
		}
	}
	sort.Slice(ps.list, func(i, j int) bool { return ps.list[i].url < ps.list[j].url })
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range ps.list {
		g.Go(func() error {
			if ctx.Err() == nil {
				ps.probe(p, memo)
			}
			return nil
		})
	}
	_ = g.Wait()
	return ps
}

// probe reads picture p's file, makes its key and reads its header, or
// takes them from memo when the file's size and time did not change.
func (ps *pictures) probe(p *picture, memo *probeMemo) {
	var stamp string
	if st, err := fs.Stat(ps.source, p.source); err == nil {
		stamp = fmt.Sprintf("%d %d %s", st.Size(), st.ModTime().UnixNano(), settingsKey(ps.settings))
		if m, ok := memo.get(p.source, stamp); ok {
			p.size, p.key, p.info, p.err = m.size, m.key, m.info, m.err
			ps.plan(p)
			return
		}
	}
	data, err := fs.ReadFile(ps.source, p.source)
	if err != nil {
		p.err = fmt.Errorf("cannot be read: %w", err)
		return
	}
	p.size = int64(len(data))
	p.key = images.Key(data, ps.settings)
	p.info, err = images.Probe(data, ps.settings)
	if err != nil {
		p.err = fmt.Errorf("cannot be used: %w", err)
	}
	if stamp != "" {
		memo.put(p.source, probed{stamp, p.size, p.key, p.info, p.err})
	}
	ps.plan(p)
}

// settingsKey writes settings s, for a memo's stamp.
func settingsKey(s images.Settings) string { return fmt.Sprint(s.Widths, s.MaxPixels) }

// plan lists the versions of a probed picture and their site paths:
// photo.jpg's 800-pixel WebP is photo-800w.<the key's first 8
// characters>.webp, beside it, so that a changed picture or changed
// settings give new names, which browsers and CDNs may keep for a year.
func (ps *pictures) plan(p *picture) {
	if p.err != nil {
		return
	}
	p.versions = images.Plan(p.info, ps.settings)
	dir, base := path.Split(p.url)
	stem := strings.TrimSuffix(base, path.Ext(base))
	p.md = &markdown.Picture{}
	for _, v := range p.versions {
		u := fmt.Sprintf("%s%s-%dw.%s%s", dir, stem, v.Width, p.key[:8], v.Format.Ext())
		p.urls = append(p.urls, u)
		if v.Width > p.md.Width || v.Width == p.md.Width && v.Format != images.WebP {
			p.md.Width, p.md.Height = v.Width, v.Height
		}
		n := len(p.md.Versions)
		if n == 0 || p.md.Versions[n-1].Width != v.Width {
			p.md.Versions = append(p.md.Versions, markdown.Version{Width: v.Width})
			n++
		}
		mv := &p.md.Versions[n-1]
		if v.Format == images.WebP {
			mv.WebP = u
		}
		if v.Format == p.info.Format.Fallback() || mv.URL == "" {
			mv.URL = u
		}
	}
	// A WebP picture's versions are WebP only: they are its fallback.
	for i := range p.md.Versions {
		if p.md.Versions[i].URL == p.md.Versions[i].WebP {
			p.md.Versions[i].WebP = ""
		}
	}
}

// Picture implements markdown.Pictures: a picture's versions, or a
// drawing's size.
func (ps *pictures) Picture(url string) (*markdown.Picture, error) {
	p := ps.byURL[url]
	if p == nil {
		if d := ps.drawings[url]; d != nil {
			return d, nil
		}
		return nil, nil
	}
	return p.md, p.err
}

// Of returns the versions of the picture at the site path url, or nil
// when it is not a picture or cannot be processed; templates show it
// (render.Images).
func (ps *pictures) Of(url string) *markdown.Picture {
	if ps == nil {
		return nil
	}
	if p := ps.byURL[url]; p != nil && p.err == nil {
		return p.md
	}
	return nil
}

// ensure makes sure picture p's versions are in the cache.
func (ps *pictures) ensure(p *picture) error {
	if p.err != nil {
		return p.err
	}
	err := ps.proc.Ensure(context.Background(), p.key, p.info, ps.settings, func() ([]byte, error) {
		return fs.ReadFile(ps.source, p.source)
	})
	if err != nil {
		return fmt.Errorf("cannot be processed: %w", err)
	}
	return nil
}

// read returns version i of picture p, processing the picture first when
// its versions are not in the cache.
func (ps *pictures) read(p *picture, i int) ([]byte, error) {
	if err := ps.ensure(p); err != nil {
		return nil, err
	}
	return ps.proc.Cache().Get(p.key, p.versions[i].Name())
}

// widest returns the index of picture p's widest version in its fallback
// format, which is published at the picture's own path.
func (p *picture) widest() int {
	best := -1
	for i, v := range p.versions {
		if v.Format == p.info.Format.Fallback() && (best < 0 || v.Width >= p.versions[best].Width) {
			best = i
		}
	}
	return best
}

// weight returns what picture p weighs on a page: its widest WebP, the
// largest a browser fetches. It reads it once however many pages show p.
func (ps *pictures) weight(p *picture) (int64, error) {
	p.weighed.Do(func() {
		best := -1
		for i, v := range p.versions {
			if v.Format == images.WebP && (best < 0 || v.Width > p.versions[best].Width) {
				best = i
			}
		}
		data, err := ps.read(p, best)
		p.weighs, p.weighErr = int64(len(data)), err
	})
	return p.weighs, p.weighErr
}

// addEntries adds to the Snapshot the files of the content file f, a
// picture: at its own path the widest version in its own format (without
// its metadata), and each version at its name. It returns the versions'
// names, fingerprinted by their key.
func (ps *pictures) addEntries(f site.File, add func(string, *entry)) []string {
	p := ps.byURL[f.URL]
	add(site.FileOf(f.URL), &entry{source: f.Source, picture: p, version: -1, uncached: true})
	var names []string
	for i, u := range p.urls {
		name := site.FileOf(u)
		add(name, &entry{picture: p, version: i, uncached: true})
		names = append(names, name)
	}
	return names
}

// makePicture makes the file of entry e, a picture's: its version, or, at
// the picture's own path, its widest version in its own format. A picture
// that cannot be processed is reported at its own path only; its
// versions fail without a word, and the pages that show it report it at
// their line.
func (snap *Snapshot) makePicture(e *entry) *made {
	m := &made{}
	ps, p := snap.pictures, e.picture
	i := e.version
	if i < 0 {
		i = p.widest()
	}
	if p.err == nil {
		m.data, m.err = ps.read(p, i)
	} else {
		m.err = p.err
	}
	if m.err != nil && e.version < 0 {
		m.findings = diag.List{{File: p.source, Rule: diag.RuleImage,
			Msg:  "this picture " + m.err.Error(),
			Hint: pictureHint(m.err)}}
	}
	return m
}

// pictureHint says what to do about a picture that cannot be processed.
func pictureHint(err error) string { return markdown.PictureHint(err.Error()) }

// pictureFindings processes the pictures page p shows, in its body and
// its front matter, and reports at their lines those that cannot be
// processed (the body's unreadable and too large ones are reported by
// its Markdown), and warns when together they weigh more than the
// budget of site.yaml (images.page_budget_kb): each picture counted once,
// at its widest WebP, and each other image file (an SVG) at its size.
func (snap *Snapshot) pictureFindings(p *site.Page, body *site.Body) diag.List {
	ps := snap.pictures
	if ps == nil || p.Source == nil {
		return nil
	}
	type ref struct {
		url  string
		line int
	}
	var refs []ref
	if p.ImageURL != "" {
		key := "image"
		if pr, ok := p.Meta.(*content.Provider); ok && pr.Photo != "" {
			key = "photo"
		}
		refs = append(refs, ref{p.ImageURL, p.Source.Line(key)})
	}
	for _, l := range body.Links {
		if l.Image && strings.HasPrefix(l.URL, "/") {
			u := l.URL
			if i := strings.IndexAny(u, "?#"); i >= 0 {
				u = u[:i]
			}
			refs = append(refs, ref{u, l.Line})
		}
	}
	file := p.SourcePath()
	var out diag.List
	seen := map[string]bool{}
	var total, heaviest int64
	var heaviestRef ref
	for i, r := range refs {
		if seen[r.url] {
			continue
		}
		seen[r.url] = true
		var w int64
		if pic := ps.byURL[r.url]; pic != nil {
			if pic.err != nil {
				if i == 0 && p.ImageURL != "" { // the body's are the Markdown's
					out = append(out, &diag.Error{File: file, Line: r.line, Rule: diag.RuleImage,
						Msg: fmt.Sprintf("the picture %q %s", path.Base(r.url), pic.err), Hint: pictureHint(pic.err)})
				}
				continue
			}
			var err error
			if w, err = ps.weight(pic); err != nil {
				out = append(out, &diag.Error{File: file, Line: r.line, Rule: diag.RuleImage,
					Msg: fmt.Sprintf("the picture %q %s", path.Base(r.url), err), Hint: pictureHint(err)})
				continue
			}
		} else if src := ps.files[r.url]; src != "" {
			if st, err := fs.Stat(ps.source, src); err == nil {
				w = st.Size()
			}
		}
		total += w
		if w > heaviest {
			heaviest, heaviestRef = w, r
		}
	}
	if budget := int64(snap.Site.Config.Images.PageBudgetKB) << 10; budget > 0 && total > budget {
		out = append(out, &diag.Error{File: file, Line: heaviestRef.line, Rule: diag.RuleImageBudget, Severity: diag.SeverityWarning,
			Msg: fmt.Sprintf("the pictures of this page weigh %d KB, more than images.page_budget_kb (%d KB); the heaviest, %q, weighs %d KB",
				total>>10, budget>>10, path.Base(heaviestRef.url), heaviest>>10),
			Hint: "show fewer pictures on this page, crop them to what matters, or raise images.page_budget_kb in site.yaml"})
	}
	return out
}

// probeMemo keeps a dev server's probes of pictures between builds, by
// file, with the file's size and time and the settings they were made
// with. A nil probeMemo keeps nothing.
type probeMemo struct {
	mu     sync.Mutex
	probes map[string]probed
}

// probed is one picture's probe.
type probed struct {
	stamp string
	size  int64
	key   string
	info  images.Info
	err   error
}

func newProbeMemo() *probeMemo { return &probeMemo{probes: map[string]probed{}} }

func (m *probeMemo) get(source, stamp string) (probed, bool) {
	if m == nil {
		return probed{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.probes[source]
	return p, ok && p.stamp == stamp
}

func (m *probeMemo) put(source string, p probed) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.probes[source] = p
}

// imageCache returns the cache of processed pictures of opts: its own,
// or the user's cache folder (images.DefaultDir), or, when there is none,
// memory.
func imageCache(opts Options) images.Cache {
	if opts.ImageCache != nil {
		return opts.ImageCache
	}
	if d, err := images.DefaultDir(); err == nil {
		return d
	}
	return &images.Memory{}
}

// ImageStats are what a build did with its pictures.
type ImageStats struct {
	// Pictures is the number of pictures of the site, and Processed of
	// those processed by this build rather than read from the cache.
	Pictures, Processed int
	// Busy is the time spent processing, summed over the pictures
	// processed at once.
	Busy time.Duration
}

// stats returns what the build did with the pictures.
func (ps *pictures) stats() ImageStats {
	if ps == nil {
		return ImageStats{}
	}
	n, busy := ps.proc.Stats()
	return ImageStats{Pictures: len(ps.list), Processed: n, Busy: busy}
}
