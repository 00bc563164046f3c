package schema

import (
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/site"
	"github.com/lumen-ssg/lumen/internal/sitetest"
)

func TestCondition(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/conditions/sciatica/")
	wp := d.pageNode(t, s, "/conditions/sciatica/")
	eqList(t, "type", typesOf(wp), "MedicalWebPage")
	eq(t, "description", wp["description"], any("Leg pain from a pinched nerve."))
	eqList(t, "breadcrumbs", d.breadcrumbs(t, s, "/conditions/sciatica/"), "Home", "Conditions we treat", "Sciatica")
	eq(t, "lastReviewed", wp["lastReviewed"], any("2026-01-31"))
	eq(t, "datePublished", wp["datePublished"], any("2025-01-10"))
	eq(t, "dateModified", wp["dateModified"], any("2026-01-31"))
	rev := list(wp, "reviewedBy")[0]
	eq(t, "reviewedBy @id", rev["@id"], any("https://example.com/providers/dr-ortiz/#physician"))
	eq(t, "reviewedBy url", rev["url"], any("https://example.com/providers/dr-ortiz/"))
	eq(t, "reviewedBy name", rev["name"], any("Dr. Maya Ortiz"))
	eqList(t, "reviewedBy type", typesOf(rev), "Person", "IndividualPhysician")
	author := list(wp, "author")[0]
	eq(t, "author @id", author["@id"], any("https://example.com/providers/jordan-lee/#physician"))
	eqList(t, "author type", typesOf(author), "Person")
	aud := list(wp, "medicalAudience")[0]
	eq(t, "audience", hasType(aud, "MedicalAudience") && aud["audienceType"] == "Patient", true)
	var cites []string
	for _, c := range list(wp, "citation") {
		eq(t, "citation type", hasType(c, "CreativeWork"), true)
		cites = append(cites, c["name"].(string)+" "+c["url"].(string))
	}
	eqList(t, "citations", cites,
		"NICE NG59 https://www.nice.org.uk/guidance/ng59",
		"Deyo 2016 https://doi.org/10.1056/NEJMcp1512658",
		"A trial https://pubmed.ncbi.nlm.nih.gov/12345678/")

	eqList(t, "about", ids(list(wp, "about")), "https://example.com/conditions/sciatica/#condition")
	c := d.node(t, "https://example.com/conditions/sciatica/#condition")
	eqList(t, "condition type", typesOf(c), "MedicalCondition")
	eq(t, "condition name", c["name"], any("Sciatica"))
	eq(t, "condition description", c["description"], any("A pinched nerve in the low back causes pain down one leg."))
	eqList(t, "alternateName", strs(c, "alternateName"), "Pinched nerve", "Radiculopathy")
	eqList(t, "associatedAnatomy", names(list(c, "associatedAnatomy")), "Lumbar spine")
	eqList(t, "signOrSymptom", names(list(c, "signOrSymptom")), "Leg pain", "Numbness in the foot")
	eqList(t, "cause", names(list(c, "cause")), "A slipped disc")
	eqList(t, "riskFactor", names(list(c, "riskFactor")), "Smoking")
	eqList(t, "possibleComplication", strs(c, "possibleComplication"), "Weakness in the leg that lasts")
	eqList(t, "primaryPrevention", names(list(c, "primaryPrevention")), "Keep active", "Lift with your knees bent")
	eqList(t, "primaryPrevention type", typesOf(list(c, "primaryPrevention")[0]), "MedicalTherapy")
	if c["typicalTest"] != nil {
		t.Error("typicalTest is set from a diagnosis list that mixes tests with other steps")
	}
	treat := list(c, "possibleTreatment")
	if len(treat) != 4 {
		t.Fatalf("possibleTreatment = %v", treat)
	}
	// The procedures listed under "Procedures that can help", by title,
	// then the treatments ladder.
	eqList(t, "treatment procedures", ids(treat[:2]),
		"https://example.com/procedures/discectomy/#procedure", "https://example.com/procedures/esi/#procedure")
	eqList(t, "treatment 1 type", typesOf(treat[0]), "SurgicalProcedure")
	eqList(t, "treatment 2 type", typesOf(treat[1]), "TherapeuticProcedure")
	eq(t, "treatment 1 url", treat[0]["url"], any("https://example.com/procedures/discectomy/"))
	eq(t, "treatment 3", treat[2]["name"].(string)+" / "+treat[2]["description"].(string), "Physical therapy / Exercises to move better.")
	eqList(t, "treatment 3 type", typesOf(treat[2]), "MedicalTherapy")
	eq(t, "treatment 4", treat[3]["name"], any("Rest for a day or two"))
	var codes []string
	for _, code := range list(c, "code") {
		codes = append(codes, code["codeValue"].(string)+" "+code["codingSystem"].(string))
		eq(t, "code type", hasType(code, "MedicalCode"), true)
	}
	eqList(t, "code", codes, "M54.16 ICD-10-CM", "M51.26 ICD-10-CM")
}

