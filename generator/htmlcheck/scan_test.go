package htmlcheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// This file holds the reference the scanner is measured against: the walk
// that package htmlcheck used before it had a scanner, which reads pages
// with x/net/html's Tokenizer.

// refCheckedAttrs are the attributes the reference walk copies.
var refCheckedAttrs = map[string]bool{
	"id": true, "style": true, "lang": true, "src": true, "srcset": true, "alt": true, "poster": true,
	"data": true, "rel": true, "href": true, "aria-label": true, "aria-labelledby": true, "title": true,
	"for": true, "method": true, "action": true, "type": true, "name": true,
}

// refEvent is a token as the checks see it, written out to be compared.
type refEvent string

// tokenizerEvents returns the tokens the Tokenizer yields for page as the
// checks see them: start and end tags, start tags with the attributes in
// refCheckedAttrs, and text, each run of text as one event.
func tokenizerEvents(page []byte) []refEvent {
	var events []refEvent
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			events = append(events, refEvent("text "+fmt.Sprintf("%q", text.String())))
			text.Reset()
		}
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return events
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			flush()
			t := refReadTag(z)
			events = append(events, tagEvent(t))
		case html.EndTagToken:
			flush()
			name, _ := z.TagName()
			events = append(events, refEvent("end "+refTagName(name)))
		}
	}
}

// scannerEvents returns the tokens the scanner yields for page as the
// checks see them, in the form of tokenizerEvents.
func scannerEvents(page []byte) []refEvent {
	var events []refEvent
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			events = append(events, refEvent("text "+fmt.Sprintf("%q", text.String())))
			text.Reset()
		}
	}
	s := &scanner{page: page}
	for {
		switch s.next() {
		case endOfPage:
			flush()
			return events
		case textToken:
			text.WriteString(s.text())
		case startTag:
			flush()
			events = append(events, tagEvent(tag{Data: s.name, Attr: s.attrs}))
		case endTag:
			flush()
			events = append(events, refEvent("end "+s.name))
		}
	}
}

func tagEvent(t tag) refEvent {
	var b strings.Builder
	b.WriteString("start " + t.Data)
	for _, a := range t.Attr {
		fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
	}
	return refEvent(b.String())
}

// refReadTag reads the current start tag as the reference walk did.
func refReadTag(z *html.Tokenizer) tag {
	name, more := z.TagName()
	t := tag{Data: refTagName(name)}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if key := refTagName(k); refCheckedAttrs[key] {
			t.Attr = append(t.Attr, html.Attribute{Key: key, Val: string(v)})
		}
	}
	return t
}

func refTagName(b []byte) string {
	if a := atom.Lookup(b); a != 0 {
		return a.String()
	}
	return string(b)
}

