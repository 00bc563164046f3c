// Package content reads a site's content/ folder: it walks the files,
// splits each Markdown file into front matter and body, and decodes the
// front matter strictly into the typed struct of the page's kind.
//
// A page's kind is chosen by its top-level folder: content/articles/ holds
// articles, content/conditions/ conditions, content/procedures/
// procedures, content/faqs/ FAQ groups, content/providers/ provider bios,
// content/locations/ clinics; every other Markdown file is a plain page.
// A site in several languages keeps each other language's content in a
// folder named by its code, content/es/, laid out as content/ is: a page
// and its file have the language (Page.Lang), and their kind and Rel come
// from the path inside that folder.
// An _index.md describes a section's list page (content/_index.md the
// home page). A folder with an index.md is a page bundle: its other files
// belong to that page. Files and folders whose names start with "." or
// "_" (other than _index.md), and editors' temporary files, are ignored.
// A symbolic link to a file is read as the file when it stays inside the
// site; one that leads out of the site (given a file system from
// sitefs.Open) or nowhere is an error naming the link and its target. A
// symbolic link to a folder is ignored.
//
// Problems are reported as diag.Error values naming the file and line, all
// of them in one pass. The package knows nothing of URLs or other pages:
// checks that need the whole site belong to package site.
package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// Dir is the folder of a site that holds its content.
const Dir = "content"

// Options control which pages Load keeps.
type Options struct {
	// Drafts keeps pages marked draft: true.
	Drafts bool
	// Cache, when not nil, keeps parsed pages between loads; pages must
	// then be treated as read-only by everything downstream.
	Cache *Cache
	// Context, when not nil, stops the reading of pages once it is done:
	// Load then returns what it read so far.
	Context context.Context
	// MaxPageBytes, when not 0, is the size of the largest page file;
	// a larger one is an error rather than read.
	MaxPageBytes int64
	// Languages are the codes of the site's languages other than the
	// default one: the files under content/<code>/ are that language's,
	// with their Rel and Kind read from the rest of their path, as if
	// content/<code>/ were content/.
	Languages []string
	// Known, when not nil, has the pages an earlier build parsed (a
	// build cache): a file it knows is not read again. NoBody must be
	// set with it.
	Known Known
	// Last, when not nil, is the Set that the last Load of the same
	// folder returned, and Changed the paths (relative to the site root)
	// of every file changed since: Load then lists the files as Last did,
	// without walking content/ again, when Last was loaded with a Cache
	// and the changes allow it (see listing). A file changed and not
	// named in Changed may go unseen.
	Last    *Set
	Changed []string
	// NoBody leaves every Page.Body nil, so that the Markdown of a large
	// site is not all in memory at once: a one-shot build reads each body
	// again with ReadBody when it converts the page. NoBody is ignored
	// when Cache is set, since cached pages keep their bodies.
	NoBody bool
}

// Known keeps parsed pages between builds that do not share memory (a
// build cache on disk). Page returns the page and findings it keeps for
// the file at path, if it knows the file as info describes it (without
// its Body); Parsed tells it the page and findings the file at path, as
// info describes it, parsed to now (nil when its front matter could not
// be decoded), or that it kept. Both are called from many goroutines.
// Same is Page for a file whose size, time or inode changed (a fresh
// checkout of the same files), known by the SHA-256 of its bytes.
type Known interface {
	Page(path string, info fs.FileInfo) (*Page, diag.List, bool)
	Same(path string, sum [32]byte) (*Page, diag.List, bool)
	Parsed(path string, info fs.FileInfo, p *Page, errs diag.List)
}

// Set is everything Load read from content/.
type Set struct {
	// Pages are the Markdown files, sorted by Source.
	Pages []*Page
	// Files are the other files, sorted by Source.
	Files []File
	// Data are the data files of content/: content/glossary.yaml,
	// content/lexicon.txt, content/synonyms.txt and content/jargon.txt.
	Data
	// Languages are the data files of the folder of each language other
	// than the default one (content/es/glossary.yaml, …), by its code.
	Languages map[string]*Data

	// listing is the walk of content/ the set was read from, when it
	// found no problem and the Set was loaded with a Cache.
	listing *listing
}

// DataOf returns the data files of the language code: the default
// language's when lang is "" or has no folder.
func (s *Set) DataOf(lang string) *Data {
	if d := s.Languages[lang]; d != nil {
		return d
	}
	return &s.Data
}

