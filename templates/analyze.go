package templates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"golang.org/x/text/unicode/norm"
)

// templateLine takes "template: NAME:LINE[:COL]: MSG" apart.
func templateLine(name, msg string) (int, string) {
	rest, ok := strings.CutPrefix(msg, "template: "+name+":")
	if !ok {
		return 0, msg
	}
	num, rest, _ := strings.Cut(rest, ":")
	line, err := strconv.Atoi(num)
	if err != nil {
		return 0, msg
	}
	if col, after, ok := strings.Cut(rest, ":"); ok {
		if _, err := strconv.Atoi(col); err == nil {
			rest = after
		}
	}
	return line, strings.TrimSpace(rest)
}

// walker collects the data fields a define refers to, and refuses fields
// data does not have.
type walker struct {
	tree        *parse.Tree
	needs, uses []string
	risky       bool
	err         error
}

// walk visits n; top is false inside {{if}}, {{with}} and {{range}}, and
// root is false where dot is no longer the data.
func (w *walker) walk(n parse.Node, top, root bool) {
	if w.err != nil || n == nil {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.walk(c, top, root)
		}
	case *parse.TextNode:
		w.risky = w.risky || !norm.NFC.IsNormal(n.Text) || composes(string(n.Text))
	case *parse.ActionNode:
		w.pipe(n.Pipe, top, root)
	case *parse.TemplateNode:
		w.pipe(n.Pipe, top, root)
	case *parse.IfNode:
		w.branch(&n.BranchNode, root, root)
	case *parse.WithNode:
		w.branch(&n.BranchNode, root, false)
	case *parse.RangeNode:
		w.branch(&n.BranchNode, root, false)
	}
}

func (w *walker) branch(b *parse.BranchNode, root, inner bool) {
	w.pipe(b.Pipe, false, root)
	w.walk(b.List, false, inner)
	w.walk(b.ElseList, false, root)
}

func (w *walker) pipe(p *parse.PipeNode, top, root bool) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, arg := range c.Args {
			w.arg(arg, top, root)
		}
	}
}

func (w *walker) arg(n parse.Node, top, root bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		if root {
			w.field(n, n.Ident[0], top)
		}
	case *parse.VariableNode:
		if n.Ident[0] == "$" && len(n.Ident) > 1 {
			w.field(n, n.Ident[1], top)
		}
	case *parse.ChainNode:
		w.arg(n.Node, top, root)
	case *parse.PipeNode:
		w.pipe(n, top, root)
	}
}

func (w *walker) field(n parse.Node, name string, top bool) {
	if _, ok := dataFields[name]; !ok {
		loc, _ := w.tree.ErrorContext(n)
		w.err = fmt.Errorf("template: %s: unknown field .%s: use .Name, .First, .Company, .Role, .Common, .InCommon, .Goal, .From or .FromFirst", loc, name)
		return
	}
	if !slices.Contains(w.uses, name) {
		w.uses = append(w.uses, name)
	}
	if top && !slices.Contains(w.needs, name) {
		w.needs = append(w.needs, name)
	}
}
