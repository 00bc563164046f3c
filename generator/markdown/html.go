package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer writes the nodes whose HTML this package decides: links and
// images (with the destinations the transformer resolved), raw HTML (as
// text), code blocks (highlighted) and the table wrapper. It takes
// precedence over goldmark's own renderers for those kinds.
type nodeRenderer struct {
	code *highlighter
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindFencedCodeBlock, r.code.renderCodeBlock)
	reg.Register(ast.KindCodeBlock, r.code.renderCodeBlock)
	reg.Register(kindTableWrap, r.renderTableWrap)
	reg.Register(kindFigure, r.renderFigure)
	reg.Register(kindGloss, r.renderGloss)
}

// writeURL writes dest, a decoded destination, as an attribute value:
// percent-encoded where a URL needs it, then HTML-escaped. A destination
// that could run script, or has a scheme Lumen does not publish, is never
// written, whatever produced it.
func writeURL(w util.BufWriter, dest []byte) {
	if k := classify(string(dest)); k == destUnsafe || k == destUnknown {
		return
	}
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, false)))
}

// renderLink writes <a> with the destination the transformer settled on.
func (r *nodeRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, n.Destination)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(decodeDest(n.Title))))
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// renderImage writes <img> with its alt text (WCAG 1.1.1) and
// loading="lazy", so that pictures below the fold do not delay the page;
// a processed picture as a <picture> (writePicture), and a drawing with
// its width and height, so that nothing moves when it arrives.
func (r *nodeRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	if v, ok := n.AttributeString(string(pictureAttr)); ok {
		if pic, ok := v.(*Picture); ok {
			var title []byte
			if n.Title != nil && string(n.Title) != DecorativeTitle {
				title = []byte(decodeDest(n.Title))
			}
			_, eager := n.AttributeString(string(eagerAttr))
			writePicture(w, pic, []byte(plainText(n, src)), title, eager)
			return ast.WalkSkipChildren, nil
		}
	}
	_, _ = w.WriteString(`<img src="`)
	writeURL(w, n.Destination)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(plainText(n, src))))
	_ = w.WriteByte('"')
	if v, ok := n.AttributeString(string(sizeAttr)); ok {
		if pic, ok := v.(*Picture); ok {
			_, _ = w.WriteString(` width="` + strconv.Itoa(pic.Width) + `" height="` + strconv.Itoa(pic.Height) + `"`)
		}
	}
	if n.Title != nil && string(n.Title) != DecorativeTitle {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(decodeDest(n.Title))))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// isComment reports whether raw HTML is an HTML comment. Comments are the
// author's notes to themselves and are left out of the page.
func isComment(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, " \t\n"), []byte("<!--"))
}

// renderRawHTML writes inline HTML tags as the text the author typed, so
// that "<script>" shows as text and runs nothing.
func (r *nodeRenderer) renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(src)...)
	}
	if !isComment(raw) {
		_, _ = w.Write(util.EscapeHTML(raw))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock writes a block of HTML as a paragraph of the text the
// author typed; an HTML comment block is left out.
func (r *nodeRenderer) renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	var raw []byte
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		raw = append(raw, seg.Value(src)...)
	}
	if n.HasClosure() {
		raw = append(raw, n.ClosureLine.Value(src)...)
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 || isComment(raw) {
		return ast.WalkSkipChildren, nil
	}
	raw = bytes.TrimRight(raw, " \t\r\n")
	_, _ = w.WriteString("<p>")
	_, _ = w.Write(util.EscapeHTML(raw))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// kindFigure is the node kind of figure.
var kindFigure = ast.NewNodeKind("LumenFigure")

// figure is an image alone in its paragraph and written with a title,
// ![A drawing of …](spine.svg "What the drawing shows"): rendered as a
// <figure> whose caption is the title, shown under the picture for every
// reader, rather than as a tooltip that phones and keyboards never show.
type figure struct {
	ast.BaseBlock
	caption string
}

// Kind implements ast.Node.
func (n *figure) Kind() ast.NodeKind { return kindFigure }

// Dump implements ast.Node.
func (n *figure) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// renderFigure writes a figure around its image, then its caption.
func (r *nodeRenderer) renderFigure(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<figure class="figure">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<figcaption>`)
	_, _ = w.Write(util.EscapeHTML([]byte(node.(*figure).caption)))
	_, _ = w.WriteString("</figcaption></figure>\n")
	return ast.WalkContinue, nil
}

// captionFigure makes paragraph p, whose only child is an image with a
// title, a figure captioned by that title.
func captionFigure(p ast.Node) {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || p.ChildCount() != 1 || img.Title == nil || string(img.Title) == DecorativeTitle {
		return
	}
	parent := p.Parent()
	if parent == nil {
		return
	}
	f := &figure{caption: strings.TrimSpace(decodeDest(img.Title))}
	img.Title = nil // the caption says it; no tooltip as well
	parent.ReplaceChild(parent, p, f)
	f.AppendChild(f, img)
}

// kindTableWrap is the node kind of tableWrap.
var kindTableWrap = ast.NewNodeKind("LumenTableWrap")

// tableWrap is a block around a table, rendered as a region that scrolls
// sideways on narrow screens and can be reached with the keyboard so that
// it can be scrolled without a mouse (WCAG 2.1.1 and 1.4.10). The region is
// named by the heading the table comes under, so that a screen reader
// says "Treatment step by step, region" rather than "Table, region".
type tableWrap struct {
	ast.BaseBlock
	// labelledBy is the id of the heading the table comes under, or "".
	labelledBy string
}

// tableUnder is a table of the document and the last heading before it,
// if any.
type tableUnder struct {
	table   ast.Node
	heading *ast.Heading
}

// Kind implements ast.Node.
func (n *tableWrap) Kind() ast.NodeKind { return kindTableWrap }

// Dump implements ast.Node.
func (n *tableWrap) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// renderTableWrap writes the scrolling region around a table.
func (r *nodeRenderer) renderTableWrap(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if id := node.(*tableWrap).labelledBy; id != "" {
			_, _ = w.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="`)
			_, _ = w.Write(util.EscapeHTML([]byte(id)))
			_, _ = w.WriteString(`">` + "\n")
		} else {
			_, _ = w.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-label="Table">` + "\n")
		}
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// wrapTable puts table inside a tableWrap, named by heading (nil: none),
// and marks the alignment of its cells with classes, which the theme
// styles, so that a content security policy can forbid style attributes.
func wrapTable(table ast.Node, heading *ast.Heading) {
	parent := table.Parent()
	if parent == nil {
		return
	}
	_ = ast.Walk(table, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*extast.TableCell); ok && entering && c.Alignment != extast.AlignNone {
			c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
		}
		return ast.WalkContinue, nil
	})
	wrap := &tableWrap{}
	if heading != nil {
		if id, ok := heading.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				wrap.labelledBy = string(b)
			}
		}
	}
	parent.ReplaceChild(parent, table, wrap)
	wrap.AppendChild(wrap, table)
}
