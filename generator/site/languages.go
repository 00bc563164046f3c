package site

import (
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// Languages returns the Site of every language the site is published in,
// the default language's first, in the order of site.yaml: just the one
// Site for a site in one language.
func (s *Site) Languages() []*Site {
	r := s.Root()
	if len(r.langs) == 0 {
		return []*Site{r}
	}
	return r.langs
}

// Root returns the default language's Site: s itself, or the Site s
// translates.
func (s *Site) Root() *Site {
	if s.root != nil {
		return s.root
	}
	return s
}

// IsDefault reports whether s is the default language's Site.
func (s *Site) IsDefault() bool { return s.root == nil }

// Prefix returns the site path the language's pages are published under:
// "/" for the default language, "/es/" for Spanish.
func (s *Site) Prefix() string { return s.prefix }

// path returns the site path of rel, a path without a leading slash, in
// the language's part of the site: "tags/" is "/tags/" or "/es/tags/".
func (s *Site) path(rel string) string { return s.prefix + rel }

// inLanguage returns the site path u of the default language's layout
// ("/conditions/x/") moved under the language's prefix.
func (s *Site) inLanguage(u string) string {
	if s.prefix == "/" {
		return u
	}
	return s.prefix + strings.TrimPrefix(u, "/")
}

// AllPages returns the pages of every language, the default language's
// first: what a build writes.
func (s *Site) AllPages() []*Page {
	langs := s.Languages()
	if len(langs) == 1 {
		return langs[0].Pages
	}
	var out []*Page
	for _, l := range langs {
		out = append(out, l.Pages...)
	}
	return out
}

// Site returns the Site of the page's language.
func (p *Page) Site() *Site { return p.site }

// Lang returns the code of the page's language, such as "en".
func (p *Page) Lang() string {
	if p.site == nil {
		return ""
	}
	return p.site.Lang.Code
}

// linkTranslations joins each page of the other languages to its
// original, and so to every other translation of it (Page.Translations),
// and gives the generated pages (home, sections, tags, search) their
// counterparts by URL. A translation_of that names no page of the default
// language is an error at its line; so are two translations of one page
// in one language.
// Then it moves each language's menu, booking address and notice links,
// when they name a page of the default language, to that page's
// translation.
func (root *Site) linkTranslations() diag.List {
	var errs diag.List
	originals := map[string]*Page{}
	for _, p := range root.Pages {
		if p.Source != nil {
			originals[p.Source.Rel] = p
		}
	}
	groups := map[*Page][]*Page{} // original → its translations, in language order
	for _, s := range root.langs[1:] {
		taken := map[*Page]*Page{}
		for _, p := range s.Pages {
			var orig *Page
			if p.Source == nil {
				// A page Lumen makes: its twin is at the same place.
				orig = root.byURL["/"+strings.TrimPrefix(p.URL, s.prefix)]
				if orig == nil || orig.Source != nil {
					continue
				}
			} else {
				key := p.Source.OriginalRel()
				orig = originals[key]
				if orig == nil {
					if p.Common().TranslationOf != "" {
						e := diag.Errorf(p.SourcePath(), p.Source.Line("translation_of"),
							"translation_of %q: there is no page %s/%s to translate", p.Common().TranslationOf, content.Dir, key)
						var names []string
						for k := range originals {
							names = append(names, k)
						}
						if c := diag.Closest(key, names); c != "" {
							e.WithHint("did you mean %s?", c)
						} else {
							e.WithHint("name the original's path from content/, such as conditions/sciatica.md")
						}
						errs = append(errs, e.WithRule(diag.RuleRelation))
					}
					continue // a page in this language only
				}
				if other := taken[orig]; other != nil {
					errs = append(errs, diag.Errorf(p.SourcePath(), p.Source.Line("translation_of"),
						"this page and %s both translate %s into %s", other.SourcePath(), orig.SourcePath(), s.Lang.Name).
						WithHint("keep one of them, or point translation_of at another page").WithRule(diag.RuleRelation))
					continue
				}
				taken[orig] = p
			}
			groups[orig] = append(groups[orig], p)
		}
	}
	for orig, ts := range groups {
		all := append([]*Page{orig}, ts...)
		for _, p := range all {
			for _, q := range all {
				if q != p {
					p.Translations = append(p.Translations, q)
				}
			}
		}
	}
	for _, s := range root.langs[1:] {
		s.localizeConfig()
	}
	return errs
}

// localizeConfig points the language's menu, booking address and notice
// links at the translations of the default language's pages they name,
// where there are translations. The language's Config is a copy of its
// own (config.Config.For), so the default language's is left as it is.
func (s *Site) localizeConfig() {
	c := s.Config
	c.Menu = append([]config.MenuItem(nil), c.Menu...)
	for i := range c.Menu {
		c.Menu[i].URL = s.Localize(c.Menu[i].URL)
	}
	c.Practice.AppointmentURL = s.Localize(c.Practice.AppointmentURL)
	c.Notices = append([]config.Notice(nil), c.Notices...)
	for i := range c.Notices {
		c.Notices[i].Link = s.Localize(c.Notices[i].Link)
	}
}

// Localize returns the site path u, when it is the address of a page of
// another language that has a translation in s's language, as the
// translation's address, keeping any ?query or #fragment; any other
// address as it is.
func (s *Site) Localize(u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	target, suffix := u, ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		target, suffix = u[:i], u[i:]
	}
	if s.byURL[target] != nil {
		return u
	}
	p := s.Root().byURL[target]
	if p == nil {
		return u
	}
	if t := p.In(s.Lang.Code); t != nil {
		return t.URL + suffix
	}
	return u
}

