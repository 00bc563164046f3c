package devserver

import (
	"io/fs"
	"net/url"
	"strings"
	"testing"
)

// FuzzFileName checks that fileName never maps a request path outside the
// site: a name it accepts is a valid fs.FS path with no "..", "." or
// hidden segment, and any path with a ".." segment (with "/" or "\" as
// separators, before or after percent-decoding) is refused.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{
		"/", "/about/", "/css/main.css", "/a//b/", "/../x", "/a/../../x", `/a\..\x`,
		"/.env", "/a/.git/config", "/a\x00b", "/%2e%2e/site.yaml", "/..%2f..%2fetc/passwd",
		"/..%5csite.yaml", "/a/./b", "//", "/%2e/", "/a/b/..", "/…/", "/a/%00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		check := func(p string) {
			name, ok := fileName(p)
			if hasDotDot(p) && ok {
				t.Fatalf("fileName(%q) = %q accepted a path with a .. segment", p, name)
			}
			if !ok {
				return
			}
			if !fs.ValidPath(name) || name == "." {
				t.Fatalf("fileName(%q) = %q is not a valid path in the site", p, name)
			}
			if strings.HasPrefix(name, "/") || strings.ContainsAny(name, "\\\x00") {
				t.Fatalf("fileName(%q) = %q", p, name)
			}
			for _, seg := range strings.Split(name, "/") {
				if seg == ".." || strings.HasPrefix(seg, ".") {
					t.Fatalf("fileName(%q) = %q has the segment %q", p, name, seg)
				}
			}
		}
		check(raw)
		// net/http decodes the path before the handler sees it; a path
		// that decodes to a climb must be refused as well.
		if dec, err := url.PathUnescape(raw); err == nil {
			check(dec)
		}
	})
}

// hasDotDot reports whether p has a ".." segment, counting "/" and "\" as
// separators.
func hasDotDot(p string) bool {
	for _, seg := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == ".." {
			return true
		}
	}
	return false
}
