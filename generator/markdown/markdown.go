// Package markdown turns a page's Markdown body into safe HTML, with its
// table of contents and the list of its links.
//
// # Syntax
//
// The body is CommonMark with these extensions:
//
//   - GitHub Flavored Markdown: tables, ~~strikethrough~~, task lists
//     ("- [x] done") and bare URLs and www. addresses turned into links.
//   - Footnotes ("text[^1]" and "[^1]: note"), listed at the end of the body
//     in <div class="footnotes" role="doc-endnotes">.
//   - Definition lists ("Term" followed by ": definition").
//   - Typographic punctuation: "quotes" and 'quotes' become curly, -- and ---
//     en and em dashes, ... an ellipsis.
//   - Heading ids: every heading gets an id made from its text
//     ("## Risks and side effects" → id="risks-and-side-effects"), unique
//     within the body ("-1", "-2" are appended to repeats). An id may be
//     written instead: "## Risks {#risks}". Headings take no other
//     attribute than id and class.
//
// # Links and images
//
// A destination with no scheme (and not starting with "//") is internal.
// It is either a path to a content file relative to the page's own file
// ("../procedures/rfa.md", "diagram.svg") or a site URL
// ("/conditions/sciatica/"); the Resolver given to Render maps it to its URL
// on the built site, keeping any ?query and #fragment, and a target that
// does not exist is reported as a broken link at its file and line. A
// destination that is only a #fragment is left as it is.
//
// http:, https: and protocol-relative ("//host") destinations are external:
// they get rel="noopener" and open in the same tab. Other harmless schemes
// such as mailto: and tel: are left as written.
//
// Images go through the same resolver, so a picture next to the page's file
// can be written by its file name. A JPEG, PNG, GIF or WebP that the
// Pictures of Options know is written as a <picture>: a <source> of its
// WebP versions and an <img> of its fallback versions, each with srcset
// and sizes, the width and height of the widest (no layout shift), the alt
// text of the Markdown, and loading="lazy" but for the body's first large
// picture, which gets fetchpriority="high" (see Picture). Any other image
// is written as <img src alt loading="lazy">. An image alone in its
// paragraph and written with a title is a <figure class="figure">
// captioned by the title (<figcaption>).
//
// The site's phone numbers (Options.Phones), where the running text writes
// them as the site does, become tel: links.
//
// # Security model
//
// Page bodies are written by practice staff, who may paste from anywhere,
// so the output must never run script whatever the input:
//
//   - Raw HTML is not passed through: inline tags and HTML blocks are shown
//     as the text that was typed ("<script>" appears on the page as
//     "<script>"), and HTML comments are left out as authors' notes.
//   - A link or image whose destination could run script or read local
//     files (javascript:, vbscript:, file:, and data: other than PNG, GIF,
//     JPEG and WebP images) is removed: a link is replaced by its text, an
//     image by its alt text, and an error is reported. Destinations are read
//     as a browser reads them: character references ("&#106;avascript:"),
//     case ("JaVaScRiPt:") and embedded tabs and newlines do not hide a
//     scheme.
//   - Heading attributes other than id and class are dropped, so no
//     "{onclick=...}" or "{style=...}" reaches the page.
//   - Highlighted code carries CSS classes, never style attributes, so a
//     content security policy can forbid inline styles. StyleCSS returns the
//     stylesheet for those classes.
//
// # Accessibility
//
// Content wider than a phone screen scrolls sideways and can be scrolled
// from the keyboard (WCAG 1.4.10 and 2.1.1): tables are wrapped in
// <div class="table-wrap" role="region" tabindex="0" aria-labelledby="…">,
// named by the heading the table comes under ("Table" when none does), and
// code blocks are <pre tabindex="0">. Each footnote's back link carries
// the visually hidden text "Back to reference N".
//
// # Classes the theme styles
//
//   - "chroma" and chroma's token classes on highlighted code (StyleCSS);
//   - "table-wrap" on the region around a table;
//   - "figure" on a captioned image's <figure>;
//   - "align-left", "align-center" and "align-right" on table cells aligned
//     with ":" in the delimiter row (classes, not style attributes);
//   - "visually-hidden" on text meant for screen readers only;
//   - "footnotes", "footnote-ref" and "footnote-backref" on footnotes.
//
// # Concurrency
//
// A Renderer holds two goldmark instances built by New, alike but for GFM's
// autolinks, which only a body with something to autolink in its text is
// parsed with (see mayAutolink); it is safe for concurrent use; everything
// that belongs to one render travels in the goldmark parser context.
package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Resolver maps an internal link or image destination, as written in the
// page whose content file is source (slash path relative to the site root,
// e.g. "content/conditions/sciatica.md"), to the URL it has on the built
// site.
//
// dest has no #fragment or ?query (the renderer strips and re-appends them)
// and is percent-decoded ("my%20file.md" is passed as "my file.md"). dest
// is either a site path ("/conditions/sciatica/", "/images/x.png") or a
// path relative to the content file ("../procedures/rfa.md",
// "diagram.svg", "rfa.md").
//
// A non-nil error means the target does not exist; the error is a sentence
// such as `no page or file "content/procedures/rfa.md"` and the renderer
// wraps it with the position.
type Resolver interface {
	Resolve(source, dest string) (url string, err error)
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int    // 2..6 (h1 is the page title and never in the body TOC)
	ID    string // the id attribute written on the heading
	Text  string // the heading's plain text
}

