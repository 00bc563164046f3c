package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/i18n"
)

// call is one call of the template function t whose key is written in
// the template: {{t "reviewed_by" "reviewer" ...}}.
type call struct {
	// Key is the key asked for.
	Key string
	// Args are the names of the values given, or nil when a name is not
	// written in the template.
	Args []string
	// File and Line are where the call is: the template file's name in
	// the theme, such as "layouts/partials/review.html", and its line.
	File string
	Line int
}

// calls returns the calls of t in the templates of the set t, in the
// order of their files and lines; a call whose key is not written in the
// template (t (print "kind_" .Kind)) is left out.
func calls(t *template.Template) []call {
	var found []call
	seen := map[*parse.Tree]bool{}
	for _, tmpl := range t.Templates() {
		tree := tmpl.Tree
		if tree == nil || tree.Root == nil || seen[tree] {
			continue
		}
		seen[tree] = true
		walk(tree.Root, func(cmd *parse.CommandNode) {
			// t KEY ARGS..., or tIn LANGUAGE KEY ARGS...
			id, ok := cmd.Args[0].(*parse.IdentifierNode)
			if !ok || id.Ident != "t" && id.Ident != "tIn" {
				return
			}
			at := 1
			if id.Ident == "tIn" {
				at = 2
			}
			if len(cmd.Args) <= at {
				return
			}
			key, ok := cmd.Args[at].(*parse.StringNode)
			if !ok {
				return
			}
			c := call{Key: key.Text}
			named := true
			for i := at + 1; i < len(cmd.Args); i += 2 {
				s, ok := cmd.Args[i].(*parse.StringNode)
				if !ok {
					named = false
					break
				}
				c.Args = append(c.Args, s.Text)
			}
			if !named {
				c.Args = nil
			}
			c.File, c.Line = position(tree, cmd)
			found = append(found, c)
		})
	}
	slices.SortFunc(found, func(a, b call) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
	return slices.CompactFunc(found, func(a, b call) bool {
		return a.File == b.File && a.Line == b.Line && a.Key == b.Key && slices.Equal(a.Args, b.Args)
	})
}

// position returns the theme file and line of node n of tree.
func position(tree *parse.Tree, n parse.Node) (string, int) {
	loc, _ := tree.ErrorContext(n) // "partials/review.html:12:5"
	parts := strings.Split(loc, ":")
	file := tree.ParseName
	line := 0
	if len(parts) >= 3 {
		file = strings.Join(parts[:len(parts)-2], ":")
		line, _ = strconv.Atoi(parts[len(parts)-2])
	}
	if file == "baseof" {
		return "layouts/baseof.html", line
	}
	return "layouts/" + file, line
}

// walk calls fn for each command of the tree under n.
func walk(n parse.Node, fn func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *parse.ActionNode:
		walk(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, fn)
		}
	case *parse.CommandNode:
		fn(n)
		for _, a := range n.Args {
			walk(a, fn)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walk(n.Pipe, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(*parse.CommandNode)) {
	walk(b.Pipe, fn)
	walk(b.List, fn)
	if b.ElseList != nil {
		walk(b.ElseList, fn)
	}
}

// checkKeys reports each call of t, in base and the layouts, whose key a
// language of cat lacks, or whose string there uses a placeholder that
// the call does not give.
func (r *Renderer) checkKeys(cat *i18n.Catalog, base *template.Template, layouts map[string]*template.Template) diag.List {
	all := calls(base)
	for _, t := range layouts {
		all = append(all, calls(t)...)
	}
	var errs diag.List
	seen := map[string]bool{}
	for _, c := range all {
		for _, code := range cat.Langs() {
			strs := cat.Lang(code)
			var e *diag.Error
			if !strs.Has(c.Key) {
				e = &diag.Error{File: r.label(c.File), Line: c.Line,
					Msg:  fmt.Sprintf("no string %q in language %q", c.Key, code),
					Hint: fmt.Sprintf("add it to the site's %s/%s.yaml, or to the theme's %s", i18n.Dir, code, r.label(i18n.Dir+"/"+code+".yaml"))}
				if code != i18n.Reference {
					e.Hint += ", and to English's as well"
				}
			} else if c.Args != nil {
				for _, p := range strs.Placeholders(c.Key) {
					if !slices.Contains(c.Args, p) {
						e = &diag.Error{File: r.label(c.File), Line: c.Line,
							Msg: fmt.Sprintf("the string %q of language %q uses {%s}, which this t does not give", c.Key, code, p)}
						e.WithHint(`give it, such as {{t %q %q value}}, or remove {%s} from the string`, c.Key, p, p)
						break
					}
				}
			}
			if e != nil && !seen[e.Error()] {
				seen[e.Error()] = true
				errs = append(errs, e)
			}
		}
	}
	errs.Sort()
	return errs
}
