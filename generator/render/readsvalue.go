package render

import (
	"fmt"
	"maps"
	"reflect"
)

// The fields and methods of values as the reader of WriteReads reads
// them, by reflection, as text/template does.

// get reads the field, method or map key id of x, as text/template does.
func (rd *reader) get(x reflect.Value, id string, args []val) (reflect.Value, error) {
	ptr := x
	if ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	m := rd.r.member(ptr.Type(), id)
	switch {
	case m.method:
		return callFunc(m.fn, args, ptr)
	case m.field != nil:
		if len(args) > 0 {
			return reflect.Value{}, errUnknown
		}
		if x = indirect(x); !x.IsValid() {
			return reflect.Value{}, errUnknown
		}
		return x.FieldByIndex(m.field), nil
	}
	x = indirect(x)
	if x.Kind() != reflect.Map {
		return reflect.Value{}, fmt.Errorf("cannot read %s", id)
	}
	if len(args) > 0 || x.Type().Key().Kind() != reflect.String {
		return reflect.Value{}, errUnknown
	}
	e := x.MapIndex(reflect.ValueOf(id).Convert(x.Type().Key()))
	if !e.IsValid() {
		return reflect.Value{}, fmt.Errorf("no key %s", id)
	}
	return e, nil
}

// memberKey names a field or method of a type.
type memberKey struct {
	t    reflect.Type
	name string
}

// memberOf is a field or method of a type, as the reader finds it.
type memberOf struct {
	// method says fn is the method, which takes the receiver first.
	method bool
	fn     reflect.Value
	// field is the index of an exported field of the type, or of the
	// struct it points to, or nil.
	field []int
}

// member returns the method or field name of t, looked up once per
// Renderer: reflect's lookups by name are slow. The table of those looked
// up is copied on each addition, so that a lookup takes no lock: after
// the first pages, nothing is added.
func (r *Renderer) member(t reflect.Type, name string) memberOf {
	key := memberKey{t, name}
	if tab := r.members.Load(); tab != nil {
		if m, ok := (*tab)[key]; ok {
			return m
		}
	}
	var m memberOf
	if meth, ok := t.MethodByName(name); ok && t.Kind() != reflect.Interface {
		m = memberOf{method: true, fn: meth.Func}
	} else if st := t; st.Kind() == reflect.Struct || st.Kind() == reflect.Pointer && st.Elem().Kind() == reflect.Struct {
		if st.Kind() == reflect.Pointer {
			st = st.Elem()
		}
		if f, ok := st.FieldByName(name); ok && f.IsExported() {
			m.field = f.Index
		}
	}
	for {
		old := r.members.Load()
		tab := map[memberKey]memberOf{key: m}
		if old != nil {
			tab = maps.Clone(*old)
			tab[key] = m
		}
		if r.members.CompareAndSwap(old, &tab) {
			return m
		}
	}
}

// callFunc calls fn with args, after recv when it is valid (a method's
// receiver), as text/template does: a second result is an error.
func callFunc(fn reflect.Value, args []val, recv reflect.Value) (reflect.Value, error) {
	t := fn.Type()
	first := 0
	if recv.IsValid() {
		first = 1
	}
	if t.IsVariadic() || t.NumIn() != first+len(args) || t.NumOut() == 0 || t.NumOut() > 2 {
		return reflect.Value{}, errUnknown
	}
	in := make([]reflect.Value, first+len(args))
	if first == 1 {
		in[0] = recv
	}
	for i, a := range args {
		want := t.In(first + i)
		i += first
		switch {
		case !a.v.IsValid():
			if !canBeNil(want) {
				return reflect.Value{}, errUnknown
			}
			in[i] = reflect.Zero(want)
		case a.v.Type().AssignableTo(want):
			in[i] = a.v
		case a.v.Kind() == reflect.Interface && !a.v.IsNil() && a.v.Elem().Type().AssignableTo(want):
			in[i] = a.v.Elem()
		default:
			return reflect.Value{}, errUnknown
		}
	}
	out := fn.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, out[1].Interface().(error)
	}
	return out[0], nil
}

func canBeNil(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}
