package content

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Common holds the front-matter keys every kind of page accepts.
type Common struct {
	// Title is the page's title, its only level-1 heading (required).
	Title string `yaml:"title"`
	// Description is one or two sentences for search results and the
	// page's meta description.
	Description string `yaml:"description"`
	// Slug replaces the last part of the page's URL.
	Slug string `yaml:"slug"`
	// Date is when the page was first published.
	Date Date `yaml:"date"`
	// Draft pages are built only with --drafts.
	Draft bool `yaml:"draft"`
	// Tags are the page's topics; each has a page listing its pages.
	Tags []string `yaml:"tags"`
	// Summary is a short plain-language summary shown at the top of the
	// page and in lists.
	Summary string `yaml:"summary"`
	// Weight orders pages within a section: lighter first.
	Weight int `yaml:"weight"`
	// Image is the page's main image, a path relative to the content file
	// or a site path.
	Image string `yaml:"image"`
	// ImageAlt describes Image for people who cannot see it.
	ImageAlt string `yaml:"image_alt"`
	// ImageCredit says who made Image and under which licence, such as
	// "Photo: Ana Ruiz, CC BY 4.0", as a Creative Commons Attribution
	// licence asks: the theme shows it in small print under the image,
	// linked to the site's /credits/ page when it has one.
	ImageCredit string `yaml:"image_credit"`
	// Aliases are the page's old addresses, such as /conditions/leg-pain/:
	// each redirects to the page.
	Aliases []string `yaml:"aliases"`
	// TranslationOf names, on a page in a language other than the
	// default one, the page it translates, when their file names differ:
	// the original's path from content/, such as
	// conditions/lumbar-disc-herniation.md. A translation with the same
	// path under content/<code>/ as its original needs none.
	TranslationOf string `yaml:"translation_of"`
	// OriginalVersion is, on a translation, the version (Page.Version) of
	// its original that it was last brought up to date with: lumen
	// translated writes it. Check warns when the original has changed
	// since.
	OriginalVersion string `yaml:"original_version"`
}

// Medical holds the governance keys of medical pages: who wrote them, who
// reviewed them and when, and their sources.
type Medical struct {
	// Author is the slug of the provider who wrote the page.
	Author string `yaml:"author"`
	// ReviewedBy is the slug of the clinician who reviewed the page.
	ReviewedBy string `yaml:"reviewed_by"`
	// LastReviewed is the date of the last medical review.
	LastReviewed Date `yaml:"last_reviewed"`
	// NextReview is when the next review is due; it defaults to
	// LastReviewed plus the site's review interval.
	NextReview Date `yaml:"next_review"`
	// KeyPoints are the page's main messages, shown at the top.
	KeyPoints []string `yaml:"key_points"`
	// References are the sources the page relies on.
	References []Reference `yaml:"references"`
	// Readability overrides the site's reading-level target for this page.
	Readability *ReadabilityOverride `yaml:"readability"`
}

// Reference is a source cited by a medical page: a title with a URL, a DOI
// or a PubMed ID.
type Reference struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	DOI   string `yaml:"doi"`
	PMID  string `yaml:"pmid"`
}

// Link returns the address of the reference: its URL, or the resolver
// address of its DOI or PubMed ID, or "".
func (r Reference) Link() string {
	switch {
	case r.URL != "":
		return r.URL
	case r.DOI != "":
		return "https://doi.org/" + r.DOI
	case r.PMID != "":
		return "https://pubmed.ncbi.nlm.nih.gov/" + r.PMID + "/"
	}
	return ""
}

// Short returns a short name for the reference, to cite it beside the text
// it supports: its title up to the first ". " or ": " ("Ruetten S, et
// al"), with the first year the rest of the title gives ("Ruetten S, et
// al., 2008").
func (r Reference) Short() string {
	t := strings.TrimSpace(r.Title)
	head, rest := t, ""
	if i := strings.Index(t, ". "); i > 0 {
		head, rest = t[:i], t[i:]
	}
	if i := strings.Index(head, ": "); i > 0 {
		head, rest = t[:i], t[i:]
	}
	if strings.HasSuffix(head, " et al") {
		head += "." // the full stop of the abbreviation, not of the sentence
	}
	if y := yearPattern.FindString(rest); y != "" && !strings.Contains(head, y) {
		return head + ", " + y
	}
	return head
}

