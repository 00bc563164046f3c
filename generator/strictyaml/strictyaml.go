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
	"unicode/utf8"

	"github.com/lumen-ssg/lumen/generator/diag"
	"go.yaml.in/yaml/v3"
)

// Decode parses data as one YAML mapping and decodes it into out, which must
// be a pointer to a struct. file names the document in errors and
// lineOffset is added to every line number. An empty document leaves out as
// it is. The returned Positions are valid even when there are errors.
func Decode(file string, data []byte, lineOffset int, out any) (Positions, diag.List) {
	return decode(nil, file, data, lineOffset, out)
}

// decode is Decode with the Schema of out's type, or nil.
func decode(s *Schema, file string, data []byte, lineOffset int, out any) (Positions, diag.List) {
	d := decoder{file: file, offset: lineOffset, schema: s}
	doc, errs := Parse(file, data, lineOffset)
	if doc == nil {
		return d.pos, errs
	}
	d.decodeStruct(doc, reflect.ValueOf(out).Elem(), "")
	return d.pos, d.errs
}

// Parse parses data as one YAML mapping and returns its node, for a
// document whose keys are not fields of a struct (such as a theme's
// translation files, package i18n). It reports what Decode reports before
// it looks at keys: a syntax error, an alias that expands too far, or a
// document that is not a mapping, each positioned as Decode positions it.
// An empty document returns nil and no errors; a nil node with errors
// means nothing could be read.
func Parse(file string, data []byte, lineOffset int) (*yaml.Node, diag.List) {
	if doc, ok := quickParse(data); ok {
		return doc, nil // a mapping, without aliases
	}
	d := decoder{file: file, offset: lineOffset}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		d.errs.Add(d.syntaxError(err, data))
		return nil, d.errs
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, nil
	}
	doc := root.Content[0]
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return nil, nil
	}
	if alias, extra := aliasExpansion(doc); alias != nil && extra > MaxValues {
		d.errs.Add(d.at(alias, "the alias *%s makes the YAML hold more than %d values", alias.Value, MaxValues).
			WithHint("write the values out instead of using anchors (&name) and aliases (*name)"))
		return nil, d.errs
	}
	if doc.Kind != yaml.MappingNode {
		d.errs.Add(d.notMapping(doc, data))
		return nil, d.errs
	}
	return doc, nil
}

// MaxValues is how many values a document's aliases may add once they are
// expanded. Front matter and site.yaml hold a few hundred values at most;
// a document past the limit is an "alias bomb" (a few lines whose aliases
// expand to billions of values) and is refused before it is decoded. A
// long document without aliases is not limited.
const MaxValues = 10000

// aliasExpansion returns the alias node of n whose expansion holds the
// most values (nil when n has no alias), and how many values expanding
// every alias adds to those written. Sizes are memoized per node, so the
// walk is linear in the text.
func aliasExpansion(n *yaml.Node) (*yaml.Node, int) {
	memo := map[*yaml.Node]int{}
	var best *yaml.Node
	bestSize := 0
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if n == nil {
			return 0
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = 1 // a node met again while being measured counts once
		total := 1
		if n.Kind == yaml.AliasNode {
			total += size(n.Alias)
			if total > bestSize {
				best, bestSize = n, total
			}
		}
		for _, c := range n.Content {
			total += size(c)
			if total > MaxValues*MaxValues {
				break // enough to know; keeps the count from overflowing
			}
		}
		memo[n] = total
		return total
	}
	total := size(n)
	return best, total - len(memo)
}

// notMapping reports a document that is not a mapping of keys: TOML, a
// list, or plain text.
func (d *decoder) notMapping(doc *yaml.Node, data []byte) *diag.Error {
	if line, key, value := tomlLine(data); line > 0 {
		return &diag.Error{File: d.file, Line: line + d.offset, Col: 1,
			Msg:  "written as TOML (key = value); Lumen reads YAML (key: value)",
			Hint: fmt.Sprintf("write each line as key: value, such as %s: %s", key, value)}
	}
	e := d.at(doc, "expected lines of the form \"key: value\", found %s", describeNode(doc))
	if doc.Kind == yaml.SequenceNode {
		e.WithHint("write one key per line without \"- \" in front, such as title: About us")
	} else {
		e.WithHint("write one key per line, such as title: About us")
	}
	return e
}

