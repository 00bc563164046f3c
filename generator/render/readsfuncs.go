package render

// The template functions as the reader of WriteReads computes them: the
// builtins it knows, and the theme's functions (see funcs).

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"strings"
	"text/template/parse"
)

// function calls the template function name.
func (rd *reader) function(name string, argNodes []parse.Node, dot val, vars scope, final *val) (val, error) {
	switch name {
	case "and", "or":
		// Arguments are computed until one decides; each that decided
		// nothing is written as true or false.
		n := len(argNodes)
		if final != nil {
			n++
		}
		for i := range n {
			v := val{}
			if i < len(argNodes) {
				var err error
				if v, err = rd.arg(argNodes[i], dot, vars); err != nil {
					return val{}, err
				}
			} else {
				v = *final
			}
			if v.opaque {
				return rd.rest(argNodes[min(i+1, len(argNodes)):], dot, vars, final, i < len(argNodes))
			}
			if i == n-1 {
				return v, nil
			}
			if !v.own {
				rd.writeBool(truth(v.v))
			}
			if truth(v.v) == (name == "or") {
				return v, nil
			}
		}
		return val{}, errUnknown
	case "not":
		args, err := rd.args(argNodes, dot, vars, final)
		if err != nil || len(args) != 1 {
			return val{}, cmp.Or(err, errUnknown)
		}
		if args[0].opaque {
			return val{own: args[0].own, opaque: true}, nil
		}
		if !args[0].own {
			rd.writeBool(truth(args[0].v))
		}
		return val{v: reflect.ValueOf(!truth(args[0].v)), own: true}, nil
	case "len":
		args, err := rd.args(argNodes, dot, vars, final)
		if err != nil || len(args) != 1 || args[0].opaque {
			return val{}, cmp.Or(err, errUnknown)
		}
		n, ok := length(args[0].v)
		if !ok {
			return val{}, errUnknown
		}
		if !args[0].own {
			rd.writeInt(int64(n))
		}
		return val{v: reflect.ValueOf(n), own: true}, nil
	case "index":
		args, err := rd.args(argNodes, dot, vars, final)
		if err != nil || len(args) < 1 {
			return val{}, cmp.Or(err, errUnknown)
		}
		v := args[0]
		for _, k := range args[1:] {
			if !k.own && !k.opaque {
				if err := rd.write(k.v, 0); err != nil {
					return val{}, err
				}
			}
			if v.opaque || k.opaque {
				// An element of the page's own body, say, or at a
				// place it sets: the list is written in full.
				if !v.own && !v.opaque {
					if err := rd.write(v.v, 0); err != nil {
						return val{}, err
					}
				}
				v = val{own: true, opaque: true}
				continue
			}
			x := indirect(v.v)
			switch x.Kind() {
			case reflect.Slice, reflect.Array:
				i, ok := toInt(k.v)
				if !ok || i < 0 || i >= x.Len() {
					return val{}, errUnknown
				}
				v = val{v: x.Index(i), own: v.own}
			case reflect.Map:
				e := x.MapIndex(k.v)
				if !e.IsValid() {
					e = reflect.Zero(x.Type().Elem())
				}
				v = val{v: e, own: v.own}
			default:
				return val{}, errUnknown
			}
		}
		return v, nil
	case "partialCached":
		args, err := rd.args(argNodes, dot, vars, final)
		if err != nil || len(args) != 2 || !args[0].own || args[0].opaque {
			return val{}, cmp.Or(err, errUnknown)
		}
		name, _ := args[0].v.Interface().(string)
		return val{own: true, opaque: true}, rd.cached(name, args[1])
	case "dict":
		args, err := rd.args(argNodes, dot, vars, final)
		if err != nil || len(args)%2 != 0 {
			return val{}, cmp.Or(err, errUnknown)
		}
		m := make(map[string]any, len(args)/2)
		own := true
		for i := 0; i < len(args); i += 2 {
			if !args[i].own || args[i].opaque {
				return val{}, errUnknown
			}
			k, ok := args[i].v.Interface().(string)
			if !ok {
				return val{}, errUnknown
			}
			switch {
			case args[i+1].opaque:
				m[k] = notComputed{}
			case args[i+1].v.IsValid():
				m[k] = args[i+1].v.Interface()
			default:
				m[k] = nil
			}
			own = own && args[i+1].own
		}
		return val{v: reflect.ValueOf(m), own: own}, nil
	}
	args, err := rd.args(argNodes, dot, vars, final)
	if err != nil {
		return val{}, err
	}
	// What the function is given is written, and its result is then the
	// page's own.
	opaque := false
	for _, a := range args {
		if a.opaque {
			opaque = true
			continue
		}
		if !a.own {
			if err := rd.write(a.v, 0); err != nil {
				return val{}, err
			}
		}
	}
	if opaque || textFuncs[name] || strings.HasPrefix(name, "_") {
		return val{own: true, opaque: true}, nil
	}
	switch name {
	case "eq", "ne", "lt", "le", "gt", "ge":
		b, err := compare(name, args)
		return val{v: reflect.ValueOf(b), own: true}, err
	case "print", "printf", "println":
		in := make([]any, len(args))
		for i, a := range args {
			if a.v.IsValid() {
				in[i] = a.v.Interface()
			}
		}
		switch name {
		case "print":
			return val{v: reflect.ValueOf(fmt.Sprint(in...)), own: true}, nil
		case "println":
			return val{v: reflect.ValueOf(fmt.Sprintln(in...)), own: true}, nil
		}
		if len(in) == 0 {
			return val{}, errUnknown
		}
		f, ok := in[0].(string)
		if !ok {
			return val{}, errUnknown
		}
		return val{v: reflect.ValueOf(fmt.Sprintf(f, in[1:]...)), own: true}, nil
	}
	fn, ok := rd.lang.funcs[name]
	if !ok {
		return val{}, fmt.Errorf("function %q", name)
	}
	out, err := callFunc(reflect.ValueOf(fn), args, reflect.Value{})
	if err != nil {
		return val{}, err
	}
	return val{v: out, own: true}, nil
}

