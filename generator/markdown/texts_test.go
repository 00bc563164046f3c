package markdown

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// textOptions are the inputs of a render that read running text: the
// glossary, the site's phone numbers and links to check.
func textOptions() Options {
	return Options{
		Resolver: siteFiles,
		Glossary: NewGlossary([]Term{{Term: "slipped disc", Definition: "a disc that bulges"}, {Term: "sciatica", Definition: "pain down the leg"}}),
		Phones:   []string{"(555) 010-0100"},
	}
}

// TestTermsAtTheEndOfALine checks that a glossary term and a phone number
// are found wherever they are on a line, at its end too (goldmark splits
// a line's text before its last word) and whether or not the body has
// anything to autolink (the two parsers of a Renderer), and that a term
// is found over two lines of a paragraph.
func TestTermsAtTheEndOfALine(t *testing.T) {
	const (
		dfn = `<dfn class="gloss">slipped disc</dfn><span class="gloss-def"> (a disc that bulges)</span>`
		tel = `<a href="tel:+15550100100">(555) 010-0100</a>`
	)
	tests := []struct{ name, src, want string }{
		{"a term ends the paragraph", "I have a slipped disc", "<p>I have a " + dfn + "</p>"},
		{"a term ends a line", "I have a slipped disc\nand pain.", "<p>I have a " + dfn + "\nand pain.</p>"},
		{"a term before a full stop", "It is a slipped disc.", "<p>It is a " + dfn + ".</p>"},
		{"a term and an e-mail address", "Write to a@example.org about a slipped disc",
			`<p>Write to <a href="mailto:a@example.org">a@example.org</a> about a ` + dfn + "</p>"},
		{"a term over two lines", "I have a slipped\ndisc and pain.", "<p>I have a " + dfn + " and pain.</p>"},
		{"a term over two lines, defined after them", "A slipped\ndisc\n(a bulge) hurts.", "<p>A slipped\ndisc\n(a bulge) hurts.</p>"},
		{"a term over two lines in emphasis", "*a slipped\ndisc* hurts", "<p><em>a " + dfn + "</em> hurts</p>"},
		{"a term at the start of the second line", "It is\nsciatica, and\na slipped disc.",
			"<p>It is\n<dfn class=\"gloss\">sciatica</dfn><span class=\"gloss-def\"> (pain down the leg)</span>, and\na " + dfn + ".</p>"},
		{"a term ends the first line", "It is sciatica\nand more.",
			"<p>It is <dfn class=\"gloss\">sciatica</dfn><span class=\"gloss-def\"> (pain down the leg)</span>\nand more.</p>"},
		{"a hard line break ends the run", "a slipped  \ndisc", "<p>a slipped<br>\ndisc</p>"},
		{"a phone number over two lines", "Call (555)\n010-0100 today.", "<p>Call <a href=\"tel:+15550100100\">(555)\n010-0100</a> today.</p>"},
		{"a phone number before a hard break", "Call (555) 010-0100  \nnow", "<p>Call " + tel + "<br>\nnow</p>"},
		{"a phone number ends a line", "Call (555) 010-0100\nnow", "<p>Call " + tel + "\nnow</p>"},
		{"a term before a hard break", "a slipped disc  \nnow", "<p>a " + dfn + "<br>\nnow</p>"},
		{"a phone number ends the paragraph", "Call us at (555) 010-0100", "<p>Call us at " + tel + "</p>"},
		{"a phone number ends a line, a URL after it", "Call (555) 010-0100\nor see https://example.org",
			"<p>Call " + tel + "\nor see <a href=\"https://example.org\" rel=\"noopener\">https://example.org</a></p>"},
	}
	for _, tt := range tests {
		doc, errs := New().RenderWith(caseSource, []byte(tt.src), caseOffset, textOptions())
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.name, errs)
		}
		if got := strings.TrimSpace(doc.HTML); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// sameWithoutLinkify renders src with a Renderer and with one that
// always has the linkify parser on, and reports any difference: the
// Renderer's plain parser, and its choice of parser, must give what its
// parser with autolinks gives.
func sameWithoutLinkify(t *testing.T, r, linkified *Renderer, src string) {
	t.Helper()
	doc, errs := r.RenderWith(caseSource, []byte(src), caseOffset, textOptions())
	want, wantErrs := linkified.RenderWith(caseSource, []byte(src), caseOffset, textOptions())
	if !reflect.DeepEqual(doc, want) || errs.Error() != wantErrs.Error() {
		t.Errorf("%q:\nwithout linkify: %+v %v\nwith it:         %+v %v", src, doc, errs, want, wantErrs)
	}
}

// linkifiedRenderer returns a Renderer that converts every body with the
// linkify parser on.
func linkifiedRenderer() *Renderer {
	r := New()
	r.plain = nil
	return r
}

