package schema

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>No. Keep <strong>moving</strong>.</p>\n", "No. Keep moving."},
		{"<p>One</p><p>Two</p>", "One Two"},
		{"<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "a b"},
		{`<p>A <a href="/conditions/x/" title="a > b">slipped disc</a> hurts.</p>`, "A slipped disc hurts."},
		{"<p>Fish &amp; chips &lt;3 &quot;ok&quot; &#39;x&#39;</p>", `Fish & chips <3 "ok" 'x'`},
		{"a<br>b<br/>c", "a b c"},
		{"x <!-- hidden --> y", "x y"},
		{"x <script>alert('<p>')</script> y", "x y"},
		{"x <style>p{}</style>y", "x y"},
		{"1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
		{"<p>unclosed <a href='x", "unclosed"},
		{"<a href=x'y>z</a>", "z"},
		{"  spaced \n\t out  ", "spaced out"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{"<p>a <em>b</em></p>", "<script>x</script>y", "<!-- c", "a < b", "<a href='>'>x</a>", "&amp;&#xZZ;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := htmlText(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("htmlText(%q) = %q: invalid UTF-8", s, got)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("htmlText(%q) = %q: white space not collapsed", s, got)
		}
	})
}
