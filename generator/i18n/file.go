package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/strictyaml"
	"go.yaml.in/yaml/v3"
)

// file is one translation file, read.
type file struct {
	// name is the file's path as errors show it.
	name string
	msgs map[string]*message
	// order is the keys in the order the file lists them, for errors in
	// the order a writer reads them.
	order []string
}

// pluralCategories are the plural categories of Unicode CLDR, which the
// forms of a plural string are named by.
var pluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// readFile reads the translation file name of fsys, labelled label in
// errors. It returns nil when there is no such file, and nil with errors
// when the file cannot be read at all; a file with some bad entries is
// returned with the others.
func readFile(fsys fs.FS, name, label string) (*file, diag.List) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{{File: label, Msg: "cannot read the translation file: " + err.Error()}}
	}
	doc, errs := strictyaml.Parse(label, data, 0)
	if errs != nil {
		return nil, errs
	}
	f := &file{name: label, msgs: map[string]*message{}}
	if doc == nil {
		return f, nil
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		key := k.Value
		if first, dup := f.msgs[key]; dup {
			errs = append(errs, f.at(k, "key %q appears twice (first at line %d)", key, first.line).
				WithHint("each key may appear only once; remove or rename one of them"))
			continue
		}
		m, err := f.message(key, v)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		m.line = k.Line
		f.msgs[key] = m
		f.order = append(f.order, key)
	}
	return f, errs
}

// at returns an error positioned at n.
func (f *file) at(n *yaml.Node, format string, args ...any) *diag.Error {
	return &diag.Error{File: f.name, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// message reads the value n of key.
func (f *file) message(key string, n *yaml.Node) (*message, *diag.Error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, f.at(n, "%q has no text", key).WithHint(`write the text after the colon, or "" for none`)
		}
		return &message{shape: shapeText, forms: map[string][]part{"": parse(n.Value)}}, nil
	case yaml.MappingNode:
		m := &message{shape: shapePlural, forms: map[string][]part{}}
		for i := 0; i+1 < len(n.Content); i += 2 {
			c, v := n.Content[i], n.Content[i+1]
			if !slices.Contains(pluralCategories, c.Value) {
				e := f.at(c, "%q: %q is not a plural form", key, c.Value)
				if s := diag.Closest(c.Value, pluralCategories); s != "" {
					return nil, e.WithHint("did you mean %q? The forms are %s", s, strings.Join(pluralCategories, ", "))
				}
				return nil, e.WithHint("a group of keys is the plural forms of a string: %s (other is required)", strings.Join(pluralCategories, ", "))
			}
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				return nil, f.at(v, "%q: the form %q should be text", key, c.Value)
			}
			if _, dup := m.forms[c.Value]; dup {
				return nil, f.at(c, "%q: the form %q appears twice", key, c.Value)
			}
			m.forms[c.Value] = parse(v.Value)
		}
		if _, ok := m.forms["other"]; !ok {
			return nil, f.at(n, "%q has no form \"other\"", key).
				WithHint(`add other: with the text for any count, such as other: "{count} pages"`)
		}
		return m, nil
	case yaml.SequenceNode:
		m := &message{shape: shapeList}
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
				return nil, f.at(item, "%q should be a list of text", key)
			}
			m.list = append(m.list, item.Value)
		}
		if key == "months" && len(m.list) != 12 {
			return nil, f.at(n, "%q has %d names; a year has 12 months", key, len(m.list)).
				WithHint("list the names from January to December: [January, February, …]")
		}
		return m, nil
	}
	return nil, f.at(n, "%q should be text", key)
}
