package cmsconfig

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/content"
	"go.yaml.in/yaml/v3"
)

// TestEveryKeyHasAWidget walks the front-matter type of every kind by
// reflection, into the structs it embeds, holds and lists, and asserts
// that each key has an entry in the table of fields and a widget in the
// collection of its kind: a new key without one fails here.
func TestEveryKeyHasAWidget(t *testing.T) {
	cfg, err := Make(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range append(content.ContentKinds(), content.KindPage.Info()) {
		c := collection(t, cfg, collectionName(k))
		walk(reflect.TypeOf(k.Meta()).Elem(), func(key, path string) {
			seen[key] = true
			if _, ok := docs[key]; !ok {
				t.Errorf("%s: %s (%s) has no entry in docs", k.Kind, key, path)
			}
			f := lookup(c.Fields, path)
			if f == nil || f.Widget == "" {
				t.Errorf("%s: %s has no widget in collection %s", k.Kind, path, c.Name)
			}
		})
	}
	for key := range docs {
		if !seen[key] {
			t.Errorf("docs has %s, which no front-matter type declares", key)
		}
	}
}

// walk calls fn with the table key ("Reference.url") and the field path
// ("references.url") of every front-matter key of the struct type t.
func walk(t reflect.Type, fn func(key, path string)) {
	var rec func(t reflect.Type, prefix string)
	rec = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("yaml")
			if tag == ",inline" {
				rec(sf.Type, prefix)
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if name == "" || name == "-" {
				continue
			}
			fn(t.Name()+"."+name, prefix+name)
			e := sf.Type
			for e.Kind() == reflect.Pointer || e.Kind() == reflect.Slice {
				e = e.Elem()
			}
			if e.Kind() == reflect.Struct && e != dateType {
				rec(e, prefix+name+".")
			}
		}
	}
	rec(t, "")
}

func lookup(fields []Field, path string) *Field {
	name, rest, nested := strings.Cut(path, ".")
	for i := range fields {
		if fields[i].Name != name {
			continue
		}
		if !nested {
			return &fields[i]
		}
		return lookup(fields[i].Fields, rest)
	}
	return nil
}

func collection(t *testing.T, cfg *Config, name string) *Collection {
	t.Helper()
	for i := range cfg.Collections {
		if cfg.Collections[i].Name == name {
			return &cfg.Collections[i]
		}
	}
	t.Fatalf("no collection %s", name)
	return nil
}

func testOptions() Options {
	return Options{
		ProxyURL:  "/admin/api",
		SiteURL:   "http://127.0.0.1:1313/",
		Languages: []Language{{Code: "en", Name: "English", Default: true}, {Code: "es", Name: "Español"}},
		Pages: map[content.Kind][]Page{
			content.KindCondition: {{Slug: "sciatica", Title: "Sciatica"}},
			content.KindProcedure: {{Slug: "endoscopic-discectomy", Title: "Endoscopic discectomy"}},
		},
		Sections: []string{"content/_index.md", "content/conditions/_index.md"},
	}
}

