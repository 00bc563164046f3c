package check

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindJargon(t *testing.T) {
	text := "We utilize heat prior to surgery,\nin order to help. Edema? Prior tomorrow; priority."
	var got []string
	for _, j := range findJargon(text) {
		got = append(got, fmt.Sprintf("%d:%s→%s", j.at, j.word, j.plain))
	}
	want := `3:utilize→"use" 16:prior to→"before" 34:in order to→"to" 52:Edema→"swelling"`
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestPhraseStartsCoverEveryPhrase(t *testing.T) {
	for k := range jargon {
		if first, _, phrase := strings.Cut(k, " "); phrase && !phraseStarts[first] {
			t.Errorf("phraseStarts lacks %q, the first word of %q", first, k)
		}
	}
}