// Link is one link or image found in the body, after resolution.
type Link struct {
	Dest     string // destination as written, with references and escapes resolved
	URL      string // resolved URL ("" when the link was dropped as unsafe or is broken)
	Line     int    // line in the source file (1-based, already offset)
	Text     string // link text, or alt text for an image
	Image    bool   // the link is an image
	External bool   // the destination is http:, https: or protocol-relative
}

// Document is the rendered body of one page.
type Document struct {
	HTML  string    // the body as HTML
	TOC   []Heading // the h2..h6 headings, in document order
	Links []Link    // the links and images, in document order
	Prose []Prose   // the running text, for readability scoring
	// Defined are the glossary terms defined in the body, by the
	// renderer or by the writer.
	Defined []string
}

// Renderer converts Markdown with goldmark instances built once, and is
// safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
	// plain is md without GFM's autolinks, for a body none of whose
	// texts has anything they could make a link of (see mayAutolink): a
	// body's links to its sources have "://" in their destinations, not
	// in its text. goldmark tries an inline parser that starts at a
	// space after every space, so md takes longer over every paragraph
	// (a tenth of the time of converting a page of running text). nil
	// uses md for every body.
	plain goldmark.Markdown
	code  *highlighter // also used by md; holds the lexer cache
	bufs  bufferPool   // where bodies are written before they are copied out
}

// stateKey is the parser-context key under which Render passes the state of
// one render to the transformer. It is created once and never changes.
var stateKey = parser.NewContextKey()

// renderState is what belongs to one call of Render.
type renderState struct {
	source string
	res    Resolver
	lines  lineIndex
	links  []Link
	toc    []Heading
	errs   diag.List

	proseBlocks   []Prose
	glossaryTerms *Glossary       // the glossary
	skip          map[string]bool // terms defined earlier on the page, in lower case
	defined       []string        // glossary terms defined in this body
	phoneNumbers  []string        // the site's phone numbers, as written
	pics          Pictures        // the processed pictures, or nil
	lazyAll       bool            // no picture of the body loads at once
	bufs          *bufferPool     // the Renderer's buffers

	// findAutolinks is set when the tree is parsed without the linkify
	// parser from a body that has something it could make a link of
	// somewhere (mayAutolink), maybe where it does not look, as in a
	// link's destination; the transformer sets autolinks when a text of
	// the tree has it, where the parser would have looked.
	findAutolinks, autolinks bool
}

// New returns a Renderer with the extensions and policies described in the
// package documentation.
func New() *Renderer {
	code := newHighlighter()
	nr := &nodeRenderer{code: code}
	md := func(linkify bool) goldmark.Markdown {
		opts := []parser.Option{
			// Custom heading ids ({#id}); the ids themselves are made by
			// the transformer from the parsed heading text.
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 10000)),
		}
		if linkify {
			// GFM's autolinks (extension.Linkify), at the priority that
			// extension gives them.
			opts = append(opts, parser.WithInlineParsers(util.Prioritized(newLinkify(), 999)))
		}
		return goldmark.New(
			goldmark.WithExtensions(
				// GFM, with table alignment as classes rather than style
				// attributes (see wrapTable).
				extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
				extension.Strikethrough,
				extension.TaskList,
				extension.DefinitionList,
				extension.Typographer,
				extension.NewFootnote(
					extension.WithFootnoteBacklinkHTML(`<span aria-hidden="true">&#x21a9;&#xfe0e;</span>`+
						`<span class="visually-hidden">Back to reference ^^</span>`),
				),
			),
			goldmark.WithParserOptions(opts...),
			goldmark.WithRendererOptions(
				renderer.WithNodeRenderers(util.Prioritized(nr, 100)),
				html.WithWriter(textWriter{html.DefaultWriter}),
			),
		)
	}
	return &Renderer{md: md(true), plain: md(false), code: code}
}

// Render converts src, the body of the file source. lineOffset is the
// number of file lines before the body (front matter), so that positions
// refer to the file: an error in body line 1 is reported at line
// lineOffset+1. res may be nil (then internal links are left as written and
// not checked). Errors (broken internal links, unsafe destinations) are
// returned as a diag.List with File=source and file line numbers; the HTML
// is still produced.
func (r *Renderer) Render(source string, src []byte, lineOffset int, res Resolver) (*Document, diag.List) {
	return r.RenderWith(source, src, lineOffset, Options{Resolver: res})
}

