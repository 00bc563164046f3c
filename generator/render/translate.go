package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// t is the template function t: the string key of the language with its
// placeholders replaced by args, names and values in pairs. The string is
// HTML, as the text of a template is; each value is escaped as
// html/template escapes text, unless it is HTML already (template.HTML:
// a link, a timeTag, another t) or a whole number (written by the
// language, see i18n.Strings.Number).
func (l *language) t(key string, args ...any) (template.HTML, error) {
	vals := make([]any, len(args))
	for i, a := range args {
		if i%2 == 0 {
			vals[i] = a // a name
			continue
		}
		switch v := a.(type) {
		case template.HTML:
			vals[i] = string(v)
		case string:
			vals[i] = escapeText(v)
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
			vals[i] = v
		default:
			vals[i] = escapeText(fmt.Sprint(v))
		}
	}
	s, err := l.strings.T(key, vals...)
	return template.HTML(s), err
}

// tIn is the template function tIn: the string key in the language code
// rather than the page's, as t writes it, for words a page shows to the
// readers of another language (the language switcher's note, in the
// language it leads to).
func (r *Renderer) tIn(code, key string, args ...any) (template.HTML, error) {
	l := r.langs[code]
	if l == nil {
		return "", fmt.Errorf("tIn: the theme was not prepared for language %q; list it in site.yaml", code)
	}
	return l.t(key, args...)
}

// date is the template function date: the day of v as the language
// writes it, "" for the zero date.
func (l *language) date(v any) (string, error) {
	t, err := timeOf("date", v)
	if err != nil {
		return "", err
	}
	return l.strings.Date(t), nil
}

// timeTag is the template function timeTag: a <time> element with the
// day of v as the language writes it and in ISO 8601 in its datetime
// attribute, to put a date in a string with t; "" for the zero date.
func (l *language) timeTag(v any) (template.HTML, error) {
	t, err := timeOf("timeTag", v)
	if err != nil || t.IsZero() {
		return "", err
	}
	return template.HTML(`<time datetime="` + t.Format("2006-01-02") + `">` + escapeText(l.strings.Date(t)) + `</time>`), nil
}

// clock is the template function clock: a time of day such as "16:30"
// as the language writes it.
func (l *language) clock(hhmm string) string { return l.strings.Clock(hhmm) }

// messages is the template function messages: the strings keys of the
// language as written, placeholders and all, by key, for a script to
// fill in (i18n.Strings.Source).
func (l *language) messages(keys ...string) (map[string]any, error) {
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		v, ok := l.strings.Source(k)
		if !ok {
			_, err := l.strings.T(k) // the error of a missing key
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// linkHTML is the template function link: <a href="url">text</a>, made
// by a template so that url and text are escaped (and a javascript: url
// refused) exactly as a template would. text may be HTML, such as the
// result of t. Most links are the same on every page (the practice's
// phone number in the footer, its email), so a link of a string to a
// string or to HTML is made once and kept (up to maxLinks of them).
func (r *Renderer) linkHTML(url, text any) (template.HTML, error) {
	key, keep := linkKey{}, false
	if u, ok := url.(string); ok {
		switch t := text.(type) {
		case string:
			key, keep = linkKey{url: u, text: t}, true
		case template.HTML:
			key, keep = linkKey{url: u, text: string(t), html: true}, true
		}
	}
	if keep {
		if h, ok := r.links.Load(key); ok {
			return h.(template.HTML), nil
		}
	}
	var b bytes.Buffer
	if err := r.link.Execute(&b, struct{ URL, Text any }{url, text}); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if keep && r.nlinks.Add(1) <= maxLinks {
		r.links.Store(key, h)
	}
	return h, nil
}

// linkKey is a link kept by linkHTML: its address and text, and whether
// the text is HTML.
type linkKey struct {
	url, text string
	html      bool
}

// maxLinks is how many links linkHTML keeps: a site's phone numbers,
// emails and authors are a few dozen; a list from A to Z, thousands.
const maxLinks = 10_000

// textEscaper escapes text as html/template escapes text and quoted
// attribute values (its htmlEscaper), so that a value put in a string by
// t is written exactly as the template would have written it.
var textEscaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// escapeText returns s escaped for HTML text and attribute values.
func escapeText(s string) string { return textEscaper.Replace(s) }
