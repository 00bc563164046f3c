package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"
	"unicode"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/generator/site"
)

// funcs returns the functions templates may call, those that depend on
// the language bound to l (see prepare). Each reads only what it is given
// (of a page, its own fields: its title, its kind) and what every page is
// made from (the configuration, the theme, the strings): WriteReads
// writes what a function is given, not what it returns.
//
//	t key [name value]...  the string key of the page's language, with
//	              its placeholders replaced by the values given
//	              (t "reviewed_by" "reviewer" (link .URL .Title)); see
//	              package i18n. The string is HTML as written; values
//	              are escaped unless they are HTML already (a link,
//	              timeTag, another t). A string with plural forms takes
//	              the form of its "count".
//	date d        "March 14, 2026", "14 de marzo de 2026": the day of a
//	              content.Date or time.Time as the language writes it
//	              ("" when zero)
//	timeTag d     <time datetime="2026-03-14">March 14, 2026</time>
//	isoDate d     "2026-03-14"
//	clock t       "16:30" → "4:30 p.m.", "08:00" → "8 a.m.", "12:00" →
//	              "noon", as the language writes times of day
//	link url text <a href="url">text</a>, escaped as a template would,
//	              to pass a link to t
//	messages key...  the strings key... of the language as written,
//	              placeholders and all, for a script to fill in: put in
//	              <script type="application/json"> they are JSON
//	absURL p      the absolute URL of the site path p
//	tel phone     a tel: URL with only digits and a leading +1 for
//	              ten-digit North American numbers (RFC 3966)
//	nowrap s      s in a <span class="nowrap">, escaped, to pass to t a
//	              phone number that must not break across lines inside
//	              a label that may ("Call to book: (555) 010-0100")
//	join list sep the strings of list joined by sep
//	add a b       a + b
//	plural n s p  "1 page" or "3 pages" (English only; t with plural
//	              forms says it in every language)
//	humanize s    "percutaneous" → "Percutaneous"
//	asset p       "/css/main.1a2b3c4d.css": the URL of the static file
//	              under a name with the fingerprint of its content, so
//	              browsers and CDNs may keep it for a year
//	lower s, hasPrefix s p
//	contains s sub  whether the text of s (a string or template.HTML)
//	              contains sub
//	pageTitle p   the text of a page's <title>
//	dict k v ...  a map of the given keys and values, to pass several
//	              values to a partial: (dict "id" "x" "items" .List)
//	deref b       the value of a *bool such as accepting_new_patients
//	              (false when nil)
//	partialCached name p  the partial name rendered with page p as its
//	              dot, once per build and language: for partials that
//	              depend on the page alone, such as the cards of page
//	              lists
//	contents      an "On this page" list of the page's sections (each
//	              <h2 id> after it in <main>), when it has four
//	              or more, made once the page is rendered
func (r *Renderer) funcs(l *language) template.FuncMap {
	return template.FuncMap{
		"t":             l.t,
		"tIn":           r.tIn,
		"date":          l.date,
		"timeTag":       l.timeTag,
		"isoDate":       isoDate,
		"clock":         l.clock,
		"link":          r.linkHTML,
		"messages":      l.messages,
		"absURL":        r.absURL,
		"tel":           telURL,
		"nowrap":        nowrap,
		"join":          strings.Join,
		"add":           func(a, b int) int { return a + b },
		"plural":        plural,
		"humanize":      humanize,
		"asset":         r.asset,
		"hasAsset":      r.hasAsset,
		"lower":         strings.ToLower,
		"hasPrefix":     strings.HasPrefix,
		"contains":      func(s any, sub string) bool { return strings.Contains(fmt.Sprint(s), sub) },
		"pageTitle":     r.pageTitle,
		"deref":         func(b *bool) bool { return b != nil && *b },
		"dict":          dict,
		"partialCached": l.partialCached,
		"contents":      contents,
		"splitBody":     splitBody,
		"initials":      initials,
	}
}

// timeOf returns the time of a template value that is a date: a
// content.Date, a *content.Date (nil is the zero time) or a time.Time.
func timeOf(fn string, v any) (time.Time, error) {
	switch d := v.(type) {
	case content.Date:
		return d.Time, nil
	case *content.Date:
		if d == nil {
			return time.Time{}, nil
		}
		return d.Time, nil
	case time.Time:
		return d, nil
	}
	return time.Time{}, fmt.Errorf("%s: want a date, got %T", fn, v)
}

// isoDate is the template function isoDate: "2026-03-14", or "" for the
// zero date.
func isoDate(v any) (string, error) {
	t, err := timeOf("isoDate", v)
	if err != nil || t.IsZero() {
		return "", err
	}
	return t.Format("2006-01-02"), nil
}

// absURL returns the absolute URL of the site path p; an absolute URL is
// returned as it is.
func (r *Renderer) absURL(p string) string { return r.cfg.Permalink(p) }

// telURL returns a tel: URL for a phone number as people write it.
func telURL(phone string) template.URL { return template.URL(markdown.TelURL(phone)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func humanize(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "_", " "), "-", " ")
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// pageTitle returns the text of p's <title>: the page title and the site
// name (in the page's language), or, on the home page, the site name
// alone.
func (r *Renderer) pageTitle(p *site.Page) string {
	name := r.cfg.Title
	if s := p.Site(); s != nil {
		name = s.Config.Title
	}
	if p.Kind == content.KindHome || p.Title() == "" || p.Title() == name {
		return name
	}
	return p.Title() + " | " + name
}

// dict builds a map from alternating keys and values.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: %d arguments; give keys and values in pairs", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not text", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// nowrap is the template function nowrap: s, escaped, in a span that the
// theme's stylesheet keeps on one line.
func nowrap(s string) template.HTML {
	return template.HTML(`<span class="nowrap">` + escapeText(s) + `</span>`)
}
