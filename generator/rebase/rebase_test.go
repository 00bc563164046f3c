package rebase

import "testing"

func TestHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"links and assets", `<a href="/conditions/">C</a><link rel="stylesheet" href="/css/main.css?v=1a2b"><img src="/images/a.png" alt="A">`,
			`<a href="/clinic/conditions/">C</a><link rel="stylesheet" href="/clinic/css/main.css?v=1a2b"><img src="/clinic/images/a.png" alt="A">`},
		{"home", `<a href="/">Home</a>`, `<a href="/clinic/">Home</a>`},
		{"left alone", `<a href="https://www.nhs.uk/">NHS</a><a href="//cdn.example/x">x</a><a href="#top">Top</a><a href="tel:+1555">call</a><a href="rel/x">r</a>`,
			`<a href="https://www.nhs.uk/">NHS</a><a href="//cdn.example/x">x</a><a href="#top">Top</a><a href="tel:+1555">call</a><a href="rel/x">r</a>`},
		{"already under the base", `<a href="/clinic/x/">x</a>`, `<a href="/clinic/x/">x</a>`},
		{"srcset", `<img src="/a.png" srcset="/a-2x.png 2x, /a-3x.png 3x" alt="">`, `<img src="/clinic/a.png" srcset="/clinic/a-2x.png 2x, /clinic/a-3x.png 3x" alt="">`},
		{"form and style", `<form method="post" action="/search/"><div style="background:url(/bg.png)"></div></form>`,
			`<form method="post" action="/clinic/search/"><div style="background:url(/clinic/bg.png)"></div></form>`},
		{"style element", "<style>body{background:url('/bg.png')}</style>", "<style>body{background:url('/clinic/bg.png')}</style>"},
		{"meta refresh", `<meta http-equiv="refresh" content="0; url=/new/">`, `<meta http-equiv="refresh" content="0; url=/clinic/new/">`},
		{"text and scripts untouched", `<p>see /conditions/</p><script type="application/ld+json">{"url":"/x/"}</script>`,
			`<p>see /conditions/</p><script type="application/ld+json">{"url":"/x/"}</script>`},
		{"doctype and comments kept", "<!doctype html>\n<!-- a note -->\n<html lang=\"en\"><body></body></html>", "<!doctype html>\n<!-- a note -->\n<html lang=\"en\"><body></body></html>"},
		{"escaped values", `<a href="/search/?q=back&amp;page=2">s</a>`, `<a href="/clinic/search/?q=back&amp;page=2">s</a>`},
	}
	for _, tt := range tests {
		if got := string(HTML([]byte(tt.in), "/clinic/")); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if got := string(HTML([]byte(tt.in), "/")); got != tt.in {
			t.Errorf("%s: a site at the root changed: %s", tt.name, got)
		}
	}
}

func TestCSS(t *testing.T) {
	in := `@import "/css/base.css"; a{background:url(/i/a.png)} b{background:url("/i/b.png")} c{background:url(data:image/png;base64,AA)} d{background:url(//cdn/x.png)} e{background:url(i/rel.png)}`
	want := `@import "/clinic/css/base.css"; a{background:url(/clinic/i/a.png)} b{background:url("/clinic/i/b.png")} c{background:url(data:image/png;base64,AA)} d{background:url(//cdn/x.png)} e{background:url(i/rel.png)}`
	if got := string(CSS([]byte(in), "/clinic/")); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
