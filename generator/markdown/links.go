package markdown

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// destKind is what a link or image destination points at.
type destKind int

const (
	destSame     destKind = iota // empty, or only a #fragment or ?query: this page
	destInternal                 // a site path or a path relative to the content file
	destExternal                 // http:, https: or protocol-relative //host
	destOther                    // mailto:, tel:, sms:, or a data: picture
	destUnsafe                   // a scheme that can run script or read local files
	destUnknown                  // any other scheme: smb:, ms-msdt:, intent:, blob:…
)

// otherSchemes are the schemes besides http and https that a link may
// have: the ways a patient reaches the practice. Every other scheme is
// refused, since a scheme is a way to start a program on the reader's
// machine (smb:, search-ms:, ms-msdt: and ms-word: have each been used to
// attack Windows) or to leave the page in ways a reader cannot see
// (intent:, view-source:, blob:).
var otherSchemes = map[string]bool{"mailto": true, "tel": true, "sms": true}

// Hints attached to link errors.
const (
	brokenLinkHint   = "link to a content file (../conditions/x.md) or a site URL (/conditions/x/) that exists"
	missingImageHint = "put the picture next to the page's file and write its file name (![A spine model](spine.jpg)), or give its site path (/images/spine.jpg)"
	unsafeLinkHint   = "use an http or https address, mailto:, tel:, sms:, or a page or file of the site"
)

// decodeDest returns a link destination as the browser will see it: the
// backslash escapes and character references of the Markdown source are
// resolved (CommonMark 0.31, section 6.3), so "&#106;avascript:" is
// recognised as "javascript:".
func decodeDest(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// scheme returns the lower-cased URL scheme of dest, or "" when dest has
// none. It reads dest the way the WHATWG URL standard does (section 4.4):
// leading and trailing C0 controls and spaces are ignored and tabs and
// newlines anywhere are removed, so "java\tscript:" has the scheme
// "javascript". A scheme is a letter followed by letters, digits, "+", "-"
// or "." and ended by ":" (RFC 3986, section 3.1).
func scheme(dest string) string {
	s := strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(s[:i])
		default:
			return ""
		}
	}
	return ""
}

// classify says what dest, already decoded, points at.
func classify(dest string) destKind {
	switch scheme(dest) {
	case "":
	case "http", "https":
		return destExternal
	case "javascript", "vbscript", "file":
		return destUnsafe
	case "data":
		rest := strings.ToLower(strings.TrimSpace(dest))
		rest = rest[strings.IndexByte(rest, ':')+1:]
		// Only raster pictures: other media types (text/html,
		// image/svg+xml) can carry script.
		for _, t := range [...]string{"image/png", "image/gif", "image/jpeg", "image/webp"} {
			if after, ok := strings.CutPrefix(rest, t); ok && after != "" && (after[0] == ';' || after[0] == ',') {
				return destOther
			}
		}
		return destUnsafe
	default:
		if otherSchemes[scheme(dest)] {
			return destOther
		}
		return destUnknown
	}
	if dest == "" || dest[0] == '#' || dest[0] == '?' {
		return destSame
	}
	// Browsers read "//host", and also "/\host" and "\\host", as a link to
	// another host with the page's scheme.
	if len(dest) >= 2 && (dest[0] == '/' || dest[0] == '\\') && (dest[1] == '/' || dest[1] == '\\') {
		return destExternal
	}
	return destInternal
}

// resolve maps an internal destination through the resolver of the render.
// The path is percent-decoded before it is resolved, since content files
// are named by their decoded names; the ?query and #fragment are kept as
// written and appended to the resolved URL.
func (st *renderState) resolve(dest string) (string, error) {
	if st.res == nil {
		return dest, nil
	}
	path, suffix := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		path, suffix = dest[:i], dest[i:]
	}
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	u, err := st.res.Resolve(st.source, path)
	if err != nil {
		return "", err
	}
	return u + suffix, nil
}

