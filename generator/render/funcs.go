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

// funcs returns the functions templates may call:
//
//	date d        "March 14, 2026" (a content.Date or time.Time; "" when zero)
//	isoDate d     "2026-03-14"
//	absURL p      the absolute URL of the site path p
//	tel phone     a tel: URL with only digits and a leading +1 for
//	              ten-digit North American numbers (RFC 3966)
//	join list sep the strings of list joined by sep
//	add a b       a + b
//	plural n s p  "1 page" or "3 pages"
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
//	clock t       "16:30" → "4:30 p.m.", "08:00" → "8 a.m.", "12:00" → "noon"
//	deref b       the value of a *bool such as accepting_new_patients
//	              (false when nil)
//	partialCached name p  the partial name rendered with page p as its
//	              dot, once per build: for partials that depend on the
//	              page alone, such as the cards of page lists
//	contents      an "On this page" list of the page's sections (each
//	              <h2 id> after it in <main>), when it has four
//	              or more, made once the page is rendered
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"date":          formatDate("January 2, 2006"),
		"isoDate":       formatDate("2006-01-02"),
		"absURL":        r.absURL,
		"tel":           telURL,
		"join":          strings.Join,
		"add":           func(a, b int) int { return a + b },
		"plural":        plural,
		"humanize":      humanize,
		"asset":         r.asset,
		"lower":         strings.ToLower,
		"hasPrefix":     strings.HasPrefix,
		"contains":      func(s any, sub string) bool { return strings.Contains(fmt.Sprint(s), sub) },
		"pageTitle":     r.pageTitle,
		"deref":         func(b *bool) bool { return b != nil && *b },
		"clock":         clock,
		"dict":          dict,
		"partialCached": r.partialCached,
		"contents":      contents,
	}
}

// formatDate returns a template function formatting dates with layout.
func formatDate(layout string) func(any) (string, error) {
	return func(v any) (string, error) {
		var t time.Time
		switch d := v.(type) {
		case content.Date:
			t = d.Time
		case *content.Date:
			if d == nil {
				return "", nil
			}
			t = d.Time
		case time.Time:
			t = d
		default:
			return "", fmt.Errorf("date: want a date, got %T", v)
		}
		if t.IsZero() {
			return "", nil
		}
		return t.Format(layout), nil
	}
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
// name, or, on the home page, the site name alone.
func (r *Renderer) pageTitle(p *site.Page) string {
	name := r.cfg.Title
	if p.Kind == content.KindHome || p.Title() == "" || p.Title() == name {
		return name
	}
	return p.Title() + " | " + name
}

// clock writes a 24-hour time such as "16:30" the way US patients read
// it, "4:30 p.m."; text that is not such a time is returned as it is.
func clock(t string) string {
	parsed, err := time.Parse("15:04", t)
	if err != nil {
		return t
	}
	h, m := parsed.Hour(), parsed.Minute()
	switch {
	case h == 12 && m == 0:
		return "noon"
	case h == 0 && m == 0:
		return "midnight"
	}
	suffix := "a.m."
	if h >= 12 {
		suffix = "p.m."
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d %s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d %s", h12, m, suffix)
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
