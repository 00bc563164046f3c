package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is GFM's autolinking of bare URLs, www. addresses and e-mail
// addresses (goldmark's linkify parser), with a quick look ahead in front
// of it. The parser is tried after every space of every paragraph, where
// it looks for a URL and then scans the next word for an e-mail address;
// in running text almost no word is either, and telling so takes a few
// comparisons. The look ahead turns away only positions where the parser
// would find nothing, so the result is the parser's.
type linkify struct{ parser.InlineParser }

// newLinkify returns the autolinking inline parser.
func newLinkify() linkify { return linkify{extension.NewLinkifyParser()} }

// Parse returns the parser's link at the reader's position, if any.
func (l linkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(': // the parser's triggers
			line = line[1:]
		}
	}
	if !mayLink(line) {
		return nil
	}
	return l.InlineParser.Parse(parent, block, pc)
}

// Link prefixes the linkify parser looks for (it does not ignore case).
var (
	prefixHTTP  = []byte("http:")
	prefixHTTPS = []byte("https:")
	prefixFTP   = []byte("ftp:")
	prefixWWW   = []byte("www.")
)

// mayLink reports whether the linkify parser could find a link at the
// start of line: a URL or www. address starts there, or an e-mail
// address, whose local part (at most 64 bytes, never starting with
// punctuation) ends in an "@".
func mayLink(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h':
		if bytes.HasPrefix(line, prefixHTTP) || bytes.HasPrefix(line, prefixHTTPS) {
			return true
		}
	case 'f':
		if bytes.HasPrefix(line, prefixFTP) {
			return true
		}
	case 'w':
		if bytes.HasPrefix(line, prefixWWW) {
			return true
		}
	}
	if util.IsPunct(line[0]) {
		return false
	}
	return bytes.IndexByte(line[:min(len(line), 65)], '@') > 0
}

// mayAutolink reports whether the linkify parser could find a link in
// b: a URL has "://" after its scheme, a www. address starts with "www."
// (without the parser the typographer makes the dot of "www..." part of an
// ellipsis, so "www" alone counts) and an e-mail address has an "@". A
// body is parsed without the parser (Renderer.plain); when the body has
// one of them, the transformer asks the same of each text of the tree,
// where the parser looks (not in a link's destination, a tag or an
// autolink), and if one has one the body is parsed again with the parser.
// Either way the HTML is the same: after the transformer joins the texts
// that the parser's tries split (joinTexts), the trees are the same.
func mayAutolink(b []byte) bool {
	return bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("://")) || bytes.Contains(b, prefixWWW[:3])
}
