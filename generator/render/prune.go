package render

import (
	"fmt"
	"html/template"
	"maps"
	"text/template/parse"
)

// The states of a value that decide, without computing it, whether an
// expression of it is surely the page's own (see WriteReads).
const (
	stateOther  = iota // anything: another page, a list, a relation
	stateOwn           // the page's own, or the base's
	stateData          // the Data of the page
	stateSelf          // the page itself, reached from .Page
	stateShared        // made of the site alone (see markShared)
)

// stateOf returns the state of v.
func stateOf(v val) uint8 {
	switch {
	case v.own:
		return stateOwn
	case v.self:
		return stateSelf
	case v.v.IsValid() && v.v.Type() == dataType:
		return stateData
	}
	return stateOther
}

// prunedKey names a template of a set, pruned for a dot (and $) in a
// state.
type prunedKey struct {
	set  *template.Template
	name string
	dot  uint8
}

// prunedTree is a template as the reader follows it: its nodes but the
// pure ones, and of those the ones shared by every page (sharedNode),
// which the reader follows once per site.
type prunedTree struct {
	root   *parse.ListNode
	shared map[parse.Node]bool
}

// pruned returns the tree of the template name of set without the nodes
// that, with a dot in the state dot, surely write nothing and bind no
// variable used after them (each of their expressions is the page's own:
// its title, its front matter, the configuration), so that the reader of
// WriteReads follows only what may read other pages. It is made once per
// template and state, and shared: the reader does not change it.
func (r *Renderer) pruned(set *template.Template, name string, dot uint8) (*prunedTree, error) {
	return r.prune(set, name, dot, map[prunedKey]bool{})
}

// prune is pruned, within the pruning of the templates of open, which a
// template they call is not pruned within again (a template that calls
// itself).
func (r *Renderer) prune(set *template.Template, name string, dot uint8, open map[prunedKey]bool) (*prunedTree, error) {
	key := prunedKey{set, name, dot}
	if t, ok := r.prunes.Load(key); ok {
		return t.(*prunedTree), nil
	}
	t := set.Lookup(name)
	if t == nil || t.Tree == nil {
		return nil, fmt.Errorf("no template %q", name)
	}
	open[key] = true
	defer delete(open, key)
	p := &pruner{r: r, set: set, open: open, assigned: map[string]bool{}, shared: map[parse.Node]bool{}}
	p.findAssigned(t.Tree.Root)
	root := p.list(t.Tree.Root, dot, map[string]uint8{"$": dot})
	if root == nil {
		root = &parse.ListNode{NodeType: parse.NodeList}
	}
	if dot == stateData {
		p.markShared(root, stateData, map[string]uint8{"$": stateData})
	}
	pt := &prunedTree{root: root, shared: p.shared}
	r.prunes.Store(key, pt)
	return pt, nil
}

// pruner prunes one template of set. assigned are the variables some
// action assigns to (=): their state is never known.
type pruner struct {
	r        *Renderer
	set      *template.Template
	open     map[prunedKey]bool
	assigned map[string]bool
	shared   map[parse.Node]bool
}

// findAssigned notes the variables assigned to under n.
func (p *pruner) findAssigned(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				p.findAssigned(c)
			}
		}
	case *parse.ActionNode:
		p.assign(n.Pipe)
	case *parse.IfNode:
		p.findAssignedIn(&n.BranchNode)
	case *parse.WithNode:
		p.findAssignedIn(&n.BranchNode)
	case *parse.RangeNode:
		p.findAssignedIn(&n.BranchNode)
	}
}

func (p *pruner) findAssignedIn(b *parse.BranchNode) {
	p.assign(b.Pipe)
	p.findAssigned(b.List)
	p.findAssigned(b.ElseList)
}

func (p *pruner) assign(pipe *parse.PipeNode) {
	if pipe != nil && pipe.IsAssign {
		for _, v := range pipe.Decl {
			p.assigned[v.Ident[0]] = true
		}
	}
}

// list returns l without its pure nodes, or nil when they all are. A
// variable declared of the page's own is so for the nodes after it.
func (p *pruner) list(l *parse.ListNode, dot uint8, vars map[string]uint8) *parse.ListNode {
	if l == nil {
		return nil
	}
	out := &parse.ListNode{NodeType: parse.NodeList, Pos: l.Pos}
	scoped := false
	for _, n := range l.Nodes {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 {
			// A declaration is kept: a node after it may need its value.
			if len(a.Pipe.Decl) == 1 && !a.Pipe.IsAssign {
				if !scoped {
					vars, scoped = maps.Clone(vars), true
				}
				name := a.Pipe.Decl[0].Ident[0]
				vars[name] = stateOther
				if p.expr(a.Pipe, dot, vars) && !p.assigned[name] {
					vars[name] = stateOwn
				}
			}
			out.Nodes = append(out.Nodes, n)
			continue
		}
		if k := p.node(n, dot, vars); k != nil {
			out.Nodes = append(out.Nodes, k)
		}
	}
	if len(out.Nodes) == 0 {
		return nil
	}
	return out
}

