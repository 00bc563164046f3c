package site

import (
	"sort"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// generated returns a Page Lumen makes up, with only a title.
func generated(kind content.Kind, url, title string) *Page {
	return &Page{Kind: kind, URL: url, Meta: &content.Plain{Common: content.Common{Title: title}}}
}

// buildSections gives every section folder a list page, made up when the
// folder has no _index.md, fills each with its pages, and makes the home
// page when content/_index.md is missing.
func (s *Site) buildSections() diag.List {
	var errs diag.List
	sections := map[string]*Page{}
	for _, p := range s.Pages {
		if p.Kind == content.KindSection {
			sections[p.Source.Section] = p
		}
	}
	home := s.byURL[s.prefix]
	if home == nil || home.Kind != content.KindHome {
		home = generated(content.KindHome, s.prefix, s.Config.Title)
		s.claim(home, &errs)
	}
	s.Home = home
	home.fallbackDescription = s.Config.Description
	for _, p := range append([]*Page(nil), s.Pages...) {
		if p.Source == nil || p.IsList() {
			continue
		}
		name := p.Source.Section
		if name == "" {
			continue
		}
		sec := sections[name]
		if sec == nil {
			title := content.KindOf(name + "/x.md").Info().SectionTitle
			if title != "" {
				title = s.text("section_"+name, title)
			}
			if title == "" {
				title = strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "-", " ")
			}
			sec = generated(content.KindSection, s.inLanguage(URLFor(name+"/_index.md", "")), title)
			if !s.claim(sec, &errs) {
				continue
			}
			sections[name] = sec
		}
		p.Section = sec
		sec.Pages = append(sec.Pages, p)
	}
	for _, sec := range sections {
		s.Sections = append(s.Sections, sec)
		sec.fallbackDescription = s.text("section_description", "{section} at {practice}.", "section", sec.Title(), "practice", s.Config.Practice.Name)
	}
	sort.Slice(s.Sections, func(i, j int) bool { return s.Sections[i].URL < s.Sections[j].URL })
	home.Pages = s.Sections
	return errs
}

// buildTags makes a term page for every tag and the /tags/ index.
func (s *Site) buildTags() diag.List {
	var errs diag.List
	terms := map[string]*Page{}
	for _, p := range append([]*Page(nil), s.Pages...) {
		if p.Source == nil {
			continue
		}
		seen := map[*Page]bool{}
		for _, tag := range p.Common().Tags {
			slug := content.Slugify(tag)
			if slug == "" {
				continue
			}
			t := terms[slug]
			if t == nil {
				if s.TagIndex == nil {
					s.TagIndex = generated(KindTerms, s.path("tags/"), s.text("tags_title", "Topics"))
					s.TagIndex.fallbackDescription = s.text("tags_description", "Every topic of {practice}'s pages, from A to Z.", "practice", s.Config.Practice.Name)
					s.claim(s.TagIndex, &errs)
				}
				t = generated(KindTerm, s.path("tags/"+slug+"/"), tagTitle(tag))
				t.fallbackDescription = s.text("tag_description", "Pages about {topic} from {practice}.", "topic", strings.ToLower(t.Title()), "practice", s.Config.Practice.Name)
				if !s.claim(t, &errs) {
					continue
				}
				t.Section = s.TagIndex
				terms[slug] = t
				s.TagIndex.Pages = append(s.TagIndex.Pages, t)
			}
			if !seen[t] {
				seen[t] = true
				p.Tags = append(p.Tags, t)
				t.Pages = append(t.Pages, p)
			}
		}
	}
	if s.TagIndex != nil {
		sort.Slice(s.TagIndex.Pages, func(i, j int) bool { return s.TagIndex.Pages[i].Slug < s.TagIndex.Pages[j].Slug })
	}
	return errs
}

// tagTitle returns how a tag is shown: as written, or, for a tag written
// like a slug ("back-pain"), as words ("Back pain").
func tagTitle(tag string) string {
	if tag != content.Slugify(tag) {
		return tag
	}
	words := strings.ReplaceAll(tag, "-", " ")
	return strings.ToUpper(words[:1]) + words[1:]
}
