package rules

import (
	"slices"
	"strings"
	"sync"
)

// Options tune a review.
type Options struct {
	// Limit is the character limit to judge against, in UTF-16 units;
	// 0 means PremiumLimit.
	Limit int
	// Parts, when set, break the text down by name (a draft's template
	// parts) instead of by sentence. Their texts must concatenate to the
	// reviewed text; if they do not, the breakdown falls back to sentences.
	Parts []Part
}

// Report is everything a review says about a note: what Slack replies and
// the console render.
type Report struct {
	Text      string
	Lang      string // "en", another language code, or "und"
	Breakdown Breakdown
	// Default is set if and only if the note is LinkedIn's default request
	// (nothing of substance besides it).
	Default  *DefaultMatch
	Findings []Finding // errors first, then warnings, then tips; table order within a level
}

// Has reports whether the report holds a finding with that id.
func (r Report) Has(id string) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.ID == id })
}

// Errors returns how many error-level findings the report holds.
func (r Report) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Level == Error {
			n++
		}
	}
	return n
}

// note is a text prepared once for every rule.
type note struct {
	norm      string
	toks      []token
	keys      []string // the tokens' keys
	lang      string
	breakdown Breakdown
	def       *DefaultMatch
	hits      [][]hit // phrase hits by label index (findingPhrases.labelIndex)
	isEmpty   *bool
}

// Review counts text, detects the default request and runs every rule. It
// never fails: any string, even empty or invalid UTF-8, gets a report.
func Review(text string, opt Options) Report {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	n := &note{norm: normalize(text)}
	n.toks = tokenizeInto(sc.toks[:0], n.norm)
	sc.toks = n.toks
	n.keys = keysInto(sc.keys[:0], n.toks)
	sc.keys = n.keys
	lex, defFirsts, findFirsts := sc.lookup(n.keys)
	n.lang = detectLang(n.norm, lex)
	if opt.Parts != nil && concatenates(opt.Parts, text) {
		n.breakdown = Measure(opt.Parts, opt.Limit)
	} else {
		n.breakdown = MeasureText(text, opt.Limit)
	}
	if m, ok := matchDefault(n.norm, n.toks, n.keys, defFirsts); ok {
		n.def = &m
	}
	n.hits = findingPhrases.findLabels(n.keys, findFirsts)

	r := Report{Text: text, Lang: n.lang, Breakdown: n.breakdown}
	if n.def != nil && n.def.Whole {
		r.Default = n.def
	}
	for _, rule := range rules {
		if rule.EnglishOnly && (n.lang != "en" || r.Default != nil || n.empty()) {
			// Other languages get only the language-independent rules;
			// an empty note or a default request needs writing, not polishing.
			continue
		}
		f, ok := rule.Check(n)
		if !ok {
			continue
		}
		f.ID, f.Level, f.Positive = rule.ID, rule.Level, rule.Positive
		if f.Message == "" {
			f.Message = rule.Message
		}
		if f.Fix == "" {
			f.Fix = rule.Fix
		}
		r.Findings = append(r.Findings, f)
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int { return int(a.Level) - int(b.Level) })
	return r
}

// scratch holds the per-review slices that no Report refers to, reused
// across reviews to spare the garbage collector.
type scratch struct {
	toks   []token
	keys   []string
	lex    []*lexEntry
	firsts []*trieNode
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release clears what the slices point to (so a pooled scratch keeps no
// note alive) and returns sc to the pool. Very large ones are dropped.
func (sc *scratch) release() {
	if cap(sc.toks) > 4096 {
		return
	}
	clear(sc.toks[:cap(sc.toks)])
	clear(sc.keys[:cap(sc.keys)])
	clear(sc.lex[:cap(sc.lex)])
	clear(sc.firsts[:cap(sc.firsts)])
	scratchPool.Put(sc)
}

// lookup is lookupInto with sc's slices.
func (sc *scratch) lookup(ks []string) (lex []*lexEntry, defFirsts, findFirsts []*trieNode) {
	sc.lex = slices.Grow(sc.lex[:0], len(ks))[:len(ks)]
	sc.firsts = slices.Grow(sc.firsts[:0], 2*len(ks))[:2*len(ks)]
	return lookupInto(ks, sc.lex, sc.firsts[:len(ks)], sc.firsts[len(ks):])
}

// concatenates reports whether the parts' texts make up text exactly.
func concatenates(parts []Part, text string) bool {
	for _, p := range parts {
		rest, ok := strings.CutPrefix(text, p.Text)
		if !ok {
			return false
		}
		text = rest
	}
	return text == ""
}

// span returns the words of a hit as written.
func (n *note) span(h hit) string {
	return n.norm[n.toks[h.Start].Start:n.toks[h.End-1].End]
}

// segment returns the words of segment number i (counting segments that
// hold words).
func (n *note) segment(i int) []token {
	seg, start := -1, 0
	for k, t := range n.toks {
		if k == 0 || t.Seg != n.toks[k-1].Seg {
			seg++
			start = k
			if seg > i {
				break
			}
		}
		if seg == i && (k+1 == len(n.toks) || n.toks[k+1].Seg != t.Seg) {
			return n.toks[start : k+1]
		}
	}
	return nil
}

// empty reports whether the note says nothing: no words, or only
// greetings, sign-offs, names and a bare "let's connect".
func (n *note) empty() bool {
	if n.isEmpty != nil {
		return *n.isEmpty
	}
	e := n.computeEmpty()
	n.isEmpty = &e
	return e
}

var bareConnect = map[string]bool{"let": true, "us": true, "lets": true, "connect": true, "please": true, "with": true, "me": true, "you": true}

func (n *note) computeEmpty() bool {
	if n.def != nil {
		return false
	}
	for i := 0; i < len(n.toks); {
		j := i
		for j < len(n.toks) && n.toks[j].Seg == n.toks[i].Seg {
			j++
		}
		run := n.toks[i:j]
		if !isCourtesy(run, true) && !all(run, func(t token) bool { return bareConnect[t.Key] }) {
			return false
		}
		i = j
	}
	return true
}

func all(ts []token, f func(token) bool) bool {
	for _, t := range ts {
		if !f(t) {
			return false
		}
	}
	return true
}
