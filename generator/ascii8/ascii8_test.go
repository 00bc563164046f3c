package ascii8

import (
	"testing"
)

// TestAgainstEachByte holds each test of eight bytes to the same test of
// each byte, for every ASCII byte in every place among others.
func TestAgainstEachByte(t *testing.T) {
	for c := range 0x80 {
		for place := range 8 {
			b := []byte("Ab1 -'z.")
			b[place] = byte(c)
			s := string(b)
			x := Load(s, 0)
			for i := range 8 {
				if got := byte(x >> (8 * i)); got != s[i] {
					t.Fatalf("Load(%q) has byte %d %q, want %q", s, i, got, s[i])
				}
			}
			for _, tc := range []struct {
				name string
				mask uint64
				is   func(byte) bool
			}{
				{"Letters", Letters(x), func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }},
				{"Digits", Digits(x), func(c byte) bool { return '0' <= c && c <= '9' }},
				{"Equal '-'", Equal(x, '-'), func(c byte) bool { return c == '-' }},
				{"Equal 0", Equal(x, 0), func(c byte) bool { return c == 0 }},
			} {
				for i := range 8 {
					if got, want := tc.mask>>(8*i)&0xff == 0x80, tc.is(s[i]); got != want || tc.mask>>(8*i)&0x7f != 0 {
						t.Fatalf("%s(%q): byte %d (%q) marked %v, want %v", tc.name, s, i, s[i], got, want)
					}
				}
			}
			for _, n := range []byte{0, 1, 0x20, 0x21, 'a', 0x7f, 0x80, byte(c)} {
				less := false
				for i := range 8 {
					less = less || s[i] < n
				}
				if HasLess(x, n) != less {
					t.Fatalf("HasLess(%q, %#x) = %v, want %v", s, n, !less, less)
				}
			}
			for _, want := range []byte{'.', '-', 'A', 0, 0x7f, byte(c)} {
				has := false
				for i := range 8 {
					has = has || s[i] == want
				}
				if Has(x, want) != has {
					t.Fatalf("Has(%q, %q) = %v, want %v", s, want, !has, has)
				}
			}
		}
	}
}
