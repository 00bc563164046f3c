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
// lead to a page of another language: a translation linking to a page
// that is not translated yet (site.Site.Resolve leads such links to the
// default language's page). Pictures and files are not pages and are
// left out, as are links to another language's home page, which the
// language switcher makes on purpose.
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
				out = append(out, languageLink{line: l.Line, url: l.URL, lang: ls.Lang})
				break
			}
		}
	}
	return out
}
