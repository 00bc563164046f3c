package content

import (
	"reflect"
	"strings"
	"sync"

	"github.com/lumen-ssg/lumen/generator/strictyaml"
)

// Kind is the kind of a page. A content page's kind is chosen by the
// folder its file is in; the other kinds are pages Lumen makes.
type Kind string

// The kinds of page: the content kinds, then the list pages. Home and
// Section pages are made from _index.md files, or made up when there is
// none; the Terms page lists every tag and a Term page one tag's pages;
// the Search page searches the site and the AZ page lists its conditions
// and procedures from A to Z; the NotFound page is 404.html.
const (
	KindArticle   Kind = "article"
	KindCondition Kind = "condition"
	KindProcedure Kind = "procedure"
	KindFAQ       Kind = "faq"
	KindProvider  Kind = "provider"
	KindLocation  Kind = "location"
	KindPage      Kind = "page"
	KindHome      Kind = "home"
	KindSection   Kind = "section"
	KindTerms     Kind = "terms"
	KindTerm      Kind = "term"
	KindSearch    Kind = "search"
	KindAZ        Kind = "az"
	KindNotFound  Kind = "404"
)

// KindInfo is what Lumen knows of one kind of page. Kinds is the one table
// of them: adding a kind of content page means adding an entry there, its
// front-matter type (which says, by its Readable method, what of it
// patients read) and its layout in the theme. The schema.org mapping of
// a kind with more to say than its page type is in package schema.
type KindInfo struct {
	Kind Kind
	// Folder is the folder of content/ whose Markdown files are pages of
	// this kind; "" for the kinds that are not chosen by a folder.
	Folder string
	// Plural names more than one page of the kind in the build summary.
	Plural string
	// SectionTitle titles the folder's list page when it has no
	// _index.md.
	SectionTitle string
	// Meta returns an empty front matter of the kind's type; nil for the
	// kinds Lumen makes, whose front matter is Plain.
	Meta func() Meta
	// Medical kinds carry the governance keys of Medical (author,
	// reviewed_by, last_reviewed, references) and are marked up as a
	// MedicalWebPage once reviewed.
	Medical bool
	// Reviewed kinds must name their author, reviewer and last review.
	Reviewed bool
	// PageType is the schema.org type of the page's own node before
	// medical properties are known.
	PageType string
	// Scaffold is the kind's front matter that lumen new writes after the
	// keys every kind has (and the medical keys of medical kinds): YAML
	// lines, where {date} stands for today's date.
	Scaffold string
}

