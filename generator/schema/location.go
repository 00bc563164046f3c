package schema

import (
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// medicalClinic is a location of the practice.
type medicalClinic struct {
	Type                      types                       `json:"@type"`
	ID                        string                      `json:"@id"`
	Name                      string                      `json:"name"`
	URL                       string                      `json:"url"`
	Description               string                      `json:"description,omitempty"`
	Address                   *postalAddress              `json:"address,omitempty"`
	Telephone                 string                      `json:"telephone,omitempty"`
	Email                     string                      `json:"email,omitempty"`
	Geo                       *geoCoordinates             `json:"geo,omitempty"`
	HasMap                    string                      `json:"hasMap,omitempty"`
	OpeningHoursSpecification []openingHoursSpecification `json:"openingHoursSpecification,omitempty"`
	ParentOrganization        *ref                        `json:"parentOrganization,omitempty"`
	// HealthPlanNetworkID names the insurance plans accepted (site.yaml
	// practice.insurance), which the location page shows.
	HealthPlanNetworkID []string `json:"healthPlanNetworkId,omitempty"`
}

// postalAddress is a PostalAddress.
type postalAddress struct {
	Type            types  `json:"@type"`
	StreetAddress   string `json:"streetAddress,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"`
	AddressRegion   string `json:"addressRegion,omitempty"`
	PostalCode      string `json:"postalCode,omitempty"`
	AddressCountry  string `json:"addressCountry,omitempty"`
}

// geoCoordinates are a latitude and longitude in degrees (WGS 84).
type geoCoordinates struct {
	Type      types   `json:"@type"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

// openingHoursSpecification is one row of opening hours: the days, as
// schema.org DayOfWeek URLs, and the times as HH:MM.
type openingHoursSpecification struct {
	Type      types    `json:"@type"`
	DayOfWeek []string `json:"dayOfWeek"`
	Opens     string   `json:"opens"`
	Closes    string   `json:"closes"`
}

// location makes the MedicalClinic the page describes the page's
// mainEntity: its address, phone, email, map link, opening hours and
// coordinates, and the practice it belongs to. An hours row whose days
// parseDays cannot read is left out rather than guessed.
func (b *builder) location(wp *webPage, m *content.Location) {
	p := b.p
	c := &medicalClinic{
		Type:               typ("MedicalClinic"),
		ID:                 p.Permalink + fragClinic,
		Name:               p.Title(),
		URL:                p.Permalink,
		Description:        strings.TrimSpace(m.Summary),
		Address:            address(m.Address),
		Telephone:          strings.TrimSpace(m.Phone),
		Email:              strings.TrimSpace(m.Email),
		HasMap:             strings.TrimSpace(m.DirectionsURL),
		ParentOrganization: b.orgRef(),
	}
	for _, plan := range b.s.Config.Practice.Insurance {
		if plan = strings.TrimSpace(plan); plan != "" {
			c.HealthPlanNetworkID = append(c.HealthPlanNetworkID, plan)
		}
	}
	if m.Geo != nil {
		c.Geo = &geoCoordinates{Type: typ("GeoCoordinates"), Latitude: m.Geo.Lat, Longitude: m.Geo.Lng}
	}
	c.OpeningHoursSpecification = openingHours(m.Hours)
	wp.MainEntity = &ref{ID: c.ID}
	b.add(c)
}

// address returns a as a PostalAddress, or nil when it is empty.
func address(a content.Address) *postalAddress {
	pa := &postalAddress{
		Type:            typ("PostalAddress"),
		StreetAddress:   strings.TrimSpace(a.Street),
		AddressLocality: strings.TrimSpace(a.City),
		AddressRegion:   strings.TrimSpace(a.Region),
		PostalCode:      strings.TrimSpace(a.PostalCode),
		AddressCountry:  strings.TrimSpace(a.Country),
	}
	if pa.StreetAddress == "" && pa.AddressLocality == "" && pa.AddressRegion == "" && pa.PostalCode == "" && pa.AddressCountry == "" {
		return nil
	}
	return pa
}

// openingHours returns the rows of hours whose days parse and whose times
// are given.
func openingHours(hours []content.Hours) []openingHoursSpecification {
	var out []openingHoursSpecification
	for _, h := range hours {
		days, ok := parseDays(h.Days)
		opens, closes := strings.TrimSpace(h.Opens), strings.TrimSpace(h.Closes)
		if !ok || opens == "" || closes == "" {
			continue
		}
		spec := openingHoursSpecification{Type: typ("OpeningHoursSpecification"), Opens: opens, Closes: closes}
		for _, d := range days {
			spec.DayOfWeek = append(spec.DayOfWeek, Context+"/"+d.String())
		}
		out = append(out, spec)
	}
	return out
}