// node returns n pruned, or nil when it is pure.
func (p *pruner) node(n parse.Node, dot uint8, vars map[string]uint8) parse.Node {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode:
		return nil
	case *parse.ActionNode:
		if p.expr(n.Pipe, dot, vars) {
			return nil
		}
		return n
	case *parse.IfNode:
		b, pure := p.branch(&n.BranchNode, dot, dot, vars)
		if pure {
			return nil
		}
		return &parse.IfNode{BranchNode: b}
	case *parse.WithNode:
		if b, pure := p.rebound(&n.BranchNode, dot, vars); !pure {
			return &parse.WithNode{BranchNode: b}
		}
		return nil
	case *parse.RangeNode:
		if b, pure := p.rebound(&n.BranchNode, dot, vars); !pure {
			return &parse.RangeNode{BranchNode: b}
		}
		return nil
	case *parse.TemplateNode:
		// A template given the page's own as its dot, all of whose
		// nodes are pure for it.
		own := (n.Pipe == nil && dot == stateOwn) || (n.Pipe != nil && len(n.Pipe.Decl) == 0 && p.expr(n.Pipe, dot, vars))
		if !own || p.open[prunedKey{p.set, n.Name, stateOwn}] {
			return n
		}
		if l, err := p.r.prune(p.set, n.Name, stateOwn, p.open); err == nil && len(l.root.Nodes) == 0 {
			return nil
		}
	}
	return n
}

// rebound is branch for a with or a range, whose body's dot is the
// value of its pipeline (or each of its elements): the page's own when
// that value is.
func (p *pruner) rebound(b *parse.BranchNode, dot uint8, vars map[string]uint8) (parse.BranchNode, bool) {
	inner := uint8(stateOther)
	if len(b.Pipe.Decl) == 0 && p.expr(b.Pipe, dot, vars) {
		inner = stateOwn
	}
	return p.branch(b, dot, inner, vars)
}

// branch returns b with its lists pruned, its body's dot in the state
// inner, and whether all of it is pure.
func (p *pruner) branch(b *parse.BranchNode, dot, inner uint8, vars map[string]uint8) (parse.BranchNode, bool) {
	c := *b
	if len(b.Pipe.Decl) > 0 {
		// The variables it declares are not followed here.
		vars = maps.Clone(vars)
		for _, v := range b.Pipe.Decl {
			vars[v.Ident[0]] = stateOther
		}
	}
	c.List = p.list(b.List, inner, vars)
	c.ElseList = p.list(b.ElseList, dot, vars)
	pure := len(b.Pipe.Decl) == 0 && p.expr(b.Pipe, dot, vars) && c.List == nil && c.ElseList == nil
	if c.List == nil {
		// A branch's list is never nil in a parsed tree.
		c.List = &parse.ListNode{NodeType: parse.NodeList, Pos: b.List.Pos}
	}
	return c, pure
}

// expr reports whether the expression n is surely the page's own.
func (p *pruner) expr(n parse.Node, dot uint8, vars map[string]uint8) bool {
	return p.made(n, dot, vars, ownRule)
}

// sharedExpr reports whether the expression n is made of the site alone.
func (p *pruner) sharedExpr(n parse.Node, dot uint8, vars map[string]uint8) bool {
	return p.made(n, dot, vars, sharedRule)
}

// A rule says what an expression is made of: of the page's own
// (ownRule), or of the site alone (sharedRule).
type rule struct {
	// chain reports whether reading idents of a value in a state is so,
	// and dot is the state of a dot that is so.
	chain func(s uint8, idents []string) bool
	dot   uint8
	// own says the rule is ownRule: a partial of partialCached is never
	// the page's own, and a function of pageFuncs given the page is.
	own bool
}

var (
	ownRule    = rule{chain: ownChain, dot: stateOwn, own: true}
	sharedRule = rule{chain: sharedChain, dot: stateShared}
)

// made reports whether the expression n is surely made as rule says.
func (p *pruner) made(n parse.Node, dot uint8, vars map[string]uint8, r rule) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot == r.dot
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return true
	case *parse.FieldNode:
		return r.chain(dot, n.Ident)
	case *parse.VariableNode:
		s, ok := vars[n.Ident[0]]
		return ok && !p.assigned[n.Ident[0]] && r.chain(s, n.Ident[1:])
	case *parse.ChainNode:
		return p.made(n.Node, dot, vars, r)
	case *parse.PipeNode:
		if n == nil {
			return true
		}
		for _, cmd := range n.Cmds {
			if !p.made(cmd, dot, vars, r) {
				return false
			}
		}
		return true
	case *parse.CommandNode:
		first := 0
		switch a := n.Args[0].(type) {
		case *parse.IdentifierNode:
			if r.own && a.Ident == "partialCached" {
				return false
			}
			if r.own && pageFuncs[a.Ident] {
				// Given the page itself, such a function reads its
				// own fields.
				for _, arg := range n.Args[1:] {
					if !p.self(arg, dot, vars) && !p.made(arg, dot, vars, r) {
						return false
					}
				}
				return true
			}
			first = 1
		case *parse.FieldNode:
			if !r.chain(dot, a.Ident) {
				return false
			}
			first = 1
		}
		for _, a := range n.Args[first:] {
			if !p.made(a, dot, vars, r) {
				return false
			}
		}
		return true
	}
	return false
}

