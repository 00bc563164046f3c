package readability

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzScanEightAtATime holds appendSentences and appendWords, which pass
// over most bytes eight at a time, to the byte-at-a-time loops they were
// (appendSentencesSpec, appendWordsSpec).
func FuzzScanEightAtATime(f *testing.F) {
	for _, s := range []string{"", "Rest. Then walk!", "See www.example.com or a@b.org: ok", "Dr. Smith saw 3.5 cases… Then?", "東京。x", "tab\there\nnew line", "long words without any stop at all in them"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := appendSentences(nil, text), appendSentencesSpec(nil, text); !slices.Equal(got, want) {
			t.Errorf("appendSentences(%q) = %v, want %v", text, got, want)
		}
		if got, want := appendWords(nil, text), appendWordsSpec(nil, text); !slices.Equal(got, want) {
			t.Errorf("appendWords(%q) = %v, want %v", text, got, want)
		}
	})
}

// TestScanEightAtATime puts each byte the quick passes stop at at every
// place of a run of plain text.
func TestScanEightAtATime(t *testing.T) {
	for c := range 256 {
		for at := range 24 {
			b := []byte(strings.Repeat("abcdefgh", 3) + " Next")
			b[at] = byte(c)
			text := string(b)
			if got, want := appendSentences(nil, text), appendSentencesSpec(nil, text); !slices.Equal(got, want) {
				t.Errorf("appendSentences(%q) = %v, want %v", text, got, want)
			}
			if got, want := appendWords(nil, text), appendWordsSpec(nil, text); !slices.Equal(got, want) {
				t.Errorf("appendWords(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// appendSentencesSpec is appendSentences as it was, a byte at a time.
func appendSentencesSpec(out []span, text string) []span {
	start := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most bytes: no need to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '。' || r == '！' || r == '？' { // Chinese and Japanese: no space follows
			out = append(out, span{start, i + size})
			start = i + size
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".!?…\"'”’)]»", r2) {
				break
			}
			j += s2
		}
		if j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue // "3.5", "e.g.," or "example.com"
			}
		}
		if r == '.' && !periodEnds(text, i, j) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = j
		i = j
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, span{start, len(text)})
	}
	return out
}

// appendWordsSpec is appendWords as it was, a byte at a time, with
// appendChunkWordsSpec.
func appendWordsSpec(dst []span, s string) []span {
	i := 0
	for i < len(s) {
		// One white-space separated chunk at a time.
		for i < len(s) {
			r, size := runeAt(s, i)
			if !isSpace(r) {
				break
			}
			i += size
		}
		j := i
		punct := false // whether the chunk has a ":" or an "@"
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if c == ' ' || '\t' <= c && c <= '\r' {
					break
				}
				punct = punct || c == ':' || c == '@'
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		// Only a chunk with a ":" or an "@" needs the full test for a link.
		link := punct && isLink(s[i:j]) || hasWWW(trimOpening(s[i:j]))
		if i < j && !link {
			dst = appendChunkWordsSpec(dst, s[:j], i)
		}
		i = j
	}
	return dst
}

// appendChunkWordsSpec is appendChunkWords as it was, with runeAt and
// isLetterOrDigit called for every character.
func appendChunkWordsSpec(dst []span, c string, i int) []span {
	for i < len(c) {
		r, size := runeAt(c, i)
		if !isLetterOrDigit(r) {
			i += size
			continue
		}
		start := i
		i += size
		prev := r
		singles, partLen := true, 1 // an initialism so far: single letters and periods
		for i < len(c) {
			if b := c[i]; isASCIILetterOrDigit(b) { // most of a word, quickly
				prev = rune(b)
				i++
				partLen++
				singles = singles && partLen == 1
				continue
			}
			r, size := runeAt(c, i)
			if isWordRune(r) {
				prev = r
				i += size
				partLen++
				singles = singles && partLen == 1
				continue
			}
			var next rune
			nsize := 0
			if i+size < len(c) {
				next, nsize = runeAt(c, i+size)
			}
			join := false
			switch {
			case r == '\'' || r == '’':
				join = isLetter(prev) && isLetter(next)
			case r == '-' || r == '‐' || r == '‑':
				join = isWordRune(prev) && isWordRune(next)
			case r == '.' || r == ',':
				join = isDigit(prev) && isDigit(next) ||
					r == '.' && singles && partLen == 1 && initialism(next, c[i+size+nsize:])
			}
			if !join {
				break
			}
			i += size
			partLen = 0
		}
		dst = append(dst, span{start, i})
	}
	return dst
}
