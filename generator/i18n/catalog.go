// Package i18n holds the strings a theme shows — headings, buttons,
// labels, the review line, the 911 notice — in each language a site is
// published in, and writes dates, times of day and numbers the way each
// language writes them.
//
// # Files
//
// A theme ships one file per language, i18n/<code>.yaml ("i18n/en.yaml",
// "i18n/es.yaml"), named by the language's code in site.yaml. A site
// changes any string of any language in its own i18n/<code>.yaml, key by
// key: its keys win over the theme's, and the theme's other keys stay.
// A file is a YAML mapping of keys to strings:
//
//	when_to_get_help: When to get help
//	reviewed_by: Medically reviewed by {reviewer} on {date}
//	pages_on_topic:
//	  one: "{count} page on this topic"
//	  other: "{count} pages on this topic"
//	months: [January, February, March, …]
//
// A value is one of three shapes, and a key has the same shape in every
// language:
//
//   - text;
//   - plural forms, a mapping of the plural categories of Unicode CLDR
//     (zero, one, two, few, many, other) to text: the form is chosen by the
//     argument named count, by the language's rule (see PluralForm), and
//     "other" is required, as the form used when the language's rule picks
//     one the file does not give;
//   - a list of text, for the names of the months.
//
// # Placeholders
//
// {name} in a string is replaced by the argument called name (a letter or
// underscore, then letters, digits or underscores, between braces). A
// brace that does not open such a name is written as it is, so "{" alone
// needs no escaping. Whole numbers given as arguments are written with the
// language's thousands separator. A language may leave out a placeholder
// English uses ("Call {phone}" may become "Llámenos"), but may not use one
// English does not: the caller gives only English's.
//
// Strings are written out exactly as the file has them: package render
// treats them as HTML, as it treats the text of a template, and escapes
// the arguments it passes instead.
//
// # Formats
//
// Besides the theme's strings, each language has the keys that say how
// it writes dates, times and numbers (FormatKeys):
//
//	date_format: "{month} {day}, {year}"    # "1 de marzo de 2026": "{day} de {month} de {year}"
//	months: [January, February, …]           # twelve names
//	clock_am: "{time} a.m."                  # "8 a.m.", "8:30 a.m."
//	clock_pm: "{time} p.m."
//	clock_noon: noon
//	clock_midnight: midnight
//	thousands_separator: ","                 # "1,250"
//
// # Checks
//
// English is the reference: the theme's i18n/en.yaml, with the site's
// i18n/en.yaml over it, must hold every FormatKeys key, and every other
// language must hold every key English holds. Load reports, each as a
// diag.Error naming the file and, where there is one, the line:
//
//   - a file that is not valid YAML, or not a mapping of keys;
//   - a value of the wrong shape (text where English has plural forms),
//     an empty value, a key written twice, plural forms without "other"
//     or with a category CLDR does not have, months that are not twelve;
//   - a placeholder English does not use for that key;
//   - a key English has that a language lacks, naming the key, the
//     language and the file to add it to (the site's file when it has one,
//     else the theme's), with English's text as the hint;
//   - a language of site.yaml with no file at all, naming the file to
//     create.
//
// A key that a language has and English does not is a warning, not an
// error: it changes nothing (no template asks for it), it is most often a
// typo of a key English has, which the warning suggests, and a site that
// keeps an override of a key a newer theme no longer has still builds.
// A site's English may add keys, for templates of its own; one that is
// close to a key of the theme's English is warned of as a likely typo.
package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Dir is the folder of the translation files, in a theme and in a site.
const Dir = "i18n"

// Reference is the code of the language every other one is checked
// against, and whose file the theme must have.
const Reference = "en"

// FormatKeys are the keys that say how a language writes dates, times
// and numbers, which the Reference language must have (see the package
// documentation).
var FormatKeys = []string{"date_format", "months", "clock_am", "clock_pm", "clock_noon", "clock_midnight", "thousands_separator"}

// Catalog is the strings of the theme in each language of a site.
type Catalog struct {
	langs map[string]*Strings
	order []string
}

// Lang returns the strings of the language code, or nil when the catalog
// was not loaded for it.
func (c *Catalog) Lang(code string) *Strings {
	if c == nil {
		return nil
	}
	return c.langs[code]
}

// Langs returns the codes of the catalog's languages, in the order Load
// was given them.
func (c *Catalog) Langs() []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.order)
}

// maxListed is how many missing keys of one language are reported one by
// one; past it, one error lists the first of them, since a file that lacks
// that many is a file to copy and translate, not to patch.
const maxListed = 10

