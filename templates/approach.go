package templates

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/template"
)

// approach is one parsed approach file.
type approach struct {
	name, file string
	describe   string
	parts      []part
	steps      []step
	suits      []string   // target fields ("company", "goal", …)
	core       []string   // target fields the required parts print: without them the approach has no point
	cues       [][]string // lower-case word sequences
}

// part is one named part with its variants: the base define first, then
// the shorter ones in the order the fit line first names them.
type part struct {
	name     string
	required bool
	variants []variant
}

type variant struct {
	name  string             // the define's name: "ask", "ask.short"
	tmpl  *template.Template // executes that define
	needs []string           // data fields printed outside {{if}}, {{with}}, {{range}}
	uses  []string           // every data field it refers to
	risky bool               // some text in it is not NFC, or could compose with what comes before
}

// step is one entry of the fit line: move part to variant, or drop it
// (variant -1).
type step struct {
	part, variant int
}

// data is what a template sees as dot.
type data struct {
	Name      string // their full name
	First     string // the name to greet them by (Target.GreetingName)
	Company   string
	Role      string
	Common    string
	InCommon  string // Common as a clause after "I was glad to see": "you’re a civil engineer like me", "we have Stanford in common"
	Goal      string
	From      string // the user's full name
	FromFirst string // the user's first name

	risky bool // a field starts with a character NFC could combine with the one before
}

// dataFields maps each field of data to the Target field it comes from.
var dataFields = map[string]string{
	"Name": "name", "First": "name", "Company": "company", "Role": "role",
	"Common": "common", "InCommon": "common", "Goal": "goal", "From": "from", "FromFirst": "from",
}

var targetFields = []string{"name", "company", "role", "common", "goal", "from"}

func (d *data) get(field string) string {
	switch field {
	case "Name":
		return d.Name
	case "First":
		return d.First
	case "Company":
		return d.Company
	case "Role":
		return d.Role
	case "Common":
		return d.Common
	case "InCommon":
		return d.InCommon
	case "Goal":
		return d.Goal
	case "From":
		return d.From
	case "FromFirst":
		return d.FromFirst
	}
	return ""
}

func (d *data) set(field, v string) {
	switch field {
	case "Name":
		d.Name = v
	case "First":
		d.First = v
	case "Company":
		d.Company = v
	case "Role":
		d.Role = v
	case "Common":
		d.Common = v
		d.InCommon = inCommon(v)
	case "InCommon":
		d.InCommon = v
	case "Goal":
		d.Goal = v
	case "From":
		d.From = v
	case "FromFirst":
		d.FromFirst = v
	}
}

func newData(t Target) *data {
	d := &data{
		Name: t.Name, First: greetingName(t.Name), Company: t.Company, Role: t.Role,
		Common: t.Common, InCommon: inCommon(t.Common), Goal: t.Goal, From: t.From, FromFirst: firstWord(t.From),
	}
	for _, f := range []string{d.Name, d.First, d.Company, d.Role, d.Common, d.Goal, d.From, d.FromFirst} {
		d.risky = d.risky || composes(f)
	}
	return d
}

