package search

import (
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and takes the accents off its letters, as the search
// script does to a query (toLowerCase, normalize("NFD"), then without
// U+0300–U+036F), so that "Ciática" and "ciatica" are one word.
func Fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36f {
			return -1
		}
		return r
	}, s)
}

// Words returns the words of s as the index and the script see them:
// folded, split at anything but a–z and 0–9, without stopwords and words
// of one character.
func Words(s string, stop map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(w) > 1 && !stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// Stem returns the English stem of a folded word: "herniated" →
// "herniat". Words of digits are their own stem.
func Stem(w string) string {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	return english.Stem(w, false)
}

// stopwords are the English words a query leaves out: they are in nearly
// every page, and patients' questions are full of them ("what is the best
// thing for my back"). The script gets the same list from the index.
func stopwords() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(`a about after again all also am an and any are as at be because been
		before being but by can could did do does doing done for from get gets getting had has have having
		he her here hers him his how i if in into is it its just me more most my no not of off on once only
		or other our out over own same she should so some such than that the their them then there these
		they this those through to too under until up very was we were what when where which while who whom
		why will with would you your yours`) {
		set[w] = true
	}
	return set
}

// shardOf returns the shard of the index that holds a word: the FNV-1a
// hash of its first two bytes, modulo the number of shards. The script
// computes the same, so a query fetches only the shards of its words.
func shardOf(w string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(w) && i < 2; i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}

// clip returns s cut to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
