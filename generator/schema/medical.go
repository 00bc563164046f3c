package schema

import (
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// medicalAudience says whom a MedicalWebPage is written for.
type medicalAudience struct {
	Type         types  `json:"@type"`
	AudienceType string `json:"audienceType"`
}

// creativeWork is a cited source: a reference of a medical page.
type creativeWork struct {
	Type types  `json:"@type"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// reviewed reports whether the page shows a medical review: a reviewer or
// a review date.
func (b *builder) reviewed() bool {
	m := b.p.Medical()
	return m != nil && (b.p.Reviewer != nil || !m.LastReviewed.IsZero())
}

// medical makes wp a MedicalWebPage and adds the governance properties the
// theme's review line and reference list show: the dates, the reviewer,
// the author, the audience and the citations.
func (b *builder) medical(wp *webPage) {
	p := b.p
	m := p.Medical()
	if m == nil {
		return
	}
	if len(wp.Type) == 1 && wp.Type[0] == "WebPage" {
		wp.Type = typ("MedicalWebPage")
	} else {
		wp.Type = append(wp.Type, "MedicalWebPage")
	}
	wp.DatePublished = isoDate(p.Common().Date)
	wp.DateModified = isoDate(p.Lastmod())
	wp.LastReviewed = isoDate(m.LastReviewed)
	if p.Reviewer != nil {
		wp.ReviewedBy = entityRef(p.Reviewer)
	}
	if p.Author != nil {
		wp.Author = entityRef(p.Author)
	}
	wp.MedicalAudience = &medicalAudience{Type: typ("MedicalAudience"), AudienceType: "Patient"}
	wp.Citation = citations(m.References)
}

// citations returns the references as CreativeWorks, each with its title
// and its address (URL, or the DOI or PubMed resolver address).
func citations(refs []content.Reference) []creativeWork {
	var out []creativeWork
	for _, r := range refs {
		cw := creativeWork{Type: typ("CreativeWork"), Name: strings.TrimSpace(r.Title), URL: r.Link()}
		if cw.Name == "" && cw.URL == "" {
			continue
		}
		out = append(out, cw)
	}
	return out
}

// medicalCondition is the MedicalCondition a condition page is about.
type medicalCondition struct {
	Type              types    `json:"@type"`
	ID                string   `json:"@id"`
	Name              string   `json:"name"`
	URL               string   `json:"url"`
	AlternateName     []string `json:"alternateName,omitempty"`
	Description       string   `json:"description,omitempty"`
	AssociatedAnatomy []named  `json:"associatedAnatomy,omitempty"`
	SignOrSymptom     []named  `json:"signOrSymptom,omitempty"`
	Cause             []named  `json:"cause,omitempty"`
	RiskFactor        []named  `json:"riskFactor,omitempty"`
	PossibleTreatment []any    `json:"possibleTreatment,omitempty"`
	// PossibleComplication is Text in schema.org: one value per entry.
	PossibleComplication []string      `json:"possibleComplication,omitempty"`
	PrimaryPrevention    []named       `json:"primaryPrevention,omitempty"`
	Code                 []medicalCode `json:"code,omitempty"`
}

// medicalCode is a code from a controlled vocabulary, here ICD-10-CM.
type medicalCode struct {
	Type         types  `json:"@type"`
	CodeValue    string `json:"codeValue"`
	CodingSystem string `json:"codingSystem"`
}

// condition adds the MedicalCondition the page is about. The diagnosis
// list is not marked up as typicalTest: it mixes tests with steps such as
// taking a history, which are not MedicalTests.
func (b *builder) condition(wp *webPage, m *content.Condition) {
	p := b.p
	c := &medicalCondition{
		Type:                 typ("MedicalCondition"),
		ID:                   p.Permalink + fragCondition,
		Name:                 p.Title(),
		URL:                  p.Permalink,
		AlternateName:        nonEmpty(m.AlsoKnownAs),
		Description:          strings.TrimSpace(m.Summary),
		AssociatedAnatomy:    namedList("AnatomicalStructure", m.Anatomy),
		SignOrSymptom:        namedList("MedicalSignOrSymptom", m.Symptoms),
		Cause:                namedList("MedicalCause", m.Causes),
		RiskFactor:           namedList("MedicalRiskFactor", m.RiskFactors),
		PossibleComplication: nonEmpty(m.Complications),
		PrimaryPrevention:    namedList("MedicalTherapy", m.Prevention),
	}
	for _, r := range entityRefs(p.Procedures) {
		c.PossibleTreatment = append(c.PossibleTreatment, r)
	}
	for _, t := range m.Treatments {
		if th, ok := therapy(t); ok {
			c.PossibleTreatment = append(c.PossibleTreatment, th)
		}
	}
	for _, code := range m.ICD10 {
		if code = strings.TrimSpace(code); code != "" {
			c.Code = append(c.Code, medicalCode{Type: typ("MedicalCode"), CodeValue: code, CodingSystem: "ICD-10-CM"})
		}
	}
	wp.About = []*ref{{ID: c.ID}}
	b.add(c)
}

// therapy returns a treatments entry as a MedicalTherapy. An entry written
// as a short heading sentence and an explanation ("Physical therapy.
// Exercises to move better.") is split into name and description; any
// other entry is the name as a whole.
func therapy(t string) (named, bool) {
	t = strings.TrimSpace(t)
	if t == "" {
		return named{}, false
	}
	th := named{Type: typ("MedicalTherapy"), Name: t}
	if head, rest, ok := strings.Cut(t, ". "); ok && head != "" && len(strings.Fields(head)) <= 6 && strings.TrimSpace(rest) != "" {
		th.Name, th.Description = head, strings.TrimSpace(rest)
	}
	return th, true
}

// sentences returns the non-empty entries of list as one text.
func sentences(list []string) string { return strings.Join(sentenceList(list), " ") }

// sentenceList returns the non-empty entries of list, each ending as a
// sentence: a full stop is added to one that ends without one.
func sentenceList(list []string) []string {
	out := nonEmpty(list)
	for i, s := range out {
		if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
			out[i] = s + "."
		}
	}
	return out
}

// nonEmpty returns the trimmed, non-empty strings of list.
func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// medicalProcedure is the procedure a procedure page is about.
type medicalProcedure struct {
	Type          types  `json:"@type"`
	ID            string `json:"@id"`
	Name          string `json:"name"`
	URL           string `json:"url"`
	Description   string `json:"description,omitempty"`
	ProcedureType string `json:"procedureType,omitempty"`
	Preparation   string `json:"preparation,omitempty"`
	HowPerformed  string `json:"howPerformed,omitempty"`
	Followup      string `json:"followup,omitempty"`
	// Outcome is Text or MedicalEntity in schema.org: one text per
	// outcome, whose sources are among the page's citations (the loader
	// adds them to its references).
	Outcome []string `json:"outcome,omitempty"`
}

// procedureTypes returns the schema.org type of procedure page q: from its
// procedure_type, surgical is a SurgicalProcedure and diagnostic a
// DiagnosticProcedure; any other procedure that treats a condition listed
// on the page is a TherapeuticProcedure, and the rest a MedicalProcedure.
func procedureTypes(q *site.Page, m *content.Procedure) types {
	switch m.ProcedureType {
	case "surgical":
		return typ("SurgicalProcedure")
	case "diagnostic":
		return typ("DiagnosticProcedure")
	}
	if len(q.Conditions) > 0 {
		return typ("TherapeuticProcedure")
	}
	return typ("MedicalProcedure")
}

// procedureTypeValues maps procedure_type to a MedicalProcedureType
// enumeration member (https://schema.org/MedicalProcedureType); an
// injection goes through the skin, so it is percutaneous.
var procedureTypeValues = map[string]string{
	"surgical":     "https://schema.org/SurgicalProcedure",
	"percutaneous": "https://schema.org/PercutaneousProcedure",
	"injection":    "https://schema.org/PercutaneousProcedure",
	"noninvasive":  "https://schema.org/NoninvasiveProcedure",
}

// procedure adds the procedure the page is about, and lists the conditions
// it treats as mentions of the page (a MedicalProcedure has no property
// naming the conditions it treats; condition pages name the procedure as
// a possibleTreatment).
func (b *builder) procedure(wp *webPage, m *content.Procedure) {
	p := b.p
	n := &medicalProcedure{
		Type:          procedureTypes(p, m),
		ID:            p.Permalink + fragProcedure,
		Name:          p.Title(),
		URL:           p.Permalink,
		Description:   strings.TrimSpace(m.Summary),
		ProcedureType: procedureTypeValues[m.ProcedureType],
		Preparation:   sentences(m.Before),
		HowPerformed:  sentences(m.During),
		Followup:      followup(m.After, m.Recovery),
	}
	for _, o := range m.Outcomes {
		if t := strings.TrimSpace(o.Text); t != "" {
			n.Outcome = append(n.Outcome, t)
		}
	}
	wp.About = []*ref{{ID: n.ID}}
	wp.Mentions = entityRefs(p.Conditions)
	b.add(n)
}

// followup returns what happens after a procedure and its recovery
// timeline as one text: the after list, then "When: what." per step.
func followup(after []string, steps []content.RecoveryStep) string {
	parts := sentenceList(after)
	for _, s := range steps {
		when, what := strings.TrimSpace(s.When), strings.TrimSpace(s.What)
		switch {
		case when != "" && what != "":
			parts = append(parts, when+": "+what)
		case what != "":
			parts = append(parts, what)
		}
	}
	return strings.Join(parts, " ")
}
