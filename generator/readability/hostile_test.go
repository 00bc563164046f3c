package readability

import (
	"strings"
	"testing"
	"time"
)

// TestHostileInputs runs 100 kB inputs that would take seconds if a step
// were quadratic (one did, for "a.a.a.…").
func TestHostileInputs(t *testing.T) {
	a := New(nil)
	for name, s := range map[string]string{
		"words":    strings.Repeat("word ", 20000),
		"initials": strings.Repeat("a.", 20000),
		"lines":    strings.Repeat("word\n", 20000),
		"dots":     strings.Repeat("ab.", 20000),
		"sent":     strings.Repeat("Go. ", 20000),
		"hyph":     strings.Repeat("a-", 20000),
		"long":     strings.Repeat("abcde", 20000),
		"vowels":   strings.Repeat("aeiou", 20000),
		"digits":   strings.Repeat("1,", 20000),
		"ing":      strings.Repeat("ing", 20000),
		"apos":     strings.Repeat("a'", 20000),
	} {
		start := time.Now()
		a.Analyze([]Block{{Text: s, Line: 1}})
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v for 100 kB", name, d)
		}
	}
}
