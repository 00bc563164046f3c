// Package strictyaml decodes YAML into typed Go structs strictly.
//
// Lumen's front matter and site.yaml are written by people who are not
// programmers, so a typo must never pass silently. Decode reports every
// problem in a document at once, each as a diag.Error naming the file, the
// line and the column:
//
//   - a YAML syntax error, with a hint for the usual causes (an unquoted
//     colon in a value, a tab used for indentation, TOML written where YAML
//     was expected);
//   - a key the struct does not declare, with the closest known key as a
//     suggestion;
//   - a value of the wrong shape or type ("expected a list of text, found
//     text"), naming the key.
//
// Structs are matched by their `yaml:"name"` tags. A field whose type
// implements yaml.Unmarshaler decodes itself and any error it returns is
// reported at the value's position. Nested structs, pointers to structs and
// slices of structs are decoded recursively with the same strictness.
//
// Line numbers are those of the YAML text plus a line offset, so that front
// matter that starts on the second line of a Markdown file reports positions
// in the Markdown file.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"go.yaml.in/yaml/v3"
)

// Positions records the line of each key decoded, by dotted path: "title",
// "address.city", "questions.2.answer" (list items are numbered from 0).
type Positions map[string]int

// Line returns the line of path, or the line of its nearest recorded parent,
// or 0.
func (p Positions) Line(path string) int {
	for {
		if l, ok := p[path]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// Decode parses data as one YAML mapping and decodes it into out, which must
// be a pointer to a struct. file names the document in errors and
// lineOffset is added to every line number. An empty document leaves out as
// it is. The returned Positions are valid even when there are errors.
func Decode(file string, data []byte, lineOffset int, out any) (Positions, diag.List) {
	d := decoder{file: file, offset: lineOffset, pos: Positions{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		d.errs.Add(d.syntaxError(err, data))
		return d.pos, d.errs
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return d.pos, nil
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return d.pos, nil
	}
	if doc.Kind != yaml.MappingNode {
		e := d.at(doc, "expected lines of the form \"key: value\", found %s", describeNode(doc))
		if bytes.Contains(data, []byte(" = ")) {
			e.WithHint("this looks like TOML; Lumen reads YAML: write key: value instead of key = value")
		}
		d.errs.Add(e)
		return d.pos, d.errs
	}
	d.decodeStruct(doc, reflect.ValueOf(out).Elem(), "")
	return d.pos, d.errs
}

type decoder struct {
	file   string
	offset int
	pos    Positions
	errs   diag.List
}

// at returns an error positioned at n.
func (d *decoder) at(n *yaml.Node, format string, args ...any) *diag.Error {
	return &diag.Error{File: d.file, Line: n.Line + d.offset, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.Unmarshal error into a positioned diag.Error
// with a hint for the common causes.
func (d *decoder) syntaxError(err error, data []byte) *diag.Error {
	msg := err.Error()
	e := &diag.Error{File: d.file, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	var line int
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		e.Line = line + d.offset
		e.Msg = "invalid YAML: " + m[2]
	}
	if line == 0 && strings.Contains(msg, "mapping values are not allowed") {
		// The library gives no line for this one; find the value with an
		// unquoted ": " in it.
		line = unquotedColonLine(data)
		if line > 0 {
			e.Line = line + d.offset
		}
	}
	text := lineText(data, line)
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		e.WithHint(`a value that contains ": " must be quoted, for example title: "Back pain: what helps"`)
	case strings.ContainsRune(text, '\t') || strings.Contains(msg, "found character that cannot start any token") && bytes.ContainsRune(data, '\t'):
		e.WithHint("YAML does not allow tabs for indentation; indent with spaces")
	case strings.Contains(text, " = "):
		e.WithHint("this looks like TOML; Lumen reads YAML: write key: value instead of key = value")
	case strings.Contains(msg, "already defined"):
		e.WithHint("each key may appear only once; remove or rename one of them")
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		e.WithHint("check the indentation of this line and the one before it; items of one list or mapping line up")
	case strings.Contains(msg, "found unexpected end of stream") || strings.Contains(msg, "found unexpected end"):
		e.WithHint("a quote or bracket opened near here is never closed")
	}
	return e
}

// lineText returns the 1-based line n of data, or "".
func lineText(data []byte, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return string(data)
}

// unquotedColonLine returns the 1-based number of the first line whose
// value, after "key: ", is unquoted and itself contains ": ", or 0.
func unquotedColonLine(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		_, value, ok := strings.Cut(strings.TrimLeft(line, " -"), ": ")
		value = strings.TrimSpace(value)
		if !ok || value == "" || strings.ContainsAny(value[:1], "\"'[{|>#") {
			continue
		}
		if strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
			return i + 1
		}
	}
	return 0
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// field is a struct field reachable by a YAML key, possibly through inlined
// embedded structs.
type field struct {
	index []int
}

// fieldsOf lists the YAML keys of struct type t in declaration order.
func fieldsOf(t reflect.Type) (names []string, fields map[string]field) {
	fields = map[string]field{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "-" || !f.IsExported() && !f.Anonymous {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), prefix...), i)
			if strings.Contains(opts, "inline") || (f.Anonymous && name == "") {
				walk(f.Type, idx)
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			names = append(names, name)
			fields[name] = field{index: idx}
		}
	}
	walk(t, nil)
	return names, fields
}

// decodeStruct decodes mapping n into struct v; path is the dotted path of
// n, empty at the root.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	names, fields := fieldsOf(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		p := join(path, key)
		if first, dup := d.pos[p]; dup {
			d.errs.Add(d.at(k, "key %q appears twice (first at line %d)", p, first).
				WithHint("each key may appear only once; remove or rename one of them"))
			continue
		}
		d.pos[p] = k.Line + d.offset
		f, ok := fields[key]
		if !ok {
			e := d.at(k, "unknown key %q", p)
			if s := diag.Closest(key, names); s != "" {
				e.WithHint("did you mean %q?", s)
			} else {
				e.WithHint("known keys here are: %s", strings.Join(names, ", "))
			}
			d.errs.Add(e)
			continue
		}
		d.decodeValue(val, v.FieldByIndex(f.index), p)
	}
}