func TestProcedure(t *testing.T) {
	s := build(t, testSite)
	tests := []struct {
		url, typ, procedureType string
	}{
		{"/procedures/discectomy/", "SurgicalProcedure", "https://schema.org/SurgicalProcedure"},
		{"/procedures/esi/", "TherapeuticProcedure", "https://schema.org/PercutaneousProcedure"},
		{"/procedures/scan/", "DiagnosticProcedure", ""},
	}
	for _, tt := range tests {
		d := render(t, s, tt.url)
		wp := d.pageNode(t, s, tt.url)
		eqList(t, tt.url+" page type", typesOf(wp), "MedicalWebPage")
		d.breadcrumbs(t, s, tt.url)
		permalink := s.PageAt(tt.url).Permalink
		eqList(t, tt.url+" about", ids(list(wp, "about")), permalink+"#procedure")
		n := d.node(t, permalink+"#procedure")
		eqList(t, tt.url+" type", typesOf(n), tt.typ)
		if pt, _ := n["procedureType"].(string); pt != tt.procedureType {
			t.Errorf("%s procedureType = %q, want %q", tt.url, pt, tt.procedureType)
		}
	}
	d := render(t, s, "/procedures/discectomy/")
	n := d.node(t, "https://example.com/procedures/discectomy/#procedure")
	eq(t, "preparation", n["preparation"], any("Stop eating 6 hours before. Arrange a ride home."))
	eq(t, "howPerformed", n["howPerformed"], any("You lie on your stomach. The doctor removes the piece of disc."))
	eq(t, "followup", n["followup"], any("You rest for an hour. Same day: You go home. 6 weeks: Back to work."))
	eqList(t, "outcome", strs(n, "outcome"), "About 8 in 10 people have less leg pain a year later.")
	var cites []string
	for _, c := range list(d.node(t, "https://example.com/procedures/discectomy/#webpage"), "citation") {
		cites = append(cites, c["name"].(string)+" "+c["url"].(string))
	}
	eqList(t, "citations", cites, "SPORT https://doi.org/10.1001/jama.296.20.2441")
	if n["contraindication"] != nil {
		t.Error("contraindication is set: schema.org defines it on MedicalTherapy, not on a procedure")
	}
	eq(t, "description", n["description"], any("The doctor removes the piece of disc."))
	wp := d.node(t, "https://example.com/procedures/discectomy/#webpage")
	m := list(wp, "mentions")
	eqList(t, "mentions", ids(m), "https://example.com/conditions/sciatica/#condition")
	eqList(t, "mentions type", typesOf(m[0]), "MedicalCondition")
	if a, _ := wp["author"].(map[string]any); a == nil || a["@id"] != "https://example.com/providers/dr-ortiz/#physician" {
		t.Errorf("author = %v", wp["author"])
	}
}

func TestFAQ(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/faqs/basics/")
	wp := d.pageNode(t, s, "/faqs/basics/")
	eqList(t, "type", typesOf(wp), "FAQPage", "MedicalWebPage")
	d.breadcrumbs(t, s, "/faqs/basics/")
	eq(t, "lastReviewed", wp["lastReviewed"], any("2026-02-01"))
	qs := list(wp, "mainEntity")
	if len(qs) != 2 {
		t.Fatalf("mainEntity = %v", wp["mainEntity"])
	}
	var got []string
	for _, q := range qs {
		eq(t, "question type", hasType(q, "Question"), true)
		a := list(q, "acceptedAnswer")[0]
		eq(t, "answer type", hasType(a, "Answer"), true)
		got = append(got, q["name"].(string)+" → "+a["text"].(string))
	}
	eqList(t, "questions", got,
		"Should I rest? → No. Keep **moving**.",
		"Is a <slipped> disc & a pinched nerve the same? → Not [always](/conditions/sciatica/).")
	eqList(t, "about", ids(list(wp, "about")),
		"https://example.com/procedures/esi/#procedure", "https://example.com/conditions/sciatica/#condition")

	fsys, _ := sitetest.Parse(testSite)
	short := buildWith(t, fsys, func(s *site.Site, p *site.Page) *site.Body {
		b := renderAnswers(s, p)
		b.Answers = b.Answers[:min(1, len(b.Answers))]
		return b
	})
	if _, err := Page(short, short.PageAt("/faqs/basics/")); err == nil || !strings.Contains(err.Error(), "rendered answers") {
		t.Errorf("an FAQ page without rendered answers: error %v", err)
	}
}

func TestArticle(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/articles/scope/")
	wp := d.pageNode(t, s, "/articles/scope/")
	eqList(t, "reviewed article page type", typesOf(wp), "MedicalWebPage")
	eq(t, "reviewedBy", list(wp, "reviewedBy")[0]["@id"], any("https://example.com/providers/jordan-lee/#physician"))
	id := "https://example.com/articles/scope/#article"
	eqList(t, "mainEntity", ids(list(wp, "mainEntity")), id)
	a := d.node(t, id)
	eqList(t, "type", typesOf(a), "Article")
	eq(t, "headline", a["headline"], any("Why scopes help"))
	eq(t, "image", a["image"], any("https://example.com/articles/scope/scope.svg"))
	eq(t, "datePublished", a["datePublished"], any("2026-02-16"))
	eq(t, "dateModified", a["dateModified"], any("2026-03-01"))
	author := list(a, "author")[0]
	eq(t, "author", author["@id"], any("https://example.com/providers/dr-ortiz/#physician"))
	eq(t, "author url", author["url"], any("https://example.com/providers/dr-ortiz/"))
	eq(t, "author is a Person", hasType(author, "Person"), true)
	eq(t, "publisher", list(a, "publisher")[0]["@id"], any("https://example.com/#organization"))
	eq(t, "mainEntityOfPage", list(a, "mainEntityOfPage")[0]["@id"], any(wp["@id"]))

	d = render(t, s, "/articles/news/")
	wp = d.pageNode(t, s, "/articles/news/")
	eqList(t, "unreviewed article page type", typesOf(wp), "WebPage")
	for _, k := range []string{"lastReviewed", "reviewedBy", "medicalAudience"} {
		if wp[k] != nil {
			t.Errorf("unreviewed article has %s", k)
		}
	}
	a = d.node(t, "https://example.com/articles/news/#article")
	if a["author"] != nil || a["image"] != nil {
		t.Errorf("article without author or image: %v", a)
	}
}
