package content

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/generator/strictyaml"
)

// The data files of content/, read by Load and not published.
const (
	// GlossaryFile lists medical terms with plain definitions. The
	// renderer defines each term on its first use in a page, and the
	// checks report terms used where no definition is shown.
	GlossaryFile = Dir + "/glossary.yaml"
	// LexiconFile gives the syllable counts of words the readability
	// scorer would count wrong, one "word N" a line.
	LexiconFile = Dir + "/lexicon.txt"
	// SynonymsFile adds the site's own groups of synonyms to the search's,
	// one group a line: "slipped disc = herniated disc".
	SynonymsFile = Dir + "/synonyms.txt"
	// JargonFile adds the site's own words with plainer ones to the
	// checks' list, one "word = plainer words" a line.
	JargonFile = Dir + "/jargon.txt"
)

// lists are the site's own word lists: text files of content/ that Load
// reads whole, if there, and does not publish, for the stage that parses
// each; with the rule of a file that cannot be read, and where Load keeps
// the text.
var lists = []struct {
	name string
	rule string
	text func(*Set) *[]byte
}{
	{LexiconFile, diag.RuleLexicon, func(s *Set) *[]byte { return &s.Lexicon }},
	{SynonymsFile, diag.RuleFile, func(s *Set) *[]byte { return &s.Synonyms }},
	{JargonFile, diag.RuleJargonFile, func(s *Set) *[]byte { return &s.Jargon }},
}

// dataFile reports whether the content file p is data that Load reads and
// does not publish.
func dataFile(p string) bool {
	if p == GlossaryFile {
		return true
	}
	for _, l := range lists {
		if p == l.name {
			return true
		}
	}
	return false
}

// Glossary is the decoded glossary.yaml:
//
//	terms:
//	  - term: radiculopathy
//	    definition: nerve pain that spreads down an arm or a leg
//	    alternatives: [radicular pain]
type Glossary struct {
	Terms []GlossaryTerm `yaml:"terms"`
}

// GlossaryTerm is one entry of the glossary.
type GlossaryTerm struct {
	// Term is the medical word or phrase.
	Term string `yaml:"term"`
	// Definition says what it means in plain words, short enough to
	// follow the term in parentheses.
	Definition string `yaml:"definition"`
	// Alternatives are other forms of the same term (plurals, other
	// spellings) that count as a use of it.
	Alternatives []string `yaml:"alternatives"`
	// Line is where the entry starts in glossary.yaml.
	Line int `yaml:"-"`
}

// Forms returns the term and its alternatives.
func (t GlossaryTerm) Forms() []string { return append([]string{t.Term}, t.Alternatives...) }

// loadGlossary reads content/glossary.yaml, if there is one.
func loadGlossary(fsys fs.FS) (*Glossary, diag.List) {
	data, err := fs.ReadFile(fsys, GlossaryFile)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := fs.Lstat(fsys, GlossaryFile); lerr != nil {
			return nil, nil // no glossary
		}
	}
	if err != nil {
		return nil, diag.List{sitefs.Link(fsys, GlossaryFile, err).WithRule(diag.RuleGlossary)}
	}
	if err := sitefs.Text(GlossaryFile, data); err != nil {
		return nil, diag.List{err}
	}
	g := &Glossary{}
	pos, errs := strictyaml.Decode(GlossaryFile, data, 0, g)
	if errs != nil {
		return nil, errs.SetRule(diag.RuleGlossary)
	}
	seen := map[string]int{}
	for i := range g.Terms {
		t := &g.Terms[i]
		t.Line = pos.Line(fmt.Sprintf("terms.%d", i))
		if strings.TrimSpace(t.Term) == "" || strings.TrimSpace(t.Definition) == "" {
			errs = append(errs, diag.Errorf(GlossaryFile, t.Line, "glossary entry %d needs both term and definition", i+1))
			continue
		}
		for _, form := range t.Forms() {
			key := strings.ToLower(strings.TrimSpace(form))
			if first, dup := seen[key]; dup {
				errs = append(errs, diag.Errorf(GlossaryFile, t.Line, "the term %q is already in the glossary at line %d", form, first))
			}
			seen[key] = t.Line
		}
	}
	return g, errs.SetRule(diag.RuleGlossary)
}
