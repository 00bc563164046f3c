package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// formats are the FormatKeys of English, which every reference file of
// these tests starts with.
const formats = `date_format: "{month} {day}, {year}"
months: [January, February, March, April, May, June, July, August, September, October, November, December]
clock_am: "{time} a.m."
clock_pm: "{time} p.m."
clock_noon: noon
clock_midnight: midnight
thousands_separator: ","
`

// spanishFormats are the same keys in Spanish.
const spanishFormats = `date_format: "{day} de {month} de {year}"
months: [enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre]
clock_am: "{time} a. m."
clock_pm: "{time} p. m."
clock_noon: mediodía
clock_midnight: medianoche
thousands_separator: ","
`

// english is the reference file of the test theme.
const english = formats + `help: When to get help
reviewed: Medically reviewed by {reviewer} on {date}
pages:
  one: "{count} page"
  other: "{count} pages"
`

// spanish is its complete Spanish file.
const spanish = spanishFormats + `help: Cuándo pedir ayuda
reviewed: Revisado por {reviewer} el {date}
pages:
  one: "{count} página"
  other: "{count} páginas"
`

// label names the test theme's files as the build names the default
// theme's.
func label(name string) string { return "themes/default/" + name }

func mapFS(files ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i+1 < len(files); i += 2 {
		fsys[files[i]] = &fstest.MapFile{Data: []byte(files[i+1])}
	}
	return fsys
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name        string
		theme, site fstest.MapFS
		langs       []string
		want        []string // the text of each finding, in order
	}{
		{
			name:  "no English",
			theme: mapFS("i18n/es.yaml", spanish),
			langs: []string{"es"},
			want: []string{"themes/default/i18n/en.yaml: the theme has no English strings: every theme needs i18n/en.yaml\n" +
				"    hint: copy the file from Lumen's default theme (themes/default/i18n/en.yaml)"},
		},
		{
			name:  "English without the format keys",
			theme: mapFS("i18n/en.yaml", "help: Help\n"),
			langs: []string{"en"},
			want: []string{
				`themes/default/i18n/en.yaml: no "date_format", "months", "clock_am", "clock_pm", "clock_noon", "clock_midnight", "thousands_separator" in language "en": Lumen needs them to write dates, times and numbers` +
					"\n    hint: copy them from Lumen's default theme (themes/default/i18n/en.yaml)",
			},
		},
		{
			name:  "a key missing in the theme's Spanish",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", strings.Replace(spanish, "help: Cuándo pedir ayuda\n", "", 1)),
			langs: []string{"en", "es"},
			want: []string{`themes/default/i18n/es.yaml: no string "help" in language "es"` +
				"\n    hint: add the key to this file, in that language; in English it is help: \"When to get help\""},
		},
		{
			name:  "a key missing in the site's Spanish, which the theme does not have",
			theme: mapFS("i18n/en.yaml", english),
			site:  mapFS("i18n/es.yaml", strings.Replace(spanish, "pages:\n  one: \"{count} página\"\n  other: \"{count} páginas\"\n", "", 1)),
			langs: []string{"en", "es"},
			want: []string{`i18n/es.yaml: no string "pages" in language "es"` +
				"\n    hint: add the key to this file, in that language; in English it is pages: {one: \"{count} page\", other: \"{count} pages\"}"},
		},
		{
			name:  "a key the site adds to English, missing in the theme's Spanish",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish),
			site:  mapFS("i18n/en.yaml", "parking: Parking\n"),
			langs: []string{"en", "es"},
			want: []string{`themes/default/i18n/es.yaml: no string "parking" in language "es"` +
				"\n    hint: add the key to this file, in that language; in English it is parking: \"Parking\""},
		},
		{
			name:  "many keys missing",
			theme: mapFS("i18n/en.yaml", english+"a: A\nb: B\nc: C\n"),
			site:  mapFS("i18n/fr.yaml", "help: Aide\n"),
			langs: []string{"fr"},
			want: []string{`i18n/fr.yaml: language "fr" lacks 12 of the 13 strings English has: a, b, c, clock_am, clock_midnight, clock_noon, clock_pm, date_format, months, pages, …` +
				"\n    hint: copy the keys of themes/default/i18n/en.yaml into the file and translate each one"},
		},
		{
			name:  "a language with no file",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish),
			langs: []string{"en", "fr"},
			want: []string{`i18n/fr.yaml: the theme has no strings in language "fr": neither the theme nor the site has i18n/fr.yaml` +
				"\n    hint: create i18n/fr.yaml in the site, with each string of themes/default/i18n/en.yaml in that language"},
		},
		{
			name:  "a regional language whose language has a file",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish),
			langs: []string{"es-mx"},
			want: []string{`i18n/es-mx.yaml: the theme has no strings in language "es-mx": neither the theme nor the site has i18n/es-mx.yaml` +
				"\n    hint: create i18n/es-mx.yaml in the site: copy the strings of i18n/es.yaml and change what differs"},
		},
		{
			name:  "malformed YAML",
			theme: mapFS("i18n/en.yaml", english),
			site:  mapFS("i18n/en.yaml", "help: When: now\n"),
			langs: []string{"en"},
			want: []string{"i18n/en.yaml:1:11: invalid YAML: mapping values are not allowed in this context" +
				"\n    hint: a value that contains \": \" must be quoted, for example title: \"Back pain: what helps\""},
		},
		{
			name:  "text where English has plural forms",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish),
			site:  mapFS("i18n/es.yaml", "\npages: \"{count} páginas\"\n"),
			langs: []string{"es"},
			want: []string{`i18n/es.yaml:2: "pages" in language "es" is text, but in English it is plural forms (one:, other:)` +
				"\n    hint: write it as English does: pages: {one: \"{count} page\", other: \"{count} pages\"}"},
		},
		{
			name:  "a placeholder English does not use",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", strings.Replace(spanish, "{reviewer}", "{reviwer}", 1)),
			langs: []string{"es"},
			want: []string{`themes/default/i18n/es.yaml:9: "reviewed" in language "es" uses {reviwer}, which English's "reviewed" does not` +
				"\n    hint: did you mean {reviewer}?"},
		},
		{
			name:  "plural forms without other, a form CLDR does not have, an empty value, a key twice, eleven months",
			theme: mapFS("i18n/en.yaml", english),
			site: mapFS("i18n/en.yaml", "pages:\n  one: a page\nhelp:\n"+
				"reviewed:\n  one: x\n  other: y\n  lots: z\n"+
				"date_format: x\ndate_format: y\nmonths: [a, b, c, d, e, f, g, h, i, j, k]\n"),
			langs: []string{"en"},
			want: []string{
				`i18n/en.yaml:2:3: "pages" has no form "other"` + "\n    hint: add other: with the text for any count, such as other: \"{count} pages\"",
				`i18n/en.yaml:3:6: "help" has no text` + "\n    hint: write the text after the colon, or \"\" for none",
				`i18n/en.yaml:7:3: "reviewed": "lots" is not a plural form` + "\n    hint: a group of keys is the plural forms of a string: zero, one, two, few, many, other (other is required)",
				`i18n/en.yaml:9:1: key "date_format" appears twice (first at line 8)` + "\n    hint: each key may appear only once; remove or rename one of them",
				`i18n/en.yaml:10:9: "months" has 11 names; a year has 12 months` + "\n    hint: list the names from January to December: [January, February, …]",
			},
		},
		{
			name:  "a key of the site's English close to one of the theme's is a warning",
			theme: mapFS("i18n/en.yaml", english),
			site:  mapFS("i18n/en.yaml", "hepl: Help\nparking: Parking\n"),
			langs: []string{"en"},
			want: []string{`i18n/en.yaml:1: warning: "hepl" is not a string of the theme, so it changes nothing the theme shows` +
				"\n    hint: did you mean \"help\"?"},
		},
		{
			name:  "a key English does not have is a warning",
			theme: mapFS("i18n/en.yaml", english, "i18n/es.yaml", spanish),
			site:  mapFS("i18n/es.yaml", "hepl: Ayuda\n"),
			langs: []string{"es"},
			want: []string{`i18n/es.yaml:1: warning: "hepl" in language "es" is not a string of the theme: English has no such key, so no page shows it` +
				"\n    hint: did you mean \"help\"?"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat, errs := Load(tc.theme, tc.site, tc.langs, label)
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n--\n") != strings.Join(tc.want, "\n--\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n--\n"), strings.Join(tc.want, "\n--\n"))
			}
			if (cat == nil) != (len(errs.Errors()) > 0) {
				t.Errorf("catalog %v with %d errors", cat, len(errs.Errors()))
			}
		})
	}
}
