package render

import (
	"bytes"
	"html/template"
	"text/template/parse"
)

// contentsMarker is what the template function contents writes: the place
// where, once the page is rendered, the list of its sections goes.
const contentsMarker = "<!--lumen:contents-->"

// contents is the template function contents: it marks the place of an
// "On this page" list of the page's sections, which fillContents makes
// from the page as rendered — every <h2 id> after the mark, up to the end
// of <main> — so that the list can never disagree with the page.
func contents() template.HTML { return contentsMarker }

// callsContents reports whether a template of the set t calls the
// function contents: a page rendered with a layout whose set does not is
// not searched for the mark, a search of the whole page.
func callsContents(t *template.Template) bool {
	found := false
	for _, tmpl := range t.Templates() {
		if tmpl.Tree == nil || tmpl.Tree.Root == nil {
			continue
		}
		walk(tmpl.Tree.Root, func(cmd *parse.CommandNode) {
			for _, a := range cmd.Args {
				if id, ok := a.(*parse.IdentifierNode); ok && id.Ident == "contents" {
					found = true
				}
			}
		})
	}
	return found
}

// minContents is the fewest sections a page needs for a list of them.
const minContents = 4

// fillContents returns page with its contents mark replaced by the list
// of the sections after it, titled label (escaped HTML text, "On this
// page"), or removed when there are fewer than minContents, and true; a
// page without the mark, as it is, and false.
func fillContents(page []byte, label string) ([]byte, bool) {
	at := bytes.Index(page, []byte(contentsMarker))
	if at < 0 {
		return page, false
	}
	rest := page[at+len(contentsMarker):]
	if end := bytes.Index(rest, []byte("</main>")); end >= 0 {
		rest = rest[:end]
	}
	type section struct{ id, text []byte }
	var sections []section
	for {
		i := bytes.Index(rest, []byte("<h2 id=\""))
		if i < 0 {
			break
		}
		rest = rest[i+len("<h2 id=\""):]
		q := bytes.IndexByte(rest, '"')
		if q < 0 {
			break
		}
		id := rest[:q]
		open := bytes.IndexByte(rest, '>')
		close := bytes.Index(rest, []byte("</h2>"))
		if open < 0 || close < open {
			break
		}
		if text := headingText(rest[open+1 : close]); len(text) > 0 {
			sections = append(sections, section{id, text})
		}
		rest = rest[close:]
	}
	var list bytes.Buffer
	if len(sections) >= minContents {
		// Folded, so that a long list costs a phone one line until it is
		// opened.
		list.WriteString(`<nav class="contents" aria-label="` + label + `"><details><summary>` + label + `</summary><ol>`)
		for _, s := range sections {
			list.WriteString(`<li><a href="#`)
			list.Write(s.id)
			list.WriteString(`">`)
			list.Write(s.text)
			list.WriteString(`</a></li>`)
		}
		list.WriteString(`</ol></details></nav>`)
	}
	out := make([]byte, 0, len(page)+list.Len())
	out = append(out, page[:at]...)
	out = append(out, list.Bytes()...)
	return append(out, page[at+len(contentsMarker):]...), true
}

// headingText returns the text of a heading's HTML, escaped as it was:
// tags are left out, and so is what an element marked aria-hidden="true"
// holds (an icon such as the "!" of a warning box), up to its end tag.
func headingText(h []byte) []byte {
	var out []byte
	for len(h) > 0 {
		lt := bytes.IndexByte(h, '<')
		if lt < 0 {
			out = append(out, h...)
			break
		}
		out = append(out, h[:lt]...)
		gt := bytes.IndexByte(h[lt:], '>')
		if gt < 0 {
			break
		}
		tag := h[lt : lt+gt+1]
		h = h[lt+gt+1:]
		if bytes.Contains(tag, []byte(`aria-hidden="true"`)) && len(tag) > 1 && tag[1] != '/' {
			name := tag[1:]
			if sp := bytes.IndexAny(name, " >"); sp >= 0 {
				name = name[:sp]
			}
			if end := bytes.Index(h, append(append([]byte("</"), name...), '>')); end >= 0 {
				h = h[end+len(name)+3:]
			}
		}
	}
	return bytes.TrimSpace(out)
}
