package sitefs

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, data, want string // want: "" for text that passes
	}{
		{"plain", "---\ntitle: Back pain\n---\nRest a little.\r\n\tThen walk.\n", ""},
		{"accents and emoji", "Señora Pérez – “café” ✓ 🙂\n", ""},
		{"byte-order mark", "\ufeff---\ntitle: x\n", ""},
		{"Latin-1", "title: Caf\xe9\n", "x.md:1:11: the file is not UTF-8 text: byte 0xE9"},
		{"SOH in a title", "---\ntitle: Back\x01pain\n", "x.md:2:12: the file holds the invisible character U+0001"},
		{"escape", "ok\nA \x1b[31mred\x1b[0m word\n", "x.md:2:3: the file holds the invisible character U+001B"},
		{"form feed", "a\fb\n", "x.md:1:2: the file holds the invisible character U+000C"},
		{"delete", "a\x7fb\n", "x.md:1:2: the file holds the invisible character U+007F"},
		{"C1 control", "a\u0085b\n", "x.md:1:2: the file holds the invisible character U+0085"},
		{"noncharacter FFFE", "title: a\ufffeb\n", "x.md:1:9: the file holds the invisible character U+FFFE"},
		{"noncharacter FDD0", "\ufdd0\n", "x.md:1:1: the file holds the invisible character U+FDD0"},
		{"plane 1 noncharacter", "x\U0001FFFF\n", "x.md:1:2: the file holds the invisible character U+1FFFF"},
	}
	for _, tt := range tests {
		err := Text("x.md", []byte(tt.data))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestTextEightAtATime puts each byte Text must stop at, and each it must
// pass, at every place of a run of printable text: its quick pass reads
// eight bytes at a time, and must see the byte wherever it falls.
func TestTextEightAtATime(t *testing.T) {
	for _, c := range []byte{0x00, 0x01, 0x1f, 0x7f, 0x80, 0xe9, 0xff, '\t', '\n', '\r', ' ', '~'} {
		for at := range 24 {
			data := []byte(strings.Repeat("abcdefgh", 3))
			data[at] = c
			got, want := Text("f.md", data), where("f.md", data)
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Errorf("byte 0x%02x at %d: Text %v, the careful pass %v", c, at, got, want)
			}
			if pass := c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0x7f; pass != (got == nil) {
				t.Errorf("byte 0x%02x at %d: Text %v", c, at, got)
			}
		}
	}
}

// FuzzText checks Text's quick pass over printable ASCII against the
// careful one: both find the same problem, or none.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain text\n", "caf\xc3\xa9", "bad \xff byte", "tab\tok\r\n", "bell\x07", "del\x7f", "\xef\xbf\xbe", "\xc2\x85"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, want := Text("f.md", data), where("f.md", data)
		if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
			t.Fatalf("Text(%q) = %v, the careful pass %v", data, got, want)
		}
	})
}
