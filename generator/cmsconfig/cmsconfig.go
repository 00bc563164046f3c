// Package cmsconfig makes the config.yml of Decap CMS (decapcms.org) for
// a Lumen site, from Lumen's table of kinds (package content), so that the
// browser editor of lumen serve --edit offers exactly the front-matter
// keys Lumen accepts, each with the widget its type calls for.
//
// The editor gets one folder collection per kind of content page and per
// language (conditions, conditions-es, …), one for the other pages of each
// language's folder (about, contact), and one for the section and home
// pages (_index.md files). Decap's own i18n layouts do not match
// content/<code>/<kind>/, so each language is a collection of its own.
//
// Each key becomes a field by its Go type: text is a string widget (a
// text area for long prose), a list a list widget, a group of keys an
// object, a date a datetime written YYYY-MM-DD, true or false a boolean, a
// number a number, a closed set a select; image keys are image widgets
// that take only files of the site (choose_url: false); keys that hold the
// slugs of other pages are relation widgets to the collection of that
// kind (reviewed_by and author to providers, treats to conditions,
// procedures to procedures, locations to locations), or a select of the
// pages of several kinds (about: conditions and procedures). Required
// keys and patterns follow Lumen's checks, and hints the README's
// front-matter reference; the Markdown body is the body field. The table
// of labels, hints and rules is docs, in fields.go: a key without an entry
// there is an error, so that a new key cannot reach the editor unlabelled.
//
// Decap talks to the proxy backend at Options.ProxyURL (package editapi),
// and keeps uploads in content/images/, published at /images/.
package cmsconfig

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
	"go.yaml.in/yaml/v3"
)

// ViewPrefix is the site path under which the editor answers
// /admin/view/<collection>/<file name> by sending the browser to that
// entry's page: Decap's "View Live" link of an entry (preview_path).
const ViewPrefix = "/admin/view/"

// MediaFolder is where uploads go, and PublicFolder the site path they are
// published at.
const (
	MediaFolder  = "content/images"
	PublicFolder = "/images"
)

// Language is one language of the site, for the editor.
type Language struct {
	// Code is the language's code; Default is true for the site's default
	// language, whose pages are in content/ rather than content/<code>/.
	Code    string
	Name    string
	Default bool
}

// Options describe the site the editor edits.
type Options struct {
	// ProxyURL is the path of the backend (package editapi).
	ProxyURL string
	// SiteURL is the address the dev server serves the site at, for
	// Decap's links to the live page.
	SiteURL string
	// Languages are the site's languages, the default first.
	Languages []Language
	// Pages are the site's pages of each kind in the default language,
	// for the selects of pages.
	Pages map[content.Kind][]Page
	// Sections are the _index.md files of the site (home and section
	// pages), as paths from the site root.
	Sections []string
}

// Config is Decap's config.yml.
type Config struct {
	Backend          Backend      `yaml:"backend"`
	SiteURL          string       `yaml:"site_url,omitempty"`
	DisplayURL       string       `yaml:"display_url,omitempty"`
	Locale           string       `yaml:"locale"`
	MediaFolder      string       `yaml:"media_folder"`
	PublicFolder     string       `yaml:"public_folder"`
	ShowPreviewLinks bool         `yaml:"show_preview_links"`
	Slug             Slug         `yaml:"slug"`
	Collections      []Collection `yaml:"collections"`
}

// Backend names the proxy backend and its address.
type Backend struct {
	Name     string `yaml:"name"`
	ProxyURL string `yaml:"proxy_url"`
	Branch   string `yaml:"branch"`
}

// Slug is how Decap makes file names of new pages: ASCII, accents
// removed, so that they are Lumen slugs.
type Slug struct {
	Encoding     string `yaml:"encoding"`
	CleanAccents bool   `yaml:"clean_accents"`
	Sanitize     string `yaml:"sanitize_replacement"`
}

// Collection is one Decap collection: a folder of pages of one kind, or a
// list of files.
type Collection struct {
	Name           string   `yaml:"name"`
	Label          string   `yaml:"label"`
	LabelSingular  string   `yaml:"label_singular,omitempty"`
	Description    string   `yaml:"description,omitempty"`
	Folder         string   `yaml:"folder,omitempty"`
	Create         bool     `yaml:"create,omitempty"`
	Delete         *bool    `yaml:"delete,omitempty"`
	Extension      string   `yaml:"extension,omitempty"`
	Format         string   `yaml:"format"`
	Slug           string   `yaml:"slug,omitempty"`
	IdentifierFld  string   `yaml:"identifier_field,omitempty"`
	PreviewPath    string   `yaml:"preview_path,omitempty"`
	SortableFields []string `yaml:"sortable_fields,omitempty"`
	Files          []File   `yaml:"files,omitempty"`
	Fields         []Field  `yaml:"fields,omitempty"`
}

// File is one file of a files collection.
type File struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Fields []Field `yaml:"fields"`
}

// body is the Markdown after the front matter.
var body = Field{Label: "Text of the page", Name: "body", Widget: "markdown", Required: false,
	Hint: "Markdown: ## for a heading, - for a list item, [words](/conditions/page/) for a link."}

