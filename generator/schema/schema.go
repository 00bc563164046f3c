// Package schema builds the schema.org JSON-LD of each page: one
// <script type="application/ld+json"> document per page, made from the
// page's typed front matter and its place in the site graph.
//
// Each document is one object, {"@context":"https://schema.org","@graph":[...]},
// whose graph holds the page node, its BreadcrumbList and the thing the page
// is about. What each kind of page emits:
//
//	kind        page node                       other nodes in @graph
//	home        WebPage                         WebSite (with a SearchAction for a site with a
//	                                            search page), MedicalOrganization (the practice)
//	condition   MedicalWebPage                  BreadcrumbList, MedicalCondition
//	procedure   MedicalWebPage                  BreadcrumbList, SurgicalProcedure, DiagnosticProcedure,
//	                                            TherapeuticProcedure or MedicalProcedure
//	faq         [FAQPage, MedicalWebPage]       BreadcrumbList; mainEntity: Question → Answer
//	article     MedicalWebPage (WebPage when    BreadcrumbList, Article
//	            never reviewed)
//	provider    ProfilePage                     BreadcrumbList, [Person, IndividualPhysician] or Person
//	location    WebPage                         BreadcrumbList, MedicalClinic
//	section     CollectionPage                  BreadcrumbList
//	terms, term CollectionPage                  BreadcrumbList
//	page, 404   WebPage                         BreadcrumbList
//
// Every page node has url, name (the title), description (the meta
// description), inLanguage and isPartOf (the WebSite). Medical page nodes
// add lastReviewed, reviewedBy, author, medicalAudience (a MedicalAudience
// whose audienceType is "Patient": schema.org defines medicalAudience on
// MedicalWebPage, with MedicalAudience as its range), datePublished,
// dateModified, citation (the references as CreativeWorks; a DOI becomes
// https://doi.org/…, a PubMed ID https://pubmed.ncbi.nlm.nih.gov/N/) and
// about.
//
// The properties of each entity:
//
//	MedicalCondition    name, alternateName (also_known_as), description (summary),
//	                    associatedAnatomy (AnatomicalStructure per anatomy entry),
//	                    signOrSymptom (MedicalSignOrSymptom per symptom), cause (MedicalCause),
//	                    riskFactor (MedicalRiskFactor), possibleTreatment (the procedure pages,
//	                    then a MedicalTherapy per treatments entry), possibleComplication
//	                    (complications, as text), primaryPrevention (MedicalTherapy per
//	                    prevention entry), code (MedicalCode, codingSystem ICD-10-CM, per
//	                    icd10 entry); the urgency tiers and self_care have no property
//	                    and are left out
//	procedure           @type from procedure_type: surgical → SurgicalProcedure, diagnostic →
//	                    DiagnosticProcedure, any other that treats a condition →
//	                    TherapeuticProcedure, else MedicalProcedure; name, description
//	                    (summary), procedureType (surgical → SurgicalProcedure, percutaneous
//	                    and injection → PercutaneousProcedure, noninvasive →
//	                    NoninvasiveProcedure), preparation (before), howPerformed (during),
//	                    followup (after, then the recovery timeline), outcome (each
//	                    outcome's text; its source is a citation of the page); the page's
//	                    mentions lists the conditions it treats. not_for is left out:
//	                    contraindication belongs to MedicalTherapy, not to a procedure
//	FAQPage             mainEntity: Question {name, acceptedAnswer: Answer {text}}, the
//	                    answer as plain text; about lists the pages the questions are about
//	Article             headline, description, author, datePublished, dateModified, image,
//	                    publisher (the practice), mainEntityOfPage
//	provider            name, jobTitle (role), hasCredential
//	                    (EducationalOccupationalCredential per credential), knowsLanguage,
//	                    image (photo), memberOf (the practice); a physician adds
//	                    medicalSpecialty, isAcceptingNewPatients, practicesAt (the clinics)
//	                    and usNPI; anyone else adds knowsAbout (specialties), workLocation
//	                    (the clinics) and identifier (PropertyValue NPI)
//	MedicalClinic       name, description (summary), address (PostalAddress), telephone,
//	                    email, geo (GeoCoordinates), hasMap (directions_url),
//	                    openingHoursSpecification, parentOrganization (the practice),
//	                    healthPlanNetworkId (the insurance plans of practice.insurance,
//	                    which the location page lists)
//	MedicalOrganization name, url, slogan (tagline), description, telephone, email,
//	                    location (the clinics)
//
// The rules every document follows:
//
//   - Nothing is stated that the page does not show. Google's structured
//     data guidelines forbid marking up content readers cannot see, so a
//     theme must show every value listed above. The one exception is the
//     page node's description: the page's meta description, as in <meta
//     name="description">.
//   - Never aggregateRating or review: Google ignores self-serving reviews
//     of a business on its own site (2019), and testimonials need consent
//     the generator cannot check.
//   - Every node has an @id made from the permalink of the page that
//     describes it: #webpage, #breadcrumb, #condition, #procedure, #article,
//     #physician (any provider), #clinic; the site is base_url + "#website"
//     and the practice base_url + "#organization". A node described on
//     another page is referred to by its @id with its @type, name and url,
//     so that each document can be read on its own and documents merge into
//     one consistent graph.
//   - A provider whose credentials include MD, DO or MBBS is typed
//     [Person, IndividualPhysician]: IndividualPhysician (schema.org 26) is
//     the type for one practitioner, and Person keeps author and reviewedBy
//     readable as people, as Google's article guidelines ask. Other
//     clinicians, such as nurse practitioners, are a Person.
//   - possibleTreatment lists the procedure pages, as DOMAIN.md asks,
//     although schema.org expects a MedicalTherapy there; schema.org ranges
//     are expectations, not constraints.
//   - The home page has no BreadcrumbList, as it shows no breadcrumb; the
//     first crumb of every other page is named "Home", as the theme shows.
//
// The output is compact and deterministic (struct fields in a fixed order,
// lists in the site's order) and keeps encoding/json's HTML escaping of <, >
// and &, so it is safe inside a <script> element.
package schema

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// Context is the @context of every document.
const Context = "https://schema.org"

