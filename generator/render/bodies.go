package render

import (
	"html/template"
	"slices"
	"strings"
	"text/template/parse"
)

// bodyFields are the fields and methods of a page that read its converted
// Markdown (site.Page.Body and what is made of it).
var bodyFields = []string{"Body", "Content", "TOC", "Answers", "WordCount"}

// readsOtherBodies reports whether a template of t may show the converted
// Markdown of a page other than the one being rendered: whether, besides
// .Page.Content (and the page's other body fields) written in a layout
// where dot is the template's Data, any template reads a body field of
// anything else — a page in a range, a partial's argument, a variable.
// It errs on the side of yes: a build cache may then not reuse a page
// when another page's text changed (see generator's build cache).
func readsOtherBodies(t *template.Template) bool {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		layout := !strings.HasPrefix(tt.Tree.ParseName, "partials/")
		if foreignBody(tt.Tree.Root, layout, false) {
			return true
		}
	}
	return false
}

// foreignBody reports whether the tree under n reads a body field of
// anything but the page being rendered. layout says n is in a layout
// file, whose dot is the Data of the page, and rebound that dot is no
// longer that Data (inside range or with).
func foreignBody(n parse.Node, layout, rebound bool) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if foreignBody(c, layout, rebound) {
				return true
			}
		}
	case *parse.ActionNode:
		return foreignBody(n.Pipe, layout, rebound)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if foreignBody(c, layout, rebound) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if foreignBody(a, layout, rebound) {
				return true
			}
		}
	case *parse.IfNode:
		return foreignBody(n.Pipe, layout, rebound) || foreignBody(n.List, layout, rebound) || foreignBody(n.ElseList, layout, rebound)
	case *parse.RangeNode:
		return foreignBody(n.Pipe, layout, rebound) || foreignBody(n.List, layout, true) || foreignBody(n.ElseList, layout, true)
	case *parse.WithNode:
		return foreignBody(n.Pipe, layout, rebound) || foreignBody(n.List, layout, true) || foreignBody(n.ElseList, layout, true)
	case *parse.TemplateNode:
		return foreignBody(n.Pipe, layout, rebound)
	case *parse.FieldNode:
		return readsBody(n.Ident) && !(layout && !rebound && ownBody(n.Ident))
	case *parse.VariableNode:
		return readsBody(n.Ident) && !(layout && n.Ident[0] == "$" && ownBody(n.Ident[1:]))
	case *parse.ChainNode:
		return readsBody(n.Field) || foreignBody(n.Node, layout, rebound)
	}
	return false
}

// readsBody reports whether a chain of fields names a body field.
func readsBody(idents []string) bool {
	for _, id := range idents {
		if slices.Contains(bodyFields, id) {
			return true
		}
	}
	return false
}

// ownBody reports whether the fields, read from a page's Data, are a body
// field of its Page: Page.Content, Page.TOC and the like.
func ownBody(idents []string) bool {
	return len(idents) == 2 && idents[0] == "Page" && slices.Contains(bodyFields, idents[1])
}