// decodeValue decodes n into v, recursing into structs and slices.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if v.CanAddr() && reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.errs.Add(d.at(n, "%q: %s", path, cleanErr(err)))
		}
		return
	}
	if n.Tag == "!!null" && n.Kind == yaml.ScalarNode {
		return // an empty value leaves the zero value
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.errs.Add(d.typeError(n, v.Type(), path))
			return
		}
		d.decodeStruct(n, v, path)
		return
	case reflect.Pointer:
		if v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			d.decodeValue(n, v.Elem(), path)
			return
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errs.Add(d.typeError(n, v.Type(), path))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			p := path + "." + strconv.Itoa(i)
			d.pos[p] = item.Line + d.offset
			d.decodeValue(item, s.Index(i), p)
		}
		v.Set(s)
		return
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.errs.Add(d.typeError(n, v.Type(), path))
			return
		}
	default:
		if n.Kind != yaml.ScalarNode {
			d.errs.Add(d.typeError(n, v.Type(), path))
			return
		}
	}
	if err := n.Decode(v.Addr().Interface()); err != nil {
		d.errs.Add(d.typeError(n, v.Type(), path))
	}
}

// typeError reports that n cannot become a value of type t.
func (d *decoder) typeError(n *yaml.Node, t reflect.Type, path string) *diag.Error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	e := d.at(n, "%q should be %s, found %s", path, describeType(t), describeNode(n))
	switch {
	case t.Kind() == reflect.Slice && n.Kind == yaml.ScalarNode:
		e.WithHint("write a list, one item per line starting with \"- \", or in brackets: [first, second]")
	case t.Kind() == reflect.Bool:
		e.WithHint("write true or false")
	case t.Kind() == reflect.String && n.Kind == yaml.MappingNode:
		e.WithHint(`a value that contains ": " must be quoted, for example title: "Back pain: what helps"`)
	}
	return e
}

// describeType names t in words a non-programmer can follow.
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		e := t.Elem()
		if e.Kind() == reflect.Struct {
			return "a list of entries with keys " + strings.Join(keysOf(e), ", ")
		}
		return "a list of " + strings.TrimPrefix(describeType(e), "a ")
	case reflect.Struct:
		return "a group of keys (" + strings.Join(keysOf(t), ", ") + ")"
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.Map:
		return "a group of keys"
	}
	return t.String()
}

func keysOf(t reflect.Type) []string {
	names, _ := fieldsOf(t)
	return names
}

// describeNode names what n holds.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of keys"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!bool":
			return "true/false " + strconv.Quote(n.Value)
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!timestamp":
			return "the date " + n.Value
		}
		return "text " + strconv.Quote(n.Value)
	}
	return "nothing"
}

// cleanErr removes the "yaml: " prefixes the library adds.
func cleanErr(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return strings.Join(te.Errors, "; ")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