var tomlPattern = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$`)

// tomlLine returns the 1-based number, key and value of the first line of
// data written as TOML's key = value, or 0.
func tomlLine(data []byte) (line int, key, value string) {
	for i, l := range strings.Split(string(data), "\n") {
		if m := tomlPattern.FindStringSubmatch(l); m != nil {
			return i + 1, m[1], m[2]
		}
	}
	return 0, "", ""
}

type decoder struct {
	file   string
	offset int
	pos    Positions
	errs   diag.List
	schema *Schema // of the type decoded into, or nil
}

// at returns an error positioned at n.
func (d *decoder) at(n *yaml.Node, format string, args ...any) *diag.Error {
	return &diag.Error{File: d.file, Line: n.Line + d.offset, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// afterQuote matches a line whose quoted value is followed by more text,
// as in title: "Back pain" explained.
var afterQuote = regexp.MustCompile(`^\s*(?:- )?[^\s:"'][^:"']*:\s+("[^"]*"|'[^']*')\s*[^\s#]`)

// parserProblems are the messages of the YAML library's parser, as opposed
// to its scanner. The library numbers the lines of parser errors from 0
// and those of scanner errors from 1 (go.yaml.in/yaml/v3, parser.fail),
// so a parser error's line is one more than it says.
var parserProblems = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"did not find expected node content", "did not find expected '-' indicator",
	"did not find expected key", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"found undefined tag handle", "found duplicate %YAML directive", "found incompatible YAML document",
	"found duplicate %TAG directive",
}

// isParserProblem reports whether msg is one of parserProblems.
func isParserProblem(msg string) bool {
	for _, p := range parserProblems {
		if msg == p {
			return true
		}
	}
	return false
}

// syntaxError turns a yaml.Unmarshal error into a positioned diag.Error
// with a hint for the common causes.
func (d *decoder) syntaxError(err error, data []byte) *diag.Error {
	msg := err.Error()
	e := &diag.Error{File: d.file, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	var line int
	if m := syntaxLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		if isParserProblem(m[2]) {
			line++
		}
		e.Line = line + d.offset
		e.Msg = "invalid YAML: " + m[2]
	} else if p := strings.TrimPrefix(msg, "yaml: "); isParserProblem(p) {
		// The library leaves out a parser error's line when it is its
		// line 0: the first.
		line = 1
		e.Line = line + d.offset
	}
	if strings.Contains(msg, "mapping values are not allowed") {
		// The library gives no line for this one, or the line after it;
		// find the value with an unquoted ": " in it.
		if l, col := unquotedColon(data); l > 0 && (line == 0 || l == line || l == line-1) {
			line, e.Col = l, col
			e.Line = line + d.offset
		}
	}
	text := lineText(data, line)
	if i := strings.IndexByte(text, '\t'); i >= 0 && e.Col == 0 {
		e.Col = utf8.RuneCountInString(text[:i]) + 1
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed") && strings.ContainsAny(text, "“”‘’„«»"):
		e.WithHint(`the quotes “ ” are typographic quotes, which YAML reads as letters; write the value between straight quotes, for example title: "Back pain: what helps" (turn off smart quotes in your editor)`)
	case strings.Contains(msg, "mapping values are not allowed"):
		e.WithHint(`a value that contains ": " must be quoted, for example title: "Back pain: what helps"`)
	case strings.ContainsRune(text, '\t') || strings.Contains(msg, "found character that cannot start any token") && bytes.ContainsRune(data, '\t'):
		e.WithHint("YAML does not allow tabs for indentation; indent with spaces")
	case strings.Contains(text, " = "):
		e.WithHint("this looks like TOML; Lumen reads YAML: write key: value instead of key = value")
	case strings.Contains(msg, "already defined"):
		e.WithHint("each key may appear only once; remove or rename one of them")
	case strings.Contains(msg, "did not find expected key") && afterQuote.MatchString(text):
		e.WithHint(`text follows the closing quote of this value; put all of it inside the quotes, for example title: "Back pain, explained"`)
	case strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'"):
		e.WithHint("check the indentation of this line and the one before it; items of one list or mapping line up")
	case strings.Contains(msg, "found unexpected end of stream") || strings.Contains(msg, "found unexpected end"):
		e.WithHint("a quote or bracket opened near here is never closed")
	case strings.Contains(msg, "did not find expected ',' or"):
		e.WithHint("a list [ ] or group { } opened on this line or above is never closed, or lacks a comma between its items")
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

// unquotedColon returns the 1-based line and column of the first colon
// inside an unquoted value (after "key: ") that is itself followed by a
// space or the end of the line, or 0, 0.
func unquotedColon(data []byte) (line, col int) {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		trimmed := strings.TrimLeft(l, " -")
		k := strings.Index(trimmed, ": ")
		if k < 0 {
			continue
		}
		start := len(l) - len(trimmed) + k + 2 // byte offset of the value
		value := strings.TrimLeft(l[start:], " ")
		start = len(l) - len(value)
		if value == "" || strings.ContainsAny(value[:1], "\"'[{|>#&*!") {
			continue
		}
		j := strings.Index(value, ": ")
		if j < 0 && strings.HasSuffix(value, ":") {
			j = len(value) - 1
		}
		if j >= 0 {
			return i + 1, utf8.RuneCountInString(l[:start+j]) + 1
		}
	}
	return 0, 0
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
	keys := d.schema.keys(v.Type())
	names, fields := keys.names, keys.fields
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		p := join(path, key)
		if first := earlier(n, i); first != nil {
			d.errs.Add(d.at(k, "key %q appears twice (first at line %d)", p, first.Line+d.offset).
				WithHint("each key may appear only once; remove or rename one of them"))
			continue
		}
		d.pos.add(p, k.Line+d.offset)
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

// earlier returns the first key of mapping n before its i-th node, a key,
// that is the same key, or nil.
func earlier(n *yaml.Node, i int) *yaml.Node {
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Value == n.Content[i].Value {
			return k
		}
	}
	return nil
}

// decodeValue decodes n into v, recursing into structs and slices.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if v.CanAddr() && d.schema.unmarshaler(v.Type()) {
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
			d.pos.add(p, item.Line+d.offset)
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
