package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// linkifyPair renders Markdown with goldmark's own linkify extension and
// with the look-ahead version, each with the other GFM inline syntax that
// shares its triggers.
func linkifyPair() (theirs, ours goldmark.Markdown) {
	theirs = goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Linkify))
	ours = goldmark.New(goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(newLinkify(), 999))))
	return theirs, ours
}

func sameLinks(t *testing.T, theirs, ours goldmark.Markdown, src []byte) {
	t.Helper()
	var a, b bytes.Buffer
	errA, errB := theirs.Convert(src, &a), ours.Convert(src, &b)
	if (errA == nil) != (errB == nil) || a.String() != b.String() {
		t.Errorf("%q:\ngoldmark's linkify: %s (%v)\nours:               %s (%v)", src, a.String(), errA, b.String(), errB)
	}
}

var linkifyCases = []string{
	"Visit https://example.com/a_(b) today, or http://x.org.",
	"See www.nhs.uk/conditions/sciatica/ and (www.example.com).",
	"Write to front.desk+spine@clinic.example.org. Or to a@b, or @home, or x@y.z_",
	"*www.emphasis.com* _https://under.score_ ~ftp://files.example.net~",
	"Not links: http, www, e-mail, mail@, @, wwww.example.com, HTTP://UPPER.EXAMPLE.",
	"A line\nhttps://starts.example.com/path?q=1&amp;r=2; then text",
	"A local part that is far too long for an address: " +
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com",
	"[a link with www.inside.com](/x/) and <https://angle.example.com>",
	"Punctuation first: !user@example.com ,www.example.com .https://example.com",
	"Trailing: https://example.com/path).  www.example.com!  mail@example.com.",
	"",
}

func TestLinkifyMatchesGoldmark(t *testing.T) {
	theirs, ours := linkifyPair()
	for _, c := range linkifyCases {
		sameLinks(t, theirs, ours, []byte(c))
	}
}

func FuzzLinkify(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c)
	}
	theirs, ours := linkifyPair()
	f.Fuzz(func(t *testing.T, src string) {
		sameLinks(t, theirs, ours, []byte(src))
	})
}