// pageFuncs are the template functions given a page, which read only
// its own fields (see funcs).
var pageFuncs = map[string]bool{"pageTitle": true}

// self reports whether the expression n is the page itself.
func (p *pruner) self(n parse.Node, dot uint8, vars map[string]uint8) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot == stateSelf
	case *parse.FieldNode:
		return dot == stateData && len(n.Ident) == 1 && n.Ident[0] == "Page"
	case *parse.VariableNode:
		s, ok := vars[n.Ident[0]]
		return ok && !p.assigned[n.Ident[0]] && (s == stateData && len(n.Ident) == 2 && n.Ident[1] == "Page" || s == stateSelf && len(n.Ident) == 1)
	}
	return false
}

// ownChain reports whether reading idents of a value in state s gives
// the page's own.
func ownChain(s uint8, idents []string) bool {
	switch s {
	case stateOwn:
		return true
	case stateData:
		if len(idents) == 0 {
			return false
		}
		switch idents[0] {
		case "Page":
			return len(idents) > 1 && (ownMembers[idents[1]] || bodyMembers[idents[1]])
		case "Site":
			return len(idents) > 1 && ownSiteMembers[idents[1]]
		}
		return ownDataMembers[idents[0]]
	case stateSelf:
		return len(idents) > 0 && (ownMembers[idents[0]] || bodyMembers[idents[0]])
	}
	return false
}

// markShared notes, in the list l of a template whose dot is the page's
// Data, each node that reads the site alone: not the page, nor its
// structured data, nor anything made of them. Such a node reads the same
// on every page of the site (the footer's links to the About and the
// Contact pages, whether the site has articles), and the reader follows
// it once per site.
func (p *pruner) markShared(l *parse.ListNode, dot uint8, vars map[string]uint8) {
	if l == nil {
		return
	}
	vars = maps.Clone(vars)
	for _, n := range l.Nodes {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) == 1 && !a.Pipe.IsAssign {
			name := a.Pipe.Decl[0].Ident[0]
			vars[name] = stateOther
			if !p.assigned[name] && p.sharedExpr(a.Pipe, dot, vars) {
				vars[name] = stateShared
			}
			continue
		}
		if p.sharedNode(n, dot, vars) {
			p.shared[n] = true
		}
	}
}

// sharedNode reports whether following n reads the site alone.
func (p *pruner) sharedNode(n parse.Node, dot uint8, vars map[string]uint8) bool {
	switch n := n.(type) {
	case *parse.ActionNode:
		return len(n.Pipe.Decl) == 0 && p.sharedExpr(n.Pipe, dot, vars)
	case *parse.IfNode:
		return len(n.Pipe.Decl) == 0 && p.sharedExpr(n.Pipe, dot, vars) && p.sharedList(n.List, dot, vars) && p.sharedList(n.ElseList, dot, vars)
	case *parse.WithNode:
		return len(n.Pipe.Decl) == 0 && p.sharedExpr(n.Pipe, dot, vars) && p.sharedList(n.List, stateShared, vars) && p.sharedList(n.ElseList, dot, vars)
	case *parse.RangeNode:
		return len(n.Pipe.Decl) == 0 && p.sharedExpr(n.Pipe, dot, vars) && p.sharedList(n.List, stateShared, vars) && p.sharedList(n.ElseList, dot, vars)
	case *parse.TemplateNode:
		// The template's dot is all it can read.
		if n.Pipe == nil {
			return dot == stateShared
		}
		return len(n.Pipe.Decl) == 0 && p.sharedExpr(n.Pipe, dot, vars)
	}
	return false
}

// sharedList reports whether every node of l reads the site alone, a
// variable it declares of the site being so for the nodes after it.
func (p *pruner) sharedList(l *parse.ListNode, dot uint8, vars map[string]uint8) bool {
	if l == nil {
		return true
	}
	vars = maps.Clone(vars)
	for _, n := range l.Nodes {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Decl) > 0 {
			if len(a.Pipe.Decl) != 1 || a.Pipe.IsAssign || !p.sharedExpr(a.Pipe, dot, vars) {
				return false
			}
			vars[a.Pipe.Decl[0].Ident[0]] = stateShared
			continue
		}
		switch n.(type) {
		case *parse.TextNode, *parse.CommentNode:
			continue
		}
		if !p.sharedNode(n, dot, vars) {
			return false
		}
	}
	return true
}

// sharedChain reports whether reading idents of a value in state k
// gives a value made of the site alone.
func sharedChain(k uint8, idents []string) bool {
	switch k {
	case stateShared:
		return true
	case stateData:
		return len(idents) > 0 && (idents[0] == "Site" || ownDataMembers[idents[0]])
	}
	return false
}