// Load reads the theme's translation files in theme (a file system rooted
// at the theme's folder) and the site's in site (rooted at the site's
// folder; nil for none), and returns the strings of each language of langs
// (codes such as "es"), the site's keys over the theme's. label maps a
// theme file name such as "i18n/es.yaml" to the path errors show, such as
// "themes/default/i18n/es.yaml"; nil leaves names as they are. The site's
// files are named by their path in the site.
//
// The catalog is nil when there are errors; the warnings of a catalog that
// loaded are returned with it (see the package documentation for both).
func Load(theme, site fs.FS, langs []string, label func(name string) string) (*Catalog, diag.List) {
	if label == nil {
		label = func(name string) string { return name }
	}
	l := loader{theme: theme, site: site, label: label}
	ref := l.reference()
	if ref == nil {
		return nil, l.errs
	}
	cat := &Catalog{langs: map[string]*Strings{}}
	for _, code := range langs {
		if _, done := cat.langs[code]; done {
			continue
		}
		var msgs map[string]*message
		if code == Reference {
			msgs = ref
		} else {
			msgs = l.language(code, ref)
		}
		if msgs != nil {
			cat.langs[code] = newStrings(code, msgs, l.fix(code))
			cat.order = append(cat.order, code)
		}
	}
	l.errs.Sort()
	if len(l.errs.Errors()) > 0 {
		return nil, l.errs
	}
	return cat, l.errs
}

// loader holds what Load reads and finds.
type loader struct {
	theme, site fs.FS
	label       func(string) string
	errs        diag.List
	// places are the placeholders of each key of the reference language:
	// of the theme's text when the theme has the key, else of the site's.
	places map[string][]string
}

// reference returns the messages of the Reference language, checked, or
// nil when they cannot be used.
func (l *loader) reference() map[string]*message {
	themeFile, siteFile := l.files(Reference)
	if themeFile == nil {
		if len(l.errs) == 0 {
			l.errs = append(l.errs, &diag.Error{File: l.label(Dir + "/" + Reference + ".yaml"),
				Msg:  "the theme has no English strings: every theme needs " + Dir + "/" + Reference + ".yaml",
				Hint: "copy the file from Lumen's default theme (themes/default/i18n/en.yaml)"})
		}
		return nil
	}
	l.places = map[string][]string{}
	for _, f := range []*file{themeFile, siteFile} {
		if f == nil {
			continue
		}
		for key, m := range f.msgs {
			if _, ok := l.places[key]; !ok {
				l.places[key] = m.placeholders()
			}
		}
	}
	msgs := merge(themeFile, siteFile)
	if siteFile != nil {
		l.checkShapes(siteFile, themeFile.msgs, Reference)
		l.checkPlaceholders(siteFile, Reference)
		l.checkTypos(siteFile, themeFile.msgs)
	}
	var missing []string
	for _, key := range FormatKeys {
		if _, ok := msgs[key]; !ok {
			missing = append(missing, strconv.Quote(key))
		}
	}
	if len(missing) > 0 {
		l.errs = append(l.errs, &diag.Error{File: themeFile.name,
			Msg:  fmt.Sprintf("no %s in language %q: Lumen needs them to write dates, times and numbers", strings.Join(missing, ", "), Reference),
			Hint: "copy them from Lumen's default theme (themes/default/i18n/en.yaml)"})
	}
	return msgs
}

// language returns the messages of the language code, checked against
// ref, or nil when the language has no file.
func (l *loader) language(code string, ref map[string]*message) map[string]*message {
	themeFile, siteFile := l.files(code)
	if themeFile == nil && siteFile == nil {
		e := &diag.Error{File: Dir + "/" + code + ".yaml",
			Msg: fmt.Sprintf("the theme has no strings in language %q: neither the theme nor the site has %s/%s.yaml", code, Dir, code)}
		e.WithHint("create %s/%s.yaml in the site, with each string of %s in that language", Dir, code, l.label(Dir+"/"+Reference+".yaml"))
		if p, _, ok := strings.Cut(code, "-"); ok {
			if l.has(p) {
				e.WithHint("create %s/%s.yaml in the site: copy the strings of %s/%s.yaml and change what differs", Dir, code, Dir, p)
			}
		}
		l.errs = append(l.errs, e)
		return nil
	}
	for _, f := range []*file{themeFile, siteFile} {
		if f == nil {
			continue
		}
		l.checkShapes(f, ref, code)
		l.checkPlaceholders(f, code)
		l.checkUnknown(f, ref, code)
	}
	msgs := merge(themeFile, siteFile)
	// The file to add a missing key to: the site's when it has one, so
	// that the theme's file, shared by every site, is left as it is.
	target := siteFile
	if target == nil {
		target = themeFile
	}
	var missing []string
	for key := range ref {
		if _, ok := msgs[key]; !ok {
			missing = append(missing, key)
		}
	}
	sort.Strings(missing)
	if len(missing) > maxListed {
		l.errs = append(l.errs, &diag.Error{File: target.name,
			Msg:  fmt.Sprintf("language %q lacks %d of the %d strings English has: %s, …", code, len(missing), len(ref), strings.Join(missing[:maxListed], ", ")),
			Hint: fmt.Sprintf("copy the keys of %s into the file and translate each one", l.label(Dir+"/"+Reference+".yaml"))})
		return msgs
	}
	for _, key := range missing {
		l.errs = append(l.errs, &diag.Error{File: target.name,
			Msg:  fmt.Sprintf("no string %q in language %q", key, code),
			Hint: fmt.Sprintf("add the key to this file, in that language; in English it is %s", ref[key].yaml(key))})
	}
	return msgs
}

