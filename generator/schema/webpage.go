package schema

import (
	"github.com/lumen-ssg/lumen/generator/site"
)

// webPage is the node of the page itself: a WebPage or one of its
// subtypes (MedicalWebPage, FAQPage, ProfilePage, CollectionPage).
type webPage struct {
	Type        types  `json:"@type"`
	ID          string `json:"@id"`
	URL         string `json:"url"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	InLanguage  string `json:"inLanguage,omitempty"`
	IsPartOf    *ref   `json:"isPartOf,omitempty"`
	Breadcrumb  *ref   `json:"breadcrumb,omitempty"`

	// The medical page properties, set by builder.medical.
	DatePublished   string           `json:"datePublished,omitempty"`
	DateModified    string           `json:"dateModified,omitempty"`
	LastReviewed    string           `json:"lastReviewed,omitempty"`
	ReviewedBy      *ref             `json:"reviewedBy,omitempty"`
	Author          *ref             `json:"author,omitempty"`
	MedicalAudience *medicalAudience `json:"medicalAudience,omitempty"`
	Citation        []creativeWork   `json:"citation,omitempty"`

	About      []*ref `json:"about,omitempty"`
	Mentions   []*ref `json:"mentions,omitempty"`
	MainEntity any    `json:"mainEntity,omitempty"`
}

// webPage returns the page node with the properties every page has, typed
// for the page's kind; the kind's own builder adds the rest.
func (b *builder) webPage() *webPage {
	p := b.p
	return &webPage{
		Type:        pageType(p),
		ID:          p.Permalink + fragWebPage,
		URL:         p.Permalink,
		Name:        p.Title(),
		Description: p.Description(),
		InLanguage:  b.s.Config.Language,
		IsPartOf:    b.webSiteRef(),
	}
}

// pageType returns the @type of page p's own node before medical
// properties are known, from the table of kinds: CollectionPage for list
// pages, ProfilePage for a provider's bio, WebPage for the rest.
// builder.medical retypes medical pages.
func pageType(p *site.Page) types { return typ(p.Kind.Info().PageType) }