// Load reads every file under content/ in fsys.
func Load(fsys fs.FS, opts Options) (*Set, diag.List) {
	l, errs := opts.list(fsys)
	pages, files, infos := l.pages, l.files, l.infos
	set := &Set{Languages: map[string]*Data{}}
	if len(errs) == 0 && opts.Cache != nil {
		set.listing = l // for the next Load of a dev server (Options.Last)
	}
	data, derrs := loadData(fsys, Dir)
	set.Data = *data
	errs = append(errs, derrs...)
	for _, l := range opts.Languages {
		data, derrs := loadData(fsys, Dir+"/"+l)
		set.Languages[l] = data
		errs = append(errs, derrs...)
	}
	bundles := map[string]string{} // folder → Rel of its index.md
	for _, p := range pages {
		if path.Base(p) == "index.md" {
			lang, rel := opts.split(p)
			bundles[lang+"\x00"+path.Dir(rel)] = rel
		}
	}
	for _, p := range files {
		lang, rel := opts.split(p)
		f := File{Source: p, Rel: rel, Lang: lang}
		for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
			if b, ok := bundles[lang+"\x00"+dir]; ok {
				f.Bundle = b
				break
			}
		}
		set.Files = append(set.Files, f)
	}
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	loaded, perrs := readPages(ctx, fsys, pages, infos, opts)
	if opts.Cache != nil {
		keep := make(map[string]bool, len(pages))
		for _, p := range pages {
			keep[p] = true
		}
		opts.Cache.prune(keep)
	}
	for i, pg := range loaded {
		// A draft is checked only when drafts are built; a file whose
		// front matter could not be read may be a draft, but is reported.
		if pg != nil && pg.Common().Draft && !opts.Drafts {
			continue
		}
		errs = append(errs, perrs[i]...)
		if pg != nil {
			set.Pages = append(set.Pages, pg)
		}
	}
	sort.Slice(set.Pages, func(i, j int) bool { return set.Pages[i].Source < set.Pages[j].Source })
	errs.Sort()
	return set, errs
}

// readPages reads and decodes the files at paths in parallel, returning the
// pages in the order of paths (nil where a file failed) and the errors of
// each. With noBody the pages' bodies are let go at once.
func readPages(ctx context.Context, fsys fs.FS, paths []string, infos map[string]fs.FileInfo, opts Options) ([]*Page, []diag.List) {
	cache, noBody := opts.Cache, opts.NoBody && opts.Cache == nil
	out := make([]*Page, len(paths))
	errLists := make([]diag.List, len(paths))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range paths {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			info := infos[p]
			lang, _ := opts.split(p)
			versioned := lang == "" && len(opts.Languages) > 0
			if pg, errs, ok := cache.get(p, info); ok && (pg == nil || pg.Lang == lang && (pg.Version != "") == versioned) {
				out[i], errLists[i] = pg, errs
				return nil
			}
			if known := opts.Known; known != nil && noBody && info != nil {
				if pg, errs, ok := known.Page(p, info); ok && (pg == nil || pg.Lang == lang && (pg.Version != "") == versioned) {
					out[i], errLists[i] = pg, errs
					known.Parsed(p, info, pg, errs)
					return nil
				}
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				errLists[i] = diag.List{{File: p, Rule: diag.RuleFile, Msg: "cannot read: " + trimPathErr(err)}}
				return nil
			}
			if known := opts.Known; known != nil && noBody && info != nil {
				if pg, errs, ok := known.Same(p, sha256.Sum256(data)); ok && (pg == nil || pg.Lang == lang && (pg.Version != "") == versioned) {
					out[i], errLists[i] = pg, errs
					known.Parsed(p, info, pg, errs)
					return nil
				}
			}
			out[i], errLists[i] = ParseIn(p, lang, data)
			if versioned && out[i] != nil {
				out[i].Version = Version(data)
			}
			if noBody && out[i] != nil {
				out[i].Body = nil
			}
			cache.put(p, info, out[i], errLists[i])
			if opts.Known != nil && noBody && info != nil {
				opts.Known.Parsed(p, info, out[i], errLists[i])
			}
			return nil
		})
	}
	g.Wait()
	return out, errLists
}

// Parse splits and decodes one content file of the default language.
// source is its path relative to the site root, which must start with
// "content/". It returns the page (nil when the front matter could not be
// decoded) and every problem found.
func Parse(source string, data []byte) (*Page, diag.List) {
	return ParseIn(source, "", data)
}