// Make returns the Config for the site opts describes.
func Make(opts Options) (*Config, error) {
	cfg := &Config{
		Backend:          Backend{Name: "proxy", ProxyURL: opts.ProxyURL, Branch: "main"},
		SiteURL:          opts.SiteURL,
		DisplayURL:       opts.SiteURL,
		Locale:           "en",
		MediaFolder:      MediaFolder,
		PublicFolder:     PublicFolder,
		ShowPreviewLinks: true,
		Slug:             Slug{Encoding: "ascii", CleanAccents: true, Sanitize: "-"},
	}
	if len(opts.Languages) == 0 {
		opts.Languages = []Language{{Code: "en", Name: "English", Default: true}}
	}
	multi := len(opts.Languages) > 1
	for _, l := range opts.Languages {
		dir, suffix, label := content.Dir, "", ""
		if !l.Default {
			dir, suffix = content.Dir+"/"+l.Code, "-"+l.Code
		}
		if multi {
			label = " (" + l.Name + ")"
		}
		for _, k := range append(content.ContentKinds(), content.KindPage.Info()) {
			f := &fielder{kind: k, pages: opts.Pages, collectionOf: func(k content.Kind) string { return collectionName(k.Info()) }}
			fields, err := f.fields(reflect.TypeOf(k.Meta()).Elem(), true)
			if err != nil {
				return nil, err
			}
			c := Collection{
				Name:           collectionName(k) + suffix,
				Label:          sectionLabel(k) + label,
				LabelSingular:  singular(k),
				Description:    descriptions[k.Kind],
				Folder:         path.Join(dir, k.Folder),
				Create:         true,
				Extension:      "md",
				Format:         "yaml-frontmatter",
				Slug:           "{{slug}}",
				IdentifierFld:  "title",
				SortableFields: []string{"title"},
				Fields:         append(fields, body),
			}
			// The editor's view/ address leads to the page wherever its
			// slug and language put it (editor.Editor).
			c.PreviewPath = strings.TrimPrefix(ViewPrefix, "/") + c.Name + "/{{filename}}"
			cfg.Collections = append(cfg.Collections, c)
		}
	}
	if len(opts.Sections) > 0 {
		f := &fielder{kind: content.KindSection.Info(), pages: opts.Pages, collectionOf: func(k content.Kind) string { return collectionName(k.Info()) }}
		fields, err := f.fields(reflect.TypeFor[content.Plain](), true)
		if err != nil {
			return nil, err
		}
		c := Collection{Name: "sections", Label: "Home and section pages", Format: "yaml-frontmatter", Delete: &no,
			Description: "The home page and the introductions of the lists of pages (content/_index.md, content/conditions/_index.md, …)."}
		for _, s := range opts.Sections {
			name := strings.NewReplacer("/", "-", ".", "-").Replace(strings.TrimPrefix(s, content.Dir+"/"))
			c.Files = append(c.Files, File{Name: name, Label: sectionFileLabel(s), File: s, Fields: append(fields, body)})
		}
		cfg.Collections = append(cfg.Collections, c)
	}
	return cfg, nil
}

// YAML returns Decap's config.yml for the site opts describes.
func YAML(opts Options) ([]byte, error) {
	cfg, err := Make(opts)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("# Made by lumen serve --edit from Lumen's table of kinds; not a file of the site.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(cfg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// collectionName names the collection of kind k in the default language:
// its folder, or "pages".
func collectionName(k content.KindInfo) string {
	if k.Folder == "" {
		return "pages"
	}
	return k.Folder
}

// sectionLabel labels the collection of kind k.
func sectionLabel(k content.KindInfo) string {
	if k.Folder == "" {
		return "Other pages"
	}
	return strings.ToUpper(k.Plural[:1]) + k.Plural[1:]
}

func singular(k content.KindInfo) string {
	s := k.Singular()
	if k.Kind == content.KindFAQ {
		return "FAQ group"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sectionFileLabel labels an _index.md file: "Home page", "Conditions
// list (es)".
func sectionFileLabel(p string) string {
	dir := path.Dir(strings.TrimPrefix(p, content.Dir+"/"))
	if dir == "." {
		return "Home page"
	}
	if !strings.Contains(dir, "/") && content.KindOf(dir+"/x.md") == content.KindPage && len(dir) <= 3 {
		return "Home page (" + dir + ")"
	}
	return fmt.Sprintf("List page of %s", dir)
}

// descriptions say what each collection holds, in words for office staff.
var descriptions = map[content.Kind]string{
	content.KindArticle:   "News, explainers and guides.",
	content.KindCondition: "One health problem per page, explained in the order patients need it. Needs a medical reviewer.",
	content.KindProcedure: "A test, injection or operation the practice offers. Needs a medical reviewer.",
	content.KindFAQ:       "Groups of questions and answers. Needs a medical reviewer.",
	content.KindProvider:  "One page per clinician.",
	content.KindLocation:  "One page per clinic: address, phone, opening hours.",
	content.KindPage:      "Other pages, such as About and Contact.",
}
