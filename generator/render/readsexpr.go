package render

import (
	"reflect"
	"text/template/parse"

	"github.com/lumen-ssg/lumen/generator/site"
)

// The expressions of templates as the reader of WriteReads computes
// them: pipelines, commands, arguments, and the functions it knows.

// The modes of a pipeline's value: what of it is written when it is not
// the page's own. modeNone writes nothing (the value is bound to a
// variable or a template's dot, and written where it is used).
const (
	modeNone = iota
	modeValue
	modeTruth
	modeLen
)

// pipe computes the value of pipe and writes it as mode says.
func (rd *reader) pipe(pipe *parse.PipeNode, dot val, vars scope, mode int) (val, error) {
	var v val
	for i, c := range pipe.Cmds {
		var final *val
		if i > 0 {
			final = &v
		}
		var err error
		if v, err = rd.command(c, dot, vars, final); err != nil {
			return val{}, err
		}
	}
	if v.own {
		return v, nil
	}
	switch mode {
	case modeValue:
		return v, rd.write(v.v, 0)
	case modeTruth:
		rd.writeBool(truth(v.v))
	case modeLen:
		n, _ := length(v.v)
		rd.writeInt(int64(n))
	}
	return v, nil
}

// command computes the value of one command of a pipeline; final is the
// value of the command before, its last argument.
func (rd *reader) command(c *parse.CommandNode, dot val, vars scope, final *val) (val, error) {
	switch n := c.Args[0].(type) {
	case *parse.IdentifierNode:
		return rd.function(n.Ident, c.Args[1:], dot, vars, final)
	case *parse.FieldNode:
		return rd.chain(dot, n.Ident, c.Args[1:], dot, vars, final)
	case *parse.VariableNode:
		v, ok := lookupVar(vars, n.Ident[0])
		if !ok {
			return val{}, errUnknown
		}
		return rd.chain(v, n.Ident[1:], c.Args[1:], dot, vars, final)
	case *parse.ChainNode:
		v, err := rd.arg(n.Node, dot, vars)
		if err != nil {
			return val{}, err
		}
		return rd.chain(v, n.Field, c.Args[1:], dot, vars, final)
	}
	if len(c.Args) > 1 || final != nil {
		return val{}, errUnknown
	}
	return rd.arg(c.Args[0], dot, vars)
}

// arg computes the value of one argument.
func (rd *reader) arg(n parse.Node, dot val, vars scope) (val, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.NilNode:
		return val{v: reflect.Value{}, own: true}, nil
	case *parse.StringNode:
		return val{v: reflect.ValueOf(n.Text), own: true}, nil
	case *parse.BoolNode:
		return val{v: reflect.ValueOf(n.True), own: true}, nil
	case *parse.NumberNode:
		switch {
		case n.IsInt:
			return val{v: reflect.ValueOf(int(n.Int64)), own: true}, nil
		case n.IsFloat:
			return val{v: reflect.ValueOf(n.Float64), own: true}, nil
		}
	case *parse.FieldNode:
		return rd.chain(dot, n.Ident, nil, dot, vars, nil)
	case *parse.VariableNode:
		v, ok := lookupVar(vars, n.Ident[0])
		if !ok {
			return val{}, errUnknown
		}
		return rd.chain(v, n.Ident[1:], nil, dot, vars, nil)
	case *parse.ChainNode:
		v, err := rd.arg(n.Node, dot, vars)
		if err != nil {
			return val{}, err
		}
		return rd.chain(v, n.Field, nil, dot, vars, nil)
	case *parse.PipeNode:
		return rd.pipe(n, dot, vars, modeNone)
	case *parse.IdentifierNode:
		return rd.function(n.Ident, nil, dot, vars, nil)
	}
	return val{}, errUnknown
}

// lookupVar returns the innermost variable name.
func lookupVar(vars scope, name string) (val, bool) {
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].name == name {
			return vars[i].val, true
		}
	}
	return val{}, false
}

// args computes the arguments of a function or method, final last.
func (rd *reader) args(nodes []parse.Node, dot val, vars scope, final *val) ([]val, error) {
	out := make([]val, 0, len(nodes)+1)
	for _, a := range nodes {
		v, err := rd.arg(a, dot, vars)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if final != nil {
		out = append(out, *final)
	}
	return out, nil
}

// chain reads the fields and methods idents of v in turn; the last is
// given args.
func (rd *reader) chain(v val, idents []string, argNodes []parse.Node, dot val, vars scope, final *val) (val, error) {
	if len(idents) == 0 {
		if len(argNodes) > 0 || final != nil {
			return val{}, errUnknown
		}
		return v, nil
	}
	for i, id := range idents {
		var args []val
		last := i == len(idents)-1
		if last {
			var err error
			if args, err = rd.args(argNodes, dot, vars, final); err != nil {
				return val{}, err
			}
		}
		n := len(rd.structure)
		var err error
		if v, err = rd.member(v, id, args); err != nil {
			return val{}, err
		}
		if last {
			rd.final = -1
			if len(rd.structure) == n+1 {
				rd.final = n
			}
		}
	}
	return v, nil
}

// member reads the field or method id of v, called with args.
func (rd *reader) member(v val, id string, args []val) (val, error) {
	if v.opaque {
		return val{own: true, opaque: true}, nil
	}
	own := v.own
	x := indirectInterface(v.v)
	switch {
	case !x.IsValid():
		return val{}, errUnknown
	case x.Type() == pageType:
		p := x.Interface().(*site.Page)
		if p == nil {
			return val{}, errUnknown
		}
		switch {
		case bodyMembers[id]:
			if v.self {
				// The page's own body: its file holds it, and it is
				// not converted for this.
				return val{own: true, opaque: true}, nil
			}
			// A body read in a list, which its file's sum holds, is
			// computed: a theme that shows it may measure it.
			rd.writePage(p, true)
			own = true
		case ownMembers[id]:
			if !v.self {
				rd.writePage(p, false)
			}
			if rd.r.member(x.Type(), id).method {
				// A method's value is not computed (a call by
				// reflection is slow): its file, or the summary,
				// holds it.
				return val{own: true, opaque: true}, nil
			}
			own = true
		default:
			own = false
		}
	case x.Type() == siteType:
		own = ownSiteMembers[id]
	case x.Type() == dataType:
		own = ownDataMembers[id]
	}
	if !own {
		rd.readStructure(x, id, args)
	}
	for _, a := range args {
		if a.opaque {
			return val{}, errUnknown
		}
		own = own && a.own
	}
	out, err := rd.get(x, id, args)
	if err != nil {
		return val{}, err
	}
	if e := indirectInterface(out); e.IsValid() && e.Type() == notComputedType {
		return val{own: true, opaque: true}, nil
	}
	return val{v: out, own: own, self: x.Type() == dataType && id == "Page"}, nil
}

// indirect follows pointers and interfaces to what they point to.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func indirectInterface(v reflect.Value) reflect.Value {
	for v.IsValid() && v.Kind() == reflect.Interface {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// truth reports whether v is true as text/template's if sees it.
func truth(v reflect.Value) bool {
	v = indirectInterface(v)
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Struct:
		return true
	}
	return false
}

// length returns the length of a list, map or string.
func length(v reflect.Value) (int, bool) {
	v = indirect(v)
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String, reflect.Chan:
		return v.Len(), true
	case reflect.Invalid:
		return 0, true
	}
	return 0, false
}
