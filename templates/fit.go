package templates

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"connectcoach/rules"
)

// composed is a draft's text before review.
type composed struct {
	text      string
	parts     []rules.Part
	shortened []string
	dropped   []string
	fitErr    *FitError
}

const absent = -1 // the state of a part left out

// fitter renders an approach's variants for one target, each at most once,
// and works out which of them to use.
type fitter struct {
	a     *approach
	d     *data
	texts [][]string // per part and variant; "" when the variant cannot be used
	units [][]int    // UTF-16 units of texts; -1 until rendered
	base  []int      // the variant each part starts with, or absent
	err   error
}

// compose renders the approach for d and fits it to limit.
//
// Every part starts with its first variant that has its data (the base
// define, else the shorter ones in fit order); parts with none are absent.
// If that is over the limit, the fit line's steps are applied: a part's
// state is the shortest of its start and the targets of its applied steps
// (absent once dropped). The steps applied are the fewest from the end of
// the fit line: going from the last step to the first, a step is left out
// whenever the draft still fits with it out and every earlier step in.
// That keeps the parts the author listed last for as long as possible, and
// it makes fitting idempotent: fitting again to the length of the result
// gives the same result.
func (a *approach) compose(d *data, limit int) (composed, error) {
	f := newFitter(a, d)
	st := f.base
	applied := make([]bool, len(a.steps))
	if f.total(st) > limit && len(a.steps) > 0 {
		for i := range applied {
			applied[i] = true
		}
		st = f.state(applied)
		if f.total(st) <= limit {
			for i := len(applied) - 1; i >= 0; i-- {
				applied[i] = false
				if f.total(f.state(applied)) > limit {
					applied[i] = true
				}
			}
			st = f.state(applied)
		}
	}
	if f.err != nil {
		return composed{}, f.err
	}
	c := composed{parts: make([]rules.Part, 0, len(a.parts))}
	var b strings.Builder
	for p, v := range st {
		if v == absent {
			continue
		}
		text := f.texts[p][v]
		if b.Len() > 0 {
			text = " " + text
		}
		b.WriteString(text)
		c.parts = append(c.parts, rules.Part{Name: a.parts[p].name, Text: text})
	}
	c.text = b.String()
	for i, s := range a.steps {
		p := s.part
		if !applied[i] || st[p] == f.base[p] || containsName(c.shortened, a.parts[p].name) {
			continue
		}
		c.shortened = append(c.shortened, a.parts[p].name)
		if st[p] == absent {
			c.dropped = append(c.dropped, a.parts[p].name)
		}
	}
	if total := f.total(st); total > limit {
		c.fitErr = f.fitError(st, total, limit)
	}
	return c, nil
}

func containsName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

func newFitter(a *approach, d *data) *fitter {
	n := 0
	for _, p := range a.parts {
		n += len(p.variants)
	}
	texts, units := make([]string, n), make([]int, n)
	f := &fitter{a: a, d: d, texts: make([][]string, len(a.parts)), units: make([][]int, len(a.parts)), base: make([]int, len(a.parts))}
	for p, part := range a.parts {
		k := len(part.variants)
		f.texts[p], f.units[p] = texts[:k:k], units[:k:k]
		texts, units = texts[k:], units[k:]
		for v := range f.units[p] {
			f.units[p][v] = -1
		}
		f.base[p] = absent
		for v := range part.variants {
			if _, u := f.render(p, v); u > 0 {
				f.base[p] = v
				break
			}
		}
	}
	return f
}

// render returns the text of variant v of part p and its UTF-16 units;
// ("", 0) when a field it prints is empty or it renders to nothing.
func (f *fitter) render(p, v int) (string, int) {
	if u := f.units[p][v]; u >= 0 {
		return f.texts[p][v], u
	}
	vr := &f.a.parts[p].variants[v]
	text := ""
	if f.has(vr.needs) {
		var b strings.Builder
		if err := vr.tmpl.Execute(&b, f.d); err != nil {
			if f.err == nil {
				f.err = fmt.Errorf("approach %s, part %s: %w", f.a.name, vr.name, err)
			}
		} else {
			text = b.String()
			if f.d.risky || vr.risky || !isPlain(text) {
				text = settle(text)
			}
		}
	}
	f.texts[p][v], f.units[p][v] = text, units16(text)
	return f.texts[p][v], f.units[p][v]
}

func (f *fitter) has(fields []string) bool {
	for _, field := range fields {
		if f.d.get(field) == "" {
			return false
		}
	}
	return true
}

// state is the variant of each part once the applied steps are taken.
func (f *fitter) state(applied []bool) []int {
	st := append([]int(nil), f.base...)
	for i, s := range f.a.steps {
		p := s.part
		if !applied[i] || st[p] == absent {
			continue
		}
		if s.variant == absent {
			st[p] = absent
			continue
		}
		if _, u := f.render(p, s.variant); u > 0 && u < f.units[p][st[p]] {
			st[p] = s.variant
		}
	}
	return st
}

// total is the length of the draft in state st, spaces between parts
// included.
func (f *fitter) total(st []int) int {
	n, parts := 0, 0
	for p, v := range st {
		if v != absent {
			n += f.units[p][v]
			parts++
		}
	}
	if parts > 1 {
		n += parts - 1
	}
	return n
}

// fieldOrder breaks ties between fields that take the same room: the one
// listed first is named.
var fieldOrder = []string{"Goal", "Common", "Company", "Role", "From", "FromFirst", "Name", "First"}

// fitError names the field that takes the most room in the parts left in
// st, and by how much it must shrink for the draft to fit.
func (f *fitter) fitError(st []int, total, limit int) *FitError {
	e := &FitError{Approach: f.a.name, Limit: limit, Need: total}
	over := total - limit
	best, bestCount, bestRoom := "", 0, 0
	for _, field := range fieldOrder {
		val := f.d.get(field)
		if val == "" {
			continue
		}
		count := 0
		for p, v := range st {
			if v == absent {
				continue
			}
			for _, used := range f.a.parts[p].variants[v].uses {
				if used == field {
					count += strings.Count(f.texts[p][v], val)
				}
			}
		}
		if room := count * units16(val); room > bestRoom {
			best, bestCount, bestRoom = field, count, room
		}
	}
	if best == "" {
		return e
	}
	val := f.d.get(best)
	e.Field, e.FieldUnits = dataFields[best], units16(val)
	// Each unit cut from a field printed bestCount times saves bestCount
	// units, unless the cut also takes punctuation the draft shares with
	// the template ("Inc." before a full stop): try the cut, as the user
	// would make it, until the shortest draft fits.
	all := make([]bool, len(f.a.steps))
	for i := range all {
		all[i] = true
	}
	for e.Over = (over + bestCount - 1) / bestCount; e.Over < e.FieldUnits; e.Over++ {
		cut := clean(cutUnits(val, e.Over))
		if cut == "" {
			// Nothing of the field would be left: shortening it is no fix.
			e.Over = e.FieldUnits
			break
		}
		d := *f.d
		d.set(best, cut)
		g := newFitter(f.a, &d)
		if g.total(g.state(all)) <= limit || g.err != nil {
			break
		}
	}
	return e
}

// cutUnits takes whole characters off the end of s until at least n UTF-16
// units are gone.
func cutUnits(s string, n int) string {
	for n > 0 && s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		if r > 0xFFFF {
			n -= 2
		} else {
			n--
		}
	}
	return s
}

// units16 counts s in UTF-16 code units, as a browser's maxlength does.
func units16(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++ // an invalid byte counts as one U+FFFD
		}
	}
	return n
}
