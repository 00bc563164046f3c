package markdown

import (
	"slices"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		dest string
		want destKind
	}{
		{"", destSame},
		{"#risks", destSame},
		{"?page=2", destSame},
		{"rfa.md", destInternal},
		{"../procedures/rfa.md#risks", destInternal},
		{"/conditions/sciatica/", destInternal},
		{"diagram.svg", destInternal},
		{"./a:b", destInternal}, // a colon after a slash is not a scheme
		{"https://example.com", destExternal},
		{"HTTP://example.com", destExternal},
		{"//example.com/x", destExternal},
		{"/\\example.com", destExternal},
		{"\\\\example.com", destExternal},
		{"mailto:a@example.com", destOther},
		{"tel:+1555", destOther},
		{"data:image/png;base64,AAAA", destOther},
		{"DATA:IMAGE/WEBP,AAAA", destOther},
		{"javascript:alert(1)", destUnsafe},
		{"JaVaScRiPt:alert(1)", destUnsafe},
		{" javascript:alert(1)", destUnsafe},
		{"\x01javascript:alert(1)", destUnsafe},
		{"java\tscript:alert(1)", destUnsafe},
		{"java\nscript:alert(1)", destUnsafe},
		{"java\r\nscript:alert(1)", destUnsafe},
		{"vbscript:msgbox(1)", destUnsafe},
		{"file:///etc/passwd", destUnsafe},
		{"data:text/html,<script>", destUnsafe},
		{"data:image/svg+xml,<svg onload=x>", destUnsafe},
		{"data:image/pngx,AAAA", destUnsafe},
		{"data:image/png", destUnsafe},
		{"data:", destUnsafe},
		{"sms:+15550100100", destOther},
		{"smb://host/share", destUnknown},
		{"search-ms:query=x", destUnknown},
		{"ms-msdt:/id", destUnknown},
		{"intent://scan/#Intent;end", destUnknown},
		{"view-source:https://x.example/", destUnknown},
		{"blob:https://x.example/1", destUnknown},
		{"ftp://x.example/", destUnknown},
	}
	for _, tt := range tests {
		if got := classify(tt.dest); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.dest, got, tt.want)
		}
	}
}

func TestDecodeDest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"&#106;avascript:", "javascript:"},
		{"&#x6A;avascript:", "javascript:"},
		{"javascript&colon;x", "javascript:x"},
		{`a\_b`, "a_b"},
		{"a&amp;b", "a&b"},
		{"plain.md", "plain.md"},
	}
	for _, tt := range tests {
		if got := decodeDest([]byte(tt.in)); got != tt.want {
			t.Errorf("decodeDest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLineIndex(t *testing.T) {
	x := newLineIndex([]byte("ab\ncd\n\nef"), 10)
	tests := []struct{ pos, want int }{
		{-1, 0}, {0, 11}, {2, 11}, {3, 12}, {5, 12}, {6, 13}, {7, 14}, {8, 14}, {100, 14},
	}
	for _, tt := range tests {
		if got := x.line(tt.pos); got != tt.want {
			t.Errorf("line(%d) = %d, want %d", tt.pos, got, tt.want)
		}
	}
	// The starts are those of a byte-by-byte search.
	for _, src := range []string{"", "\n", "a", "a\n", "\n\n", "ab\ncd\n\nef", "\r\n\r\nx\n" + strings.Repeat("line\n", 40)} {
		want := []int{0}
		for i := range len(src) {
			if src[i] == '\n' {
				want = append(want, i+1)
			}
		}
		if got := newLineIndex([]byte(src), 0).starts; !slices.Equal(got, want) {
			t.Errorf("newLineIndex(%q).starts = %v, want %v", src, got, want)
		}
	}
}