// document is one JSON-LD document: a context and a graph of nodes.
type document struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

// Page returns the JSON-LD document for page p of site s: one JSON object
// {"@context":"https://schema.org","@graph":[...]}. The bytes are safe to
// place inside <script type="application/ld+json">: <, > and & are escaped
// as \u003c, \u003e and \u0026. An FAQ page's answers are read from its
// converted Markdown (p.Answers()).
func Page(s *site.Site, p *site.Page) ([]byte, error) {
	b := &builder{s: s, p: p}
	if err := b.build(); err != nil {
		return nil, fmt.Errorf("schema: %s: %w", p.URL, err)
	}
	return json.Marshal(document{Context: Context, Graph: b.graph})
}

// builder collects the nodes of one page's graph.
type builder struct {
	s     *site.Site
	p     *site.Page
	graph []any
}

// add appends nodes to the graph.
func (b *builder) add(nodes ...any) { b.graph = append(b.graph, nodes...) }

// build fills the graph for the page's kind.
func (b *builder) build() error {
	wp := b.webPage()
	b.add(wp)
	if bc := b.breadcrumb(); bc != nil {
		wp.Breadcrumb = &ref{ID: bc.ID}
		b.add(bc)
	}
	switch m := b.p.Meta.(type) {
	case *content.Condition:
		b.medical(wp)
		b.condition(wp, m)
	case *content.Procedure:
		b.medical(wp)
		b.procedure(wp, m)
	case *content.FAQ:
		b.medical(wp)
		return b.faq(wp, m)
	case *content.Article:
		if b.reviewed() {
			b.medical(wp)
		}
		b.article(wp, m)
	case *content.Provider:
		b.provider(wp, m)
	case *content.Location:
		b.location(wp, m)
	default:
		if b.p.Kind == content.KindHome {
			b.home(wp)
		}
	}
	return nil
}

// types is a value of @type: one type is written as a string, several as
// an array (JSON-LD multi-typing).
type types []string

// MarshalJSON writes one type as a string and several as an array. Type
// names are ASCII letters, which JSON writes between quotes as they are:
// they are written so here, without encoding/json, since every node of
// every page has a type; any other name goes through json.Marshal.
func (t types) MarshalJSON() ([]byte, error) {
	if !lettersOnly(t) {
		if len(t) == 1 {
			return json.Marshal(t[0])
		}
		return json.Marshal([]string(t))
	}
	b := make([]byte, 0, 24*len(t))
	if len(t) > 1 {
		b = append(b, '[')
	}
	for i, name := range t {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), name...), '"')
	}
	if len(t) > 1 {
		b = append(b, ']')
	}
	return b, nil
}

// lettersOnly reports whether t has names and each is ASCII letters alone.
func lettersOnly(t types) bool {
	for _, name := range t {
		for i := 0; i < len(name); i++ {
			if c := name[i] | 0x20; c < 'a' || c > 'z' {
				return false
			}
		}
	}
	return len(t) > 0
}

// typ returns the @type value of the given type names.
func typ(names ...string) types { return types(names) }

