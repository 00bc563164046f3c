package content

import (
	"strings"
	"testing"
)

// TestSetKey checks that setting a front matter key changes that one line,
// or adds it at the end of the front matter, and nothing else.
func TestSetKey(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"added", "---\ntitle: Ciática\n---\nTexto.\n", "---\ntitle: Ciática\noriginal_version: abc\n---\nTexto.\n", ""},
		{"replaced", "---\ntitle: A\noriginal_version: old # a comment\nslug: a\n---\n", "---\ntitle: A\noriginal_version: abc\nslug: a\n---\n", ""},
		{"windows line endings", "---\r\ntitle: A\r\n---\r\nB\r\n", "---\r\ntitle: A\r\noriginal_version: abc\r\n---\r\nB\r\n", ""},
		{"a nested key of the same name is not the key", "---\ntitle: A\nlist:\n  original_version: x\n---\n", "---\ntitle: A\nlist:\n  original_version: x\noriginal_version: abc\n---\n", ""},
		{"no front matter", "Just text.\n", "", "f.md: the file has no front matter between --- lines"},
		{"not closed", "---\ntitle: A\n", "", "f.md: the front matter opened with --- is never closed"},
		{"a block value", "---\noriginal_version:\n  - a\n---\n", "", "f.md:2: original_version holds more than one line"},
	}
	for _, tt := range tests {
		got, err := SetKey("f.md", []byte(tt.in), "original_version", "abc")
		if tt.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: SetKey = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}
