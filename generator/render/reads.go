package render

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"slices"
	"sync"
	"text/template/parse"

	"github.com/lumen-ssg/lumen/generator/site"
)

// WriteReads writes to w what the HTML of page d.Page, rendered with d,
// shows of anything but the page's own file and what every page is made
// from (the theme, the configuration, the pictures, the notices): the
// values the templates of its layout read of other pages, of the site's
// lists and relations, of its structured data. Two renderings whose
// writes are the same write the same HTML, when the page's own file and
// that base are the same, so that a build cache can keep a page whose
// HTML another page's edit does not reach (a title that only that page's
// neighbours show) without rendering it.
//
// It follows the templates as Render would execute them, branch by
// branch, without writing anything, and without what surely reads only
// the page's own (pruned: its title, its front matter, the
// configuration, plain text):
//
//   - A value read of the page itself through one of its own fields or
//     methods (ownMembers: its front matter, address, title, body) is
//     what its file makes it, and is not written. A read of another
//     page that way writes that page's summary (writePage): its
//     address, kind, title, description, and the SHA-256 of its front
//     matter (and of its whole file, when the read is of its body); a
//     read of a page read before writes its address again. The
//     value of an own method (a title) is not computed; where such a
//     value decides a branch, both branches are followed.
//   - Any other value — another relation of a page (Prev, Section,
//     Tags, Author, …), a list of the site (OfKind, PageAt, …), the
//     structured data — is written where the templates use it: in full
//     where it is printed or given to a function; as whether it is
//     empty where only that decides a branch (if, with, and, or, not);
//     as its length for len and range, whose elements are read as
//     they are used.
//   - The functions that only turn what they are given into text (t,
//     link, timeTag, date, the escapers) are not called: what they are
//     given is written. The others are called, and what they are given
//     written when it is not the page's own (see funcs).
//   - A partial of partialCached, which depends on its page alone, is
//     followed once per page and build, and the SHA-256 of what it read
//     written.
//
// It returns an error when the templates do something it cannot follow
// (a function it does not know, a failed read): the page must then be
// rendered. Else it returns the page's Deps.
func (r *Renderer) WriteReads(w io.Writer, d Data) (Deps, error) {
	d, lang, err := r.dataIn(d)
	if err != nil {
		return Deps{}, err
	}
	name := r.Layout(d.Page)
	layouts, base, err := r.parsed()
	if err != nil {
		return Deps{}, err
	}
	t := layouts[name]
	if t == nil {
		return Deps{}, fmt.Errorf("no layout %q", name)
	}
	pc := lang.partials(d.Site)
	rd := &reader{r: r, lang: lang, set: t, base: base, self: d.Page, seen: map[*site.Page]bool{}, memo: &pc.reads, sharedMemo: &pc.shared, sink: w}
	rd.out = r.readBuffer()
	defer r.doneReading(rd)
	// The page's own summary: a page Lumen made up (a tag's, a section's
	// without _index.md) has no file whose sum its key holds.
	rd.writePage(d.Page, false)
	if err := rd.call("baseof", val{v: reflect.ValueOf(d)}); err != nil {
		return Deps{}, fmt.Errorf("%s: %w", name, err)
	}
	return Deps{Pages: rd.deps, Structure: rd.structure, Sure: !rd.unsure}, rd.flush()
}

// Deps is what WriteReads wrote of a page, but its own file and what
// every page is made from, depends on. Pages are the other pages whose
// summary it wrote (their front matter, or their files when the templates
// read their bodies; for a page Lumen made up, its Summary part of the
// structure), and Structure the parts of the site's structure
// (WriteStructure) the templates read, each perhaps more than once; the
// rest, where the templates show it, is the structured data
// (Data.JSONLD), which the caller makes and so knows what it is made of.
// Sure is false when the templates read of the site something
// WriteStructure does not write: then only WriteReads itself can tell
// whether what it writes changed. So a build in which none of a page's
// Pages and none of its Structure changed has the page's reads the same
// as the last build's, without following them.
type Deps struct {
	Pages     []*site.Page
	Structure []StructurePart
	Sure      bool
}

