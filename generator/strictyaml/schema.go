package strictyaml

import (
	"reflect"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// A Schema is what Decode needs to know of the type it decodes into, and
// of every type that type holds: the keys and fields of each struct, and
// which types decode themselves (yaml.Unmarshaler). Decode finds them by
// reflection, which was a fifth of the decoding of a page's front matter
// when it was done again for every document; a caller that decodes many
// documents into one type makes its Schema once (SchemaOf) and decodes
// with it. A Schema does not change once made, and is safe for concurrent
// use.
type Schema struct {
	structs   map[reflect.Type]structKeys
	unmarshal map[reflect.Type]bool
}

// structKeys are the YAML keys of a struct type, in declaration order, and
// the field each names.
type structKeys struct {
	names  []string
	fields map[string]field
}

// SchemaOf returns the Schema of t, a struct type or a pointer to one.
func SchemaOf(t reflect.Type) *Schema {
	s := &Schema{structs: map[reflect.Type]structKeys{}, unmarshal: map[reflect.Type]bool{}}
	s.add(t)
	return s
}

// add adds t and the types it holds to s.
func (s *Schema) add(t reflect.Type) {
	if _, seen := s.unmarshal[t]; seen {
		return
	}
	s.unmarshal[t] = reflect.PointerTo(t).Implements(unmarshalerType)
	switch t.Kind() {
	case reflect.Struct:
		names, fields := fieldsOf(t)
		s.structs[t] = structKeys{names, fields}
		for _, f := range fields {
			s.add(t.FieldByIndex(f.index).Type)
		}
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		s.add(t.Elem())
	}
}

// keys returns the keys of the struct type t: from s when it has them
// (s may be nil), else found now.
func (s *Schema) keys(t reflect.Type) structKeys {
	if s != nil {
		if k, ok := s.structs[t]; ok {
			return k
		}
	}
	names, fields := fieldsOf(t)
	return structKeys{names, fields}
}

// unmarshaler reports whether a value of type t decodes itself.
func (s *Schema) unmarshaler(t reflect.Type) bool {
	if s != nil {
		if u, ok := s.unmarshal[t]; ok {
			return u
		}
	}
	return reflect.PointerTo(t).Implements(unmarshalerType)
}

// Decode is the package's Decode, for a type whose Schema is s: out must
// be a pointer to the type s was made of.
func (s *Schema) Decode(file string, data []byte, lineOffset int, out any) (Positions, diag.List) {
	return decode(s, file, data, lineOffset, out)
}
