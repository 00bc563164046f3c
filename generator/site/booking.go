package site

import (
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/htmlcheck"
)

// Booking is how a patient books a visit from one page: where to book
// and what number to call.
type Booking struct {
	// URL is where to book: an https address (booking online) or a site
	// path (a page that says how to book), or "" when there is only a
	// number to call.
	URL string
	// Phone is the number to call about a visit from this page, as it is
	// shown.
	Phone string
	// Own is true when URL is the page's own (a provider's or a clinic's
	// booking_url, or that of a provider's clinic), not the practice's
	// that every page's header offers.
	Own bool
}

// Online reports whether URL books online, on another site: an https
// address rather than a page of this site.
func (b Booking) Online() bool { return strings.HasPrefix(b.URL, "https://") }

// Booking returns how to book from page p, the narrowest scope first: a
// provider's booking_url, then that of the first of the provider's
// clinics that has one, then the practice's appointment_url; a clinic's
// booking_url, then the practice's. The number is the clinic's phone on
// a clinic's page and, on a provider's page, that of their only clinic;
// everywhere else, or when the clinic has none, the practice's.
func (p *Page) Booking() Booking {
	var b Booking
	practice := Booking{}
	if p.site != nil {
		practice = Booking{URL: p.site.Config.Practice.AppointmentURL, Phone: p.site.Config.Practice.Phone}
	}
	switch m := p.Meta.(type) {
	case *content.Provider:
		b.URL = m.BookingURL
		for _, l := range p.Locations {
			if lm, ok := l.Meta.(*content.Location); ok && b.URL == "" {
				b.URL = lm.BookingURL
			}
		}
		if len(p.Locations) == 1 {
			if lm, ok := p.Locations[0].Meta.(*content.Location); ok {
				b.Phone = lm.Phone
			}
		}
	case *content.Location:
		b.URL, b.Phone = m.BookingURL, m.Phone
	}
	b.Own = b.URL != ""
	if b.URL == "" {
		b.URL = practice.URL
	}
	if b.Phone == "" {
		b.Phone = practice.Phone
	}
	return b
}

// checkBooking reports the booking_url of providers and clinics that
// cannot be booked at: an address on a host that site.yaml's
// privacy.allowed_hosts does not name (a booking page on another site is
// a third party the practice chooses on purpose), a site path that is no
// page of the site, or anything else.
func (s *Site) checkBooking() diag.List {
	var errs diag.List
	hosts := htmlcheck.New(s.Config.Privacy.AllowedHosts)
	for _, p := range s.Pages {
		var u string
		switch m := p.Meta.(type) {
		case *content.Provider:
			u = m.BookingURL
		case *content.Location:
			u = m.BookingURL
		}
		if u == "" || p.Source == nil {
			continue
		}
		bad := func(rule, format string, args ...any) *diag.Error {
			e := diag.Errorf(p.Source.Source, p.Source.Line("booking_url"), format, args...).WithRule(rule)
			errs = append(errs, e)
			return e
		}
		switch {
		case strings.HasPrefix(u, "https://"):
			if host := hosts.Foreign(u); host != "" {
				bad(diag.RuleHost, "booking_url %q is on %s, which privacy.allowed_hosts of site.yaml does not name", u, host).
					WithHint("if patients should book there, add the host to site.yaml: privacy: {allowed_hosts: [%s]}", host)
			}
		case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//"):
			target := u
			if i := strings.IndexAny(target, "?#"); i >= 0 {
				target = target[:i]
			}
			if _, err := s.lookupURL(target); err != nil && (s.IsDefault() || !s.root.has(target)) {
				bad(diag.RuleLinkBroken, "booking_url points to %s, which is not a page of the site", u).
					WithHint("use the address of an existing page, such as /appointments/, or an https:// booking address")
			}
		default:
			bad(diag.RuleFrontMatter, "booking_url %q must be a site path such as /appointments/ or an https:// address", u).
				WithHint("%s", bookingHint(u))
		}
	}
	return errs
}

// bookingHint says how to write a booking address that is neither a site
// path nor an https address.
func bookingHint(u string) string {
	if rest, ok := strings.CutPrefix(u, "http://"); ok {
		return fmt.Sprintf("booking pages send personal details: use the https address, booking_url: https://%s", rest)
	}
	return "write the full address, such as booking_url: https://booking.example.com/clearwater, or a page of the site, such as /appointments/"
}
