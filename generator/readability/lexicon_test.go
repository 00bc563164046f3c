package readability

import (
	"testing"
)

func TestBuiltinLexicons(t *testing.T) {
	for name, src := range map[string]string{"exceptions.txt": exceptionsTxt, "medical.txt": medicalTxt} {
		lex, err := ParseLexicon(name, src)
		if err != nil {
			t.Fatal(err)
		}
		if len(lex) < 50 {
			t.Errorf("%s has %d entries", name, len(lex))
		}
	}
	if n := len(builtinLexicon()); n < 250 {
		t.Errorf("built-in lexicon has %d entries, want 250 or more", n)
	}
}

func TestParseLexicon(t *testing.T) {
	lex, err := ParseLexicon("lexicon.txt", "# terms\nForaminoplasty 6\n\nTLIF\t2 # tee-lif\n")
	if err != nil {
		t.Fatal(err)
	}
	if lex["foraminoplasty"] != 6 || lex["tlif"] != 2 || len(lex) != 2 {
		t.Errorf("got %v", lex)
	}
	_, err = ParseLexicon("lexicon.txt", "ok 2\nbad\nworse x\nzero 0\n")
	want := "lexicon.txt:2: lexicon line has 1 fields, want a word and a number\n" +
		"    hint: write one word a line, like \"radiculopathy 6\"\n" +
		"lexicon.txt:3: syllables of \"worse\" must be a whole number from 1 to 20, not \"x\"\n" +
		"lexicon.txt:4: syllables of \"zero\" must be a whole number from 1 to 20, not \"0\""
	if err == nil || err.Error() != want {
		t.Errorf("got error\n%v\nwant\n%s", err, want)
	}
}

func TestSiteLexicon(t *testing.T) {
	a := New(Lexicon{"Foraminoplasty": 6, "sciatica": 3, "ignored": 0})
	tests := map[string]int{
		"foraminoplasty": 6, "Foraminoplasties": 6, // inflection of a site entry
		"sciatica": 3, // the site's entry wins over the built-in one
		"ignored":  2, // an entry below 1 is ignored
	}
	for w, want := range tests {
		if got := a.Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
	if New(nil).Syllables("sciatica") != 4 {
		t.Error("a site lexicon leaked into another Analyzer")
	}
}