// In returns the page's translation into the language code, the page
// itself when it is in that language, or nil.
func (p *Page) In(code string) *Page {
	if p.Lang() == code {
		return p
	}
	for _, t := range p.Translations {
		if t.Lang() == code {
			return t
		}
	}
	return nil
}

// Alternate is one language's version of a page, for hreflang links.
type Alternate struct {
	// Hreflang is the value of the hreflang attribute: the language's
	// locale ("es-US"), or "x-default" for the version shown to readers
	// of none of the site's languages (the default language's).
	Hreflang string
	Page     *Page
}

// Alternates returns the versions of a page that has translations, as
// hreflang links name them: every language's, the page's own included,
// in the order of site.yaml, then the default language's again as
// x-default. A page without translations has none.
func (p *Page) Alternates() []Alternate {
	if len(p.Translations) == 0 {
		return nil
	}
	all := make([]Alternate, 0, len(p.Translations)+2)
	var def *Page
	for _, s := range p.site.Languages() {
		q := p.In(s.Lang.Code)
		if q == nil {
			continue
		}
		if s.IsDefault() {
			def = q
		}
		all = append(all, Alternate{Hreflang: s.Lang.Locale, Page: q})
	}
	if def != nil {
		all = append(all, Alternate{Hreflang: "x-default", Page: def})
	}
	return all
}

// text returns the theme's string key in the site's language, with its
// placeholders replaced by args (names and values, as i18n.Strings.T
// takes them), for the pages Lumen makes. Without the theme's strings, or
// when the string cannot be made, it returns english, the theme's English
// string, with the same placeholders replaced.
func (s *Site) text(key, english string, args ...any) string {
	if s.strings != nil {
		if t, err := s.strings.T(key, args...); err == nil {
			return t
		}
	}
	for i := 0; i+1 < len(args); i += 2 {
		english = strings.ReplaceAll(english, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return english
}

// Keys returns the keys of the theme's strings that package site asks
// for, to title the pages it makes: a theme's translation files must have
// them.
func Keys() []string {
	keys := []string{"section_description", "tags_title", "tags_description", "tag_description",
		"az_title", "az_description", "search_title", "search_description", "not_found_page_title", "not_found_description"}
	for _, k := range content.Kinds() {
		if k.SectionTitle != "" {
			keys = append(keys, "section_"+k.Folder)
		}
	}
	return keys
}

// translatesNothing reports translation_of on the pages of the default
// language, which translate nothing: a mistake in a site of one language
// as in a site of several.
func (s *Site) translatesNothing() diag.List {
	var errs diag.List
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		if t := p.Common().TranslationOf; t != "" {
			errs = append(errs, diag.Errorf(p.SourcePath(), p.Source.Line("translation_of"),
				"translation_of %q: this page is in the site's default language, so it translates nothing", t).
				WithHint("remove translation_of; a translation lives under content/<language>/ and names its original there").WithRule(diag.RuleRelation))
		}
	}
	return errs
}