// reader follows the templates of one page (see WriteReads).
type reader struct {
	r    *Renderer
	lang *language
	set  *template.Template
	// base is baseof and the partials as parsed, whose partials
	// partialCached follows.
	base *template.Template
	// out is what the reader writes, held until it is long enough to
	// hand to sink (see spill).
	out  []byte
	sink io.Writer
	err  error
	self *site.Page
	// memo holds what partialCached partials read, by partialKey: the
	// SHA-256 of what a reader without a page of its own wrote; and
	// sharedMemo what the nodes that read the site alone read, by node.
	memo, sharedMemo *sync.Map
	// tree is the template being followed.
	tree *prunedTree
	// seen are the pages whose summary is written, and deps those and
	// the pages of summaries that partials followed once wrote (Deps);
	// structure are the parts of the structure read, and unsure says
	// the templates read of the site what WriteStructure does not write.
	// A reader of WriteStructure writes a page as its address alone
	// (addresses).
	seen      map[*site.Page]bool
	deps      []*site.Page
	structure []StructurePart
	unsure    bool
	addresses bool
	// final is the index in structure of the part the last field or
	// method of the last chain read, or -1 (see truthOnly).
	final int
	// both counts the branches walked though a condition whose value is
	// not known (a page's own body, say): an assignment to a variable
	// there is not followed.
	both  int
	depth int
}

// val is a value the templates compute, as the reader knows it.
type val struct {
	v reflect.Value
	// own says the value is made of the page's own file and the base
	// alone; opaque that it was not computed (v is not valid): a
	// function that makes text, a page's body.
	own, opaque bool
	// self says v is the page being rendered, reached from .Page.
	self bool
}

// variable is a template variable and its value.
type variable struct {
	name string
	val  val
}

// scope is the variables in scope, innermost last: an assignment changes
// the variable for every scope that has it, as in text/template.
type scope = []*variable

// errUnknown is returned where the reader cannot follow the templates.
var errUnknown = errors.New("the templates do something the build cache does not follow")

var (
	pageType = reflect.TypeFor[*site.Page]()
	siteType = reflect.TypeFor[*site.Site]()
	dataType = reflect.TypeFor[Data]()

	notComputedType = reflect.TypeFor[notComputed]()
)

// notComputed stands, in a dict, for a value the reader did not compute.
type notComputed struct{}

// ownMembers are the fields and methods of a page made of its own file
// alone (with the site's configuration and the addresses of its files),
// and bodyMembers those made of its converted Markdown. Any other is read
// as a relation: its value is written where it is used.
var (
	ownMembers = map[string]bool{"Source": true, "Kind": true, "Meta": true, "URL": true, "Permalink": true, "Slug": true,
		"NextReview": true, "ImageURL": true, "Title": true, "Common": true, "Medical": true, "IsList": true, "Lastmod": true,
		"SourcePath": true, "Description": true, "Name": true, "Lang": true, "Searchable": true, "File": true}
	bodyMembers = map[string]bool{"Body": true, "Content": true, "TOC": true, "Answers": true, "WordCount": true}
	// ownSiteMembers are those of a site made of the configuration.
	ownSiteMembers = map[string]bool{"Config": true, "Lang": true, "Prefix": true, "IsDefault": true, "Permalink": true}
	// ownDataMembers are those of Data made of what every page is.
	ownDataMembers = map[string]bool{"Notices": true, "Images": true, "Brand": true}
)

// textFuncs are the functions that turn what they are given into text:
// the reader writes what they are given and does not call them.
var textFuncs = map[string]bool{"t": true, "tIn": true, "link": true, "timeTag": true, "date": true, "messages": true,
	"contents": true, "splitBody": true, "nowrap": true, "html": true, "js": true, "urlquery": true}

// walk follows the node n with dot and vars.
func (rd *reader) walk(n parse.Node, dot val, vars scope) error {
	err := rd.node(n, dot, vars)
	if err != nil {
		var at *atNode
		if _, list := n.(*parse.ListNode); !list && !errors.As(err, &at) {
			err = &atNode{n.String(), err}
		}
	}
	return err
}

// atNode is an error of WriteReads at a node of a template.
type atNode struct {
	node string
	err  error
}

func (e *atNode) Error() string { return fmt.Sprintf("at %.80s: %v", e.node, e.err) }
func (e *atNode) Unwrap() error { return e.err }

