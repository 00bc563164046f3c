// Package rebase moves the root-relative addresses of built pages and
// stylesheets under the path a site is published at, so that a site whose
// base_url is https://example.org/clinic/ works when it is served from
// /clinic/ (a GitHub Pages project site, a practice inside a hospital's
// domain).
//
// Templates, Markdown links and menus all write site paths such as
// "/conditions/sciatica/" and "/css/main.css"; HTML rewrites, after a page
// is rendered, every address the browser reads from an attribute (href,
// src, srcset, action, poster, data, formaction, xlink:href) and from
// url() in style attributes and <style> elements, when it starts with one
// "/" — "//host/…" and "https://…" are left alone, as are addresses in
// text and in <script> elements (JSON-LD holds absolute URLs). CSS does the
// same for url() and @import in a stylesheet. A site at the root of its
// host is left exactly as it is.
package rebase

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// urlAttrs are the attributes whose value is an address the browser reads.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "poster": true, "data": true,
	"formaction": true, "xlink:href": true, "background": true, "cite": true,
}

// Path returns p, a root-relative address, under base ("/clinic/"):
// "/css/main.css" is "/clinic/css/main.css". An address that is not root
// relative, or already under base, is returned as it is.
func Path(p, base string) string {
	if base == "" || base == "/" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, `/\`) {
		return p
	}
	if strings.HasPrefix(p, base) || p+"/" == base {
		return p
	}
	return strings.TrimSuffix(base, "/") + p
}

// HTML returns page with its root-relative addresses under base. Tags
// without such an address are copied byte for byte.
func HTML(page []byte, base string) []byte {
	if base == "" || base == "/" {
		return page
	}
	out := make([]byte, 0, len(page)+len(page)/50)
	z := html.NewTokenizer(bytes.NewReader(page))
	inStyle := false
	for {
		tt := z.Next()
		raw := z.Raw()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			inStyle = tok.Data == "style" && tt == html.StartTagToken
			if rewriteAttrs(tok.Attr, base) {
				out = append(out, tagString(tok)...)
				continue
			}
		case html.EndTagToken:
			inStyle = false
		case html.TextToken:
			if inStyle {
				out = append(out, CSS(raw, base)...)
				continue
			}
		}
		out = append(out, raw...)
	}
}

// rewriteAttrs moves the addresses of attrs under base, and reports
// whether any changed.
func rewriteAttrs(attrs []html.Attribute, base string) bool {
	changed := false
	for i, a := range attrs {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = strings.ToLower(a.Namespace) + ":" + key
		}
		v := a.Val
		switch {
		case urlAttrs[key]:
			v = Path(strings.TrimSpace(a.Val), base)
		case key == "srcset" || key == "imagesrcset":
			v = srcset(a.Val, base)
		case key == "style":
			v = string(CSS([]byte(a.Val), base))
		case key == "content" && strings.Contains(strings.ToLower(a.Val), "url="):
			v = refresh(a.Val, base) // <meta http-equiv="refresh" content="0; url=/x/">
		}
		if v != a.Val && v != strings.TrimSpace(a.Val) {
			attrs[i].Val = v
			changed = true
		}
	}
	return changed
}

// srcset moves each candidate of a srcset under base.
func srcset(v, base string) string {
	parts := strings.Split(v, ",")
	for i, part := range parts {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		f[0] = Path(f[0], base)
		parts[i] = strings.Join(f, " ")
	}
	return strings.Join(parts, ", ")
}

// refresh moves the address of a meta refresh's content under base.
func refresh(v, base string) string {
	i := strings.Index(strings.ToLower(v), "url=")
	return v[:i+4] + Path(strings.TrimSpace(v[i+4:]), base)
}

// tagString writes a start tag with its attributes, as html.Token.String
// does but keeping namespaced attributes (xlink:href) whole.
func tagString(t html.Token) string {
	var b strings.Builder
	b.WriteByte('<')
	b.WriteString(t.Data)
	for _, a := range t.Attr {
		b.WriteByte(' ')
		if a.Namespace != "" {
			b.WriteString(a.Namespace + ":")
		}
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	if t.Type == html.SelfClosingTagToken {
		b.WriteString("/")
	}
	b.WriteByte('>')
	return b.String()
}

// cssURL finds url(...) and @import "..." in CSS whose address starts
// with "/": the address is the second group (Path leaves "//host/…").
var cssURL = regexp.MustCompile(`(?i)(url\(\s*["']?|@import\s+["'])(/[^"')\s]*)`)

// CSS returns the stylesheet css with the root-relative addresses of its
// url() and @import under base.
func CSS(css []byte, base string) []byte {
	if base == "" || base == "/" {
		return css
	}
	return cssURL.ReplaceAllFunc(css, func(m []byte) []byte {
		sub := cssURL.FindSubmatch(m)
		return append(append([]byte(nil), sub[1]...), Path(string(sub[2]), base)...)
	})
}
