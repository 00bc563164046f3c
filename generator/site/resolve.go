package site

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// Resolve maps a link destination written in the content file source to
// its URL on the site, as markdown.Resolver requires. dest may be:
//
//   - a site path: "/conditions/sciatica/" (the trailing slash may be left
//     out), "/images/spine.svg", or "/conditions/sciatica.md", a content
//     file named from content/;
//   - a path relative to the content file: "../procedures/rfa.md",
//     "diagram.svg" (a file of the page's bundle), "rfa.md";
//   - a path relative to the page's URL, as a browser would read it:
//     "../rfa/".
//
// It returns an error, worded for the writer, when nothing is there.
//
// A link on a page of a language other than the default one is resolved
// in that language first: a relative path or a content file is looked for
// among the language's files, and a site path outside the language's
// prefix ("/conditions/sciatica/") that is a page of the default language
// leads to that page's translation ("/es/conditions/ciatica/") when there
// is one. A link that the language does not have leads to the default
// language's page or file, so that a translation may link to a page not
// yet translated (check warns of such links: rule i18n.link).
func (s *Site) Resolve(source, dest string) (string, error) {
	if s.root == nil {
		return s.resolveHere(source, dest)
	}
	sitePath := strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, s.prefix) && !strings.HasSuffix(dest, ".md")
	if !sitePath {
		if u, err := s.resolveHere(source, dest); err == nil {
			return u, nil
		}
	}
	rootSource := content.Dir + "/" + strings.TrimPrefix(source, content.Dir+"/"+s.folder+"/")
	if u, err := s.root.resolveHere(rootSource, dest); err == nil {
		if p := s.root.byURL[u]; p != nil {
			if t := p.In(s.Lang.Code); t != nil {
				return t.URL, nil
			}
		}
		return u, nil
	}
	if sitePath {
		// A page of this language only, written without its prefix.
		if u, err := s.resolveHere(source, s.inLanguage(dest)); err == nil {
			return u, nil
		}
	}
	return s.resolveHere(source, dest)
}

// resolveHere is Resolve among the pages and files of s's language only.
func (s *Site) resolveHere(source, dest string) (string, error) {
	if strings.HasPrefix(dest, "/") {
		if strings.HasSuffix(dest, ".md") {
			if p := s.bySource[path.Join(content.Dir, dest)]; p != nil {
				return p.URL, nil
			}
		}
		return s.lookupURL(dest)
	}
	// Relative to the content file.
	target := path.Join(path.Dir(source), dest)
	if p := s.bySource[target]; p != nil {
		return p.URL, nil
	}
	if u, ok := s.fileURL[target]; ok {
		return u, nil
	}
	if strings.HasSuffix(dest, ".md") {
		return "", s.missing(fmt.Sprintf("no page %q", target), target)
	}
	// Relative to the page's URL.
	if from := s.bySource[source]; from != nil {
		if u, err := s.lookupURL(path.Join(from.URL, dest) + trailingSlash(dest)); err == nil {
			return u, nil
		}
	}
	return "", s.missing(fmt.Sprintf("no page or file %q", target), target)
}

func trailingSlash(dest string) string {
	if strings.HasSuffix(dest, "/") {
		return "/"
	}
	return ""
}

// lookupURL returns the canonical URL of the page or file at the site path
// u, accepting a page URL without its trailing slash or with index.html.
func (s *Site) lookupURL(u string) (string, error) {
	u = path.Clean(u)
	if u == "." {
		u = "/"
	}
	if s.urlFile[u] {
		return u, nil
	}
	u = strings.TrimSuffix(u, "/index.html")
	page := u + "/"
	if u == "/" {
		page = "/"
	}
	if p := s.byURL[page]; p != nil {
		return p.URL, nil
	}
	var urls []string
	for k := range s.byURL {
		urls = append(urls, k)
	}
	sort.Strings(urls)
	err := fmt.Sprintf("no page at %s", page)
	if c := diag.Closest(page, urls); c != "" {
		err += fmt.Sprintf(" (did you mean %s?)", c)
	}
	return "", fmt.Errorf("%s", err)
}

// missing words an error for a relative link to target that is not there,
// suggesting the closest content file.
func (s *Site) missing(msg, target string) error {
	var sources []string
	for k := range s.bySource {
		sources = append(sources, k)
	}
	for k := range s.fileURL {
		sources = append(sources, k)
	}
	sort.Strings(sources)
	if c := diag.Closest(target, sources); c != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", c)
	}
	return fmt.Errorf("%s", msg)
}

func itoa(i int) string { return strconv.Itoa(i) }
