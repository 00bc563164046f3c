package schema

import (
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// provider is a clinician: a Person, and an IndividualPhysician too when
// the credentials name a medical degree. Fields for one type only are left
// empty for the other.
type provider struct {
	Type types  `json:"@type"`
	ID   string `json:"@id"`
	Name string `json:"name"`
	// HonorificSuffix is the credentials written as letters after the
	// name, "MD" (schema.org Person honorificSuffix).
	HonorificSuffix string       `json:"honorificSuffix,omitempty"`
	URL             string       `json:"url"`
	JobTitle        string       `json:"jobTitle,omitempty"`
	Image           string       `json:"image,omitempty"`
	HasCredential   []credential `json:"hasCredential,omitempty"`
	KnowsLanguage   []string     `json:"knowsLanguage,omitempty"`
	MemberOf        *ref         `json:"memberOf,omitempty"`

	// IndividualPhysician properties (schema.org Physician and
	// IndividualPhysician).
	MedicalSpecialty       []string `json:"medicalSpecialty,omitempty"`
	IsAcceptingNewPatients *bool    `json:"isAcceptingNewPatients,omitempty"`
	PracticesAt            []*ref   `json:"practicesAt,omitempty"`
	USNPI                  string   `json:"usNPI,omitempty"`

	// Person properties used for clinicians who are not physicians.
	KnowsAbout   []string       `json:"knowsAbout,omitempty"`
	WorkLocation []*ref         `json:"workLocation,omitempty"`
	Identifier   *propertyValue `json:"identifier,omitempty"`
}

// credential is a degree or certification.
type credential struct {
	Type types  `json:"@type"`
	Name string `json:"name"`
}

// propertyValue is an identifier from a named scheme, such as an NPI.
type propertyValue struct {
	Type       types  `json:"@type"`
	PropertyID string `json:"propertyID"`
	Value      string `json:"value"`
}

// medicalDegrees are the credentials that make a provider a physician:
// written with or without dots, alone or in a list such as "MD, PhD".
var medicalDegrees = map[string]bool{
	"MD": true, "DO": true, "MBBS": true, "MBCHB": true, "MBBCH": true, "BMBS": true,
}

// isPhysician reports whether the credentials name a medical degree. Only
// upper-case words count, so "do" in a sentence is not a degree.
func isPhysician(m *content.Provider) bool {
	for _, c := range m.Credentials {
		c = strings.ReplaceAll(c, ".", "")
		for _, w := range strings.FieldsFunc(c, func(r rune) bool { return r == ',' || r == '/' || r == ' ' || r == ';' || r == '(' || r == ')' }) {
			if w == strings.ToUpper(w) && medicalDegrees[strings.ToUpper(w)] {
				return true
			}
		}
	}
	return false
}

// providerTypes returns the @type of a provider: [Person,
// IndividualPhysician] for a physician, Person for anyone else.
func providerTypes(m *content.Provider) types {
	if isPhysician(m) {
		return typ("Person", "IndividualPhysician")
	}
	return typ("Person")
}

// provider makes the page a ProfilePage whose mainEntity is the provider,
// with what the bio's header and facts list show: role, credentials,
// specialties, languages, whether they take new patients, where they see
// patients, the NPI number and the photo.
func (b *builder) provider(wp *webPage, m *content.Provider) {
	p := b.p
	n := &provider{
		Type:          providerTypes(m),
		ID:            p.Permalink + fragPhysician,
		Name:          p.Title(),
		URL:           p.Permalink,
		JobTitle:      strings.TrimSpace(m.Role),
		Image:         b.imageURL(p),
		KnowsLanguage: nonEmpty(m.Languages),
		MemberOf:      b.orgRef(),
	}
	n.HonorificSuffix = strings.Join(m.PostNominals(), ", ")
	for _, c := range nonEmpty(m.Credentials) {
		n.HasCredential = append(n.HasCredential, credential{Type: typ("EducationalOccupationalCredential"), Name: c})
	}
	clinics := entityRefs(p.Locations)
	npi := strings.TrimSpace(m.NPI)
	if isPhysician(m) {
		n.MedicalSpecialty = nonEmpty(m.Specialties)
		n.IsAcceptingNewPatients = m.AcceptingNewPatients
		n.PracticesAt = clinics
		n.USNPI = npi
	} else {
		n.KnowsAbout = nonEmpty(m.Specialties)
		n.WorkLocation = clinics
		if npi != "" {
			n.Identifier = &propertyValue{Type: typ("PropertyValue"), PropertyID: "NPI", Value: npi}
		}
	}
	wp.MainEntity = &ref{ID: n.ID}
	b.add(n)
}
