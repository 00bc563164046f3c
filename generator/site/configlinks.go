package site

import (
	"fmt"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// checkConfigLinks reports the site paths of site.yaml that are not a page
// or file of the site: menu items, the appointment address (the booking
// button of every page) and the links of notices. Addresses on other
// sites are not checked: a build does not go online.
func (s *Site) checkConfigLinks() diag.List {
	var errs diag.List
	check := func(key, u, what string) {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			return
		}
		target := u
		if i := strings.IndexAny(target, "?#"); i >= 0 {
			target = target[:i]
		}
		if _, err := s.lookupURL(target); err != nil && (s.IsDefault() || !s.root.has(target)) {
			errs = append(errs, diag.Errorf("site.yaml", s.Config.Pos.Line(key), "%s points to %s, which is not a page of the site", what, u).
				WithHint("use the address of an existing page, such as /conditions/").WithRule(diag.RuleMenu))
		}
	}
	if !s.IsDefault() {
		// Another language's Site checks the menu it has of its own; the
		// rest of site.yaml is the default language's to check.
		for i, l := range s.Config.OtherLanguages {
			if l.Code == s.Lang.Code {
				for j, m := range l.Menu {
					check(fmt.Sprintf("languages.%d.menu.%d", i, j), m.URL, fmt.Sprintf("menu item %q of language %q", m.Title, l.Code))
				}
			}
		}
		return errs
	}
	for i, m := range s.Config.Menu {
		check("menu."+itoa(i), m.URL, fmt.Sprintf("menu item %q", m.Title))
	}
	check("practice.appointment_url", s.Config.Practice.AppointmentURL, "appointment_url, the booking button of every page,")
	for i, n := range s.Config.Notices {
		check("notices."+itoa(i)+".link", n.Link, fmt.Sprintf("the link of notice %d", i+1))
	}
	return errs
}

// has reports whether the site path u is a page or file of s.
func (s *Site) has(u string) bool {
	_, err := s.lookupURL(u)
	return err == nil
}
