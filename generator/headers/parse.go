package headers

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// Rule is one rule of a _headers file: the headers to send with the
// paths that Pattern matches.
type Rule struct {
	// Pattern is a site path; "*" matches any run of characters, and a
	// segment such as ":slug" any one segment, as Netlify and Cloudflare
	// Pages read them.
	Pattern string
	Header  http.Header
	// Line is the line of Pattern in the file.
	Line int
}

// Parse reads a _headers file: a path at the start of a line, then
// indented "Name: value" lines; lines starting with # are comments.
func Parse(data []byte) ([]Rule, error) {
	var rules []Rule
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		text := strings.TrimSpace(line)
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, Rule{Pattern: text, Header: http.Header{}, Line: n})
		default:
			name, value, ok := strings.Cut(text, ":")
			if !ok || len(rules) == 0 || strings.TrimSpace(name) == "" {
				return nil, fmt.Errorf("%s:%d: %q is not a header under a path", Path, n, text)
			}
			rules[len(rules)-1].Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	return rules, sc.Err()
}

// Matches reports whether the rule applies to the site path p.
func (r Rule) Matches(p string) bool {
	return match(r.Pattern, p)
}

// match matches p against pattern: "*" is any run of characters, a
// segment starting with ':' is any one segment, anything else itself.
func match(pattern, p string) bool {
	for pattern != "" {
		switch {
		case pattern[0] == '*':
			rest := pattern[1:]
			for i := len(p); i >= 0; i-- {
				if match(rest, p[i:]) {
					return true
				}
			}
			return false
		case pattern[0] == ':' && (len(pattern) == 1 || pattern[1] != '/'):
			end := strings.IndexByte(pattern, '/')
			if end < 0 {
				end = len(pattern)
			}
			seg := strings.IndexByte(p, '/')
			if seg < 0 {
				seg = len(p)
			}
			if seg == 0 {
				return false
			}
			pattern, p = pattern[end:], p[seg:]
		default:
			if p == "" || p[0] != pattern[0] {
				return false
			}
			pattern, p = pattern[1:], p[1:]
		}
	}
	return p == ""
}