// SameTargets reports whether links, recorded when a document whose file
// is source was rendered with res, lead where they did: each link to a
// page or file of the site resolves against res to the address it
// resolved to then, and none was broken (a broken link's error may name
// the pages near it, which other pages change). Links to other sites and
// links refused as unsafe do not depend on res. A document whose links
// all lead where they did renders the same with res, all else the same:
// a build cache keeps converted Markdown on this.
func SameTargets(links []Link, res Resolver, source string) bool {
	st := &renderState{res: res, source: source}
	for _, l := range links {
		if classify(l.Dest) != destInternal {
			continue
		}
		if l.URL == "" {
			return false
		}
		if u, err := st.resolve(l.Dest); err != nil || u != l.URL {
			return false
		}
	}
	return true
}

// link applies the link policy to one link, image or autolink node. It
// records the link in the document and reports broken and unsafe ones.
func (st *renderState) link(n ast.Node, src []byte) {
	var dest string
	switch n := n.(type) {
	case *ast.Link:
		dest = decodeDest(n.Destination)
	case *ast.Image:
		dest = decodeDest(n.Destination)
	case *ast.AutoLink:
		raw := string(n.URL(src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
			raw = "mailto:" + raw
		}
		dest = raw
		// Autolinks take no character references, but check the decoded
		// form as well so that no reading of it can run script.
		if k := classify(decodeDest([]byte(raw))); k == destUnsafe || k == destUnknown {
			dest = decodeDest([]byte(raw))
		}
	}
	_, image := n.(*ast.Image)
	line := st.lines.line(nodePos(n))
	rec := Link{Dest: dest, Line: line, Text: plainText(n, src), Image: image}
	kind := classify(dest)

	switch kind {
	case destUnsafe, destUnknown:
		msg := fmt.Sprintf("unsafe link destination %q removed", dest)
		if kind == destUnknown {
			msg = fmt.Sprintf("link destination %q removed: Lumen links only to http, https, mailto, tel and sms addresses, not %s:", dest, scheme(dest))
		}
		st.errs = append(st.errs, &diag.Error{File: st.source, Line: line, Rule: diag.RuleLinkUnsafe, Msg: msg, Hint: unsafeLinkHint})
		unwrap(n, rec.Text)
		st.links = append(st.links, rec)
		return
	case destInternal:
		u, err := st.resolve(dest)
		if err != nil {
			e := &diag.Error{File: st.source, Line: line, Rule: diag.RuleLinkBroken,
				Msg: `broken link "` + dest + `": ` + err.Error(), Hint: brokenLinkHint}
			if image {
				e.Msg, e.Hint = `missing image "`+dest+`": `+err.Error(), missingImageHint
			}
			st.errs = append(st.errs, e)
			// The link stays as written so that the page still renders.
			setDest(n, dest)
			st.links = append(st.links, rec)
			return
		}
		rec.URL = u
	case destExternal:
		rec.URL = dest
		rec.External = true
		if !image {
			// noopener: the linked page gets no handle on this one
			// (window.opener). Links open in the same tab, as users
			// expect (WCAG 3.2.5).
			n.SetAttributeString("rel", []byte("noopener"))
		}
	default:
		rec.URL = dest
	}
	setDest(n, rec.URL)
	st.links = append(st.links, rec)
}

// setDest stores the final, decoded destination on a link or image node;
// the node renderers of this package percent-encode and escape it.
func setDest(n ast.Node, dest string) {
	switch n := n.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// unwrap replaces a link by its children, an image by its alt text and an
// autolink by its label, so that what the author wrote stays readable but
// is no longer a link.
func unwrap(n ast.Node, text string) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	if l, ok := n.(*ast.Link); ok {
		for c := l.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
	} else if text != "" {
		s := ast.NewString([]byte(text))
		s.SetRaw(true) // plain text: escaped, no references resolved
		parent.InsertBefore(parent, n, s)
	}
	parent.RemoveChild(parent, n)
}
