package content

import "strings"

// Kind is the kind of a page, chosen by the folder its file is in.
type Kind string

// The kinds of page. Home and Section are list pages made from _index.md
// files (or made up when there is none); Term pages list a tag's pages.
const (
	KindArticle   Kind = "article"
	KindCondition Kind = "condition"
	KindProcedure Kind = "procedure"
	KindFAQ       Kind = "faq"
	KindProvider  Kind = "provider"
	KindLocation  Kind = "location"
	KindPage      Kind = "page"
	KindSection   Kind = "section"
	KindHome      Kind = "home"
)

// sectionKinds maps a top-level folder of content/ to the kind of the pages
// in it.
var sectionKinds = map[string]Kind{
	"articles":   KindArticle,
	"conditions": KindCondition,
	"procedures": KindProcedure,
	"faqs":       KindFAQ,
	"providers":  KindProvider,
	"locations":  KindLocation,
}

// KindOf returns the kind of the page whose content file is at rel, a path
// relative to content/ such as "conditions/sciatica.md".
func KindOf(rel string) Kind {
	dir, _, ok := strings.Cut(rel, "/")
	if !ok {
		return KindPage
	}
	if k, ok := sectionKinds[dir]; ok {
		return k
	}
	return KindPage
}

// Medical reports whether pages of kind k carry medical governance keys.
func (k Kind) Medical() bool {
	switch k {
	case KindArticle, KindCondition, KindProcedure, KindFAQ:
		return true
	}
	return false
}

// NeedsReview reports whether pages of kind k must name a medical reviewer.
func (k Kind) NeedsReview() bool {
	return k == KindCondition || k == KindProcedure || k == KindFAQ
}

// newMeta returns an empty front matter value for kind k.
func newMeta(k Kind) Meta {
	switch k {
	case KindArticle:
		return &Article{}
	case KindCondition:
		return &Condition{}
	case KindProcedure:
		return &Procedure{}
	case KindFAQ:
		return &FAQ{}
	case KindProvider:
		return &Provider{}
	case KindLocation:
		return &Location{}
	}
	return &Plain{}
}
