package sitefs

import "testing"

func TestIgnored(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		// Real files and folders.
		{"x.md", false},
		{"_index.md", false},
		{"_default", true},
		{"_notes.md", true},
		{"site.yaml", false},
		{"asthma.md", false},
		{"logo.svg", false},
		{"sedatives", false},
		{"sedation.md", false},
		{"4912", false},
		{"4914", false},
		{"2024", false},
		{"x.saved.md", false},
		{"#hashtag.md", false},
		{"x.swf.md", false},
		{"", false},

		// vim.
		{".x.md.swp", true},
		{".x.md.swo", true},
		{".x.md.swn", true},
		{"x.md.swp", true},
		{".x.md.swx", true},
		{"x.md.swpx", true},
		{"4913", true},
		{"5036", true},
		{"5159", true},
		{"x.md~", true},

		// Emacs.
		{"#x.md#", true},
		{".#x.md", true},

		// JetBrains.
		{"x.md___jb_tmp___", true},
		{"x.md___jb_old___", true},

		// VS Code and others.
		{".x.md.tmp", true},
		{"x.md.tmp", true},
		{"x.md.crswap", true},

		// Kate, gedit, nano, sed, LibreOffice, macOS, git.
		{"x.md.kate-swp", true},
		{".goutputstream-Q1W2E3", true},
		{"x.md.save", true},
		{"x.md.save.1", true},
		{"sedK3xZ9q", true},
		{"sed0a1b2c", true},
		{".~lock.x.odt#", true},
		{".DS_Store", true},
		{".git", true},
		{".hidden.md", true},
	}
	for _, tt := range tests {
		if got := Ignored(tt.name); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
