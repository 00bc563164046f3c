package content

import (
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/strictyaml"
)

// Page is one Markdown content file, split and decoded.
type Page struct {
	// Source is the file's path relative to the site root, such as
	// "content/conditions/sciatica.md". Errors name it.
	Source string
	// Rel is the file's path relative to content/, or to its language's
	// folder content/<code>/, such as "conditions/sciatica.md".
	Rel string
	// Lang is the code of the page's language when it is not the site's
	// default language (a page under content/<code>/), else "".
	Lang string
	// Version identifies the file's bytes (Version), on a page of the
	// default language of a site in several languages, so that a
	// translation can say which version of it it translates; else "".
	Version string
	// Kind is the page's kind, chosen by its folder.
	Kind Kind
	// Section is the top-level folder under content/ the page is in, or ""
	// for pages at the top, such as content/about.md.
	Section string
	// Bundle reports whether the file is the index.md of a page bundle: a
	// folder whose other files (images, PDFs) belong to the page.
	Bundle bool
	// Meta is the decoded front matter; its dynamic type depends on Kind.
	Meta Meta
	// Body is the Markdown after the front matter, with "\n" line endings.
	Body []byte
	// BodyLine is the number of file lines before Body.
	BodyLine int
	// Pos maps front matter keys to their lines in the file.
	Pos strictyaml.Positions
	// Sum is the SHA-256 of the file's bytes and FrontSum that of its
	// front matter: what a build cache keys the page's own output by, and
	// what other pages can show of it.
	Sum, FrontSum [32]byte
}

// Common returns the front-matter keys every kind has.
func (p *Page) Common() *Common { return p.Meta.common() }

// Medical returns the medical governance keys of the page, or nil when its
// kind has none.
func (p *Page) Medical() *Medical { return MedicalOf(p.Meta) }

// Line returns the file line of the front matter key path or, when path
// was not written, the first line inside the front matter (line 2), or line
// 1 for a file without front matter.
func (p *Page) Line(path string) int {
	if l := p.Pos.Line(path); l > 0 {
		return l
	}
	if p.BodyLine > 0 {
		return 2
	}
	return 1
}

// File is a file under content/ that is not a page, such as an image. It
// is published as it is.
type File struct {
	// Source is the path relative to the site root, such as
	// "content/images/spine.svg".
	Source string
	// Rel is the path relative to content/, or to its language's folder.
	Rel string
	// Lang is the code of the file's language folder, or "".
	Lang string
	// Bundle is the Rel of the index.md whose bundle holds the file, or ""
	// for a file outside any bundle.
	Bundle string
}

// OriginalRel returns, for a page of a language other than the default
// one, the path from content/ of the page it translates: its
// translation_of, or its own Rel (a translation at the same path under
// content/<code>/ as its original). For a page of the default language
// it returns the page's own Rel.
func (p *Page) OriginalRel() string {
	if t := p.Common().TranslationOf; t != "" && p.Lang != "" {
		return path.Clean(strings.TrimPrefix(strings.TrimPrefix(t, "/"), Dir+"/"))
	}
	return p.Rel
}
