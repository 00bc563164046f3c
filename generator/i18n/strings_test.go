package i18n

import (
	"testing"
	"time"
)

// testCatalog loads the test theme in English and Spanish, with a site
// that changes one Spanish string and one English one.
func testCatalog(t *testing.T) *Catalog {
	t.Helper()
	theme := mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish)
	site := mapFS("i18n/es.yaml", "help: Cuándo buscar ayuda\n", "i18n/en.yaml", "thousands_separator: \" \"\n")
	cat, errs := Load(theme, site, []string{"en", "es"}, label)
	if errs != nil {
		t.Fatal(errs)
	}
	return cat
}

func TestT(t *testing.T) {
	cat := testCatalog(t)
	for _, tc := range []struct {
		lang, key string
		args      []any
		want, err string
	}{
		{"en", "help", nil, "When to get help", ""},
		{"es", "help", nil, "Cuándo buscar ayuda", ""}, // the site's, over the theme's
		{"es", "reviewed", []any{"reviewer", "Dr. Ruiz", "date", "1 de marzo de 2026"}, "Revisado por Dr. Ruiz el 1 de marzo de 2026", ""},
		{"en", "reviewed", []any{"date", "March 1, 2026", "reviewer", "Dr. Ruiz", "unused", 3}, "Medically reviewed by Dr. Ruiz on March 1, 2026", ""},
		{"en", "pages", []any{"count", 1}, "1 page", ""},
		{"en", "pages", []any{"count", 0}, "0 pages", ""},
		{"en", "pages", []any{"count", 12500}, "12 500 pages", ""}, // the site's thousands separator
		{"es", "pages", []any{"count", 1}, "1 página", ""},
		{"es", "pages", []any{"count", 2}, "2 páginas", ""},
		{"es", "pages", []any{"count", int64(1250)}, "1,250 páginas", ""},
		{"en", "nope", nil, "", `no string "nope" in language "en": add it to the site's i18n/en.yaml, or to the theme's themes/default/i18n/en.yaml`},
		{"en", "reviewed", []any{"reviewer", "Dr. Ruiz"}, "", `string "reviewed" of language "en" uses {date}: give it, such as "date" value`},
		{"en", "pages", nil, "", `string "pages" has plural forms: give its count as a whole number, such as "count" 3`},
		{"en", "pages", []any{"count", "3"}, "", `string "pages" has plural forms: give its count as a whole number, such as "count" 3`},
		{"en", "help", []any{"count"}, "", `string "help": 1 arguments; give names and values in pairs, such as "count" 3`},
		{"en", "months", nil, "", `string "months" of language "en" is a list, not text`},
	} {
		got, err := cat.Lang(tc.lang).T(tc.key, tc.args...)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s %s %v: error %v, want %q", tc.lang, tc.key, tc.args, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s %s %v = %q, %v; want %q", tc.lang, tc.key, tc.args, got, err, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, placeholders string
	}{
		{"Call {phone}", "phone"},
		{"{a}{b_2} and {a}", "a b_2"},
		{"{ not } {2x} {} { {x", ""},
		{"set {x} in {", "x"},
	} {
		m := &message{forms: map[string][]part{"": parse(tc.in)}}
		got := ""
		for i, p := range m.placeholders() {
			if i > 0 {
				got += " "
			}
			got += p
		}
		if got != tc.placeholders {
			t.Errorf("%q: placeholders %q, want %q", tc.in, got, tc.placeholders)
		}
		if s := source(m.forms[""]); s != tc.in {
			t.Errorf("%q: written back as %q", tc.in, s)
		}
	}
}

func TestDate(t *testing.T) {
	cat := testCatalog(t)
	for _, tc := range []struct {
		lang string
		date time.Time
		want string
	}{
		{"en", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "March 1, 2026"},
		{"en", time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC), "December 31, 2025"},
		{"es", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "1 de marzo de 2026"},
		{"es", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), "15 de enero de 2026"},
		{"es", time.Time{}, ""},
	} {
		if got := cat.Lang(tc.lang).Date(tc.date); got != tc.want {
			t.Errorf("%s %v = %q, want %q", tc.lang, tc.date, got, tc.want)
		}
	}
}

func TestClock(t *testing.T) {
	cat := testCatalog(t)
	for _, tc := range []struct {
		lang, in, want string
	}{
		{"en", "16:30", "4:30 p.m."},
		{"en", "08:00", "8 a.m."},
		{"en", "12:00", "noon"},
		{"en", "00:00", "midnight"},
		{"en", "12:15", "12:15 p.m."},
		{"en", "00:05", "12:05 a.m."},
		{"en", "by appointment", "by appointment"},
		{"es", "16:30", "4:30 p. m."},
		{"es", "09:00", "9 a. m."},
		{"es", "12:00", "mediodía"},
	} {
		if got := cat.Lang(tc.lang).Clock(tc.in); got != tc.want {
			t.Errorf("%s %q = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	cat := testCatalog(t)
	es := cat.Lang("es")
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567", 100000: "100,000"} {
		if got := es.Number(n); got != want {
			t.Errorf("%d = %q, want %q", n, got, want)
		}
	}
}

func TestPluralForm(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "one"}, {"en", 0, "other"}, {"en", 2, "other"},
		{"es", 1, "one"}, {"es", 0, "other"}, {"es-mx", 1, "one"},
		{"fr", 0, "one"}, {"fr", 1, "one"}, {"fr", 2, "other"},
		{"zh", 1, "other"},
		{"ru", 1, "one"}, {"ru", 3, "few"}, {"ru", 5, "many"}, {"ru", 11, "many"}, {"ru", 21, "one"}, {"ru", 22, "few"},
		{"pl", 1, "one"}, {"pl", 22, "few"}, {"pl", 21, "many"},
		{"xx", 1, "one"}, {"xx", 7, "other"},
	} {
		if got := PluralForm(tc.lang, tc.n); got != tc.want {
			t.Errorf("%s %d = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}

func TestLangsAndOrder(t *testing.T) {
	cat, errs := Load(mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish), nil, []string{"es", "en", "es"}, nil)
	if errs != nil {
		t.Fatal(errs)
	}
	if got := cat.Langs(); len(got) != 2 || got[0] != "es" || got[1] != "en" {
		t.Errorf("Langs() = %v, want [es en]", got)
	}
	if cat.Lang("fr") != nil {
		t.Error("a language not loaded has strings")
	}
}

func TestSource(t *testing.T) {
	es := testCatalog(t).Lang("es")
	if got, _ := es.Source("reviewed"); got != "Revisado por {reviewer} el {date}" {
		t.Errorf("text: %v", got)
	}
	if got, _ := es.Source("pages"); got.(map[string]string)["other"] != "{count} páginas" {
		t.Errorf("plural: %v", got)
	}
	if got, _ := es.Source("months"); got.([]string)[2] != "marzo" {
		t.Errorf("list: %v", got)
	}
	if _, ok := es.Source("nope"); ok {
		t.Error("a missing key has a source")
	}
}
