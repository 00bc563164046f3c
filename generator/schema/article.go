package schema

import (
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// article is the Article an article page holds.
type article struct {
	Type             types  `json:"@type"`
	ID               string `json:"@id"`
	Headline         string `json:"headline"`
	Description      string `json:"description,omitempty"`
	URL              string `json:"url"`
	InLanguage       string `json:"inLanguage,omitempty"`
	Image            string `json:"image,omitempty"`
	Author           *ref   `json:"author,omitempty"`
	DatePublished    string `json:"datePublished,omitempty"`
	DateModified     string `json:"dateModified,omitempty"`
	Publisher        *ref   `json:"publisher,omitempty"`
	MainEntityOfPage *ref   `json:"mainEntityOfPage"`
}

// article adds the Article the page holds, with what Google's article
// guidelines ask for: headline, author (a Person with the URL of their
// bio), dates, image and publisher. The page node, a MedicalWebPage when
// the article was medically reviewed, has the article as its mainEntity.
func (b *builder) article(wp *webPage, m *content.Article) {
	p := b.p
	a := &article{
		Type:             typ("Article"),
		ID:               p.Permalink + fragArticle,
		Headline:         p.Title(),
		Description:      strings.TrimSpace(m.Summary),
		URL:              p.Permalink,
		InLanguage:       b.s.Config.Language,
		Image:            b.imageURL(p),
		DatePublished:    isoDate(m.Date),
		DateModified:     isoDate(p.Lastmod()),
		Publisher:        b.orgRef(),
		MainEntityOfPage: &ref{ID: wp.ID},
	}
	if p.Author != nil {
		a.Author = entityRef(p.Author)
	}
	wp.MainEntity = &ref{ID: a.ID}
	b.add(a)
}
