package render

import (
	"html/template"
	"testing"
)

// TestSplitBody checks where a body is split: before its first level-2
// heading, whatever comes before it.
func TestSplitBody(t *testing.T) {
	tests := []struct {
		in         template.HTML
		lead, rest template.HTML
	}{
		{"", "", ""},
		{"<p>A disc.</p>\n", "<p>A disc.</p>\n", ""},
		{"<p>A disc.</p>\n<h2 id=\"x\">How common</h2>\n<p>Very.</p>\n", "<p>A disc.</p>", "<h2 id=\"x\">How common</h2>\n<p>Very.</p>\n"},
		{"<h2 id=\"x\">First</h2>\n<p>Text.</p>\n", "", "<h2 id=\"x\">First</h2>\n<p>Text.</p>\n"},
		{"<p>Intro.</p>\n<h3>Minor</h3>\n<p>More.</p>\n<h2>Major</h2>\n", "<p>Intro.</p>\n<h3>Minor</h3>\n<p>More.</p>", "<h2>Major</h2>\n"},
	}
	for _, tt := range tests {
		got := splitBody(tt.in)
		if got.Lead != tt.lead || got.Sections != tt.rest {
			t.Errorf("splitBody(%q) = %q, %q; want %q, %q", tt.in, got.Lead, got.Sections, tt.lead, tt.rest)
		}
	}
}
