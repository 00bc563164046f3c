package editapi

import (
	"bytes"
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/content"
	"go.yaml.in/yaml/v3"
)

// dataFile is one page Decap saves: its path, its text and, when the
// page is renamed, its new path.
type dataFile struct {
	Slug    string `json:"slug"`
	Path    string `json:"path"`
	Raw     string `json:"raw"`
	NewPath string `json:"newPath,omitempty"`
}

// persistParams are persistEntry's parameters: Decap 3 sends dataFiles,
// older versions entry.
type persistParams struct {
	Entry     *dataFile  `json:"entry"`
	DataFiles []dataFile `json:"dataFiles"`
	Assets    []asset    `json:"assets"`
}

// persistEntry checks the pages and images of one save against the
// whole site and writes them when they pass.
func (a *API) persistEntry(ctx context.Context, p persistParams) (any, error) {
	files := p.DataFiles
	if len(files) == 0 && p.Entry != nil {
		files = []dataFile{*p.Entry}
	}
	if len(files) == 0 {
		return nil, refuse(http.StatusBadRequest, "persistEntry: no page to save")
	}
	if len(files)+len(p.Assets) > maxFiles {
		return nil, refuse(http.StatusRequestEntityTooLarge, "persistEntry: too many files in one save")
	}
	changes := map[string][]byte{}
	var own, order []string
	removes := map[string]bool{}
	for _, f := range files {
		rel, err := pagePath(f.Path)
		if err != nil {
			return nil, err
		}
		target := rel
		if f.NewPath != "" && f.NewPath != f.Path {
			if target, err = pagePath(f.NewPath); err != nil {
				return nil, err
			}
			changes[content.Dir+"/"+rel] = nil
			removes[rel] = true
		}
		if len(f.Raw) > MaxPageBytes {
			return nil, refuse(http.StatusRequestEntityTooLarge, "%s: the page is larger than %d KB; split it into several pages", f.Path, MaxPageBytes>>10)
		}
		if !utf8.ValidString(f.Raw) {
			return nil, refuse(http.StatusBadRequest, "%s: the page is not UTF-8 text", f.Path)
		}
		name := content.Dir + "/" + target
		changes[name] = tidy([]byte(f.Raw))
		own = append(own, name)
		order = append(order, target)
		delete(removes, target)
	}
	images, err := a.checkAssets(p.Assets)
	if err != nil {
		return nil, err
	}
	for rel, data := range images {
		changes[content.Dir+"/"+rel] = data
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	errs, err := a.verify(ctx, changes, own)
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, refusal("", errs)
	}
	for rel, data := range images {
		if err := a.write(rel, data); err != nil {
			return nil, err
		}
	}
	for _, rel := range order {
		if err := a.write(rel, changes[content.Dir+"/"+rel]); err != nil {
			return nil, err
		}
	}
	for rel := range removes {
		if err := a.root.Remove(rel); err != nil {
			return nil, err
		}
	}
	return map[string]string{"message": "entry persisted"}, nil
}

// tidy removes from a page's front matter the keys Decap writes with no
// value (an emptied field: "", null, [] or {}), which Lumen would read as
// a value (an empty date is not a date), and writes the rest back as
// YAML. A page whose front matter is not YAML is left as it is, for the
// build to report where.
func tidy(page []byte) []byte {
	front, body, _, err := content.Split("", page)
	if err != nil || front == nil {
		return page
	}
	var doc yaml.Node
	if yaml.Unmarshal(front, &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return page
	}
	if !prune(doc.Content[0]) {
		return page
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if enc.Encode(doc.Content[0]) != nil || enc.Close() != nil {
		return page
	}
	b.WriteString("---\n")
	b.Write(body)
	return b.Bytes()
}

// prune removes the empty values of mapping m, inside lists and groups
// too, and reports whether it removed any.
func prune(m *yaml.Node) bool {
	changed := false
	kept := m.Content[:0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch v.Kind {
		case yaml.MappingNode:
			changed = prune(v) || changed
		case yaml.SequenceNode:
			for _, item := range v.Content {
				if item.Kind == yaml.MappingNode {
					changed = prune(item) || changed
				}
			}
		}
		if empty(v) {
			changed = true
			continue
		}
		kept = append(kept, k, v)
	}
	m.Content = kept
	return changed
}

// empty reports whether v holds nothing: null, "", [] or {}.
func empty(v *yaml.Node) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Tag == "!!null" || v.Tag == "!!str" && v.Value == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(v.Content) == 0
	}
	return false
}
