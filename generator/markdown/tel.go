package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// TelURL returns the tel: address of a phone number as written, such as
// "(555) 010-0100": its digits, with +1 before a 10-digit (North American)
// number, + before an 11-digit one starting with 1, and the + of a number
// written with one kept.
func TelURL(phone string) string {
	var digits strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits.WriteRune(r)
		}
	}
	d := digits.String()
	switch {
	case strings.HasPrefix(strings.TrimSpace(phone), "+"):
		d = "+" + d
	case len(d) == 10:
		d = "+1" + d
	case len(d) == 11 && d[0] == '1':
		d = "+" + d
	}
	return "tel:" + d
}

// phones links the site's phone numbers (Options.Phones) where the running
// text gives them as written, so that a patient on a phone can tap "To
// book a visit, call (555) 010-0100" to call. Numbers in headings, links
// and code are left alone; a number is linked only when no digit touches
// it. A paragraph written over several lines is read as one text, each
// line's end a space, so that a number split over two lines ("(555)" and
// "010-0100") is linked too.
func (st *renderState) phones(doc ast.Node, src []byte) {
	// Running text is a part of src: a page whose Markdown has none of
	// the numbers, as most have not, is not walked. A number split over
	// two lines has its last part on one line.
	found := false
	for _, p := range st.phoneNumbers {
		found = found || bytes.Contains(src, []byte(p[strings.LastIndexByte(p, ' ')+1:]))
	}
	if !found {
		return
	}
	for _, run := range lineRuns(runningTexts(doc)) {
		r := newTextRun(run, src)
		value := r.value
		var spans [][2]int
		var phones []string
		for from := 0; from < len(value); {
			at, phone := -1, ""
			for _, p := range st.phoneNumbers {
				if i := bytes.Index(value[from:], []byte(p)); i >= 0 && (at < 0 || from+i < at) {
					at, phone = from+i, p
				}
			}
			if at < 0 {
				break
			}
			end := at + len(phone)
			if (at == 0 || !isDigit(value[at-1])) && (end == len(value) || !isDigit(value[end])) {
				spans, phones = append(spans, [2]int{at, end}), append(phones, phone)
			}
			from = end
		}
		if len(spans) == 0 {
			continue
		}
		r.replace(spans, func(i int, parts []*ast.Text) ast.Node {
			link := ast.NewLink()
			link.Destination = []byte(TelURL(phones[i]))
			for _, t := range parts {
				link.AppendChild(link, t)
			}
			return link
		})
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
