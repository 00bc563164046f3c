package strictyaml

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/lumen-ssg/lumen/generator/diag"
	"go.yaml.in/yaml/v3"
)

type address struct {
	Street string `yaml:"street"`
	City   string `yaml:"city"`
}

type common struct {
	Title string   `yaml:"title"`
	Tags  []string `yaml:"tags"`
}

type doc struct {
	common  `yaml:",inline"`
	Open    bool      `yaml:"open"`
	Count   int       `yaml:"count"`
	Address address   `yaml:"address"`
	Steps   []step    `yaml:"steps"`
	Code    upperCode `yaml:"code"`
}

type step struct {
	When string `yaml:"when"`
	What string `yaml:"what"`
}

// upperCode accepts only upper-case text, to test yaml.Unmarshaler fields.
type upperCode string

func (c *upperCode) UnmarshalYAML(n *yaml.Node) error {
	if strings.ToUpper(n.Value) != n.Value {
		return errors.New("must be upper case")
	}
	*c = upperCode(n.Value)
	return nil
}

func TestDecodeValid(t *testing.T) {
	src := "title: Sciatica\ntags: [back, leg]\nopen: true\ncount: 3\naddress:\n  street: 1 Main St\n  city: Riverton\nsteps:\n  - when: Day 1\n    what: Rest\ncode: M54\n"
	var d doc
	pos, errs := Decode("x.md", []byte(src), 1, &d)
	if errs != nil {
		t.Fatal(errs)
	}
	if d.Title != "Sciatica" || len(d.Tags) != 2 || !d.Open || d.Count != 3 || d.Address.City != "Riverton" || d.Steps[0].What != "Rest" || d.Code != "M54" {
		t.Errorf("decoded %+v", d)
	}
	for path, want := range map[string]int{"title": 2, "address.city": 8, "steps.0.what": 11, "steps.0.nothing": 10, "steps": 9, "nothing": 0, "": 0} {
		if got := pos.Line(path); got != want {
			t.Errorf("Line(%q) = %d; want %d", path, got, want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown key suggests closest", "titel: X\n", []string{`x.md:2:1: unknown key "titel"` + "\n    hint: did you mean \"title\"?"}},
		{"unknown key lists known", "zzzzzz: X\n", []string{`x.md:2:1: unknown key "zzzzzz"` + "\n    hint: known keys here are: title, tags, open, count, address, steps, code"}},
		{"nested unknown key", "address:\n  citty: R\n", []string{`x.md:3:3: unknown key "address.citty"` + "\n    hint: did you mean \"city\"?"}},
		{"scalar for list", "tags: back\n", []string{`x.md:2:7: "tags" should be a list of text, found text "back"` + "\n    hint: write a list, one item per line starting with \"- \", or in brackets: [first, second]"}},
		{"bad bool", "open: maybe\n", []string{`x.md:2:7: "open" should be true or false, found text "maybe"` + "\n    hint: write true or false"}},
		{"bad int", "count: three\n", []string{`x.md:2:8: "count" should be a whole number, found text "three"`}},
		{"unmarshaler error", "code: m54\n", []string{`x.md:2:7: "code": must be upper case`}},
		{"list item unknown key", "steps:\n  - when: a\n    wat: b\n", []string{`x.md:4:5: unknown key "steps.0.wat"` + "\n    hint: did you mean \"what\"?"}},
		{"several errors at once", "titel: a\nopen: 3\n", []string{`x.md:2:1: unknown key "titel"`, `x.md:3:7: "open" should be true or false, found the number 3`}},
		{"unquoted colon", "title: Back pain: what helps\n", []string{"x.md:2:17: invalid YAML: mapping values are not allowed in this context\n    hint: a value that contains \": \" must be quoted"}},
		{"unquoted colon in a list item", "tags:\n  - Back pain: what helps\n", []string{"x.md:3:5: \"tags.0\" should be text, found a group of keys\n    hint: a value that contains \": \" must be quoted"}},
		{"typographic quotes", "title: “Back pain: what helps”\n", []string{"x.md:2:18: invalid YAML: mapping values are not allowed in this context\n    hint: the quotes “ ” are typographic quotes, which YAML reads as letters"}},
		{"unquoted trailing colon", "title: a\ndescription: Call us:\nweight: 1\n", []string{"x.md:3:21: invalid YAML: mapping values are not allowed"}},
		{"tab indentation", "address:\n\tcity: R\n", []string{"x.md:3:1: invalid YAML: found character that cannot start any token\n    hint: YAML does not allow tabs"}},
		{"toml", "title = \"Sciatica\"\n", []string{"x.md:2:1: written as TOML (key = value); Lumen reads YAML (key: value)\n    hint: write each line as key: value, such as title: \"Sciatica\""}},
		{"toml after a comment", "# about\ntitle = 'A'\ndraft = true\n", []string{"x.md:3:1: written as TOML (key = value)"}},
		{"a list", "- title: A\n", []string{"x.md:2:1: expected lines of the form \"key: value\", found a list\n    hint: write one key per line without \"- \" in front"}},
		{"plain text", "Hello there\n", []string{"x.md:2:1: expected lines of the form \"key: value\", found text \"Hello there\"\n    hint: write one key per line"}},
		// Parser errors: the library numbers their lines from 0.
		{"unclosed list", "title: a\ntags: [a, b\nopen: true\n", []string{"x.md:3: invalid YAML: did not find expected ',' or ']'\n    hint: a list [ ] or group { } opened on this line or above is never closed"}},
		{"list item indented too little", "title: a\nsteps:\n  - when: a\n - when: b\n", []string{"x.md:5: invalid YAML: did not find expected key"}},
		{"text after the quotes on the first line", "title: \"Back pain\" explained\nopen: true\n", []string{"x.md:2: invalid YAML: did not find expected key\n    hint: text follows the closing quote of this value; put all of it inside the quotes"}},
		{"text after the quotes", "open: true\ntitle: 'Back pain' explained\n", []string{"x.md:3: invalid YAML: did not find expected key\n    hint: text follows the closing quote"}},
		{"duplicate key", "title: a\ntitle: b\n", []string{`x.md:3:1: key "title" appears twice (first at line 2)` + "\n    hint: each key may appear only once"}},
	}
	for _, dec := range decoders {
		for _, tt := range tests {
			t.Run(dec.name+"/"+tt.name, func(t *testing.T) {
				var d doc
				_, errs := dec.decode("x.md", []byte(tt.src), 1, &d)
				if len(errs) != len(tt.want) {
					t.Fatalf("got %d errors:\n%v", len(errs), errs)
				}
				for i, want := range tt.want {
					if got := errs[i].Error(); !strings.HasPrefix(got, want) {
						t.Errorf("error %d:\n got %q\nwant %q", i, got, want)
					}
				}
			})
		}
	}
}

