package search

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// textOfByRegexp is textOf's definition, as a regular expression.
func textOfByRegexp(h string) string {
	tag := regexp.MustCompile(`<[^>]*>`)
	return strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(h, " "))), " ")
}

// TestTextOf compares textOf with its definition on answers as FAQ pages
// have them and on broken HTML.
func TestTextOf(t *testing.T) {
	for _, h := range []string{
		"", "plain", "<p>Yes. Call <a href=\"tel:+15550100\">(555) 010-0100</a>.</p>",
		"<p>Rest &amp; ice &lt;2 days&gt;</p>\n<ul>\n<li>one</li><li>two</li></ul>",
		"a<b", "a < b > c", "<<p>>x", "<p>unclosed <em", "&nbsp;x&#39;s", "<br/>line<br>line",
	} {
		if got, want := textOf(h), textOfByRegexp(h); got != want {
			t.Errorf("textOf(%q) = %q; want %q", h, got, want)
		}
	}
}

// FuzzTextOf compares textOf with its definition on any text.
func FuzzTextOf(f *testing.F) {
	f.Add("<p>a &amp; b</p><em")
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := textOf(h), textOfByRegexp(h); got != want {
			t.Errorf("textOf(%q) = %q; want %q", h, got, want)
		}
	})
}