// Options are the site's inputs to one render.
type Options struct {
	// Resolver maps internal links; nil leaves them unchecked.
	Resolver Resolver
	// Glossary lists the terms to define on their first use.
	Glossary *Glossary
	// Defined are terms already defined on the page (in the body, for an
	// FAQ answer): they are not defined again.
	Defined []string
	// Limits bound what the body may ask of the parser.
	Limits Limits
	// Phones are the site's phone numbers as the site writes them, such
	// as "(555) 010-0100": where the running text gives one, it becomes a
	// tel: link.
	Phones []string
	// Pictures are the processed versions of the site's pictures: an
	// image that is one is written as a <picture> (see Picture); nil
	// writes every image as an <img>.
	Pictures Pictures
	// LazyAll loads every picture of the body lazily, for a body that is
	// not the first thing of its page (an FAQ answer, a page whose
	// layout shows its front matter's image first).
	LazyAll bool
}

// RenderWith is Render with a glossary.
func (r *Renderer) RenderWith(source string, src []byte, lineOffset int, o Options) (*Document, diag.List) {
	if err := checkLimits(source, src, lineOffset, o.Limits); err != nil {
		return &Document{}, diag.List{err}
	}
	st := r.newState(source, src, lineOffset, o)
	md, fresh := r.md, *st
	if r.plain != nil {
		// Without the linkify parser, unless a text of the tree could
		// hold something it would make a link of: then the transformer
		// says so and the body is parsed again with it.
		md, st.findAutolinks = r.plain, mayAutolink(src)
	}
	root := parse(md, src, st)
	if st.autolinks {
		md, st = r.md, &fresh
		root = parse(md, src, st)
	}
	buf := r.bufs.get()
	defer r.bufs.put(buf)
	if err := md.Renderer().Render(buf, src, root); err != nil {
		// Writing to memory does not fail; a renderer error is a bug,
		// reported rather than hidden.
		st.errs = append(st.errs, &diag.Error{File: source, Rule: diag.RuleUnclassified, Msg: "rendering Markdown: " + err.Error()})
	}
	st.errs.Sort()
	return &Document{HTML: string(buf.b), TOC: st.toc, Links: st.links, Prose: st.proseBlocks, Defined: st.defined}, st.errs
}

// newState returns the state of a render of src, the body of the file
// source.
func (r *Renderer) newState(source string, src []byte, lineOffset int, o Options) *renderState {
	st := &renderState{source: source, res: o.Resolver, lines: newLineIndex(src, lineOffset), glossaryTerms: o.Glossary, phoneNumbers: o.Phones,
		pics: o.Pictures, lazyAll: o.LazyAll, bufs: &r.bufs}
	if len(o.Defined) > 0 {
		st.skip = make(map[string]bool, len(o.Defined))
		for _, d := range o.Defined {
			st.skip[strings.ToLower(d)] = true
		}
	}
	return st
}

// parse parses src with md for the render whose state is st.
func parse(md goldmark.Markdown, src []byte, st *renderState) ast.Node {
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	return md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// transformer applies the site's policy to the parsed tree: heading ids and
// the table of contents, link resolution and safety, table wrappers. It
// runs after goldmark's own transformers and reads the state of the render
// from the parser context, so it has no state of its own.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, ok := pc.Get(stateKey).(*renderState)
	if !ok {
		return
	}
	src := reader.Source()
	var headings []*ast.Heading
	var links []ast.Node
	var tables []tableUnder // each table, with the heading it comes under
	var figures []ast.Node  // paragraphs of an image alone
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			joinTexts(n, src)
			if st.findAutolinks && !st.autolinks && mayAutolink(n.Value(src)) {
				st.autolinks = true
			}
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Link, *ast.Image, *ast.AutoLink:
			links = append(links, n)
		case *ast.Paragraph:
			if _, ok := n.FirstChild().(*ast.Image); ok && n.ChildCount() == 1 {
				figures = append(figures, n)
			}
		case *extast.Table:
			t := tableUnder{table: n}
			if len(headings) > 0 {
				t.heading = headings[len(headings)-1]
			}
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	if st.autolinks {
		return // the body is parsed again, with the linkify parser
	}
	// The tree is changed only after the walk.
	st.prose(doc, src)
	st.accessibility(headings, links, src)
	st.glossary(doc, src)
	st.phones(doc, src)
	st.headings(headings, src)
	for _, n := range links {
		st.link(n, src)
	}
	st.pictures(links)
	for _, t := range tables {
		wrapTable(t.table, t.heading)
	}
	for _, p := range figures {
		captionFigure(p)
	}
}
