package schema

import "strings"

// webSite is the WebSite node, described on the home page.
type webSite struct {
	Type       types  `json:"@type"`
	ID         string `json:"@id"`
	URL        string `json:"url"`
	Name       string `json:"name"`
	InLanguage string `json:"inLanguage,omitempty"`
	Publisher  *ref   `json:"publisher,omitempty"`
	// PotentialAction is the site's search, when it has one.
	PotentialAction *searchAction `json:"potentialAction,omitempty"`
}

// searchAction says how to search the site: its search page reads ?q=.
type searchAction struct {
	Type       types  `json:"@type"`
	Target     string `json:"target"`
	QueryInput string `json:"query-input"`
}

// organization is the practice as a MedicalOrganization. It never has
// aggregateRating or review: Google ignores a business's reviews of itself
// on its own site.
type organization struct {
	Type        types  `json:"@type"`
	ID          string `json:"@id"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	Slogan      string `json:"slogan,omitempty"`
	Description string `json:"description,omitempty"`
	Telephone   string `json:"telephone,omitempty"`
	Email       string `json:"email,omitempty"`
	Location    []*ref `json:"location,omitempty"`
}

// home adds the WebSite and the practice to the home page, whose header,
// hero and footer show the practice's name, tagline, description, phone
// and email, and whose location cards list the clinics.
func (b *builder) home(wp *webPage) {
	cfg := b.s.Config
	org := b.orgRef()
	site := &webSite{
		Type:       typ("WebSite"),
		ID:         b.base() + fragWebSite,
		URL:        b.base(),
		Name:       cfg.Title,
		InLanguage: cfg.Language,
		Publisher:  &ref{ID: org.ID},
	}
	if p := b.s.Search; p != nil {
		site.PotentialAction = &searchAction{Type: typ("SearchAction"),
			Target: p.Permalink + "?q={search_term_string}", QueryInput: "required name=search_term_string"}
	}
	o := &organization{
		Type:        typ("MedicalOrganization"),
		ID:          org.ID,
		Name:        b.practiceName(),
		URL:         b.base(),
		Slogan:      strings.TrimSpace(cfg.Practice.Tagline),
		Description: strings.TrimSpace(cfg.Description),
		Telephone:   strings.TrimSpace(cfg.Practice.Phone),
		Email:       strings.TrimSpace(cfg.Practice.Email),
		Location:    entityRefs(b.s.OfKind("location")),
	}
	wp.IsPartOf = &ref{ID: site.ID}
	wp.About = []*ref{{ID: o.ID}}
	b.add(site, o)
}
