package markdown

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headings gives every heading of the document an id that is unique within
// it and collects h2 to h6 into the table of contents, in document order.
//
// An id written by the author ({#custom-id}) is kept when it is made only of
// letters, digits, "-" and "_", and slugged otherwise; other headings get
// the slug of their plain text. Ids are made unique in document order by
// appending "-1", "-2", ... to later duplicates, and an automatic id never
// takes an id that the author wrote on a later heading.
//
// Heading attributes other than id and class are removed: {style=...} or
// {onclick=...} have no place in a page body.
func (st *renderState) headings(hs []*ast.Heading, src []byte) {
	used := make(map[string]bool, len(hs))
	custom := make([]string, len(hs))
	for i, h := range hs {
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				custom[i] = customID(string(b))
			}
		}
		class := ""
		if v, ok := h.AttributeString("class"); ok {
			if b, ok := v.([]byte); ok {
				class = cleanClass(string(b))
			}
		}
		h.RemoveAttributes()
		if class != "" {
			h.SetAttributeString("class", []byte(class))
		}
		if custom[i] != "" {
			used[custom[i]] = true
		}
	}
	reserved := make(map[string]bool, len(used))
	next := map[string]int{} // the next "-n" to try for each base
	for i, h := range hs {
		text := plainText(h, src)
		id := custom[i]
		if id != "" && reserved[id] {
			id = unique(id, used, next) // the same custom id written twice
		}
		if id == "" {
			id = unique(slug(text), used, next)
		}
		reserved[id] = true
		used[id] = true
		h.SetAttributeString("id", []byte(id))
		if h.Level >= 2 && h.Level <= 6 {
			st.toc = append(st.toc, Heading{Level: h.Level, ID: id, Text: text})
		}
	}
}

// unique returns base if it is not in used, and otherwise base followed by
// the smallest "-n" that is not. next remembers, for each base, the n after
// the last one given: ids are only ever added to used, so no smaller n can
// have become free, and a page with thousands of equal headings costs one
// try for each rather than one for every heading before it.
func unique(base string, used map[string]bool, next map[string]int) string {
	if !used[base] {
		return base
	}
	for n := max(next[base], 1); ; n++ {
		if id := base + "-" + strconv.Itoa(n); !used[id] {
			next[base] = n + 1
			return id
		}
	}
}

// slug turns heading text into an id: letters and digits lower-cased (any
// script, as GitHub does, so "Diagnóstico" keeps its "ó"), runs of spaces,
// hyphens and underscores turned into one hyphen, everything else dropped.
// The result is never empty: text with no letters or digits gives "section".
func slug(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// customID returns id when it is a safe fragment (letters, digits, "-" and
// "_"), and its slug otherwise.
func customID(id string) string {
	if id == "" {
		return ""
	}
	for _, r := range id {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return slug(id)
		}
	}
	return id
}

// cleanClass keeps the class names of s that are made only of ASCII
// letters, digits, "-" and "_".
func cleanClass(s string) string {
	var keep []string
	for _, c := range strings.Fields(s) {
		ok := true
		for i := 0; i < len(c); i++ {
			b := c[i]
			if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_') {
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " ")
}

// plainText returns the text of n as a reader sees it: inline markup
// removed, character references and backslash escapes resolved, smart
// punctuation as characters, images by their alt text and line breaks as
// spaces.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			writeResolved(&b, c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				b.WriteString(html.UnescapeString(string(c.Value)))
			} else if c.IsRaw() {
				b.Write(c.Value)
			} else {
				b.WriteString(resolveText(c.Value))
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// resolveText resolves the backslash escapes and character references of
// Markdown text, as goldmark's HTML writer does.
func resolveText(b []byte) string {
	return decodeDest(b)
}
