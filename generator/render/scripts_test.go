package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/themes"
)

// TestScriptsHaveNoEnglish holds the theme's scripts to showing only what
// the page gives them: none of the messages of en.yaml, nor any English
// sentence, is in them.
func TestScriptsHaveNoEnglish(t *testing.T) {
	en := readStrings(t, "en")
	for _, name := range []string{"static/js/search.js", "static/js/faq.js"} {
		data, err := fs.ReadFile(themes.Default(), name)
		if err != nil {
			t.Fatal(err)
		}
		// The code, without its comments.
		code := regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAllString(string(data), "")
		for _, run := range englishRuns(en) {
			if strings.Contains(code, run) {
				t.Errorf("%s holds the English %q", name, run)
			}
		}
		for _, word := range []string{"Searching", "No results", " results", "Show more", "Showing", "could not load", "call us"} {
			for _, lit := range regexp.MustCompile(`"[^"\n]*"`).FindAllString(code, -1) {
				if strings.Contains(lit, word) && !strings.Contains(lit, "search_") {
					t.Errorf("%s: the string %s says %q in English", name, lit, word)
				}
			}
		}
	}
}
