package check

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// finderCase is a text and the words a finder must find in it.
type finderCase struct {
	text string
	want []string
}

// testFinder runs find, named name, on each case.
func testFinder(t *testing.T, name string, find func(string) []phraseUse, cases []finderCase) {
	t.Helper()
	for _, tc := range cases {
		var got []string
		for _, u := range find(tc.text) {
			got = append(got, u.word)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s(%q) = %q, want %q", name, tc.text, got, tc.want)
		}
	}
}

func TestFindPromotional(t *testing.T) {
	testFinder(t, "findPromotional", findPromotional, []finderCase{
		{"Our state-of-the-art center guarantees pain-free recovery.", []string{"state-of-the-art", "guarantees", "pain-free"}},
		{"We give the best care in the state, with the Best Results.", []string{"best care", "Best Results"}},
		{"This treatment is completely safe and risk-free.", []string{"completely safe", "risk-free"}},
		{"We are uniquely placed to coordinate your care seamlessly.", []string{"uniquely", "seamlessly"}},
		{"It is a breakthrough. It cures back pain for good.", []string{"breakthrough", "cures"}},
		// Not claims: denied, asked, or advice.
		{"There is no cure for arthritis.", nil},
		{"Will the surgery cure my pain? It may help.", nil},
		{"Surgery is not painless. It has risks.", nil},
		{"It works best with exercise. Which clinic is best for you?", nil},
		{"The doctor picks the path that best reaches your disc.", nil},
	})
}

func TestFindPassive(t *testing.T) {
	testFinder(t, "findPassive", findPassive, []finderCase{
		{"The disc is removed through a small cut.", []string{"is removed"}},
		{"You will be given medicine. It was not done before.", []string{"be given", "was not done"}},
		{"The nerve is gently freed and the bone is carefully trimmed.", []string{"is gently freed", "is carefully trimmed"}},
		{"Nerves that are squeezed hurt.", []string{"are squeezed"}},
		// Not passive: describing, naming, or active.
		{"You may be tired. This is called sciatica. The clinic is closed on Sunday.", nil},
		{"The surgeon removes the disc. Rest is good.", nil},
	})
}

func TestFindOutcomes(t *testing.T) {
	testFinder(t, "findOutcomes", func(text string) []phraseUse {
		var out []phraseUse
		for _, m := range findOutcomes(text) {
			out = append(out, phraseUse{at: m[0], word: text[m[0]:m[1]]})
		}
		return out
	}, []finderCase{
		{"It means less pain and a Faster Recovery.", []string{"less pain", "Faster Recovery"}},
		{"Studies show lower complication rates and reduced opioid use.", []string{"lower complication rates", "reduced opioid use"}},
		{"About 1 in 5 people, or 20%, have less blood loss; 3 out of 10 need more.", []string{"1 in 5", "20%", "less blood loss", "3 out of 10"}},
		{"Its success rate is 85 percent.", []string{"success rate", "85 percent"}},
		// Not claims: no comparison of an outcome, no number of people.
		{"Tell us if you have more questions. Pain can last 6 weeks.", nil},
		{"Walk for 10 minutes, 3 times a day.", nil},
	})
}

func TestFindPassiveLeavesNamesAlone(t *testing.T) {
	testFinder(t, "findPassive", findPassive, []finderCase{
		{"Values are `helped_68` and is used2.", nil},
		{"It is, removed. It was\nremoved.", []string{"was removed"}},
	})
}

// refNumberClaims is the expression numberClaims reads text as: the
// reference TestNumberClaimsMatchTheExpression and FuzzNumberClaims hold it
// to.
var refNumberClaims = regexp.MustCompile(`(?i)\d+(?:[.,]\d+)?\s?(?:%|percent\b|per\s+cent\b)|\b\d+\s+(?:in|out\s+of)\s+\d+\b`)

func checkNumberClaims(t *testing.T, text string) {
	t.Helper()
	var want [][2]int
	for _, m := range refNumberClaims.FindAllStringIndex(text, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if got := numberClaims(text); !slices.Equal(got, want) {
		t.Errorf("numberClaims(%q) = %v, want %v", text, got, want)
	}
}

func TestNumberClaimsMatchTheExpression(t *testing.T) {
	for _, text := range []string{
		"About 1 in 5 people, or 20%, and 3 out of 10; 85 percent; 3.5 Per\tCent; 1,5 PERCENT.",
		"12 %, 12  %, 7 per, 7 percentage, 7 per cents, a12% b12 in 3, 1 in 5x, 1 in x5, 1 in, in 5",
		"2in 5, 2 in\n5, 2 OUT OF 3, 2 out  of 3, 2 out of3, 2 outof 3, 10 in 10 in 10, 5.5 in 3, _5 in 3",
		"1.%, 1.5.5%, 1,5%, 99per cent, 4 per\ncent_, ٣ in ٤, 5 In 6",
	} {
		checkNumberClaims(t, text)
	}
}

func FuzzNumberClaims(f *testing.F) {
	for _, s := range []string{"1 in 5", "20%", "3.5 per cent", "2 out of 3", "7 percent", "a12%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkNumberClaims(t, text) })
}

// TestHasDigit8 puts each byte at each of the eight places among bytes
// that are not digits (letters, and bytes beyond ASCII either side of the
// digits' codes) and compares hasDigit8 with a byte-by-byte look.
func TestHasDigit8(t *testing.T) {
	for _, fill := range []byte{'a', 0xb0, 0xff, '/', ':'} {
		for c := range 256 {
			for at := range 8 {
				b := bytes.Repeat([]byte{fill}, 8)
				b[at] = byte(c)
				want := bytes.ContainsAny(b, "0123456789")
				if got := hasDigit8(binary.LittleEndian.Uint64(b)); got != want {
					t.Errorf("hasDigit8(% x) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// FuzzContainsDigit holds containsDigit to strings.ContainsAny.
func FuzzContainsDigit(f *testing.F) {
	for _, s := range []string{"", "no digits at all here", "one 1", "9", "ninety\xb9", "abcdefgh7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := containsDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("containsDigit(%q) = %v, want %v", s, got, want)
		}
	})
}
