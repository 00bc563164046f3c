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

// lists are the site's own word lists: text files of content/ (or of a
// language's folder, content/es/) that Load reads whole, if there, and
// does not publish, for the stage that parses each; with their name in
// the folder, the rule of a file that cannot be read, and where Load
// keeps the text.
var lists = []struct {
	name string
	rule string
	text func(*Data) *[]byte
}{
	{"lexicon.txt", diag.RuleLexicon, func(d *Data) *[]byte { return &d.Lexicon }},
	{"synonyms.txt", diag.RuleFile, func(d *Data) *[]byte { return &d.Synonyms }},
	{"jargon.txt", diag.RuleJargonFile, func(d *Data) *[]byte { return &d.Jargon }},
}

// Data are the data files of a language's folder of content: the glossary
// and the word lists, each nil when the folder has none.
type Data struct {
	// Glossary is glossary.yaml.
	Glossary *Glossary
	// Lexicon, Synonyms and Jargon are the text of lexicon.txt,
	// synonyms.txt and jargon.txt.
	Lexicon, Synonyms, Jargon []byte
}

// dataFile reports whether the content file p is data that Load reads and
// does not publish: a data file of content/ or of the folder of one of
// the languages langs.
func dataFile(p string, langs []string) bool {
	name := strings.TrimPrefix(p, Dir+"/")
	for _, l := range langs {
		if rest, ok := strings.CutPrefix(name, l+"/"); ok {
			name = rest
			break
		}
	}
	if name == "glossary.yaml" {
		return true
	}
	for _, l := range lists {
		if name == l.name {
			return true
		}
	}
	return false
}

// loadData reads the data files of the folder dir of fsys (content, or
// content/es).
func loadData(fsys fs.FS, dir string) (*Data, diag.List) {
	d := &Data{}
	g, errs := loadGlossary(fsys, dir+"/glossary.yaml")
	d.Glossary = g
	for _, l := range lists {
		name := dir + "/" + l.name
		if data, err := fs.ReadFile(fsys, name); err == nil {
			*l.text(d) = data
		} else if _, lerr := fs.Lstat(fsys, name); lerr == nil {
			errs = append(errs, sitefs.Link(fsys, name, err).WithRule(l.rule))
		}
	}
	return d, errs
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
func loadGlossary(fsys fs.FS, file string) (*Glossary, diag.List) {
	data, err := fs.ReadFile(fsys, file)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := fs.Lstat(fsys, file); lerr != nil {
			return nil, nil // no glossary
		}
	}
	if err != nil {
		return nil, diag.List{sitefs.Link(fsys, file, err).WithRule(diag.RuleGlossary)}
	}
	if err := sitefs.Text(file, data); err != nil {
		return nil, diag.List{err}
	}
	g := &Glossary{}
	pos, errs := strictyaml.Decode(file, data, 0, g)
	if errs != nil {
		return nil, errs.SetRule(diag.RuleGlossary)
	}
	seen := map[string]int{}
	for i := range g.Terms {
		t := &g.Terms[i]
		t.Line = pos.Line(fmt.Sprintf("terms.%d", i))
		if strings.TrimSpace(t.Term) == "" || strings.TrimSpace(t.Definition) == "" {
			errs = append(errs, diag.Errorf(file, t.Line, "glossary entry %d needs both term and definition", i+1))
			continue
		}
		for _, form := range t.Forms() {
			key := strings.ToLower(strings.TrimSpace(form))
			if first, dup := seen[key]; dup {
				errs = append(errs, diag.Errorf(file, t.Line, "the term %q is already in the glossary at line %d", form, first))
			}
			seen[key] = t.Line
		}
	}
	return g, errs.SetRule(diag.RuleGlossary)
}
