package htmlcheck

import (
	"strings"
	"testing"
	"unicode"
)

const good = `<!doctype html><html lang="en"><head><link rel="stylesheet" href="/css/main.css">
<link rel="canonical" href="https://www.example.com/a/"><style>body{background:url(/bg.png)}</style></head>
<body><h1 id="t">Title</h1><h2>Part</h2><h3>Sub</h3><h2>Other</h2>
<img src="/a.png" alt="A spine model"><img src="/line.svg" alt="">
<a href="/b/">Our opening hours</a> <a href="/c/"><img src="/m.png" alt="Map"></a> <a href="/d/" aria-label="Home"></a>
<form role="search" action="/search/"><label for="s">Search</label><input id="s" type="search"><button type="submit">Search</button></form>
<form method="post" action="/send"><label for="n">Name</label><input id="n" name="n"><label>Email <input name="e"></label>
<textarea aria-label="Message"></textarea><input type="hidden" name="x"><input type="submit"></form>
<table><tr><th>Day</th></tr><tr><td>Mon</td></tr></table>
<img src="https://booking.example.net/logo.png" alt="Booking">
</body></html>`

func TestGoodPagePasses(t *testing.T) {
	if errs := New([]string{"booking.example.net"}).Page("content/a.md", "/a/", []byte(good)); errs != nil {
		t.Fatal(errs)
	}
}

func TestPageProblems(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"no lang", `<html><body><h1>T</h1></body></html>`, "the <html> element has no lang attribute"},
		{"two h1", `<html lang="en"><body><h1>T</h1><h1>U</h1></body></html>`, "the page has 2 <h1> headings"},
		{"no h1", `<html lang="en"><body><h2>T</h2></body></html>`, "the page has 0 <h1> headings"},
		{"skipped level", `<html lang="en"><body><h1>T</h1><h3>Deep</h3></body></html>`, `the heading "Deep" (h3) skips a level`},
		{"img without alt", `<html lang="en"><body><h1>T</h1><img src="/x.png"></body></html>`, "the image /x.png has no alt attribute"},
		{"empty link", `<html lang="en"><body><h1>T</h1><a href="/x/"> </a></body></html>`, "a link to /x/ has no text"},
		{"vague link", `<html lang="en"><body><h1>T</h1><a href="/x/">Click here</a></body></html>`, `the link text "Click here" does not say where the link goes`},
		{"duplicate id", `<html lang="en"><body><h1 id="a">T</h1><p id="a"></p></body></html>`, `the id "a" is used 2 times`},
		{"unlabelled input", `<html lang="en"><body><h1>T</h1><form method="post"><input name="q"></form></body></html>`, "the form control input q has no label"},
		{"table without th", `<html lang="en"><body><h1>T</h1><table><tr><td>1</td></tr></table></body></html>`, "a table has no header cells"},
		{"GET form", `<html lang="en"><body><h1>T</h1><form action="/s"><label>Name <input name="q"></label></form></body></html>`, `a form is sent with "GET"`},
		{"GET form, select", `<html lang="en"><body><h1>T</h1><form method="get" action="/s"><label>Pain <select name="where"><option>back</option></select></label></form></body></html>`, `a form is sent with "GET"`},
		{"third-party script", `<html lang="en"><head><script src="https://www.googletagmanager.com/gtag/js"></script></head><body><h1>T</h1></body></html>`, "loads from another host, www.googletagmanager.com"},
		{"protocol-relative font css", `<html lang="en"><head><link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto"></head><body><h1>T</h1></body></html>`, "fonts.googleapis.com"},
		{"srcset", `<html lang="en"><body><h1>T</h1><img alt="x" srcset="/a.png 1x, https://cdn.example.org/b.png 2x"></body></html>`, "cdn.example.org"},
		{"iframe embed", `<html lang="en"><body><h1>T</h1><iframe src="https://www.youtube.com/embed/x" title="v"></iframe></body></html>`, "www.youtube.com"},
		{"inline style url", `<html lang="en"><body><h1 style="background:url('https://evil.example/p.gif')">T</h1></body></html>`, "evil.example"},
	}
	c := New(nil)
	for _, tt := range tests {
		errs := c.Page("content/a.md", "/a/", []byte(tt.page))
		found := false
		for _, e := range errs {
			if strings.Contains(e.Error(), tt.want) && strings.HasPrefix(e.Error(), "content/a.md: ") && strings.Contains(e.Error(), "(on /a/)") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want an error containing %q, got\n%v", tt.name, tt.want, errs)
		}
	}
}

func TestStylesheet(t *testing.T) {
	c := New([]string{"*.example.net"})
	css := "body{}\n@import \"https://fonts.googleapis.com/css\";\n.a{background:url(/x.png)}\n.b{background:url(https://img.example.net/y.png)}\n.c{background:url( 'https://tracker.example.com/p.gif' )}\n"
	errs := c.Stylesheet("css/main.css", []byte(css))
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "css/main.css:5: the stylesheet loads https://tracker.example.com/p.gif") && !strings.HasPrefix(errs[1].Error(), "css/main.css:5:") {
		t.Errorf("got %v", errs)
	}
}

func FuzzPage(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte(`<a><a></a></a><h7><table><th></table></table></label></label>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		New([]string{"a.b"}).Page("x", "/x/", page)
	})
}

func TestInspectReturnsIDs(t *testing.T) {
	page := `<!doctype html><html lang="en"><body><h1 id="top">T</h1><h2 id="why&#45;it&amp;hurts">Why</h2>
<p id="a">x</p><p id="a">y</p><script>var s = ' id="not-an-element"';</script></body></html>`
	errs, ids := New(nil).Inspect("content/a.md", "/a/", []byte(page))
	if got, want := strings.Join(ids, " "), "a top why-it&hurts"; got != want {
		t.Errorf("ids = %q, want %q (sorted, unescaped, each once, none from scripts)", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `the id "a" is used 2 times`) {
		t.Errorf("errors = %v, want the duplicate id", errs)
	}
}

// FuzzLinkText holds joinFields and isVague to the expressions they
// replace: strings.Join(strings.Fields(s), " ") and a look-up of the text
// lowercased without the punctuation around it.
func FuzzLinkText(f *testing.F) {
	for _, s := range []string{"", " ", "here", " Click  here! ", "read\tmore", "a b", "Learn more…", "clic\u212a here", "\u00a0here", "x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		got := joinFields(s)
		if got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", s, got, want)
		}
		if v, w := isVague(got), vagueText[strings.ToLower(strings.TrimFunc(got, unicode.IsPunct))]; v != w {
			t.Fatalf("isVague(%q) = %v, want %v", got, v, w)
		}
	})
}
