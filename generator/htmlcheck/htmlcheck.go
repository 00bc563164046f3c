// Package htmlcheck checks built pages for the accessibility and privacy
// failures a generator can rule out before anything is published.
//
// Page checks each rendered HTML page, Stylesheet each CSS file. They
// report, as diag.Errors naming the page:
//
//   - accessibility (WCAG 2.2 AA): a missing lang on <html> (3.1.1); not
//     exactly one <h1>, or a heading that skips a level (1.3.1, 2.4.6); an
//     <img> without an alt attribute (1.1.1); a link with no text or with
//     text such as "click here" (2.4.4); an id used twice (4.1.1); a form
//     control without a label (1.3.1, 4.1.2); a table without header cells
//     (1.3.1);
//   - privacy: anything the browser would load from another host by itself
//     (src, srcset, data, stylesheet and icon links, url() in styles,
//     frames) unless the host is in site.yaml's privacy.allowed_hosts, and
//     a form that is not sent with POST or is sent elsewhere.
//
// Problems in a page's Markdown body are reported earlier, at their line,
// by package markdown; what reaches this package comes from templates or
// from data, so errors name the page and the element rather than a line.
package htmlcheck

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Checker checks pages against one site's policy.
type Checker struct {
	allowed map[string]bool
}

// New returns a Checker that lets pages load from the given hosts (the
// site's privacy.allowed_hosts; "*.example.com" allows subdomains).
func New(allowedHosts []string) *Checker {
	c := &Checker{allowed: map[string]bool{}}
	for _, h := range allowedHosts {
		c.allowed[strings.ToLower(h)] = true
	}
	return c
}

// vagueText is link text that does not say where a link goes.
var vagueText = map[string]bool{
	"click here": true, "here": true, "click": true, "read more": true, "more": true,
	"link": true, "this link": true, "this page": true, "learn more": true, "go": true,
}

// maxVague is the most letters of any vagueText.
const maxVague = 10

// isVague reports whether the link text text (as joinFields leaves it)
// is vagueText, but for its case and the punctuation around it. A text of
// more letters than any is not: lowercasing never makes a letter two.
func isVague(text string) bool {
	t := strings.TrimFunc(text, unicode.IsPunct)
	return utf8.RuneCountInString(t) <= maxVague && vagueText[strings.ToLower(t)]
}

// joinFields returns strings.Join(strings.Fields(s), " "): s with the
// white space around it left out and each run of it within made one
// space. Most link text is so already, and is returned as it is, where
// Fields and Join made two copies of every link's text.
func joinFields(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.Join(strings.Fields(s), " ")
		}
		if asciiSpace[c] && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// asciiSpace marks the ASCII bytes that strings.Fields splits at.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// cssURL finds url(...) references in CSS.
var cssURL = regexp.MustCompile(`(?i)url\(\s*["']?([^"')\s]+)`)

// cssImport finds @import "..." references in CSS.
var cssImport = regexp.MustCompile(`(?i)@import\s+["']([^"']+)["']`)

// Page checks one rendered HTML page. file names it in errors (the content
// file it was made from, or its output name) and where says which page it
// is, such as "/conditions/sciatica/".
func (c *Checker) Page(file, where string, page []byte) diag.List {
	errs, _ := c.Inspect(file, where, page)
	return errs
}

// Inspect checks a page as Page does and also returns the ids of its
// elements, sorted, so that links to #fragments of the page can be
// checked once the page itself is gone.
func (c *Checker) Inspect(file, where string, page []byte) (errs diag.List, ids []string) {
	p := &pageState{c: c, file: file, where: where, ids: map[string]int{}, labelFor: map[string]bool{}}
	p.walk(page)
	ids = make([]string, 0, len(p.ids))
	for id := range p.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return p.finish(), ids
}

// Stylesheet checks a CSS file for resources from other hosts.
func (c *Checker) Stylesheet(file string, css []byte) diag.List {
	var errs diag.List
	for _, u := range append(cssURL.FindAllSubmatch(css, -1), cssImport.FindAllSubmatch(css, -1)...) {
		if host := c.foreign(string(u[1])); host != "" {
			errs = append(errs, &diag.Error{File: file, Line: bytes.Count(css[:bytes.Index(css, u[0])], []byte("\n")) + 1, Rule: diag.RuleHost,
				Msg:  fmt.Sprintf("the stylesheet loads %s from another host, %s", u[1], host),
				Hint: "copy the file into the theme's static folder, or allow the host on purpose in site.yaml: privacy: {allowed_hosts: [" + host + "]}"})
		}
	}
	return errs
}

// Foreign returns the host of u, an address with a scheme or starting
// with "//", when that host is not one of the allowed hosts, and "" when
// it is or when u is a path of this site. It is how site.yaml's
// privacy.allowed_hosts is applied beyond pages: to a booking address in
// front matter, for one.
func (c *Checker) Foreign(u string) string { return c.foreign(u) }

