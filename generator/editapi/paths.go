package editapi

import (
	"net/http"
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// contentPath checks a path that Decap sends, such as
// "content/conditions/sciatica.md", and returns it relative to content/
// ("conditions/sciatica.md"). It refuses, whatever their encoding, paths
// that are absolute, that are not under content/, that have an empty, "."
// or ".." element, a backslash or a NUL, and paths through a name Lumen
// ignores (".git", "_drafts", "x.swp"; _index.md is a page). Whether a
// symbolic link leads out of content/ is for the os.Root to refuse.
func contentPath(p string) (string, error) {
	bad := func(why string) error {
		return refuse(http.StatusForbidden, "%q: refused: %s; the editor changes only files under content/", clip(p), why)
	}
	switch {
	case p == "":
		return "", bad("no path")
	case strings.ContainsAny(p, "\\\x00"):
		return "", bad("a backslash or NUL in the path")
	case strings.HasPrefix(p, "/"):
		return "", bad("an absolute path")
	}
	rel, ok := strings.CutPrefix(p, content.Dir+"/")
	if !ok {
		return "", bad("not under content/")
	}
	for _, seg := range strings.Split(rel, "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", bad(`an empty, "." or ".." element`)
		case sitefs.Ignored(seg):
			return "", bad("a name Lumen ignores (" + clip(seg) + ")")
		}
	}
	if path.Clean(rel) != rel {
		return "", bad("not a clean path")
	}
	return rel, nil
}

// pagePath checks the path of a page: a Markdown file under content/.
func pagePath(p string) (string, error) {
	rel, err := contentPath(p)
	if err != nil {
		return "", err
	}
	if path.Ext(rel) != ".md" {
		return "", refuse(http.StatusForbidden, "%q: refused: a page is a .md file", clip(p))
	}
	return rel, nil
}

// clip shortens what a client sent before it is quoted back.
func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
