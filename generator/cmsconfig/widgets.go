package cmsconfig

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/lumen-ssg/lumen/generator/content"
)

// Field is one field of a Decap collection (decapcms.org/docs/widgets/),
// as config.yml writes it.
type Field struct {
	Label    string `yaml:"label"`
	Name     string `yaml:"name"`
	Widget   string `yaml:"widget"`
	Required bool   `yaml:"required"`
	Hint     string `yaml:"hint,omitempty"`
	// Pattern is a regular expression and the message shown when the
	// value does not match it.
	Pattern []string `yaml:"pattern,omitempty"`
	// Options are the values of a select.
	Options []Option `yaml:"options,omitempty"`
	// Multiple lets a select or relation hold a list.
	Multiple bool `yaml:"multiple,omitempty"`
	// Collection, SearchFields, ValueField and DisplayFields make a
	// relation to the pages of another collection.
	Collection    string   `yaml:"collection,omitempty"`
	SearchFields  []string `yaml:"search_fields,omitempty"`
	ValueField    string   `yaml:"value_field,omitempty"`
	DisplayFields []string `yaml:"display_fields,omitempty"`
	// ValueType is int or float, for a number.
	ValueType string `yaml:"value_type,omitempty"`
	// Format, DateFormat and TimeFormat make a datetime a date written
	// YYYY-MM-DD.
	Format     string `yaml:"format,omitempty"`
	DateFormat string `yaml:"date_format,omitempty"`
	TimeFormat *bool  `yaml:"time_format,omitempty"`
	PickerUTC  bool   `yaml:"picker_utc,omitempty"`
	// ChooseURL false keeps an image widget to files of the site.
	ChooseURL *bool `yaml:"choose_url,omitempty"`
	// Collapsed folds an object or list until it is opened.
	Collapsed bool `yaml:"collapsed,omitempty"`
	// Field is the one field of a list of single values; Fields are the
	// fields of an object or of each item of a list.
	Field  *Field  `yaml:"field,omitempty"`
	Fields []Field `yaml:"fields,omitempty"`
}

// Option is one value of a select.
type Option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// Page is a page that a select of pages offers: its slug, the file name
// without .md, and its title.
type Page struct {
	Slug, Title string
}

// fielder turns front-matter types into fields.
type fielder struct {
	kind content.KindInfo
	// collectionOf names the collection of a kind's pages, for relations.
	collectionOf func(content.Kind) string
	pages        map[content.Kind][]Page
}

var (
	dateType    = reflect.TypeFor[content.Date]()
	stringsType = reflect.TypeFor[content.Strings]()
	no          = false
)

// fields returns the fields of the struct type t: its own keys and, in
// order, those of the structs it embeds inline. top is false inside an
// object that may be left out, where no field is required (Decap would
// require it even while the object is empty).
func (f *fielder) fields(t reflect.Type, top bool) ([]Field, error) {
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("yaml")
		if tag == ",inline" {
			inner, err := f.fields(sf.Type, top)
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		fd, err := f.field(t.Name()+"."+name, name, sf.Type, top)
		if err != nil {
			return nil, err
		}
		out = append(out, fd)
	}
	return out, nil
}

// field returns the field of the key name, declared as key ("Common.title")
// with Go type t.
func (f *fielder) field(key, name string, t reflect.Type, top bool) (Field, error) {
	d, ok := docs[key]
	if !ok {
		return Field{}, fmt.Errorf("front-matter key %s (%s) has no entry in the editor's table of fields (generator/cmsconfig/fields.go): add its label, hint and widget there", key, t)
	}
	fd := Field{Label: d.label, Name: name, Hint: d.hint}
	if top && d.required != nil {
		fd.Required = d.required(f.kind)
	}
	if d.pattern[0] != "" {
		fd.Pattern = d.pattern[:]
	}
	list := false
	elem := t
	if t.Kind() == reflect.Pointer {
		elem = t.Elem()
	}
	if elem.Kind() == reflect.Slice {
		list = true
		elem = elem.Elem()
	}
	switch {
	case d.relation != "":
		if elem.Kind() != reflect.String {
			return Field{}, fmt.Errorf("front-matter key %s is a relation but its type is %s", key, t)
		}
		fd.Widget, fd.Multiple = "relation", list
		fd.Collection = f.collectionOf(d.relation)
		fd.SearchFields, fd.ValueField, fd.DisplayFields = []string{"title"}, "{{slug}}", []string{"title"}
		return fd, nil
	case d.pages != nil:
		fd.Widget, fd.Multiple = "select", list
		for _, k := range d.pages {
			for _, p := range f.pages[k] {
				fd.Options = append(fd.Options, Option{Label: p.Title + " (" + string(k) + ")", Value: p.Slug})
			}
		}
		if len(fd.Options) == 0 {
			fd.Widget, fd.Multiple = "list", false // no page to choose yet: slugs as text
			fd.Field = &Field{Label: d.label, Name: name, Widget: "string"}
		}
		return fd, nil
	case d.options != nil:
		for _, o := range d.options() {
			fd.Options = append(fd.Options, Option{Label: o, Value: o})
		}
		fd.Widget, fd.Multiple = "select", list
		return fd, nil
	}
	if list && elem.Kind() == reflect.Struct && elem != dateType {
		fd.Widget, fd.Collapsed = "list", true
		inner, err := f.fields(elem, true)
		if err != nil {
			return Field{}, err
		}
		fd.Fields = inner
		return fd, nil
	}
	one, err := f.single(key, d, elem, top)
	if err != nil {
		return Field{}, err
	}
	if list || t == stringsType {
		one.Label, one.Name, one.Hint, one.Required, one.Pattern = d.label, name, "", false, nil
		fd.Widget, fd.Field = "list", &one
		return fd, nil
	}
	one.Label, one.Name, one.Hint, one.Required, one.Pattern = fd.Label, fd.Name, fd.Hint, fd.Required, fd.Pattern
	return one, nil
}

// single returns the widget of one value of type t.
func (f *fielder) single(key string, d doc, t reflect.Type, top bool) (Field, error) {
	switch {
	case d.widget == "image":
		return Field{Widget: "image", ChooseURL: &no}, nil
	case d.widget != "":
		return Field{Widget: d.widget}, nil
	case t == dateType:
		return Field{Widget: "datetime", Format: "YYYY-MM-DD", DateFormat: "YYYY-MM-DD", TimeFormat: &no, PickerUTC: true}, nil
	}
	switch t.Kind() {
	case reflect.String:
		return Field{Widget: "string"}, nil
	case reflect.Bool:
		return Field{Widget: "boolean"}, nil
	case reflect.Int, reflect.Int64:
		return Field{Widget: "number", ValueType: "int"}, nil
	case reflect.Float64:
		return Field{Widget: "number", ValueType: "float"}, nil
	case reflect.Struct:
		inner, err := f.fields(t, false)
		if err != nil {
			return Field{}, err
		}
		return Field{Widget: "object", Collapsed: true, Fields: inner}, nil
	}
	return Field{}, fmt.Errorf("front-matter key %s has type %s, for which the editor has no widget", key, t)
}