// foreign returns the host of u when u would be fetched from a host that
// is neither this site nor allowed, and "" otherwise.
func (c *Checker) foreign(u string) string {
	u = strings.TrimSpace(u)
	if !strings.HasPrefix(u, "//") && !strings.Contains(u, "://") {
		return "" // a path on this site, or data:
	}
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" {
		return u
	}
	host := strings.ToLower(parsed.Hostname())
	if c.allowed[host] || c.allowed[strings.ToLower(parsed.Host)] {
		return ""
	}
	for h := range c.allowed {
		if suffix, ok := strings.CutPrefix(h, "*"); ok && strings.HasSuffix(host, suffix) {
			return ""
		}
	}
	return host
}

// pageState is what one page's walk gathers.
type pageState struct {
	c           *Checker
	file, where string
	errs        diag.List

	lang       bool
	h1         int
	lastLevel  int
	ids        map[string]int
	labelFor   map[string]bool
	controls   []control
	labelDepth int
	tables     []int // th count of each open table
	links      []*link
	headText   *strings.Builder
	heading    int
	// getForm is the method of the form being read when it is not POST;
	// such a form is an error once a field would send what is typed.
	getForm string
}

type control struct {
	id, desc string
	labelled bool
}

type link struct {
	href  string
	text  strings.Builder
	named bool // by aria-label, title or an image's alt
}

// errorf adds an error of the rule about the page.
func (p *pageState) errorf(rule, format string, args ...any) *diag.Error {
	e := &diag.Error{File: p.file, Rule: rule, Msg: fmt.Sprintf(format, args...) + " (on " + p.where + ")"}
	p.errs = append(p.errs, e)
	return e
}

// walk reads the page's tags, and the text the checks need, and checks
// each element.
func (p *pageState) walk(page []byte) {
	s := &scanner{page: page}
	var rawTag string // inside <style> or <script>
	for {
		switch s.next() {
		case endOfPage:
			return
		case textToken:
			// Text matters only inside links, headings being reported and
			// style elements; most of a page is skipped without a copy.
			if rawTag != "style" && len(p.links) == 0 && p.headText == nil {
				continue
			}
			text := s.text()
			if rawTag == "style" {
				p.styleURLs(text)
			}
			for _, l := range p.links {
				l.text.WriteString(text)
			}
			if p.headText != nil {
				p.headText.WriteString(text)
			}
		case startTag:
			t := tag{Data: s.name, Attr: s.attrs}
			p.start(t)
			if t.Data == "style" || t.Data == "script" {
				rawTag = t.Data
			}
		case endTag:
			p.end(s.name)
			if s.name == rawTag {
				rawTag = ""
			}
		}
	}
}

// tag is a start tag with the attributes the checks read.
type tag struct {
	Data string
	Attr []html.Attribute
}

