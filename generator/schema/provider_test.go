package schema

import (
	"testing"

	"github.com/lumen-ssg/lumen/generator/content"
)

func TestProviders(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/providers/dr-ortiz/")
	wp := d.pageNode(t, s, "/providers/dr-ortiz/")
	eqList(t, "page type", typesOf(wp), "ProfilePage")
	eqList(t, "breadcrumbs", d.breadcrumbs(t, s, "/providers/dr-ortiz/"), "Home", "Our team", "Dr. Maya Ortiz")
	id := "https://example.com/providers/dr-ortiz/#physician"
	eqList(t, "mainEntity", ids(list(wp, "mainEntity")), id)
	n := d.node(t, id)
	eqList(t, "type", typesOf(n), "Person", "IndividualPhysician")
	eq(t, "jobTitle", n["jobTitle"], any("Pain physician"))
	eq(t, "honorificSuffix", n["honorificSuffix"], any("M.D."))
	eqList(t, "medicalSpecialty", strs(n, "medicalSpecialty"), "Pain medicine", "Spinal injections")
	eqList(t, "knowsLanguage", strs(n, "knowsLanguage"), "English", "Spanish")
	eqList(t, "hasCredential", names(list(n, "hasCredential")), "M.D.", "Board certified in Pain Medicine")
	eq(t, "isAcceptingNewPatients (false is kept)", n["isAcceptingNewPatients"], any(false))
	eqList(t, "practicesAt", ids(list(n, "practicesAt")), "https://example.com/locations/main/#clinic")
	eq(t, "usNPI", n["usNPI"], any("1048729135"))
	eq(t, "image", n["image"], any("https://example.com/providers/ortiz.jpg"))
	eq(t, "memberOf", list(n, "memberOf")[0]["@id"], any("https://example.com/#organization"))

	d = render(t, s, "/providers/jordan-lee/")
	n = d.node(t, "https://example.com/providers/jordan-lee/#physician")
	eqList(t, "NP type", typesOf(n), "Person")
	eq(t, "NP honorificSuffix", n["honorificSuffix"], any("NP"))
	for _, k := range []string{"medicalSpecialty", "practicesAt", "usNPI", "isAcceptingNewPatients"} {
		if n[k] != nil {
			t.Errorf("a Person has the IndividualPhysician property %s", k)
		}
	}
	eqList(t, "knowsAbout", strs(n, "knowsAbout"), "Pain medicine")
	eqList(t, "workLocation", ids(list(n, "workLocation")),
		"https://example.com/locations/main/#clinic", "https://example.com/locations/north/#clinic")
	npi := list(n, "identifier")[0]
	eq(t, "identifier", npi["propertyID"].(string)+" "+npi["value"].(string), "NPI 1726395043")
}

func TestIsPhysician(t *testing.T) {
	tests := []struct {
		credentials []string
		want        bool
	}{
		{[]string{"MD"}, true},
		{[]string{"M.D."}, true},
		{[]string{"DO", "Board certified"}, true},
		{[]string{"MD, PhD"}, true},
		{[]string{"MBBS"}, true},
		{[]string{"NP", "Family Nurse Practitioner, board certified"}, false},
		{[]string{"Trained to do injections"}, false},
		{[]string{"PA-C"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := isPhysician(&content.Provider{Credentials: tt.credentials}); got != tt.want {
			t.Errorf("isPhysician(%q) = %v, want %v", tt.credentials, got, tt.want)
		}
	}
}