// TestOnlyTextsAskForLinkify checks which bodies the plain parser hands
// back to the linkify parser: those with something to autolink in their
// text, and not those with "://" or "@" only where the linkify parser
// does not look, as a page's links to its sources have them.
func TestOnlyTextsAskForLinkify(t *testing.T) {
	r := New()
	tests := []struct {
		src  string
		want bool
	}{
		{"Most sciatica gets better ([Valat, 2010](https://doi.org/10.1016/j.jbspin.2009.11.009)).", false},
		{"![A spine](https://example.org/spine.png) <https://example.org> <a href=\"mailto:a@b.org\">mail</a>", false},
		{"See https://example.org.", true},
		{"See www.example.org.", true},
		{"Write to a@example.org.", true},
		{"Code: `a@b` is text too, to be safe.", true},
		{"An ellipsis takes the dot: www...example", true},
	}
	for _, tt := range tests {
		st := r.newState(caseSource, []byte(tt.src), caseOffset, textOptions())
		st.findAutolinks = true
		parse(r.plain, []byte(tt.src), st)
		if st.autolinks != tt.want {
			t.Errorf("%q: parsed again with the linkify parser: %v, want %v", tt.src, st.autolinks, tt.want)
		}
	}
}

// TestPlainParserAgrees renders every case of testdata and plainCases with
// a Renderer and with one that always autolinks: the same Document.
func TestPlainParserAgrees(t *testing.T) {
	r, linkified := New(), linkifiedRenderer()
	if r.plain == nil {
		t.Fatal("New has no parser without linkify")
	}
	for _, in := range append(caseInputs(t), plainCases...) {
		sameWithoutLinkify(t, r, linkified, in)
	}
}

// plainCases are bodies whose text goldmark splits differently with and
// without the linkify parser: spaces at the end of lines, hard breaks,
// emphasis and punctuation next to spaces, tabs, escapes.
var plainCases = []string{
	"a slipped disc \nsciatica  \nnext\\\nline",
	"*a slipped disc* _sciatica_ ~~gone~~ (555) 010-0100\n\ttabbed slipped disc",
	"A slipped\ndisc\n\n- sciatica\n- a slipped disc (555)\n  010-0100",
	"\\ slipped disc \\* (sciatica) ( slipped disc ) `code  span`",
	"> quoted slipped disc\n> sciatica\n\n| a slipped disc | sciatica |\n|---|---|\n| x y | z |",
	"# A slipped disc {#x}\n\n[a slipped disc](/conditions/sciatica/) sciatica",
	// Something to autolink in a destination, a tag, an autolink, code,
	// a link's text, and in running text.
	"[a source](https://doi.org/10.1/x) and <https://example.org> and <a href=\"http://x.org\">x</a>",
	"`www.example.com` [mail@example.com](/x/) ![www.x.org](https://x.org/a.png)",
	"Write to mail@example.com or see www.example.com, (https://example.org).",
	"*www.example.com* x`y@example.com` a--b@example.com https://a.com/x--y~z~",
}

func FuzzPlainParserAgrees(f *testing.F) {
	for _, in := range append(caseInputs(f), plainCases...) {
		f.Add(in)
	}
	r, linkified := New(), linkifiedRenderer()
	f.Fuzz(func(t *testing.T, src string) {
		sameWithoutLinkify(t, r, linkified, src)
	})
}

// addedMarkup matches what the glossary and the phone links add to a
// text: the tags around a term and its definition, and a tel: link's
// start tag; and every link's end tag. It is left out on both sides of a
// comparison (a writer's own tel: links too).
var addedMarkup = regexp.MustCompile(`<dfn class="gloss">|</dfn><span class="gloss-def"> \([^<]*\)</span>|<a href="tel:[^"]*">|</a>`)

// sameTextWithGlossary renders src with and without the glossary and the
// phone numbers, and reports a difference in the HTML but their markup
// and how the white space runs: marking terms and numbers must neither
// lose nor move text.
func sameTextWithGlossary(t *testing.T, r *Renderer, src string) {
	t.Helper()
	opts := textOptions()
	with, _ := r.RenderWith(caseSource, []byte(src), caseOffset, opts)
	opts.Glossary, opts.Phones = nil, nil
	without, _ := r.RenderWith(caseSource, []byte(src), caseOffset, opts)
	got := strings.Join(strings.Fields(addedMarkup.ReplaceAllString(with.HTML, "")), " ")
	want := strings.Join(strings.Fields(addedMarkup.ReplaceAllString(without.HTML, "")), " ")
	if got != want {
		t.Errorf("%q:\nwith the glossary, its markup left out: %s\nwithout:                                %s", src, got, want)
	}
}

func TestGlossaryKeepsTheText(t *testing.T) {
	r := New()
	for _, in := range append(caseInputs(t), plainCases...) {
		sameTextWithGlossary(t, r, in)
	}
}

func FuzzGlossaryKeepsTheText(f *testing.F) {
	for _, in := range append(caseInputs(f), plainCases...) {
		f.Add(in)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		sameTextWithGlossary(t, r, src)
	})
}