func attr(t tag, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func (p *pageState) start(t tag) {
	if id, ok := attr(t, "id"); ok {
		p.ids[id]++
	}
	if style, ok := attr(t, "style"); ok {
		p.styleURLs(style)
	}
	switch t.Data {
	case "html":
		if l, _ := attr(t, "lang"); strings.TrimSpace(l) != "" {
			p.lang = true
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		level := int(t.Data[1] - '0')
		if level == 1 {
			p.h1++
		}
		if p.lastLevel > 0 && level > p.lastLevel+1 {
			p.heading = level
			p.headText = &strings.Builder{}
		} else if p.lastLevel == 0 && level > 1 {
			p.heading = level
			p.headText = &strings.Builder{}
		}
		p.lastLevel = level
	case "img":
		src, _ := attr(t, "src")
		if _, ok := attr(t, "alt"); !ok {
			p.errorf(diag.RuleAlt, "the image %s has no alt attribute", src).WithHint("give it alt text, or alt=\"\" when it is purely decorative")
		}
		if alt, _ := attr(t, "alt"); alt != "" {
			for _, l := range p.links {
				l.named = true
			}
		}
		p.resource(t, "src", "srcset")
	case "script", "iframe", "audio", "video", "source", "track", "embed", "input":
		p.resource(t, "src", "srcset", "poster")
		if t.Data == "input" {
			p.control(t)
			p.sends(t)
		}
	case "object":
		p.resource(t, "data")
	case "link":
		rel, _ := attr(t, "rel")
		switch strings.ToLower(rel) {
		case "canonical", "alternate", "next", "prev", "author", "license", "me":
		default:
			p.resource(t, "href")
		}
	case "a":
		href, _ := attr(t, "href")
		l := &link{href: href}
		if v, _ := attr(t, "aria-label"); strings.TrimSpace(v) != "" {
			l.named = true
		}
		p.links = append(p.links, l)
	case "label":
		p.labelDepth++
		if f, ok := attr(t, "for"); ok {
			p.labelFor[f] = true
		}
	case "select", "textarea":
		p.control(t)
		p.sends(t)
	case "button":
		p.sends(t)
	case "table":
		p.tables = append(p.tables, 0)
	case "th":
		if n := len(p.tables); n > 0 {
			p.tables[n-1]++
		}
	case "form":
		method, _ := attr(t, "method")
		action, _ := attr(t, "action")
		p.getForm = ""
		if !strings.EqualFold(method, "post") {
			// A GET form that sends no field, such as a search box whose
			// words a script reads, puts nothing typed in the address.
			p.getForm = strings.ToUpper(method)
			if p.getForm == "" {
				p.getForm = "GET" // what a form without a method uses
			}
		}
		if host := p.c.foreign(action); host != "" {
			p.errorf(diag.RuleForm, "a form is sent to another host, %s", host).WithHint("allow the host on purpose in site.yaml: privacy: {allowed_hosts: [%s]}", host)
		}
	}
}

func (p *pageState) end(tag string) {
	switch tag {
	case "a":
		if n := len(p.links); n > 0 {
			l := p.links[n-1]
			p.links = p.links[:n-1]
			text := joinFields(l.text.String())
			if text == "" && !l.named {
				p.errorf(diag.RuleLinkText, "a link to %s has no text", l.href).WithHint("give it words, or an aria-label")
			} else if isVague(text) {
				p.errorf(diag.RuleLinkText, "the link text %q does not say where the link goes (%s)", text, l.href)
			}
		}
	case "label":
		p.labelDepth = max(0, p.labelDepth-1)
	case "form":
		p.getForm = ""
	case "table":
		if n := len(p.tables); n > 0 {
			if p.tables[n-1] == 0 {
				p.errorf(diag.RuleTable, "a table has no header cells").WithHint("give the first row or column <th> cells (a header row in Markdown)")
			}
			p.tables = p.tables[:n-1]
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if p.headText != nil && int(tag[1]-'0') == p.heading {
			p.errorf(diag.RuleHeading, "the heading %q (h%d) skips a level", strings.TrimSpace(p.headText.String()), p.heading).
				WithHint("headings go down one level at a time: h1, then h2, then h3")
			p.headText = nil
		}
	}
}

// control records a form control and whether it is labelled.
func (p *pageState) control(t tag) {
	if typ, _ := attr(t, "type"); t.Data == "input" && (typ == "hidden" || typ == "submit" || typ == "button" || typ == "reset" || typ == "image") {
		return
	}
	id, _ := attr(t, "id")
	name, _ := attr(t, "name")
	c := control{id: id, desc: t.Data + " " + name, labelled: p.labelDepth > 0}
	for _, a := range []string{"aria-label", "aria-labelledby", "title"} {
		if v, _ := attr(t, a); strings.TrimSpace(v) != "" {
			c.labelled = true
		}
	}
	p.controls = append(p.controls, c)
}

// sends reports a named field of a form sent with GET: what is typed in
// it would end up in the address, the server's logs and the history.
func (p *pageState) sends(t tag) {
	if name, _ := attr(t, "name"); p.getForm == "" || name == "" {
		return
	}
	p.errorf(diag.RuleForm, "a form is sent with %q; forms must use method=\"post\" so that what patients type never ends up in addresses and server logs", p.getForm)
	p.getForm = "" // once a form
}

// resource checks the URL attributes of an element that the browser loads
// by itself.
func (p *pageState) resource(t tag, attrs ...string) {
	for _, a := range attrs {
		v, ok := attr(t, a)
		if !ok {
			continue
		}
		urls := []string{v}
		if a == "srcset" {
			urls = nil
			for _, part := range strings.Split(v, ",") {
				if f := strings.Fields(part); len(f) > 0 {
					urls = append(urls, f[0])
				}
			}
		}
		for _, u := range urls {
			if host := p.c.foreign(u); host != "" {
				p.errorf(diag.RuleHost, "<%s %s=%q> loads from another host, %s, which tells it who is reading this page", t.Data, a, u, host).
					WithHint("serve the file from the site, or allow the host on purpose in site.yaml: privacy: {allowed_hosts: [%s]}", host)
			}
		}
	}
}

// styleURLs checks url() references in a style attribute or element.
func (p *pageState) styleURLs(css string) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if host := p.c.foreign(m[1]); host != "" {
			p.errorf(diag.RuleHost, "a style loads %s from another host, %s", m[1], host)
		}
	}
}

// finish reports what needs the whole page.
func (p *pageState) finish() diag.List {
	if !p.lang {
		p.errorf(diag.RuleLang, "the <html> element has no lang attribute").WithHint("set language: in site.yaml and keep lang=\"{{.Site.Config.Language}}\" in baseof.html")
	}
	if p.h1 != 1 {
		p.errorf(diag.RuleHeading, "the page has %d <h1> headings; it needs exactly one, the page title", p.h1)
	}
	for _, id := range slices.Sorted(maps.Keys(p.ids)) {
		if n := p.ids[id]; n > 1 {
			p.errorf(diag.RuleID, "the id %q is used %d times; ids must be unique", id, n)
		}
	}
	for _, c := range p.controls {
		if !c.labelled && !(c.id != "" && p.labelFor[c.id]) {
			p.errorf(diag.RuleLabel, "the form control %s has no label", strings.TrimSpace(c.desc)).WithHint("add <label for=\"its-id\">, or an aria-label")
		}
	}
	p.errs.Sort()
	return p.errs
}