// ref refers to a node by @id. For a node in the same graph only ID is
// set; for a node described on another page, Type, Name and URL say what
// it is, so the document can be read on its own.
type ref struct {
	Type types  `json:"@type,omitempty"`
	ID   string `json:"@id"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// named is a node with a type and a name only, such as a symptom.
type named struct {
	Type        types  `json:"@type"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// namedList returns one node of type t per non-empty name.
func namedList(t string, names []string) []named {
	var out []named
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, named{Type: typ(t), Name: n})
		}
	}
	return out
}

// The @id fragments of the nodes each page describes.
const (
	fragWebPage      = "#webpage"
	fragBreadcrumb   = "#breadcrumb"
	fragCondition    = "#condition"
	fragProcedure    = "#procedure"
	fragArticle      = "#article"
	fragPhysician    = "#physician"
	fragClinic       = "#clinic"
	fragWebSite      = "#website"
	fragOrganization = "#organization"
)

// base returns the site's base URL, ending in "/".
func (b *builder) base() string { return b.s.Permalink("/") }

// orgRef refers to the practice, described on the home page.
func (b *builder) orgRef() *ref {
	return &ref{Type: typ("MedicalOrganization"), ID: b.base() + fragOrganization, Name: b.practiceName(), URL: b.base()}
}

// webSiteRef refers to the website, described on the home page.
func (b *builder) webSiteRef() *ref {
	return &ref{Type: typ("WebSite"), ID: b.base() + fragWebSite, Name: b.s.Config.Title, URL: b.base()}
}

// practiceName returns the practice's name, or the site title.
func (b *builder) practiceName() string {
	if n := b.s.Config.Practice.Name; n != "" {
		return n
	}
	return b.s.Config.Title
}

// entityRef refers to the entity page q describes (its condition,
// procedure, provider, clinic or article), or returns nil when q describes
// none.
func entityRef(q *site.Page) *ref {
	r := &ref{Name: q.Title(), URL: q.Permalink}
	switch m := q.Meta.(type) {
	case *content.Condition:
		r.Type, r.ID = typ("MedicalCondition"), q.Permalink+fragCondition
	case *content.Procedure:
		r.Type, r.ID = procedureTypes(q, m), q.Permalink+fragProcedure
	case *content.Provider:
		r.Type, r.ID = providerTypes(m), q.Permalink+fragPhysician
	case *content.Location:
		r.Type, r.ID = typ("MedicalClinic"), q.Permalink+fragClinic
	case *content.Article:
		r.Type, r.ID = typ("Article"), q.Permalink+fragArticle
	default:
		return nil
	}
	return r
}

// entityRefs returns the entity references of pages, skipping pages that
// describe no entity.
func entityRefs(pages []*site.Page) []*ref {
	var out []*ref
	for _, q := range pages {
		if r := entityRef(q); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// isoDate returns d as YYYY-MM-DD (ISO 8601), or "" for the zero date.
func isoDate(d content.Date) string { return d.String() }

// imageURL returns the absolute URL of page q's image (its photo, on a
// provider page), or "" when it has none. Package site resolves the front
// matter's path as it resolves links, so the URL is the one the theme
// shows.
func (b *builder) imageURL(q *site.Page) string {
	u := q.ImageURL
	switch {
	case u == "":
		return ""
	case strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://"):
		return u
	}
	return b.s.Permalink(u)
}

// Reads calls page with the pages other than p whose own front matter
// the structured data of p (Page) may show: those p's relations name
// (site.Page.Linked), whose names, addresses and types it shows in
// breadcrumbs, authors, reviewers and the conditions and procedures it
// mentions; and relation with each relation (a field of site.Page that
// names pages) of p or of those pages that Page reads: p's breadcrumbs,
// author, reviewer, the pages it is about, the procedures and conditions
// it names, its locations, and whether each page it names treats any
// condition. It returns false for the home page, whose data shows the
// site's lists (its locations, its search page) as well. So a build
// cache that keeps those pages' front matter and those relations knows
// Page would write the same (TestReadsHoldsWhatPageShows).
func Reads(p *site.Page, page func(*site.Page), relation func(q *site.Page, field string)) bool {
	if p.Kind == content.KindHome {
		return false
	}
	for _, f := range readRelations {
		relation(p, f)
	}
	p.Linked(func(q *site.Page) {
		page(q)
		relation(q, "Conditions") // procedureTypes
	})
	return true
}

// readRelations are the relations of a page its structured data reads.
var readRelations = []string{"Breadcrumbs", "Author", "Reviewer", "About", "Procedures", "Conditions", "Locations"}