func (rd *reader) node(n parse.Node, dot val, vars scope) error {
	switch n := n.(type) {
	case nil:
		return nil
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		top := rd.tree != nil && n == rd.tree.root && len(rd.tree.shared) > 0
		for _, c := range n.Nodes {
			if top && rd.tree.shared[c] {
				if err := rd.sharedNode(c, dot, vars); err != nil {
					return err
				}
				continue
			}
			if a, ok := c.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 {
				// A declaration lasts to the end of its list.
				var err error
				if vars, err = rd.declare(a, dot, vars); err != nil {
					return err
				}
				continue
			}
			if err := rd.walk(c, dot, vars); err != nil {
				return err
			}
		}
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	case *parse.ActionNode:
		_, err := rd.pipe(n.Pipe, dot, vars, modeValue)
		return err
	case *parse.IfNode:
		return rd.branch(n.Pipe, n.List, n.ElseList, dot, vars, false)
	case *parse.WithNode:
		return rd.branch(n.Pipe, n.List, n.ElseList, dot, vars, true)
	case *parse.RangeNode:
		return rd.rangeOver(n, dot, vars)
	case *parse.TemplateNode:
		arg := dot
		if n.Pipe != nil {
			v, err := rd.pipe(n.Pipe, dot, vars, modeNone)
			if err != nil {
				return err
			}
			arg = v
		}
		return rd.call(n.Name, arg)
	default:
		return errUnknown
	}
	return nil
}

// call follows the template name with arg as its dot.
func (rd *reader) call(name string, arg val) error {
	t, err := rd.r.pruned(rd.set, name, stateOf(arg))
	if err != nil {
		return err
	}
	if rd.depth++; rd.depth > 100 {
		return errUnknown
	}
	defer func() { rd.depth-- }()
	outer := rd.tree
	rd.tree = t
	defer func() { rd.tree = outer }()
	return rd.walk(t.root, arg, scope{{"$", arg}})
}

// sharedNode follows the node n, which reads the site alone (see
// pruner.markShared), once per site.
func (rd *reader) sharedNode(n parse.Node, dot val, vars scope) error {
	return rd.once(rd.sharedMemo, n, rd.set, func(sub *reader) error {
		sub.tree = rd.tree
		return sub.walk(n, dot, vars)
	})
}

// cached follows the partial name, called by partialCached with arg as
// its dot: once per page and build, as partialCached renders it (the
// partial depends on its page alone).
func (rd *reader) cached(name string, arg val) error {
	p, _ := indirectInterface(arg.v).Interface().(*site.Page)
	if arg.opaque || p == nil {
		return errUnknown
	}
	return rd.once(rd.memo, partialKey{name, p}, rd.base, func(sub *reader) error {
		return sub.call(name, val{v: reflect.ValueOf(p)})
	})
}

// once writes what follow makes a reader of templates set read, a reader
// of its own with no page of its own, as its SHA-256, kept in memo by key
// so that each page follows it once.
func (rd *reader) once(memo *sync.Map, key any, set *template.Template, follow func(sub *reader) error) error {
	if m, ok := memo.Load(key); ok {
		rd.followed(m.(followedOnce))
		return nil
	}
	h := sha256.New()
	sub := &reader{r: rd.r, lang: rd.lang, set: set, base: rd.base, seen: map[*site.Page]bool{}, memo: rd.memo, sharedMemo: rd.sharedMemo, depth: rd.depth, sink: h}
	sub.out = rd.r.readBuffer()
	defer rd.r.doneReading(sub)
	if err := follow(sub); err != nil {
		return err
	}
	if err := sub.flush(); err != nil {
		return err
	}
	m := followedOnce{sum: h.Sum(nil), deps: slices.Clip(sub.deps), structure: slices.Clip(sub.structure), unsure: sub.unsure}
	memo.Store(key, m)
	rd.followed(m)
	return nil
}

// followedOnce is what a reader of once wrote: the SHA-256 of it, and
// what it depends on.
type followedOnce struct {
	sum       []byte
	deps      []*site.Page
	structure []StructurePart
	unsure    bool
}

