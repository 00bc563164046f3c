package editapi

import (
	"io/fs"
	"path"
	"strings"

	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/content"
	"github.com/lumen-ssg/lumen/generator/site"
)

// deployPreview is what getDeployPreview answers: the address of the page
// on the dev server, and that it is ready. Decap asks for it to show a
// preview link in its editorial workflow; in the simple mode the editor
// uses, its "View Live" link comes from the collection's preview_path
// instead, and this answer is for other clients of the API.
type deployPreview struct {
	URL    string `json:"url"`
	Status string `json:"status"`
}

// deployPreview returns the address, on the dev server, of the page that
// the entry slug of collection (as cmsconfig names collections: a kind's
// folder, or "pages", with "-<code>" for another language) is made from,
// or nil when there is none yet (a new entry not saved). The address is
// worked out from the page's file and its front matter's slug as the
// site graph works it out (site.URLFor), under its language's prefix and
// the site's base path.
func (a *API) deployPreview(collection, slug string) (*deployPreview, error) {
	u := a.PageURL(collection, slug)
	if u == "" {
		return nil, nil
	}
	return &deployPreview{URL: u, Status: "SUCCESS"}, nil
}

// PageURL returns the site path of the page the entry slug of collection
// is made from, or "" when there is none (deployPreview says how it is
// worked out).
func (a *API) PageURL(collection, slug string) string {
	cfg, err := config.Load(a.opts.Source)
	if err != nil || slug == "" || strings.ContainsAny(slug, `/\`) || strings.Contains(slug, "..") {
		return ""
	}
	folder, lang := collection, ""
	for _, code := range cfg.OtherLanguageCodes() {
		if f, ok := strings.CutSuffix(collection, "-"+code); ok {
			folder, lang = f, code
			break
		}
	}
	if folder == "pages" {
		folder = ""
	}
	for _, rel := range []string{path.Join(folder, slug+".md"), path.Join(folder, slug, "index.md")} {
		name := rel
		if lang != "" {
			name = path.Join(lang, rel)
		}
		data, err := fs.ReadFile(a.content, name)
		if err != nil {
			continue
		}
		p, _ := content.ParseIn(path.Join(content.Dir, name), lang, data)
		if p == nil {
			return ""
		}
		u := site.URLFor(rel, p.Common().Slug)
		if lang != "" {
			u = cfg.Prefix(lang) + strings.TrimPrefix(u, "/")
		}
		return strings.TrimSuffix(cfg.BasePath(), "/") + u
	}
	return ""
}