// decoders are the two ways to decode a doc: Decode, which finds the
// keys of its structs as it goes, and the Schema of doc, which knows them.
var decoders = []struct {
	name   string
	decode func(file string, data []byte, lineOffset int, out any) (Positions, diag.List)
}{
	{"Decode", Decode},
	{"Schema", SchemaOf(reflect.TypeFor[doc]()).Decode},
}

func TestDecodeEmpty(t *testing.T) {
	for _, src := range []string{"", "\n", "# only a comment\n", "~\n"} {
		var d doc
		if _, errs := Decode("x.md", []byte(src), 1, &d); errs != nil {
			t.Errorf("%q: %v", src, errs)
		}
	}
}

func TestAliasBombFailsFast(t *testing.T) {
	src := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ntags: *h\n"
	var d doc
	_, errs := Decode("x.md", []byte(src), 0, &d)
	want := "x.md:9:7: the alias *h makes the YAML hold more than 10000 values\n    hint: write the values out instead of using anchors (&name) and aliases (*name)"
	if len(errs) != 1 || errs[0].Error() != want {
		t.Fatalf("got %v\nwant %s", errs, want)
	}
	// A long document without aliases is not a bomb.
	long := "tags:\n" + strings.Repeat("  - x\n", 3*MaxValues)
	if _, errs := Decode("x.md", []byte(long), 0, &d); errs != nil || len(d.Tags) != 3*MaxValues {
		t.Errorf("a long list: %v, %d tags", errs, len(d.Tags))
	}
	// Nor is one with a few aliases among many values.
	if _, errs := Decode("x.md", []byte("title: &t A\ncode: *t\n"+long), 0, &d); errs != nil {
		t.Errorf("a long list with an alias: %v", errs)
	}
	// A few aliases, as a writer may use them, still decode.
	if _, errs := Decode("x.md", []byte("title: &t Sciatica\ntags: [*t, *t]\n"), 0, &d); errs != nil || len(d.Tags) != 2 {
		t.Errorf("small aliases: %v %v", errs, d.Tags)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"title: a\ntags: [b]\n", "address:\n  city: x\n", "steps:\n- when: a\n", "a: &a [1]\nb: *a\n", "\ufefftitle: x"} {
		f.Add([]byte(s))
	}
	schema := SchemaOf(reflect.TypeFor[*doc]())
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		pos, errs := Decode("x.md", data, 1, &d)
		for _, e := range errs {
			if e.File != "x.md" {
				t.Fatalf("error without the file: %v", e)
			}
		}
		// A Schema decodes as Decode does.
		var sd doc
		spos, serrs := schema.Decode("x.md", data, 1, &sd)
		if !reflect.DeepEqual(sd, d) || !reflect.DeepEqual(spos, pos) || fmt.Sprint(serrs) != fmt.Sprint(errs) {
			t.Fatalf("with a Schema: %+v %v %v\nwithout: %+v %v %v", sd, spos, serrs, d, pos, errs)
		}
	})
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		keys      int    // key-value pairs of the mapping returned
		err       string // the first error, "" for none
	}{
		{"mapping", "a: 1\nb: [x, y]\n", 2, ""},
		{"empty", "# nothing\n", 0, ""},
		{"list", "- a\n- b\n", 0, `x.yaml:1:1: expected lines of the form "key: value", found a list`},
		{"syntax", "a: b: c\n", 0, "x.yaml:1:5: invalid YAML: mapping values are not allowed in this context"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, errs := Parse("x.yaml", []byte(tc.src), 0)
			if tc.err != "" {
				if doc != nil || len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), tc.err) {
					t.Fatalf("got %v, %v; want the error %q", doc, errs, tc.err)
				}
				return
			}
			if errs != nil {
				t.Fatal(errs)
			}
			got := 0
			if doc != nil {
				got = len(doc.Content) / 2
			}
			if got != tc.keys {
				t.Errorf("%d keys, want %d", got, tc.keys)
			}
		})
	}
}
