package config

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseMinimalSetsDefaults(t *testing.T) {
	c, err := Parse([]byte("title: Clinic\nbase_url: https://example.com\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "https://example.com/" || c.Language != "en" || c.Theme != "default" ||
		c.Practice.Name != "Clinic" || c.Readability.MaxGrade != 8 || c.Readability.MaxSMOG != 9 || c.Review.IntervalMonths != 12 {
		t.Errorf("defaults not set: %+v", c)
	}
}

func TestParseFull(t *testing.T) {
	src := `title: Clearwater
base_url: https://www.example.com/
language: es
practice:
  name: Clearwater Spine
  phone: "(555) 010-0100"
  appointment_url: /appointments/
menu:
  - {title: Conditions, url: /conditions/}
readability: {max_grade: 7, max_smog: 8}
review: {interval_months: 24}
privacy:
  allowed_hosts: [booking.example.net]
`
	c, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "es" || c.Practice.Phone != "(555) 010-0100" || c.Menu[0].URL != "/conditions/" ||
		c.Readability.MaxGrade != 7 || c.Review.IntervalMonths != 24 || c.Privacy.AllowedHosts[0] != "booking.example.net" {
		t.Errorf("got %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"missing title", "base_url: https://e.com/\n", "site.yaml: title is required"},
		{"missing base_url", "title: x\n", "site.yaml: base_url is required"},
		{"relative base_url", "title: x\nbase_url: /site/\n", `site.yaml:2: base_url "/site/" is not an absolute http or https URL`},
		{"base_url with a password", "title: x\nbase_url: https://user:secret@e.com/\n", `site.yaml:2: base_url "https://user:secret@e.com/" holds a user name or password`},
		{"base_url with a bad port", "title: x\nbase_url: https://e.com:99999/\n", `site.yaml:2: base_url "https://e.com:99999/" has the port 99999, which is not between 1 and 65535`},
		{"base_url with a space", "title: x\nbase_url: \"https://e.com/my clinic/\"\n", `site.yaml:2: base_url "https://e.com/my clinic/" holds a space or a control character`},
		{"base_url with a query", "title: x\nbase_url: https://e.com/?a=1\n", `site.yaml:2: base_url "https://e.com/?a=1" has a ?query or #fragment`},
		{"base_url with a fragment", "title: x\nbase_url: https://e.com/#top\n", `site.yaml:2: base_url "https://e.com/#top" has a ?query or #fragment`},
		{"base_url with an empty port", "title: x\nbase_url: https://e.com:/\n", `site.yaml:2: base_url "https://e.com:/" has an empty port`},
		{"unknown key", "title: x\nbase_url: https://e.com/\nbaseurl: y\n", `site.yaml:3:1: unknown key "baseurl"` + "\n    hint: did you mean \"base_url\"?"},
		{"nested unknown key", "title: x\nbase_url: https://e.com/\npractice:\n  phnoe: 1\n", `site.yaml:4:3: unknown key "practice.phnoe"` + "\n    hint: did you mean \"phone\"?"},
		{"wrong type", "title: x\nbase_url: https://e.com/\nreview:\n  interval_months: soon\n", `site.yaml:4:20: "review.interval_months" should be a whole number, found text "soon"`},
		{"bad menu url", "title: x\nbase_url: https://e.com/\nmenu:\n  - {title: A, url: conditions}\n", `site.yaml:4: menu item "A": url "conditions" must be a site path`},
		{"bad host", "title: x\nbase_url: https://e.com/\nprivacy:\n  allowed_hosts: [https://a.com/x]\n", `site.yaml:4: allowed host "https://a.com/x" is not a host name`},
		{"bad language", "title: x\nbase_url: https://e.com/\nlanguage: english!\n", `site.yaml:3: language "english!" is not a language tag`},
		{"language without a code", "title: x\nbase_url: https://e.com/\nlanguages:\n  - {name: Español}\n", `site.yaml:4: language 1 has no code`},
		{"upper-case language code", "title: x\nbase_url: https://e.com/\nlanguages:\n  - {code: ES}\n", `site.yaml:4: language code "ES" is not a lower-case language tag`},
		{"language twice", "title: x\nbase_url: https://e.com/\nlanguages:\n  - {code: es}\n  - {code: es}\n", `site.yaml:5: language "es" is listed twice`},
		{"language on a folder of Lumen's", "title: x\nbase_url: https://e.com/\nlanguages:\n  - {code: js}\n", `site.yaml:4: language code "js" is a folder Lumen publishes its own files in`},
		{"bad language menu", "title: x\nbase_url: https://e.com/\nlanguages:\n  - code: es\n    menu:\n      - {title: A, url: condiciones}\n", `site.yaml:6: menu item "A" of language "es": url "condiciones" must be a site path`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %q\nwant %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingSuggestsNewSite(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "no site.yaml here") || !strings.Contains(err.Error(), "lumen new site") {
		t.Errorf("got %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title: x\nbase_url: https://e.com/\n"))
	f.Add([]byte("title: x\nmenu:\n  - {title: A, url: /a/}\nprivacy: {allowed_hosts: [a.b]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err == nil && (c.Title == "" || !strings.HasSuffix(c.BaseURL, "/")) {
			t.Fatalf("accepted an invalid config: %+v", c)
		}
	})
}

// TestLanguages checks the languages of a site: the default first, named
// and with a locale, then the others in order; each language's Config
// takes its overrides and leaves the site's alone.
func TestLanguages(t *testing.T) {
	c, err := Parse([]byte(`title: Clinic
base_url: https://e.com/
description: Back care.
practice: {tagline: Care close to home}
menu: [{title: Conditions, url: /conditions/}]
languages:
  - code: es
    locale: es-US
    title: Clínica
    tagline: Cuidado cerca de casa
    menu: [{title: Afecciones, url: /es/afecciones/}]
  - {code: en, locale: en-US}
  - {code: vi}
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range c.Languages() {
		got = append(got, l.Code+" "+l.Name+" "+l.Locale)
	}
	if want := []string{"en English en-US", "es Español es-US", "vi Tiếng Việt vi"}; !slices.Equal(got, want) {
		t.Errorf("Languages = %q, want %q", got, want)
	}
	if !c.Multilingual() || c.Prefix("en") != "/" || c.Prefix("es") != "/es/" {
		t.Errorf("Multilingual %v, prefixes %q %q", c.Multilingual(), c.Prefix("en"), c.Prefix("es"))
	}
	es := c.For("es")
	if es.Language != "es" || es.Title != "Clínica" || es.Description != "Back care." || es.Practice.Tagline != "Cuidado cerca de casa" || es.Menu[0].Title != "Afecciones" {
		t.Errorf("For(es) = %q %q %q %q %v", es.Language, es.Title, es.Description, es.Practice.Tagline, es.Menu)
	}
	if c.Title != "Clinic" || c.Practice.Tagline != "Care close to home" || c.Menu[0].Title != "Conditions" || c.Language != "en" {
		t.Errorf("For changed the site's Config: %q %q %v", c.Title, c.Practice.Tagline, c.Menu)
	}
	if c.For("en") != c {
		t.Error("For(the default language without overrides) is not the site's Config")
	}
	one, _ := Parse([]byte("title: x\nbase_url: https://e.com/\n"))
	if one.Multilingual() || len(one.Languages()) != 1 || one.Languages()[0].Name != "English" {
		t.Errorf("a site without languages: %v", one.Languages())
	}
}
