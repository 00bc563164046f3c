package schema

import (
	"strings"
	"testing"
)

func TestLocation(t *testing.T) {
	s := build(t, testSite)
	d := render(t, s, "/locations/main/")
	wp := d.pageNode(t, s, "/locations/main/")
	eqList(t, "page type", typesOf(wp), "WebPage")
	d.breadcrumbs(t, s, "/locations/main/")
	id := "https://example.com/locations/main/#clinic"
	eqList(t, "mainEntity", ids(list(wp, "mainEntity")), id)
	c := d.node(t, id)
	eqList(t, "type", typesOf(c), "MedicalClinic")
	a := list(c, "address")[0]
	eq(t, "address type", hasType(a, "PostalAddress"), true)
	eq(t, "address", strings.Join([]string{a["streetAddress"].(string), a["addressLocality"].(string),
		a["addressRegion"].(string), a["postalCode"].(string), a["addressCountry"].(string)}, ", "),
		"1 Main St, Testville, OR, 97000, US")
	eq(t, "telephone", c["telephone"], any("(555) 010-0101"))
	eq(t, "email", c["email"], any("main@example.com"))
	eq(t, "hasMap", c["hasMap"], any("https://www.openstreetmap.org/search?query=1%20Main%20St"))
	geo := list(c, "geo")[0]
	eq(t, "geo", hasType(geo, "GeoCoordinates") && geo["latitude"] == 44.05 && geo["longitude"] == -123.08, true)
	eq(t, "parentOrganization", list(c, "parentOrganization")[0]["@id"], any("https://example.com/#organization"))
	hours := list(c, "openingHoursSpecification")
	if len(hours) != 2 {
		t.Fatalf("the unreadable hours row should be left out: %v", hours)
	}
	eq(t, "hours type", hasType(hours[0], "OpeningHoursSpecification"), true)
	eqList(t, "weekdays", strs(hours[0], "dayOfWeek"), "https://schema.org/Monday", "https://schema.org/Tuesday",
		"https://schema.org/Wednesday", "https://schema.org/Thursday", "https://schema.org/Friday")
	eq(t, "opens", hours[0]["opens"], any("08:00"))
	eq(t, "closes", hours[0]["closes"], any("17:00"))
	eqList(t, "saturday", strs(hours[1], "dayOfWeek"), "https://schema.org/Saturday")

	// A location with nothing but a title has no empty address.
	c = render(t, s, "/locations/north/").node(t, "https://example.com/locations/north/#clinic")
	for _, k := range []string{"address", "geo", "openingHoursSpecification", "telephone"} {
		if c[k] != nil {
			t.Errorf("empty location has %s: %v", k, c[k])
		}
	}
}