// rest computes the remaining arguments of an and or an or after one
// that was not computed (withFinal says the pipeline's value is among
// them), writes them in full, and returns a value not computed: it is
// one of them, or decided by the page's own.
func (rd *reader) rest(nodes []parse.Node, dot val, vars scope, final *val, withFinal bool) (val, error) {
	args, err := rd.args(nodes, dot, vars, nil)
	if err != nil {
		return val{}, err
	}
	if final != nil && withFinal {
		args = append(args, *final)
	}
	for _, x := range args {
		if !x.own {
			if err := rd.write(x.v, 0); err != nil {
				return val{}, err
			}
		}
	}
	return val{own: true, opaque: true}, nil
}

// compare is eq, ne, lt, le, gt and ge of basic values.
func compare(name string, args []val) (bool, error) {
	if len(args) < 2 {
		return false, errUnknown
	}
	key := func(v reflect.Value) (any, bool) {
		v = indirectInterface(v)
		if !v.IsValid() {
			return nil, true
		}
		switch v.Kind() {
		case reflect.String:
			return v.String(), true
		case reflect.Bool:
			return v.Bool(), true
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return float64(v.Int()), true
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return float64(v.Uint()), true
		case reflect.Float32, reflect.Float64:
			return v.Float(), true
		case reflect.Pointer:
			return v.Pointer(), true
		}
		return nil, false
	}
	a, ok := key(args[0].v)
	if !ok {
		return false, errUnknown
	}
	if name == "eq" {
		for _, b := range args[1:] {
			k, ok := key(b.v)
			if !ok {
				return false, errUnknown
			}
			if a == k {
				return true, nil
			}
		}
		return false, nil
	}
	if len(args) != 2 {
		return false, errUnknown
	}
	b, ok := key(args[1].v)
	if !ok {
		return false, errUnknown
	}
	if name == "ne" {
		return a != b, nil
	}
	var c int
	switch a := a.(type) {
	case string:
		s, ok := b.(string)
		if !ok {
			return false, errUnknown
		}
		c = strings.Compare(a, s)
	case float64:
		f, ok := b.(float64)
		if !ok {
			return false, errUnknown
		}
		c = cmp.Compare(a, f)
	default:
		return false, errUnknown
	}
	switch name {
	case "lt":
		return c < 0, nil
	case "le":
		return c <= 0, nil
	case "gt":
		return c > 0, nil
	}
	return c >= 0, nil
}

// toInt returns an index given to index as an int.
func toInt(v reflect.Value) (int, bool) {
	v = indirectInterface(v)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Uint() > math.MaxInt32 {
			return 0, false
		}
		return int(v.Uint()), true
	}
	return 0, false
}