// refWalk is the walk of package htmlcheck before it had a scanner.
func (p *pageState) refWalk(page []byte) {
	z := html.NewTokenizer(bytes.NewReader(page))
	var rawTag string // inside <style> or <script>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return // the reader is a bytes.Reader: the error is io.EOF
		case html.TextToken:
			if rawTag != "style" && len(p.links) == 0 && p.headText == nil {
				continue
			}
			text := string(z.Text())
			if rawTag == "style" {
				p.styleURLs(text)
			}
			for _, l := range p.links {
				l.text.WriteString(text)
			}
			if p.headText != nil {
				p.headText.WriteString(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := refReadTag(z)
			p.start(t)
			if t.Data == "style" || t.Data == "script" {
				rawTag = t.Data
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			data := refTagName(name)
			p.end(data)
			if data == rawTag {
				rawTag = ""
			}
		}
	}
}

// refInspect is Inspect with the reference walk.
func (c *Checker) refInspect(file, where string, page []byte) (errs diag.List, ids []string) {
	p := &pageState{c: c, file: file, where: where, ids: map[string]int{}, labelFor: map[string]bool{}}
	p.refWalk(page)
	ids = make([]string, 0, len(p.ids))
	for id := range p.ids {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return p.finish(), ids
}

// examplePages reads pages of the example site: those in testdata/pages
// and the golden pages of package generator's tests.
func examplePages(tb testing.TB) map[string][]byte {
	tb.Helper()
	names, err := filepath.Glob("testdata/pages/*.html")
	golden, gerr := filepath.Glob("../testdata/golden/*.html")
	names = append(names, golden...)
	if err != nil || gerr != nil || len(golden) == 0 {
		tb.Fatalf("no example pages: %v, %v", err, gerr)
	}
	pages := map[string][]byte{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		pages[strings.TrimSuffix(filepath.Base(name), ".html")] = b
	}
	return pages
}

// edgeCases are inputs on which a scanner is easily wrong.
var edgeCases = []string{
	"", "<", "</", "<!", "<?", "<a", "</a", "<a ", "<a b", "<a b=", `<a b="`, `<a b="c`, `<a b="c"`, "<a b=c", "x<", "x</", "a < b",
	"<>", "</>", "</ >", "</ x>", "<//>", "</-x>", "<!>", "<!->", "<!-->", "<!--->", "<!---->", "<!-- a -->", "<!-- a --!>", "<!--a--!-->",
	"<!--a-!>b-->", "<!-- unterminated", "<!-- a -", "<!-- a --", "<!-- a --!", "<!--a--!x-->", "<!--a--!!>", "<!DOCTYPE html>", "<!doctype", "<!DOCTYP",
	"<!DOCTYPEhtml>", "<![CDATA[<a>]]>", "<?xml version=\"1.0\"?>", "<?>", "<a/>", "<br/>", "<a b=/>", "<a b/>", "<a/b>", "<a / b>",
	`<A HREF="/X" ID=Y>T</A>`, `<a href=/x id='y' title="z">t</a>`, `<a href = "/x" >t</a>`, `<a href="/x" href="/y" HREF="/z">t</a>`,
	`<a =b href=/x>t</a>`, `<a ==b>t</a>`, `<a b==c>`, `<a href="/x"title="y">t</a>`, `<a href=x>y>t</a>`, `<a href="x>y">t</a>`, `<a href='x"y'>t</a>`,
	"<a href=\"/x\r\ny\">t</a>", "<a href=\"a\x00b\" id=\"\x00\">t\x00</a>", "<a\x00 id=x>", "<\x00a>", "<a id\x00=x id=y>",
	`<a href="?a=1&amp;b=2&lt;&gt;&quot;&apos;&nbsp;">`, `<a href="?a=1&b=2&not=3&notit;&amp=x&lt&ltx&#65;&#x41;&#0;&#xD800;&#128;&#;&#x;&">`,
	`<a href="&fjlig;&nvlt;&bne;&NotEqualTilde;&AMP;&AMP">`, `<a>&amp; &notit; &amp &lt3 &#65 &#x41 &#128; &#0; &fjlig; &nvlt; &</a>`,
	"<a>x\r\ny\rz</a>", "<a>\x00</a>", "<h1>T</h1><h3>a &amp; b</h3>", "<h1>T</h1><h3>a<!-- c -->b</h3>",
	"<script>a</script>", "<script>a</SCRIPT>", "<script>a</scripty></script >", "<script>a</script", "<script>a</scr", "<script>a<",
	"<script><!--</script>", "<script><!-- <script></script> --></script><a>x</a>", "<script><!-- <script>--></script>x</script><a>y</a>",
	"<script><!--<script>a</script>b</script>c</script>", "<script><!--<SCRIPT/>--></script>", "<script><!--x--><a></a></script>",
	"<script><!-<a>--></script>", "<script><!--<</script>", "<script><!--<x</script>", "<script><!--<scripty></script>", "<script><!--a-<b</script>",
	"<script><!----></script>", "<script><!--<script></scrip></script>x", "<script><!--<script>--<</script>", "<script><!--<script>-<</script>",
	"<script/><a>x</a></script>", "<script>x\x00y\r\n</script>", "<script>", "<script></script>",
	"<style>a{background:url(//evil.example/x)}</style>", "<style>a</STYLE>b", "<style>a</style", "<style/>x</style>", "<style>&amp;\x00</style>",
	"<style>a</stylex>url(//e.example/)</style>", "<style>a{}</style><style>b{background:url(https://x.example/)}</style>",
	"<title>a &amp; <b> \x00</title>", "<textarea>a&lt;<a>x</a>\x00</textarea>", "<TITLE>x</Title>", "<title>x</title y=\">\">z",
	"<noscript><a>x</a></noscript>", "<iframe><a></iframe>", "<noembed><a>x</a></noembed>", "<noframes>&amp;</noframes>", "<xmp><a>&amp;</xmp>",
	"<plaintext><a>x</a></plaintext>&amp;\x00", "<plaintext>", "<a><plaintext>x&amp;", "<a><title>x</title></a>", "<a><xmp>x</xmp></a>",
	"<a></a b=\">\">x</a>", "</a href=\"x\">", "</a\x00>", "</A>", "</a/>", "</a", "</a ", "</a b='", "<a b='c' d", "<a\tb\n=\nc\fd\r>",
	"<html lang=en><h1>x</h1><img src=//a.example/x.png><img alt srcset=\"/a 1x, //b.example/c 2x\">",
	"<form method=get action=//x.example/><input name=q><label for=q>Q</label><input id=q></form>",
	"<table><th></th></table><table></table>", "<a><a>here</a></a>", "<a aria-label=x></a><a title=y></a>",
	"<p id=a><p id=b><p id=c><p id=d><p id=a><p id=b><p id=c><p id=d>",
}

// FuzzScannerMatchesTokenizer checks that the scanner yields what
// x/net/html's Tokenizer yields, as the checks see it, and that Inspect
// with it reports what the reference walk reports.
func FuzzScannerMatchesTokenizer(f *testing.F) {
	for _, page := range examplePages(f) {
		f.Add(page)
	}
	f.Add([]byte(good))
	for _, page := range edgeCases {
		f.Add([]byte(page))
	}
	c := New([]string{"booking.example.net", "*.example.org"})
	f.Fuzz(func(t *testing.T, page []byte) {
		want, got := tokenizerEvents(page), scannerEvents(page)
		if !slices.Equal(got, want) {
			t.Fatalf("scanner:\n%s\ntokenizer:\n%s", eventList(got), eventList(want))
		}
		compareInspect(t, c, page)
	})
}

// TestScannerMatchesTokenizer runs the checks of
// FuzzScannerMatchesTokenizer on the example pages, and on the edge cases
// with everything after each position cut off, so that the end of the page
// falls in every state.
func TestScannerMatchesTokenizer(t *testing.T) {
	var inputs [][]byte
	for _, page := range examplePages(t) {
		inputs = append(inputs, page)
	}
	for _, page := range append(edgeCases, good) {
		for n := len(page); n >= 0; n-- {
			inputs = append(inputs, []byte(page[:n]))
		}
	}
	c := New([]string{"booking.example.net", "*.example.org"})
	for _, page := range inputs {
		if want, got := tokenizerEvents(page), scannerEvents(page); !slices.Equal(got, want) {
			t.Fatalf("%q:\nscanner:\n%s\ntokenizer:\n%s", page, eventList(got), eventList(want))
		}
		compareInspect(t, c, page)
	}
}

// TestAttrValueReferences checks that the named references that
// attrValue decodes itself decode as the Tokenizer decodes them.
func TestAttrValueReferences(t *testing.T) {
	for _, ref := range commonReferences {
		for _, v := range []string{"&" + ref, "x&" + ref + "y", "&" + ref + "=", "&" + ref + "&" + ref} {
			if got, want := attrValue([]byte(v), '"'), tokenizerAttrValue([]byte(v), '"'); got != want {
				t.Errorf("attrValue(%q) = %q, the Tokenizer has %q", v, got, want)
			}
		}
	}
}

// compareInspect checks that Inspect reports what refInspect reports. The
// errors are compared in any order: errors of the same page and line are
// in the order the checks found them, which for duplicate ids is the order
// of a map.
func compareInspect(t *testing.T, c *Checker, page []byte) {
	t.Helper()
	errs, ids := c.Inspect("x.md", "/x/", page)
	wantErrs, wantIDs := c.refInspect("x.md", "/x/", page)
	byText := func(a, b *diag.Error) int {
		return strings.Compare(a.Error()+"\n"+a.Hint, b.Error()+"\n"+b.Hint)
	}
	slices.SortFunc(errs, byText)
	slices.SortFunc(wantErrs, byText)
	if !reflect.DeepEqual(errs, wantErrs) || !slices.Equal(ids, wantIDs) {
		t.Fatalf("%q: Inspect:\n%v\n%q\nreference:\n%v\n%q", page, errs, ids, wantErrs, wantIDs)
	}
}

func eventList(events []refEvent) string {
	var b strings.Builder
	for _, e := range events {
		b.WriteString("\t" + string(e) + "\n")
	}
	return b.String()
}