// yearPattern matches a year of publication.
var yearPattern = regexp.MustCompile(`\b(?:19|20)[0-9]{2}\b`)

// ReadabilityOverride lets one page exceed the site's reading-level target
// for a stated reason.
type ReadabilityOverride struct {
	MaxGrade float64 `yaml:"max_grade"`
	MaxSMOG  float64 `yaml:"max_smog"`
	Reason   string  `yaml:"reason"`
}

// Article is the front matter of content/articles/: news, explainers and
// guides.
type Article struct {
	Common  `yaml:",inline"`
	Medical `yaml:",inline"`
}

// Condition is the front matter of content/conditions/: one health problem
// explained in the order patients need it.
type Condition struct {
	Common  `yaml:",inline"`
	Medical `yaml:",inline"`
	// AlsoKnownAs are other names, lay names first ("slipped disc").
	AlsoKnownAs []string `yaml:"also_known_as"`
	Symptoms    []string `yaml:"symptoms"`
	// RedFlags are the emergency signs: call 911 or go to the emergency
	// department now. Urgent are the signs that need care the same day or
	// within 24 hours, and Routine those that need an appointment. The
	// three are shown together, in that order, as when to get help.
	RedFlags []string `yaml:"red_flags"`
	Urgent   []string `yaml:"urgent"`
	Routine  []string `yaml:"routine"`
	// SelfCare is what patients can do themselves, and what to avoid.
	SelfCare    SelfCare `yaml:"self_care"`
	Causes      []string `yaml:"causes"`
	RiskFactors []string `yaml:"risk_factors"`
	// Complications are the problems the condition can lead to.
	Complications []string `yaml:"complications"`
	Diagnosis     []string `yaml:"diagnosis"`
	// Treatments are listed from the least to the most invasive.
	Treatments []string `yaml:"treatments"`
	// Prevention is how to lower the chance of getting the condition, or
	// of it coming back.
	Prevention []string `yaml:"prevention"`
	// Procedures are slugs of procedure pages that treat the condition.
	Procedures []string `yaml:"procedures"`
	// ICD10 are the ICD-10-CM codes, such as M51.26; one code may be
	// written without a list.
	ICD10 Strings `yaml:"icd10"`
	// Anatomy names the body parts involved, such as "lumbar spine".
	Anatomy Strings `yaml:"anatomy"`
}

// Procedure is the front matter of content/procedures/: a test, injection
// or operation the practice offers.
type Procedure struct {
	Common  `yaml:",inline"`
	Medical `yaml:",inline"`
	// ProcedureType is percutaneous, surgical, injection, diagnostic or
	// noninvasive.
	ProcedureType string `yaml:"procedure_type"`
	// Treats are slugs of the condition pages the procedure treats.
	Treats     []string `yaml:"treats"`
	Duration   string   `yaml:"duration"`
	Anesthesia string   `yaml:"anesthesia"`
	// NotFor says who should not have the procedure, or for whom it is
	// unlikely to help.
	NotFor []string `yaml:"not_for"`
	// Outcomes say how well the procedure works, each with its source.
	Outcomes []Outcome `yaml:"outcomes"`
	// Before, During and After say what happens before the procedure (how
	// to prepare), during it (in order) and after it.
	Before []string `yaml:"before"`
	During []string `yaml:"during"`
	After  []string `yaml:"after"`
	// Recovery is the recovery timeline, in order.
	Recovery     []RecoveryStep `yaml:"recovery"`
	Risks        []string       `yaml:"risks"`
	Alternatives []string       `yaml:"alternatives"`
	// AftercareWarnings are the signs after the procedure that need a
	// call to the practice or emergency care (fever, a leaking wound, new
	// weakness, …): shown with the practice's after-hours number.
	AftercareWarnings []string `yaml:"aftercare_warnings"`
}

