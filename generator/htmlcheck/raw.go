package htmlcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Raw checks an HTML or SVG file that is published as it is, such as
// content/leaflet.html or a diagram in a page bundle. Opened at its own
// address, such a file runs with all the rights of the site, so it gets
// the script and privacy checks of rendered pages and more: it may hold
// no <script> element, no event handler attribute (onload=, onclick=…),
// no javascript: or vbscript: address, and may load nothing from another
// host unless the host is allowed. The accessibility checks of Page are
// left out: such a file may be a fragment or a picture, not a page.
//
// Raw reads the file with the HTML5 tokenizer, which reads SVG's tags
// and attributes too; it is slower than the scanner of Page, and such
// files are few.
func (c *Checker) Raw(file string, data []byte) diag.List {
	var errs diag.List
	line := func(offset int) int { return bytes.Count(data[:offset], []byte("\n")) + 1 }
	add := func(offset int, rule, format string, args ...any) *diag.Error {
		e := &diag.Error{File: file, Line: line(offset), Rule: rule, Msg: fmt.Sprintf(format, args...)}
		errs = append(errs, e)
		return e
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	offset, inStyle := 0, false
	for {
		tt := z.Next()
		raw := z.Raw()
		at := offset
		offset += len(raw)
		switch tt {
		case html.ErrorToken:
			return errs
		case html.TextToken:
			if inStyle {
				for _, re := range []*regexp.Regexp{cssURL, cssImport} {
					for _, m := range re.FindAllSubmatchIndex(raw, -1) {
						c.load(add, at+m[0], "a style", string(raw[m[2]:m[3]]))
					}
				}
			}
		case html.EndTagToken:
			inStyle = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := strings.ToLower(tok.Data)
			inStyle = name == "style" && tt == html.StartTagToken
			if name == "script" {
				add(at, diag.RuleScript, "a <script> element in a file published as it is: opened at its own address it would run with the rights of the site").
					WithHint("remove it: the pages of a Lumen site run no script")
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				if a.Namespace != "" {
					key = strings.ToLower(a.Namespace) + ":" + key
				}
				switch {
				case strings.HasPrefix(key, "on"):
					add(at, diag.RuleScript, "<%s %s=…>: an event handler runs script when the file is opened", name, key).
						WithHint("remove the attribute")
				case key == "style":
					for _, m := range cssURL.FindAllStringSubmatch(a.Val, -1) {
						c.load(add, at, "<"+name+" style>", m[1])
					}
				}
				if !urlAttr(key) {
					continue
				}
				if s := scriptScheme(a.Val); s != "" {
					add(at, diag.RuleScript, "<%s %s=%q>: a %s: address runs script", name, key, clip(a.Val), s).
						WithHint("remove it, or use an http or https address")
					continue
				}
				if loads(name, key, tok.Attr) {
					for _, u := range urlsOf(key, a.Val) {
						c.load(add, at, fmt.Sprintf("<%s %s=%q>", name, key, clip(u)), u)
					}
				}
			}
			if name == "form" {
				method, action := attrOf(tok.Attr, "method"), attrOf(tok.Attr, "action")
				if !strings.EqualFold(method, "post") {
					add(at, diag.RuleForm, "a form is sent with %q; forms must use method=\"post\" so that what patients type never ends up in addresses and server logs", strings.ToUpper(method))
				}
				if host := c.foreign(action); host != "" {
					add(at, diag.RuleForm, "a form is sent to another host, %s", host).WithHint("allow the host on purpose in site.yaml: privacy: {allowed_hosts: [%s]}", host)
				}
			}
		}
	}
}

// load reports what loads u, when u is on another host that is not
// allowed.
func (c *Checker) load(add func(int, string, string, ...any) *diag.Error, at int, what, u string) {
	if host := c.foreign(u); host != "" {
		add(at, diag.RuleHost, "%s loads from another host, %s, which tells it who is reading this file", what, host).
			WithHint("serve the file from the site, or allow the host on purpose in site.yaml: privacy: {allowed_hosts: [%s]}", host)
	}
}

// urlAttr reports whether the attribute key holds an address.
func urlAttr(key string) bool {
	switch key {
	case "href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href", "background", "cite", "ping", "manifest":
		return true
	}
	return false
}

// loads reports whether the browser fetches the address in the attribute
// key of element name by itself (a link a reader follows is not a load).
func loads(name, key string, attrs []html.Attribute) bool {
	switch key {
	case "src", "srcset", "poster", "data", "background", "manifest":
		return true
	case "href", "xlink:href":
		switch name {
		case "a", "area", "base":
			return false
		case "link":
			switch strings.ToLower(attrOf(attrs, "rel")) {
			case "canonical", "alternate", "next", "prev", "author", "license", "me":
				return false
			}
		}
		return true // SVG <image>, <use>, <feImage>, <script>; <link rel=stylesheet>
	}
	return false
}

// urlsOf returns the addresses of an attribute's value: one, or the
// candidates of a srcset.
func urlsOf(key, v string) []string {
	if key != "srcset" {
		return []string{v}
	}
	var out []string
	for _, part := range strings.Split(v, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// scriptScheme returns "javascript" or "vbscript" when v, read as a
// browser reads an address (spaces and control characters around it and
// tabs and newlines in it ignored), has that scheme, or "data" for a data:
// HTML or SVG document; otherwise "".
func scriptScheme(v string) string {
	s := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimFunc(v, func(r rune) bool { return r <= ' ' }))
	s = strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "javascript:"):
		return "javascript"
	case strings.HasPrefix(s, "vbscript:"):
		return "vbscript"
	case strings.HasPrefix(s, "data:text/html"), strings.HasPrefix(s, "data:image/svg"), strings.HasPrefix(s, "data:application/"):
		return "data"
	}
	return ""
}

// attrOf returns the value of the attribute name, or "".
func attrOf(attrs []html.Attribute, name string) string {
	for _, a := range attrs {
		if strings.EqualFold(a.Key, name) {
			return a.Val
		}
	}
	return ""
}

// clip shortens a long value for a message.
func clip(v string) string {
	if r := []rune(v); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return v
}
