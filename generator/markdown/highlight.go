package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// highlighter renders code blocks, highlighting fenced blocks whose info
// string names a language chroma knows.
type highlighter struct {
	formatter *chromahtml.Formatter
	// style is ClassesStyle: the formatter writes classes only.
	style *chroma.Style
	// lexers caches chroma look-ups by lower-cased language name; a miss
	// is cached as a nil chroma.Lexer, since lexers.Get is slow on misses.
	lexers sync.Map
}

// newHighlighter returns a highlighter whose output carries CSS classes
// only, never style attributes, so that the theme's stylesheet (see
// StyleCSS) colours it and a content security policy without
// 'unsafe-inline' styles holds.
func newHighlighter() *highlighter {
	return &highlighter{formatter: newFormatter(), style: ClassesStyle()}
}

// newFormatter returns the chroma HTML formatter used for both the code and
// the stylesheet. Every token gets its class whatever the style, so that
// any stylesheet applies to the same HTML.
func newFormatter() *chromahtml.Formatter {
	return chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.WithAllClasses(true),
		chromahtml.PreventSurroundingPre(true),
	)
}

// maxLangLen bounds the info-string words that are looked up, so that the
// lexer cache stays small whatever the content says.
const maxLangLen = 32

// isLangName reports whether lang can be a language name: 1 to maxLangLen
// ASCII letters, digits and "+#._-" ("go", "c++", "objective-c"). Other
// info strings are neither looked up nor written into a class attribute.
func isLangName(lang string) bool {
	if lang == "" || len(lang) > maxLangLen {
		return false
	}
	for i := 0; i < len(lang); i++ {
		c := lang[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("+#._-", c) >= 0) {
			return false
		}
	}
	return true
}

// lexer returns the coalescing lexer for lang, or nil if chroma has none.
func (h *highlighter) lexer(lang string) chroma.Lexer {
	if !isLangName(lang) {
		return nil
	}
	key := strings.ToLower(lang)
	if v, ok := h.lexers.Load(key); ok {
		l, _ := v.(chroma.Lexer)
		return l
	}
	var l chroma.Lexer
	if found := lexers.Get(key); found != nil {
		l = chroma.Coalesce(found)
	}
	v, _ := h.lexers.LoadOrStore(key, l)
	l, _ = v.(chroma.Lexer)
	return l
}

// highlight returns the highlighted HTML of code, without the surrounding
// <pre>, or false when lang is unknown or chroma fails.
func (h *highlighter) highlight(lang, code string) ([]byte, bool) {
	l := h.lexer(lang)
	if l == nil {
		return nil, false
	}
	it, err := l.Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	var buf bytes.Buffer
	if err := h.formatter.Format(&buf, h.style, it); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// renderCodeBlock writes a fenced or indented code block as
// <pre><code class="language-x">. The <pre> can take keyboard focus so
// that a long line can be scrolled into view without a mouse (WCAG 2.1.1);
// a highlighted block also has the class "chroma".
func (h *highlighter) renderCodeBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var lang string
	if n, ok := node.(*ast.FencedCodeBlock); ok && n.Info != nil {
		lang = resolveText(n.Language(src))
	}
	var code bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	langAttr := ""
	if isLangName(lang) {
		langAttr = ` class="language-` + lang + `"`
	}
	if out, ok := h.highlight(lang, code.String()); ok {
		_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code` + langAttr + `>`)
		_, _ = w.Write(out)
	} else {
		_, _ = w.WriteString(`<pre tabindex="0"><code` + langAttr + `>`)
		_, _ = w.Write(util.EscapeHTML(code.Bytes()))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// ClassesStyle returns a chroma style without colours, for a formatter that
// writes classes only, whose output does not depend on the style. Lumen
// does not import chroma's package of styles, which parses some seventy
// styles when a program starts (3.8 ms and 1.9 MB of allocations in every
// command): the theme's stylesheet for highlighted code is a file (see
// StyleCSS).
func ClassesStyle() *chroma.Style {
	return chroma.MustNewStyle("classes", chroma.StyleEntries{})
}

// StyleCSS returns the stylesheet of the chroma style s (such as
// styles.Get("github") of chroma's package of styles) for the classes that
// Render writes on highlighted code. The theme ships its output as a
// static file, made by a test.
func StyleCSS(s *chroma.Style) ([]byte, error) {
	var buf bytes.Buffer
	if err := newFormatter().WriteCSS(&buf, s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