// files reads the theme's and the site's files of the language code;
// each is nil when absent or unreadable.
func (l *loader) files(code string) (themeFile, siteFile *file) {
	name := Dir + "/" + code + ".yaml"
	var errs diag.List
	themeFile, errs = readFile(l.theme, name, l.label(name))
	l.errs = append(l.errs, errs...)
	if l.site != nil {
		siteFile, errs = readFile(l.site, name, name)
		l.errs = append(l.errs, errs...)
	}
	return themeFile, siteFile
}

// has reports whether the theme or the site has a file for the language
// code.
func (l *loader) has(code string) bool {
	name := Dir + "/" + code + ".yaml"
	if _, err := fs.Stat(l.theme, name); err == nil {
		return true
	}
	if l.site == nil {
		return false
	}
	_, err := fs.Stat(l.site, name)
	return err == nil
}

// fix returns the advice of an error about a string of the language code
// that a template asks for and the catalog lacks.
func (l *loader) fix(code string) string {
	return fmt.Sprintf("add it to the site's %s/%s.yaml, or to the theme's %s", Dir, code, l.label(Dir+"/"+code+".yaml"))
}

// checkShapes reports the keys of f whose shape is not their shape in
// ref: text where ref has plural forms, a list where it has text.
func (l *loader) checkShapes(f *file, ref map[string]*message, code string) {
	for _, key := range f.order {
		m, r := f.msgs[key], ref[key]
		if r == nil || m.shape == r.shape {
			continue
		}
		l.errs = append(l.errs, (&diag.Error{File: f.name, Line: m.line,
			Msg: fmt.Sprintf("%q in language %q is %s, but in English it is %s", key, code, m.shape, r.shape)}).
			WithHint("write it as English does: %s", r.yaml(key)))
	}
}

// checkPlaceholders reports the placeholders of f's strings that English
// does not use for the same key.
func (l *loader) checkPlaceholders(f *file, code string) {
	for _, key := range f.order {
		known, ok := l.places[key]
		if !ok {
			continue
		}
		for _, p := range f.msgs[key].placeholders() {
			if slices.Contains(known, p) {
				continue
			}
			e := &diag.Error{File: f.name, Line: f.msgs[key].line,
				Msg: fmt.Sprintf("%q in language %q uses {%s}, which English's %q does not", key, code, p, key)}
			switch {
			case len(known) == 0:
				e.WithHint("the template gives this string nothing to put in; remove {%s}", p)
			case diag.Closest(p, known) != "":
				e.WithHint("did you mean {%s}?", diag.Closest(p, known))
			default:
				e.WithHint("use only {%s}", strings.Join(known, "}, {"))
			}
			l.errs = append(l.errs, e)
		}
	}
}

// checkUnknown warns of the keys of f that ref does not have.
func (l *loader) checkUnknown(f *file, ref map[string]*message, code string) {
	keys := slices.Sorted(maps.Keys(ref))
	for _, key := range f.order {
		if _, ok := ref[key]; ok {
			continue
		}
		e := &diag.Error{File: f.name, Line: f.msgs[key].line, Severity: diag.SeverityWarning,
			Msg: fmt.Sprintf("%q in language %q is not a string of the theme: English has no such key, so no page shows it", key, code)}
		if c := diag.Closest(key, keys); c != "" {
			e.WithHint("did you mean %q?", c)
		} else {
			e.WithHint("remove it, or add the key to the site's %s/%s.yaml as well when a template of the site uses it", Dir, Reference)
		}
		l.errs = append(l.errs, e)
	}
}

// checkTypos warns of the keys of the site's English file f that the
// theme's English, theme, does not have but has a key close to: a site
// may add keys of its own, for its own templates, but "bok_a_visit" is
// most likely "book_a_visit" mistyped.
func (l *loader) checkTypos(f *file, theme map[string]*message) {
	keys := slices.Sorted(maps.Keys(theme))
	for _, key := range f.order {
		if _, ok := theme[key]; ok {
			continue
		}
		if c := diag.Closest(key, keys); c != "" {
			l.errs = append(l.errs, (&diag.Error{File: f.name, Line: f.msgs[key].line, Severity: diag.SeverityWarning,
				Msg: fmt.Sprintf("%q is not a string of the theme, so it changes nothing the theme shows", key)}).
				WithHint("did you mean %q?", c))
		}
	}
}

// merge returns the messages of base with those of top over them; either
// may be nil.
func merge(base, top *file) map[string]*message {
	out := map[string]*message{}
	for _, f := range []*file{base, top} {
		if f == nil {
			continue
		}
		for k, m := range f.msgs {
			out[k] = m
		}
	}
	return out
}
