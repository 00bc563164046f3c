package markdown

import (
	"strings"
	"testing"
)

func TestTelURL(t *testing.T) {
	for phone, want := range map[string]string{
		"(555) 010-0100":   "tel:+15550100100",
		"1-555-010-0100":   "tel:+15550100100",
		"+44 20 7946 0000": "tel:+442079460000",
		"911":              "tel:911",
	} {
		if got := TelURL(phone); got != want {
			t.Errorf("TelURL(%q) = %q, want %q", phone, got, want)
		}
	}
}

// TestPhonesBecomeLinks checks that the site's phone numbers in running
// text become tel: links, and that headings, links, code and longer
// numbers are left alone.
func TestPhonesBecomeLinks(t *testing.T) {
	phones := []string{"(555) 010-0100", "(555) 010-0199"}
	tests := []struct{ name, src, want string }{
		{"in a sentence", "To book, call (555) 010-0100 today.",
			`<p>To book, call <a href="tel:+15550100100">(555) 010-0100</a> today.</p>`},
		{"two numbers, in order", "Call (555) 010-0199 at night, (555) 010-0100 by day.",
			`<p>Call <a href="tel:+15550100199">(555) 010-0199</a> at night, <a href="tel:+15550100100">(555) 010-0100</a> by day.</p>`},
		{"in bold", "Call **(555) 010-0100**.",
			`<p>Call <strong><a href="tel:+15550100100">(555) 010-0100</a></strong>.</p>`},
		{"in a link already", "[Call (555) 010-0100](/contact/)", `<p><a href="/contact/">Call (555) 010-0100</a></p>`},
		{"in code", "Dial `(555) 010-0100`.", `<p>Dial <code>(555) 010-0100</code>.</p>`},
		{"part of a longer number", "Ref (555) 010-01001.", `<p>Ref (555) 010-01001.</p>`},
	}
	for _, tt := range tests {
		doc, errs := New().RenderWith("content/a.md", []byte(tt.src), 1, Options{Phones: phones})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.name, errs)
		}
		if got := strings.TrimSpace(string(doc.HTML)); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
	doc, _ := New().RenderWith("content/a.md", []byte("## Call (555) 010-0100\n"), 1, Options{Phones: phones})
	if strings.Contains(string(doc.HTML), "tel:") {
		t.Errorf("a heading's number became a link: %s", doc.HTML)
	}
}
