package htmlcheck

import (
	"strings"
	"testing"
)

// TestRaw checks files published as they are: every way to run script or
// to load from another host is found, at its line, and what is harmless
// passes.
func TestRaw(t *testing.T) {
	c := New([]string{"maps.example.com"})
	tests := []struct {
		name, data string
		want       []string // rule@line, in order
	}{
		{"clean page", "<!doctype html><html lang=en><body><h1>Hi</h1><img src=/a.png alt=''><a href='https://www.nhs.uk/'>NHS</a></body></html>", nil},
		{"clean diagram", `<svg xmlns="http://www.w3.org/2000/svg"><title>Spine</title><rect width="1" height="1"/><use href="#a"/></svg>`, nil},
		{"allowed host", `<img src="https://maps.example.com/m.png" alt="map">`, nil},
		{"script element", "<p>a</p>\n<script>alert(1)</script>", []string{"privacy.script@2"}},
		{"script in SVG", "<svg>\n<script>alert(1)</script></svg>", []string{"privacy.script@2"}},
		{"event handler", `<body onload="x()">`, []string{"privacy.script@1"}},
		{"event handler upper case", `<svg ONLOAD="x()"></svg>`, []string{"privacy.script@1"}},
		{"javascript link", `<a href="javascript:alert(1)">a</a>`, []string{"privacy.script@1"}},
		{"javascript with a tab", "<a href=\"java\tscript:alert(1)\">a</a>", []string{"privacy.script@1"}},
		{"javascript in xlink", `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="JavaScript:alert(1)"><text>a</text></a></svg>`, []string{"privacy.script@1"}},
		{"data html in an iframe", `<iframe src="data:text/html,<script>alert(1)</script>"></iframe>`, []string{"privacy.script@1"}},
		{"tracker image", "\n\n<img src=\"https://t.example.net/p.gif\" alt=\"\">", []string{"privacy.host@3"}},
		{"protocol-relative", `<img src="//t.example.net/p.gif" alt="">`, []string{"privacy.host@1"}},
		{"srcset", `<img src="/a.png" srcset="/a2.png 2x, https://t.example.net/a3.png 3x" alt="">`, []string{"privacy.host@1"}},
		{"SVG use", `<svg><use href="https://cdn.example.org/s.svg#i"/></svg>`, []string{"privacy.host@1"}},
		{"style attribute", `<div style="background:url(https://cdn.example.org/b.png)"></div>`, []string{"privacy.host@1"}},
		{"style element", "<style>\n@import \"https://fonts.example.org/f.css\";\n</style>", []string{"privacy.host@2"}},
		{"stylesheet link", `<link rel="stylesheet" href="https://cdn.example.org/a.css">`, []string{"privacy.host@1"}},
		{"a link is not a load", `<a href="https://other.example.org/">Other</a><link rel="canonical" href="https://other.example.org/">`, nil},
		{"form by GET", `<form action="/search"><input name=q></form>`, []string{"privacy.form@1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range c.Raw("x.html", []byte(tt.data)) {
			got = append(got, e.Rule+"@"+itoa(e.Line))
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
