package site

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// Redirect is an old address of the site that leads elsewhere now: an
// alias of a page (aliases in its front matter) or a redirect of
// site.yaml.
type Redirect struct {
	// From is the old site path, such as "/conditions/leg-pain/".
	From string
	// To is where it leads at the end of any chain of redirects: the
	// site path of a page or file, or an http or https address.
	To string
	// Page is the page To is, or nil.
	Page *Page
	// File and Line say where the redirect was written.
	File string
	Line int
}

// aliasPath returns the site path of an alias as written: "/leg-pain"
// and "/leg-pain/" are the page address "/leg-pain/"; "/old.html" stays
// a file.
func aliasPath(a string) string {
	a = strings.TrimSpace(a)
	if a == "" || !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//") {
		return ""
	}
	clean := path.Clean(a)
	if clean == "/" {
		return "/"
	}
	if path.Ext(clean) != "" && !strings.HasSuffix(a, "/") {
		return clean
	}
	return clean + "/"
}

// buildRedirects gathers the aliases of every page and the redirects of
// site.yaml, follows chains of redirects to their end, and reports an
// address that is already a page's, that two redirects claim, that leads
// to itself, or that leads to nothing.
func (s *Site) buildRedirects(cfg *config.Config) diag.List {
	var errs diag.List
	type pending struct {
		Redirect
		to string // as written, before chains are followed
	}
	byFrom := map[string]*pending{}
	var order []*pending
	add := func(r *pending, key string) {
		if r.From == "" || strings.Contains(r.From, "..") {
			errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
				Msg:  fmt.Sprintf("%s %q is not a site path", key, r.From),
				Hint: "write the old address as a path of the site, such as /conditions/leg-pain/"})
			return
		}
		if p := s.byURL[r.From]; p != nil {
			if r.to == p.URL {
				errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
					Msg: fmt.Sprintf("%s %s is the page's own address", key, r.From), Hint: "remove it"})
				return
			}
			errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
				Msg:  fmt.Sprintf("%s %s is the address of the page %s", key, r.From, describe(p)),
				Hint: "a page's address cannot redirect: remove the redirect, or rename the page"})
			return
		}
		if other := byFrom[r.From]; other != nil {
			errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
				Msg:  fmt.Sprintf("%s %s already redirects to %s (%s)", key, r.From, other.to, where(other.File, other.Line)),
				Hint: "keep one of them"})
			return
		}
		byFrom[r.From] = r
		order = append(order, r)
	}
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		for i, a := range p.Common().Aliases {
			add(&pending{Redirect: Redirect{From: aliasPath(a), File: p.SourcePath(), Line: p.Source.Line(fmt.Sprintf("aliases.%d", i))}, to: p.URL}, "alias")
		}
	}
	redirects := cfg.Redirects
	if !s.IsDefault() {
		redirects = nil // site.yaml's are the default language's Site's
	}
	for i, r := range redirects {
		to := r.To
		if strings.HasPrefix(to, "/") {
			to = aliasPath(to)
		}
		add(&pending{Redirect: Redirect{From: aliasPath(r.From), File: config.File, Line: cfg.Pos.Line(fmt.Sprintf("redirects.%d", i))}, to: to}, "redirect from")
	}
	for _, r := range order {
		to, seen := r.to, map[string]bool{r.From: true}
		for {
			next := byFrom[to]
			if next == nil {
				break
			}
			if seen[to] {
				errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
					Msg:  fmt.Sprintf("the redirect from %s goes round in a circle through %s", r.From, to),
					Hint: "make one of the redirects lead to a page"})
				to = ""
				break
			}
			seen[to] = true
			to = next.to
		}
		if to == "" {
			continue
		}
		r.To = to
		if !strings.HasPrefix(to, "/") {
			s.Redirects = append(s.Redirects, r.Redirect) // another site
			continue
		}
		if p := s.byURL[to]; p != nil {
			r.Page = p
		} else if !s.urlFile[to] && !s.urlFile[strings.TrimSuffix(to, "/")] {
			errs = append(errs, &diag.Error{File: r.File, Line: r.Line, Rule: diag.RuleRedirect,
				Msg:  fmt.Sprintf("the redirect from %s leads to %s, which is not a page or file of the site", r.From, to),
				Hint: "give the address of a page that exists, such as /conditions/"})
			continue
		}
		s.Redirects = append(s.Redirects, r.Redirect)
	}
	sort.Slice(s.Redirects, func(i, j int) bool { return s.Redirects[i].From < s.Redirects[j].From })
	return errs
}

// where names a place in a file for a message.
func where(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}