// Kinds is the table of every kind of page, in the order the build
// summary counts them.
var kinds = [...]KindInfo{
	{Kind: KindHome, Plural: "homes", PageType: "WebPage"},
	{Kind: KindSection, Plural: "sections", PageType: "CollectionPage"},
	{Kind: KindArticle, Folder: "articles", Plural: "articles", SectionTitle: "Articles",
		Meta: func() Meta { return &Article{} }, Medical: true, PageType: "WebPage",
		Scaffold: "date: {date}\ntags: []\n"},
	{Kind: KindCondition, Folder: "conditions", Plural: "conditions", SectionTitle: "Conditions we treat",
		Meta: func() Meta { return &Condition{} }, Medical: true, Reviewed: true, PageType: "WebPage",
		Scaffold: "also_known_as: []\nsymptoms: []\nred_flags: []\ncauses: []\nrisk_factors: []\ndiagnosis: []\ntreatments: []\nprocedures: []\nicd10: \"\"\nanatomy: \"\"\n"},
	{Kind: KindProcedure, Folder: "procedures", Plural: "procedures", SectionTitle: "Procedures",
		Meta: func() Meta { return &Procedure{} }, Medical: true, Reviewed: true, PageType: "WebPage",
		Scaffold: "procedure_type: percutaneous\ntreats: []\nduration: \"\"\nanesthesia: \"\"\nrecovery:\n  - {when: \"First day\", what: \"Write what patients can expect.\"}\nrisks: []\nalternatives: []\n"},
	{Kind: KindFAQ, Folder: "faqs", Plural: "faqs", SectionTitle: "Frequently asked questions",
		Meta: func() Meta { return &FAQ{} }, Medical: true, Reviewed: true, PageType: "WebPage",
		Scaffold: "about: []\nquestions:\n  - question: \"Write a question patients ask?\"\n    answer: \"Write the answer in plain words.\"\n"},
	{Kind: KindProvider, Folder: "providers", Plural: "providers", SectionTitle: "Our team",
		Meta: func() Meta { return &Provider{} }, PageType: "ProfilePage",
		Scaffold: "credentials: []\nrole: \"\"\nspecialties: []\nlanguages: [English]\naccepting_new_patients: true\nlocations: []\n"},
	{Kind: KindLocation, Folder: "locations", Plural: "locations", SectionTitle: "Locations",
		Meta: func() Meta { return &Location{} }, PageType: "WebPage",
		Scaffold: "address: {street: \"\", city: \"\", region: \"\", postal_code: \"\", country: US}\nphone: \"\"\nhours:\n  - {days: Monday to Friday, opens: \"08:00\", closes: \"17:00\"}\nparking: \"\"\n"},
	{Kind: KindPage, Plural: "pages", Meta: func() Meta { return &Plain{} }, PageType: "WebPage"},
	{Kind: KindTerms, Plural: "tag indexes", PageType: "CollectionPage"},
	{Kind: KindTerm, Plural: "tags", PageType: "CollectionPage"},
	{Kind: KindSearch, Plural: "search pages", PageType: "SearchResultsPage"},
	{Kind: KindAZ, Plural: "A to Z pages", PageType: "CollectionPage"},
	{Kind: KindNotFound, Plural: "404 pages", PageType: "WebPage"},
}

// Kinds returns the table of every kind of page, in a fixed order.
func Kinds() []KindInfo { return kinds[:] }

// Info returns the entry of kind k in the table of kinds; an unknown kind
// gets an entry with only its name.
func (k Kind) Info() KindInfo {
	for _, i := range kinds {
		if i.Kind == k {
			return i
		}
	}
	return KindInfo{Kind: k, Plural: string(k) + "s", PageType: "WebPage"}
}

// ContentKinds returns the kinds of content page that a folder chooses,
// such as condition.
func ContentKinds() []KindInfo {
	var out []KindInfo
	for _, i := range kinds {
		if i.Folder != "" {
			out = append(out, i)
		}
	}
	return out
}

// KindOf returns the kind of the page whose content file is at rel, a path
// relative to content/ such as "conditions/sciatica.md".
func KindOf(rel string) Kind {
	dir, _, ok := strings.Cut(rel, "/")
	if !ok {
		return KindPage
	}
	for _, i := range kinds {
		if i.Folder != "" && i.Folder == dir {
			return i.Kind
		}
	}
	return KindPage
}

// Medical reports whether pages of kind k carry medical governance keys.
func (k Kind) Medical() bool { return k.Info().Medical }

// NeedsReview reports whether pages of kind k must name a medical reviewer.
func (k Kind) NeedsReview() bool { return k.Info().Reviewed }

// newMeta returns an empty front matter value for kind k.
func newMeta(k Kind) Meta {
	if i := k.Info(); i.Meta != nil {
		return i.Meta()
	}
	return &Plain{}
}

// schemas returns the strictyaml Schemas of the front-matter types of the
// kinds, made once, when the first file is parsed (not when a command that
// parses none starts), for every file of the kind (see strictyaml.Schema);
// they do not change.
var schemas = sync.OnceValue(func() map[Kind]*strictyaml.Schema {
	out := map[Kind]*strictyaml.Schema{}
	for _, i := range kinds {
		out[i.Kind] = strictyaml.SchemaOf(reflect.TypeOf(newMeta(i.Kind)))
	}
	return out
})

// Singular names one page of the kind: its plural without the final "s"
// ("tag index" of "tag indexes").
func (i KindInfo) Singular() string {
	if s, ok := strings.CutSuffix(i.Plural, "es"); ok && strings.HasSuffix(s, "x") {
		return s
	}
	return strings.TrimSuffix(i.Plural, "s")
}
