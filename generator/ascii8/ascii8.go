// Package ascii8 looks at eight bytes of text at once: loaded into a
// uint64, little-endian, they are tested together with a few additions and
// masks (SWAR: SIMD within a register) rather than one at a time. The
// search index's tokenizer, the readability scorer and the wording checks
// read every byte of every page's prose with these; each package builds
// its own tests from them.
//
// Letters, Digits and Equal give a mask, 0x80 in each byte that passes
// and 0 in the others, and are exact only for bytes under 0x80: callers
// test x&High first, and take a text with other bytes one byte at a time.
package ascii8

// Ones is 1 in each of eight bytes, and High the high bit of each.
const (
	Ones = 0x0101010101010101
	High = 0x80 * Ones
)

// Load returns the eight bytes of s from i on as a little-endian number
// (one load: the compiler joins them).
func Load(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Letters returns the mask of the bytes of x that are ASCII letters: a
// byte folded onto lower case is at least 'a' when adding 0x80-'a' sets
// its high bit, and above 'z' when adding 0x7f-'z' does, and neither
// carries into the next byte.
func Letters(x uint64) uint64 {
	y := x | 0x20*Ones // 'A'–'Z' folded onto 'a'–'z'
	return (y + (0x80-'a')*Ones) &^ (y + (0x7f-'z')*Ones) & High
}

// Digits returns the mask of the bytes of x that are ASCII digits, as
// Letters finds letters.
func Digits(x uint64) uint64 {
	return (x + (0x80-'0')*Ones) &^ (x + (0x7f-'9')*Ones) & High
}

// Equal returns the mask of the bytes of x equal to c: a byte of x XOR c
// is not 0 when adding 0x7f to it, or it, sets its high bit.
func Equal(x uint64, c byte) uint64 {
	t := x ^ uint64(c)*Ones
	return ^((t + 0x7f*Ones) | t) & High
}

// Has reports whether a byte of x is c: whether x XOR c has a zero byte,
// found by subtracting 1 from each byte, which sets the high bit of a zero
// one first (a byte above it may be marked too, so the test is exact as a
// yes or no, not as a mask). It is cheaper than Equal(x, c) != 0.
func Has(x uint64, c byte) bool {
	y := x ^ uint64(c)*Ones
	return (y-Ones)&^y&High != 0
}

// HasLess reports whether a byte of x, all under 0x80, is less than n (at
// most 0x80): subtracting n from each byte sets the high bit of such a
// byte first (exact as a yes or no, as Has is).
func HasLess(x uint64, n byte) bool {
	return (x-uint64(n)*Ones)&^x&High != 0
}