// ParseIn is Parse for a file of the language lang, whose source starts
// with "content/<lang>/"; lang "" is the default language.
func ParseIn(source, lang string, data []byte) (*Page, diag.List) {
	rel := strings.TrimPrefix(source, Dir+"/")
	if lang != "" {
		rel = strings.TrimPrefix(rel, lang+"/")
	}
	p := &Page{Source: source, Rel: rel, Kind: KindOf(rel), Lang: lang}
	if dir, _, ok := strings.Cut(rel, "/"); ok {
		p.Section = dir
	}
	base := path.Base(rel)
	switch {
	case rel == "_index.md" || rel == "index.md":
		p.Kind, p.Section = KindHome, ""
	case base == "_index.md":
		p.Kind = KindSection
		if path.Dir(rel) != p.Section {
			root := Dir + "/"
			if lang != "" {
				root += lang + "/"
			}
			return nil, diag.List{diag.Errorf(source, 1, "sections nest only one level: _index.md belongs directly in a folder of %s", root).
				WithHint("move it to %s%s/_index.md or delete it", root, p.Section).WithRule(diag.RuleFile)}
		}
	case base == "index.md":
		p.Bundle = path.Dir(rel) != "."
	}
	if err := sitefs.Text(source, data); err != nil {
		return nil, diag.List{err}
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 && p.Kind != KindHome && p.Kind != KindSection {
		return nil, diag.List{diag.Errorf(source, 1, "the file is empty").
			WithHint("start it with a line ---, then title: Your title, then another line ---; or delete the file").WithRule(diag.RuleFile)}
	}
	front, body, bodyLine, err := Split(source, data)
	if err != nil {
		var l diag.List
		l.Add(err)
		return nil, l
	}
	p.Body, p.BodyLine = body, bodyLine
	p.Sum, p.FrontSum = sha256.Sum256(data), sha256.Sum256(front)
	p.Meta = newMeta(p.Kind)
	var errs diag.List
	if front == nil && p.Kind != KindHome && p.Kind != KindSection {
		line, _, _ := bytes.Cut(bytes.TrimSpace(body), []byte("\n"))
		first := []rune(string(line))
		if len(first) > 60 {
			first = append(first[:57:57], '…')
		}
		errs = append(errs, diag.Errorf(source, 1, "no front matter: the file starts with %q instead of a line ---", string(first)).
			WithHint("start the file with a line ---, then title: Your title, then another line ---"))
		return nil, errs
	}
	pos, derrs := schemas()[p.Kind].Decode(source, front, 1, p.Meta)
	p.Pos = pos
	errs = append(errs, derrs...)
	if derrs != nil {
		return nil, errs
	}
	errs = append(errs, validate(p)...)
	if pr, ok := p.Meta.(*Procedure); ok {
		pr.citeOutcomes()
	}
	return p, errs
}

// ReadBody reads the Markdown body of p again from fsys, for pages loaded
// with Options.NoBody. It is an error if the file changed since it was
// loaded in a way that moves the body, since the page's line numbers
// would then be wrong.
func ReadBody(fsys fs.FS, p *Page) ([]byte, error) {
	if p.Body != nil {
		return p.Body, nil
	}
	data, err := fs.ReadFile(fsys, p.Source)
	if err != nil {
		return nil, &diag.Error{File: p.Source, Rule: diag.RuleFile, Msg: "cannot read: " + trimPathErr(err)}
	}
	_, body, bodyLine, err := Split(p.Source, data)
	if err != nil {
		return nil, err
	}
	if bodyLine != p.BodyLine {
		return nil, diag.Errorf(p.Source, 1, "the file changed while the site was being built").
			WithHint("build again once you have saved all your changes").WithRule(diag.RuleFile)
	}
	return body, nil
}

// size writes a number of bytes as people read it: "25.3 MB".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimPathErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// split returns the language of the file at p, a path under content/, and
// its path relative to its language's folder: ("es", "conditions/x.md")
// for content/es/conditions/x.md, ("", "about.md") for content/about.md.
func (o Options) split(p string) (lang, rel string) {
	rel = strings.TrimPrefix(p, Dir+"/")
	if first, rest, ok := strings.Cut(rel, "/"); ok {
		for _, l := range o.Languages {
			if first == l {
				return l, rest
			}
		}
	}
	return "", rel
}

// Version returns a short fingerprint of a content file's bytes, the same
// whatever its line endings: the first 12 hexadecimal digits of their
// SHA-256. A translation records the version of its original it was last
// brought up to date with (original_version).
func Version(data []byte) string {
	sum := sha256.Sum256(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
	return hex.EncodeToString(sum[:6])
}
