package check

import (
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/site"
)

// languageLink is a link from a page of one language to a page of
// another.
type languageLink struct {
	line int
	url  string
	lang config.Language
}

// otherLanguageLinks returns the links of page p, of the Site s, that
// lead to a page of another language without saying so: a translation
// linking to a page that is not translated yet (site.Site.Resolve leads
// such links to the default language's page), whose text does not name
// that language ("(en inglés)", or the language's own name, "English").
// Pictures and files are not pages and are left out, as are links to
// another language's home page, which the language switcher makes on
// purpose.
func otherLanguageLinks(s *site.Site, p *site.Page, body *site.Body) []languageLink {
	langs := s.Languages()
	if len(langs) < 2 {
		return nil
	}
	var out []languageLink
	for _, l := range body.Links {
		if l.External || l.Image || !strings.HasPrefix(l.URL, "/") {
			continue
		}
		u := l.URL
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		for _, ls := range langs {
			if ls == s {
				continue
			}
			if q := ls.PageAt(u); q != nil && q != ls.Home {
				if !names(l.Text, ls.Lang, s.Lang.Code) {
					out = append(out, languageLink{line: l.Line, url: l.URL, lang: ls.Lang})
				}
				break
			}
		}
	}
	return out
}

// namesIn are the names of languages as other languages write them, by
// the code of the language writing and of the language named: how a
// Spanish page says a link leads to a page in English.
var namesIn = map[string]map[string]string{
	"es": {"en": "inglés", "fr": "francés", "pt": "portugués", "zh": "chino", "vi": "vietnamita"},
	"en": {"es": "Spanish", "fr": "French", "pt": "Portuguese", "zh": "Chinese", "vi": "Vietnamese"},
}

// names reports whether the text of a link names the language l, as the
// language writing (by its code) writes it or as l writes itself.
func names(text string, l config.Language, writing string) bool {
	text = strings.ToLower(text)
	if n := namesIn[config.Primary(writing)][config.Primary(l.Code)]; n != "" && strings.Contains(text, strings.ToLower(n)) {
		return true
	}
	return l.Name != "" && strings.Contains(text, strings.ToLower(l.Name))
}