// followed writes what a reader of once wrote.
func (rd *reader) followed(m followedOnce) {
	rd.out = append(rd.out, m.sum...)
	rd.deps = append(rd.deps, m.deps...)
	rd.structure = append(rd.structure, m.structure...)
	rd.unsure = rd.unsure || m.unsure
}

// declare computes the declaration or assignment a and binds its
// variable, in the scope it returns.
func (rd *reader) declare(a *parse.ActionNode, dot val, vars scope) (scope, error) {
	v, err := rd.pipe(a.Pipe, dot, vars, modeNone)
	if err != nil {
		return vars, &atNode{a.String(), err}
	}
	vars, ok := rd.bind(a.Pipe, vars, v)
	if !ok {
		return vars, &atNode{a.String(), errUnknown}
	}
	return vars, nil
}

// bind declares or assigns the variables of pipe to v.
func (rd *reader) bind(pipe *parse.PipeNode, vars scope, v val) (scope, bool) {
	if len(pipe.Decl) != 1 {
		return vars, false
	}
	name := pipe.Decl[0].Ident[0]
	if !pipe.IsAssign {
		return append(vars, &variable{name, v}), true
	}
	if rd.both > 0 {
		return vars, false
	}
	for i := len(vars) - 1; i >= 0; i-- {
		if vars[i].name == name {
			vars[i].val = v
			return vars, true
		}
	}
	return vars, false
}

// branch follows an if or a with: the branch its value takes, or both
// when that value is the page's own and not computed.
func (rd *reader) branch(pipe *parse.PipeNode, list, elseList *parse.ListNode, dot val, vars scope, with bool) error {
	mark := len(rd.structure)
	rd.final = -1
	v, err := rd.pipe(pipe, dot, vars, modeTruth)
	if err != nil {
		return err
	}
	if !with {
		rd.truthOnly(pipe, rd.final, mark)
	}
	if len(pipe.Decl) > 0 {
		var ok bool
		if vars, ok = rd.bind(pipe, slices.Clip(vars), v); !ok {
			return errUnknown
		}
	}
	inner := dot
	if with {
		inner = v
	}
	if v.opaque {
		rd.both++
		defer func() { rd.both-- }()
		if err := rd.walk(list, inner, slices.Clip(vars)); err != nil {
			return err
		}
		return rd.walk(elseList, dot, slices.Clip(vars))
	}
	if truth(v.v) {
		return rd.walk(list, inner, slices.Clip(vars))
	}
	return rd.walk(elseList, dot, slices.Clip(vars))
}

// rangeOver follows a range over each element.
func (rd *reader) rangeOver(n *parse.RangeNode, dot val, vars scope) error {
	v, err := rd.pipe(n.Pipe, dot, vars, modeLen)
	if err != nil {
		return err
	}
	if v.opaque {
		return errUnknown
	}
	elem := func(k, e reflect.Value) error {
		ev := val{v: e, own: v.own}
		vs := slices.Clip(vars)
		switch len(n.Pipe.Decl) {
		case 1:
			vs = append(vs, &variable{n.Pipe.Decl[0].Ident[0], ev})
		case 2:
			vs = append(vs, &variable{n.Pipe.Decl[0].Ident[0], val{v: k, own: v.own}}, &variable{n.Pipe.Decl[1].Ident[0], ev})
		}
		return rd.walk(n.List, ev, vs)
	}
	x := indirect(v.v)
	count := 0
	switch x.Kind() {
	case reflect.Slice, reflect.Array:
		for i := range x.Len() {
			if err := elem(reflect.ValueOf(i), x.Index(i)); err != nil {
				return err
			}
		}
		count = x.Len()
	case reflect.Map:
		keys := x.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			if err := elem(k, x.MapIndex(k)); err != nil {
				return err
			}
		}
		count = len(keys)
	case reflect.Int, reflect.Int64, reflect.Int32:
		for i := range x.Int() {
			if err := elem(reflect.ValueOf(int(i)), reflect.ValueOf(int(i))); err != nil {
				return err
			}
		}
		count = int(x.Int())
	case reflect.Invalid:
	default:
		return errUnknown
	}
	if count == 0 {
		return rd.walk(n.ElseList, dot, slices.Clip(vars))
	}
	return nil
}