// compile parses one approach file; errors are *LoadError.
func compile(name, file, src string) (*approach, error) {
	fail := func(line int, format string, args ...any) error {
		return &LoadError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
	}
	h, line, err := parseHeader(src)
	if err != nil {
		return nil, &LoadError{File: file, Line: line, Err: err}
	}
	base := baseName(file)
	t, err := template.New(base).Parse(src)
	if err != nil {
		line, msg := templateLine(base, err.Error())
		return nil, fail(line, "%s", msg)
	}
	a := &approach{name: name, file: file, describe: h.describe, suits: h.suits, cues: h.cues}
	index := map[string]int{}
	for _, p := range h.parts {
		if _, dup := index[p]; dup {
			return nil, fail(h.lines["parts"], "part %q listed twice", p)
		}
		v, err := newVariant(t, file, base, p)
		if err != nil {
			return nil, err
		}
		if v.tmpl == nil {
			return nil, fail(h.lines["parts"], "part %q has no {{define %q}}…{{end}}", p, p)
		}
		index[p] = len(a.parts)
		a.parts = append(a.parts, part{name: p, required: h.required == nil, variants: []variant{v}})
	}
	for _, r := range h.required {
		i, ok := index[r]
		if !ok {
			return nil, fail(h.lines["required"], "required part %q is not in parts", r)
		}
		a.parts[i].required = true
	}
	for _, s := range h.fit {
		st, err := a.addStep(t, base, s, index)
		if le := (*LoadError)(nil); errors.As(err, &le) {
			return nil, err
		} else if err != nil {
			return nil, fail(h.lines["fit"], "%v", err)
		}
		a.steps = append(a.steps, st)
	}
	for _, f := range h.suits {
		if !slices.Contains(targetFields, f) {
			return nil, fail(h.lines["suits"], "suits %q: want fields among %s", f, strings.Join(targetFields, " "))
		}
	}
	for _, p := range a.parts {
		if !p.required {
			continue
		}
		for _, f := range p.variants[0].needs {
			if tf := dataFields[f]; tf != "name" && !slices.Contains(a.core, tf) {
				a.core = append(a.core, tf)
			}
		}
	}
	if err := a.trial(base); err != nil {
		return nil, err
	}
	return a, nil
}

func baseName(file string) string {
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		return file[i+1:]
	}
	return file
}

// addStep parses one fit entry: "ask.short" (use that shorter variant) or
// "-context" (drop that optional part).
func (a *approach) addStep(t *template.Template, base, s string, index map[string]int) (step, error) {
	if p, ok := strings.CutPrefix(s, "-"); ok {
		i, known := index[p]
		switch {
		case !known:
			return step{}, fmt.Errorf("fit %q: no part %q in parts", s, p)
		case a.parts[i].required:
			return step{}, fmt.Errorf("fit %q: %q is required and cannot be dropped", s, p)
		}
		return step{part: i, variant: -1}, nil
	}
	p, _, ok := strings.Cut(s, ".")
	i, known := index[p]
	if !ok || !known {
		return step{}, fmt.Errorf("fit %q: want part.variant (a shorter define such as %q) or -part (drop it)", s, "ask.short")
	}
	for j, v := range a.parts[i].variants {
		if v.name == s {
			return step{part: i, variant: j}, nil
		}
	}
	v, err := newVariant(t, a.file, base, s)
	if err != nil {
		return step{}, err
	}
	if v.tmpl == nil {
		return step{}, fmt.Errorf("fit %q: no {{define %q}}…{{end}}", s, s)
	}
	a.parts[i].variants = append(a.parts[i].variants, v)
	return step{part: i, variant: len(a.parts[i].variants) - 1}, nil
}

// newVariant looks up a define and works out which fields it uses; a nil
// tmpl means there is no such define.
func newVariant(t *template.Template, file, base, name string) (variant, error) {
	d := t.Lookup(name)
	if d == nil || d.Tree == nil {
		return variant{name: name}, nil
	}
	v := variant{name: name, tmpl: d}
	w := walker{tree: d.Tree}
	w.walk(d.Tree.Root, true, true)
	if w.err != nil {
		line, msg := templateLine(base, w.err.Error())
		return v, &LoadError{File: file, Line: line, Err: fmt.Errorf("%s", msg)}
	}
	v.needs, v.uses, v.risky = w.needs, w.uses, w.risky
	return v, nil
}

// trial executes every variant with every field filled and with only a
// name, so that mistakes only execution finds stop the load, not a draft.
func (a *approach) trial(base string) error {
	full := newData(Target{Name: "Dr. Ana María Ruiz", Company: "Acme", Role: "Engineer", Common: "a civil engineer like me", Goal: "join the team", From: "Fred Smith"})
	bare := newData(Target{Name: "Ana"})
	for _, p := range a.parts {
		for _, v := range p.variants {
			for _, d := range []*data{full, bare} {
				if err := v.tmpl.Execute(io.Discard, d); err != nil {
					line, msg := templateLine(base, err.Error())
					return &LoadError{File: a.file, Line: line, Err: fmt.Errorf("%s", msg)}
				}
			}
		}
	}
	return nil
}
