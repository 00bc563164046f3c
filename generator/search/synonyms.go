package search

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// builtin is Lumen's list of patients' words and clinicians' words for
// the same things, in English (synonyms.txt).
//
//go:embed synonyms.txt
var builtin []byte

// builtinES is the same list in Spanish (synonyms.es.txt).
//
//go:embed synonyms.es.txt
var builtinES []byte

// builtinFor returns the built-in list of the language lang, its file name
// and whether it has one.
func builtinFor(lang string) (string, []byte) {
	if config.Primary(lang) == "es" {
		return "synonyms.es.txt", builtinES
	}
	return "synonyms.txt", builtin
}

// ParseSynonyms reads groups of synonyms (Lumen's, or a site's
// content/synonyms.txt), one per line, names separated
// by " = ", # starting a comment. file names the text in errors.
func ParseSynonyms(file string, data []byte) ([][]string, diag.List) {
	var groups [][]string
	var errs diag.List
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group []string
		for _, name := range strings.Split(line, "=") {
			if name = strings.TrimSpace(name); name != "" {
				group = append(group, name)
			}
		}
		if len(group) < 2 {
			errs = append(errs, diag.Errorf(file, n, "%q names one thing: a line of synonyms names two or more, separated by =", line).
				WithHint("write, for example: slipped disc = herniated disc").WithRule(diag.RuleSynonyms))
			continue
		}
		groups = append(groups, group)
	}
	return groups, errs
}

// Synonyms returns the groups of synonyms the search of pages in the
// language lang uses, as the words the index knows (folded, without
// stopwords): Lumen's own list in that language, each glossary term with
// its alternatives, and the site's own groups.
func Synonyms(lang string, glossary *content.Glossary, own [][]string) [][]string {
	name, data := builtinFor(lang)
	base, errs := ParseSynonyms(name, data)
	if len(errs) > 0 {
		panic(fmt.Sprint("search: the built-in synonyms do not parse: ", errs)) // a test keeps it from happening
	}
	groups := append(base, own...)
	if glossary != nil {
		for _, t := range glossary.Terms {
			if len(t.Alternatives) > 0 {
				groups = append(groups, append([]string{t.Term}, t.Alternatives...))
			}
		}
	}
	stop := stopwords(lang)
	var out [][]string
	for _, g := range groups {
		seen := map[string]bool{}
		var names []string
		for _, name := range g {
			w := strings.Join(Words(name, stop), " ")
			if w != "" && !seen[w] {
				seen[w] = true
				names = append(names, w)
			}
		}
		if len(names) > 1 {
			out = append(out, names)
		}
	}
	return out
}