// SelfCare is self-care advice as things to do and things not to do.
type SelfCare struct {
	Do   []string `yaml:"do"`
	Dont []string `yaml:"dont"`
}

// Outcome is one statement of how well a procedure works ("About 8 in 10
// people have less leg pain a year later.") with the study or guideline
// it comes from: an outcome without a source is an error.
type Outcome struct {
	Text   string    `yaml:"text"`
	Source Reference `yaml:"source"`
}

// citeOutcomes adds the sources of the outcomes to the references, each
// once, so that the page's list of references, its JSON-LD citations and
// its printed copy name every source the page uses.
func (p *Procedure) citeOutcomes() {
	for _, o := range p.Outcomes {
		link := o.Source.Link()
		if link != "" && !slices.ContainsFunc(p.References, func(r Reference) bool { return r.Link() == link }) {
			p.References = append(p.References, o.Source)
		}
	}
}

// RecoveryStep is one point on a recovery timeline.
type RecoveryStep struct {
	When string `yaml:"when"`
	What string `yaml:"what"`
}

// FAQ is the front matter of content/faqs/: a group of questions and
// answers.
type FAQ struct {
	Common  `yaml:",inline"`
	Medical `yaml:",inline"`
	// Questions are shown as disclosures; answers are Markdown.
	Questions []Question `yaml:"questions"`
	// About are slugs of the condition or procedure pages the questions
	// are about; the questions are listed on those pages.
	About []string `yaml:"about"`
}

// Question is one question and its Markdown answer.
type Question struct {
	Question string `yaml:"question"`
	Answer   string `yaml:"answer"`
}

// Provider is the front matter of content/providers/: a clinician's bio.
type Provider struct {
	Common `yaml:",inline"`
	// Credentials are degrees and certifications, such as "MD" or
	// "Board certified in Pain Medicine". Those written as letters ("MD",
	// "DO", "NP", "PA-C", "MD (doctora en medicina)") follow the name
	// (PostNominals).
	Credentials          []string `yaml:"credentials"`
	Role                 string   `yaml:"role"`
	Specialties          []string `yaml:"specialties"`
	Languages            []string `yaml:"languages"`
	AcceptingNewPatients *bool    `yaml:"accepting_new_patients"`
	// NPI is the 10-digit US National Provider Identifier.
	NPI      string `yaml:"npi"`
	Photo    string `yaml:"photo"`
	PhotoAlt string `yaml:"photo_alt"`
	// Locations are slugs of the location pages where the provider works.
	Locations []string `yaml:"locations"`
	// BookingURL is where patients book with this provider: an https
	// address on a host of privacy.allowed_hosts, or a site path. It wins
	// over the booking address of the provider's clinic and of the
	// practice.
	BookingURL string `yaml:"booking_url"`
}

// PostNominals returns the credentials written as letters, in their order,
// without what they mean: the letters the theme writes after the
// provider's name ("Maya Ortiz, MD") and JSON-LD gives as the Person's
// honorificSuffix. A credential is written as letters when it is one word
// of letters, dots and hyphens with at least two capitals ("MD", "M.D.",
// "PhD", "PA-C", "FNP-BC"), optionally followed by what it means in
// brackets ("MD (doctora en medicina)"); "Board certified in Pain
// Medicine" is not.
func (m *Provider) PostNominals() []string {
	var out []string
	for _, c := range m.Credentials {
		c = strings.TrimSpace(c)
		if i := strings.Index(c, " ("); i > 0 && strings.HasSuffix(c, ")") {
			c = c[:i]
		}
		if isPostNominal(c) {
			out = append(out, c)
		}
	}
	return out
}

// isPostNominal reports whether s is one short word of letters, dots and
// hyphens with at least two capitals.
func isPostNominal(s string) bool {
	if len(s) == 0 || len(s) > 12 {
		return false
	}
	capitals := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			capitals++
		case r >= 'a' && r <= 'z', r == '.', r == '-':
		default:
			return false
		}
	}
	return capitals >= 2
}

