package schema

import "github.com/lumen-ssg/lumen/generator/content"

// breadcrumbList is a BreadcrumbList: the trail from the home page down to
// the page, as the theme's breadcrumb navigation shows it.
type breadcrumbList struct {
	Type            types      `json:"@type"`
	ID              string     `json:"@id"`
	ItemListElement []listItem `json:"itemListElement"`
}

// listItem is one crumb. Position counts from 1; Item is the crumb's
// absolute URL (Google accepts it on the last crumb too).
type listItem struct {
	Type     types  `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// homeCrumb is the name the theme shows for the home page in breadcrumbs.
const homeCrumb = "Home"

// breadcrumb returns the page's BreadcrumbList: its Breadcrumbs and then
// the page itself. It returns nil when the page has no breadcrumbs (the
// home page), since the theme shows none there.
func (b *builder) breadcrumb() *breadcrumbList {
	p := b.p
	if len(p.Breadcrumbs) == 0 {
		return nil
	}
	bc := &breadcrumbList{Type: typ("BreadcrumbList"), ID: p.Permalink + fragBreadcrumb}
	for _, q := range p.Breadcrumbs {
		name := q.Title()
		if q.Kind == content.KindHome {
			name = homeCrumb
		}
		bc.ItemListElement = append(bc.ItemListElement, listItem{Type: typ("ListItem"), Name: name, Item: q.Permalink})
	}
	bc.ItemListElement = append(bc.ItemListElement, listItem{Type: typ("ListItem"), Name: p.Title(), Item: p.Permalink})
	for i := range bc.ItemListElement {
		bc.ItemListElement[i].Position = i + 1
	}
	return bc
}
