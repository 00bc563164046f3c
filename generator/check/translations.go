package check

import (
	"fmt"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/site"
)

// outdated reports whether page p, a translation, is behind its original:
// it has never been marked up to date with it (no original_version), or
// the original's file has changed since (its version is not the one
// original_version names), and returns the warning that says so, or nil.
// Pages of the default language, and pages with no original, are never
// behind.
func outdated(p *site.Page) *diag.Error {
	if p.Source == nil || p.Site().IsDefault() {
		return nil
	}
	orig := p.In(p.Site().Root().Lang.Code)
	if orig == nil || orig.Source == nil {
		return nil
	}
	// The version of the original's file as it is now, which lumen serve
	// may have read again since the site graph was made.
	version := orig.File().Version
	if version == "" {
		return nil
	}
	stamp := "run: lumen translated " + p.SourcePath()
	have := p.Common().OriginalVersion
	switch have {
	case version:
		return nil
	case "":
		return &diag.Error{File: p.SourcePath(), Line: p.Source.Line("title"), Rule: diag.RuleOutdated, Severity: Warning,
			Msg:  fmt.Sprintf("this translation of %s is not marked up to date with it", orig.SourcePath()),
			Hint: "once it says what " + orig.SourcePath() + " says, " + stamp}
	}
	return &diag.Error{File: p.SourcePath(), Line: p.Source.Line("original_version"), Rule: diag.RuleOutdated, Severity: Warning,
		Msg: fmt.Sprintf("%s has changed since this translation was brought up to date with it (original_version %s; it is now %s)",
			orig.SourcePath(), have, version),
		Hint: "bring the translation up to date with " + orig.SourcePath() + " (its text, its review and its sources), then " + stamp}
}

// Coverage is how much of the default language's content one other
// language has.
type Coverage struct {
	// Language is the language's code, and Name its name.
	Language string `json:"language"`
	Name     string `json:"name"`
	// Pages is how many content pages the default language has, and
	// Translated how many of them this language has a translation of.
	Pages      int `json:"pages"`
	Translated int `json:"translated"`
	// Missing are the content files of the pages not yet translated.
	Missing []string `json:"missing"`
	// Outdated are the translations behind their originals.
	Outdated []string `json:"outdated"`
}

// Translations returns the coverage of each language of s other than the
// default one, in order: none for a site in one language.
func Translations(s *site.Site) []Coverage {
	langs := s.Languages()
	var out []Coverage
	for _, l := range langs[1:] {
		c := Coverage{Language: l.Lang.Code, Name: l.Lang.Name, Missing: []string{}, Outdated: []string{}}
		for _, p := range langs[0].Pages {
			if p.Source == nil {
				continue
			}
			c.Pages++
			t := p.In(l.Lang.Code)
			if t == nil {
				c.Missing = append(c.Missing, p.SourcePath())
				continue
			}
			c.Translated++
			if outdated(t) != nil {
				c.Outdated = append(c.Outdated, t.SourcePath())
			}
		}
		out = append(out, c)
	}
	return out
}