// FullName returns title, the provider's name, followed by the post-nominal
// letters (PostNominals) that it does not already end with: "Maya Ortiz,
// MD", and "Jordan Lee, NP" for the title "Jordan Lee, NP". A title that
// starts with "Dr." or "Dra." is returned as it is: the letters would say
// twice that the provider is a doctor ("Dr. Maya Ortiz, MD").
func (m *Provider) FullName(title string) string {
	name := strings.TrimSpace(title)
	if strings.HasPrefix(name, "Dr. ") || strings.HasPrefix(name, "Dra. ") {
		return name
	}
	var add []string
	for _, l := range m.PostNominals() {
		if !strings.HasSuffix(name, " "+l) && !strings.HasSuffix(name, ","+l) && !slices.Contains(add, l) {
			add = append(add, l)
		}
	}
	if len(add) == 0 || name == "" {
		return name
	}
	return name + ", " + strings.Join(add, ", ")
}

// Location is the front matter of content/locations/: a clinic.
type Location struct {
	Common        `yaml:",inline"`
	Address       Address `yaml:"address"`
	Phone         string  `yaml:"phone"`
	Email         string  `yaml:"email"`
	Hours         []Hours `yaml:"hours"`
	Parking       string  `yaml:"parking"`
	DirectionsURL string  `yaml:"directions_url"`
	Geo           *Geo    `yaml:"geo"`
	// BookingURL is where patients book at this clinic: an https address
	// on a host of privacy.allowed_hosts, or a site path. It wins over the
	// practice's appointment_url on the clinic's page and on the pages of
	// the providers who work there.
	BookingURL string `yaml:"booking_url"`
}

// Address is a postal address.
type Address struct {
	Street     string `yaml:"street"`
	City       string `yaml:"city"`
	Region     string `yaml:"region"`
	PostalCode string `yaml:"postal_code"`
	Country    string `yaml:"country"`
}

// Hours are opening hours for a range of days, times as HH:MM.
type Hours struct {
	Days   string `yaml:"days"`
	Opens  string `yaml:"opens"`
	Closes string `yaml:"closes"`
}

// Geo is a latitude and longitude in degrees.
type Geo struct {
	Lat float64 `yaml:"lat"`
	Lng float64 `yaml:"lng"`
}

// Plain is the front matter of any other content file, such as
// content/about.md, and of the home and section pages (_index.md).
type Plain struct {
	Common `yaml:",inline"`
	// Layout names a template to use instead of the kind's own.
	Layout string `yaml:"layout"`
}

// Meta is the typed front matter of one page: one of *Article, *Condition,
// *Procedure, *FAQ, *Provider, *Location or *Plain, as the table of kinds
// says. Every type embeds Common; medical kinds also embed Medical.
type Meta interface {
	common() *Common
	// Readable returns the front-matter text that patients read on the
	// page, in the order the theme shows it, for the readability checks.
	Readable() []Field
}

func (c *Common) common() *Common { return c }

// medical is the front matter of the medical kinds: the types that embed
// Medical.
type medical interface{ medicalKeys() *Medical }

func (m *Medical) medicalKeys() *Medical { return m }

// MedicalOf returns the medical governance keys of front matter m, or nil
// for a kind that has none.
func MedicalOf(m Meta) *Medical {
	if md, ok := m.(medical); ok {
		return md.medicalKeys()
	}
	return nil
}

// Strings is a list of text that may also be written as a single value:
// icd10: M51.26 and icd10: [M51.26, M54.16] both decode.
type Strings []string

// UnmarshalYAML decodes a scalar or a sequence of scalars.
func (s *Strings) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*s = nil
		if n.Value != "" {
			*s = Strings{n.Value}
		}
		return nil
	case yaml.SequenceNode:
		out := make(Strings, 0, len(n.Content))
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return fmt.Errorf("should be text or a list of text")
			}
			out = append(out, item.Value)
		}
		*s = out
		return nil
	}
	return fmt.Errorf("should be text or a list of text")
}

// CommonOf returns the keys every kind has from front matter m.
func CommonOf(m Meta) *Common { return m.common() }