func TestWidgets(t *testing.T) {
	cfg, err := Make(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	yes := true
	for _, tc := range []struct {
		collection, path string
		want             Field // the parts of the field that are checked
		required         *bool
	}{
		{"conditions", "title", Field{Widget: "string"}, &yes},
		{"conditions", "description", Field{Widget: "text"}, nil},
		{"conditions", "summary", Field{Widget: "text"}, &yes},
		{"articles", "summary", Field{Widget: "text"}, &no},
		{"conditions", "reviewed_by", Field{Widget: "relation", Collection: "providers", ValueField: "{{slug}}"}, &yes},
		{"articles", "reviewed_by", Field{Widget: "relation", Collection: "providers"}, &no},
		{"conditions-es", "reviewed_by", Field{Widget: "relation", Collection: "providers"}, &yes},
		{"conditions", "author", Field{Widget: "relation", Collection: "providers"}, &yes},
		{"procedures", "treats", Field{Widget: "relation", Collection: "conditions", Multiple: true}, nil},
		{"conditions", "procedures", Field{Widget: "relation", Collection: "procedures", Multiple: true}, nil},
		{"providers", "locations", Field{Widget: "relation", Collection: "locations", Multiple: true}, nil},
		{"faqs", "about", Field{Widget: "select", Multiple: true}, nil},
		{"procedures", "procedure_type", Field{Widget: "select"}, nil},
		{"conditions", "last_reviewed", Field{Widget: "datetime", Format: "YYYY-MM-DD"}, &yes},
		{"conditions", "date", Field{Widget: "datetime", Format: "YYYY-MM-DD"}, &no},
		{"conditions", "draft", Field{Widget: "boolean"}, &no},
		{"conditions", "weight", Field{Widget: "number", ValueType: "int"}, nil},
		{"conditions", "image", Field{Widget: "image"}, nil},
		{"providers", "photo", Field{Widget: "image"}, nil},
		{"providers", "accepting_new_patients", Field{Widget: "boolean"}, nil},
		{"conditions", "symptoms", Field{Widget: "list"}, nil},
		{"conditions", "icd10", Field{Widget: "list"}, nil},
		{"conditions", "self_care", Field{Widget: "object"}, nil},
		{"conditions", "self_care.do", Field{Widget: "list"}, nil},
		{"conditions", "references", Field{Widget: "list"}, nil},
		{"conditions", "references.title", Field{Widget: "string"}, &yes},
		{"procedures", "outcomes.source", Field{Widget: "object"}, &yes},
		{"procedures", "aftercare_warnings", Field{Widget: "list"}, &yes},
		{"faqs", "questions.answer", Field{Widget: "markdown"}, &yes},
		{"locations", "hours.opens", Field{Widget: "string"}, &yes},
		{"locations", "geo.lat", Field{Widget: "number", ValueType: "float"}, &no},
		{"conditions", "readability.reason", Field{Widget: "text"}, &no}, // inside an object that may be left out
		{"conditions", "original_version", Field{Widget: "hidden"}, nil},
		{"pages", "layout", Field{Widget: "string"}, nil},
		{"conditions", "body", Field{Widget: "markdown"}, &no},
	} {
		t.Run(tc.collection+"/"+tc.path, func(t *testing.T) {
			f := lookup(collection(t, cfg, tc.collection).Fields, tc.path)
			if f == nil {
				t.Fatal("no such field")
			}
			if f.Widget != tc.want.Widget || tc.want.Collection != "" && f.Collection != tc.want.Collection ||
				f.Multiple != tc.want.Multiple || tc.want.Format != "" && f.Format != tc.want.Format ||
				tc.want.ValueType != "" && f.ValueType != tc.want.ValueType || tc.want.ValueField != "" && f.ValueField != tc.want.ValueField {
				t.Errorf("got %+v", *f)
			}
			if tc.required != nil && f.Required != *tc.required {
				t.Errorf("required %v, want %v", f.Required, *tc.required)
			}
			if f.Widget == "image" && (f.ChooseURL == nil || *f.ChooseURL) {
				t.Error("an image widget must have choose_url: false")
			}
		})
	}
}

func TestCollections(t *testing.T) {
	data, err := YAML(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var back Config
	if err := yaml.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range back.Collections {
		names = append(names, c.Name+"="+c.Folder)
	}
	want := "articles=content/articles conditions=content/conditions procedures=content/procedures faqs=content/faqs providers=content/providers locations=content/locations pages=content " +
		"articles-es=content/es/articles conditions-es=content/es/conditions procedures-es=content/es/procedures faqs-es=content/es/faqs providers-es=content/es/providers locations-es=content/es/locations pages-es=content/es sections="
	if got := strings.Join(names, " "); got != want {
		t.Errorf("collections\n got %s\nwant %s", got, want)
	}
	if back.Backend.Name != "proxy" || back.Backend.ProxyURL != "/admin/api" || back.MediaFolder != "content/images" {
		t.Errorf("backend %+v, media %s", back.Backend, back.MediaFolder)
	}
	about := lookup(collection(t, &back, "faqs").Fields, "about")
	if len(about.Options) != 2 || about.Options[0].Value != "sciatica" {
		t.Errorf("about options %+v", about.Options)
	}
}
