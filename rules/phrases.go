package rules

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
)

// A phrase pattern is a sequence of words matched against a note's keys.
// Words are written folded and without diacritics. Besides plain words:
//
//	{a|b c|d}  one of the alternatives (an alternative may be several words or empty)
//	[a b|c]    optional words, the same as {a b|c|}; groups may nest
//	*          any one word
//	#          any one word made of digits
//
// A pattern expands into plain sequences when it is loaded, and the
// sequences of a set share a word trie, so matching at a position costs a
// map lookup per word matched (one, for most words of a note).
type phraseSet struct {
	entries []entry
	labels  []string // distinct labels in order of first use
	labelOf []int    // entry index → index into labels
	root    *trieNode
}

// trieNode is one word position of the phrase trie.
type trieNode struct {
	next map[string]*trieNode
	any  *trieNode // "*": any one word
	num  *trieNode // "#": any one number
	ends []int     // entries whose sequence ends here
}

func (n *trieNode) add(words []string, entry int) {
	for _, w := range words {
		var c **trieNode
		switch w {
		case "*":
			c = &n.any
		case "#":
			c = &n.num
		default:
			if n.next == nil {
				n.next = map[string]*trieNode{}
			}
			child := n.next[w]
			if child == nil {
				child = &trieNode{}
				n.next[w] = child
			}
			n = child
			continue
		}
		if *c == nil {
			*c = &trieNode{}
		}
		n = *c
	}
	if !slices.Contains(n.ends, entry) {
		n.ends = append(n.ends, entry)
	}
}

// match is a sequence that matches at a position: its entry and length.
type match struct{ entry, n int }

// collect appends every sequence matching at the start of ks.
func (n *trieNode) collect(ks []string, depth int, out []match) []match {
	for _, e := range n.ends {
		out = append(out, match{e, depth})
	}
	if len(ks) == 0 {
		return out
	}
	if c := n.next[ks[0]]; c != nil {
		out = c.collect(ks[1:], depth+1, out)
	}
	if n.any != nil {
		out = n.any.collect(ks[1:], depth+1, out)
	}
	if n.num != nil && isNumber(ks[0]) {
		out = n.num.collect(ks[1:], depth+1, out)
	}
	return out
}

// entry is one line of a phrase data file: "label | pattern | example".
type entry struct {
	Label   string // a rule id or a language code
	Pattern string
	Example string // a note that the pattern must match (the data's own test)
	Line    int
}

// hit is one match of a phrase in a note's words: words [Start, End).
type hit struct {
	Start, End int
	Entry      int
}

// parseEntries reads a data file of "label | pattern | example" lines.
// Blank lines and lines starting with "# " are skipped.
func parseEntries(name, data string) ([]entry, error) {
	var es []entry
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "# ") || line == "#" {
			continue
		}
		f := strings.Split(line, "|")
		// The pattern itself may hold "|" inside {…}; rejoin the middle.
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want \"label | pattern | example\", got %q", name, n, line)
		}
		label := strings.TrimSpace(f[0])
		example := strings.TrimSpace(f[len(f)-1])
		pattern := strings.TrimSpace(strings.Join(f[1:len(f)-1], "|"))
		if label == "" || pattern == "" || example == "" {
			return nil, fmt.Errorf("%s:%d: empty label, pattern or example", name, n)
		}
		es = append(es, entry{Label: label, Pattern: pattern, Example: example, Line: n})
	}
	return es, sc.Err()
}

// compilePhrases expands the entries' patterns into a phraseSet.
func compilePhrases(name string, es []entry) (*phraseSet, error) {
	ps := &phraseSet{entries: es, root: &trieNode{}}
	for _, e := range es {
		l := slices.Index(ps.labels, e.Label)
		if l < 0 {
			l = len(ps.labels)
			ps.labels = append(ps.labels, e.Label)
		}
		ps.labelOf = append(ps.labelOf, l)
	}
	for i, e := range es {
		alts, err := expandPattern(e.Pattern)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, e.Line, err)
		}
		for _, words := range alts {
			if len(words) == 0 {
				return nil, fmt.Errorf("%s:%d: pattern %q can match nothing", name, e.Line, e.Pattern)
			}
			ps.root.add(words, i)
		}
	}
	return ps, nil
}

func mustCompile(name, data string) ([]entry, *phraseSet) {
	es, err := parseEntries(name, data)
	if err != nil {
		panic(err)
	}
	ps, err := compilePhrases(name, es)
	if err != nil {
		panic(err)
	}
	return es, ps
}

// expandPattern turns a pattern into every plain word sequence it matches.
func expandPattern(p string) ([][]string, error) {
	ex := expander{src: p}
	out, err := ex.sequence(0)
	if err != nil {
		return nil, err
	}
	if ex.pos < len(p) {
		return nil, fmt.Errorf("unexpected %q at %d in pattern", p[ex.pos], ex.pos)
	}
	return out, nil
}

// maxExpansion bounds how many sequences one pattern may stand for.
const maxExpansion = 4096

type expander struct {
	src string
	pos int
}

// sequence parses words and groups up to an unmatched '|', '}' or ']' (or
// the end) and returns every sequence they expand to.
func (e *expander) sequence(depth int) ([][]string, error) {
	out := [][]string{nil}
	for e.pos < len(e.src) {
		c := e.src[e.pos]
		var alts [][]string
		switch {
		case c == ' ':
			e.pos++
			continue
		case c == '|' || c == '}' || c == ']':
			if depth == 0 {
				return nil, fmt.Errorf("unmatched %q at %d in pattern", c, e.pos)
			}
			return out, nil
		case c == '{' || c == '[':
			e.pos++
			var err error
			if alts, err = e.group(depth+1, map[byte]byte{'{': '}', '[': ']'}[c]); err != nil {
				return nil, err
			}
			if c == '[' {
				alts = append(alts, nil)
			}
		default:
			end := e.pos
			for end < len(e.src) && !strings.ContainsRune(" {}[]|", rune(e.src[end])) {
				end++
			}
			alts = [][]string{{e.src[e.pos:end]}}
			e.pos = end
		}
		var next [][]string
		for _, prefix := range out {
			for _, a := range alts {
				next = append(next, append(append([]string(nil), prefix...), a...))
			}
		}
		if len(next) > maxExpansion {
			return nil, fmt.Errorf("pattern expands to more than %d sequences", maxExpansion)
		}
		out = next
	}
	if depth > 0 {
		return nil, fmt.Errorf("unclosed group in pattern")
	}
	return out, nil
}

// group parses alternatives separated by '|' up to closer.
func (e *expander) group(depth int, closer byte) ([][]string, error) {
	var alts [][]string
	for {
		seqs, err := e.sequence(depth)
		if err != nil {
			return nil, err
		}
		alts = append(alts, seqs...)
		if e.pos >= len(e.src) {
			return nil, fmt.Errorf("unclosed group in pattern")
		}
		c := e.src[e.pos]
		e.pos++
		if c == closer {
			return alts, nil
		}
		if c != '|' {
			return nil, fmt.Errorf("mismatched %q in pattern", c)
		}
	}
}

func isNumber(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	return true
}

// firsts looks up each word's child of the trie's root (nil if none).
func (ps *phraseSet) firsts(ks []string) []*trieNode {
	fs := make([]*trieNode, len(ks))
	for i, k := range ks {
		fs[i] = ps.root.next[k]
	}
	return fs
}

// labelIndex returns the index of a label, for findLabels' result; -1 if
// the set has no such label.
func (ps *phraseSet) labelIndex(label string) int { return slices.Index(ps.labels, label) }

// collectAt appends the sequences matching at ks[i:], given first, the
// root's child for ks[i] (looked up once per word by the caller).
func (ps *phraseSet) collectAt(ks []string, i int, first *trieNode, buf []match) []match {
	if first != nil {
		buf = first.collect(ks[i+1:], 1, buf)
	}
	if ps.root.any != nil {
		buf = ps.root.any.collect(ks[i+1:], 1, buf)
	}
	if ps.root.num != nil && isNumber(ks[i]) {
		buf = ps.root.num.collect(ks[i+1:], 1, buf)
	}
	return buf
}

// findLabels is find with overlaps allowed between entries of different
// labels: each label's matches are leftmost-longest and non-overlapping
// among themselves, in one pass over ks for every label at once. The
// result is indexed by label (see labelIndex); firsts are the root's
// children for each word, already looked up.
func (ps *phraseSet) findLabels(ks []string, firsts []*trieNode) [][]hit {
	out := make([][]hit, len(ps.labels))
	var nextArr [16]int
	var bestArr [16]match
	next, best := nextArr[:0], bestArr[:0] // on the stack for up to 16 labels
	if len(ps.labels) > len(nextArr) {
		next, best = make([]int, 0, len(ps.labels)), make([]match, 0, len(ps.labels))
	}
	next, best = next[:len(ps.labels)], best[:len(ps.labels)] // next: per label, the first word a new match may start at
	var buf []match
	for i := range ks {
		buf = ps.collectAt(ks, i, firsts[i], buf[:0])
		if len(buf) == 0 {
			continue
		}
		clear(best)
		for _, m := range buf {
			l := ps.labelOf[m.entry]
			if i >= next[l] && m.n > best[l].n {
				best[l] = m
			}
		}
		for l, m := range best {
			if m.n > 0 {
				out[l] = append(out[l], hit{Start: i, End: i + m.n, Entry: m.entry})
				next[l] = i + m.n
			}
		}
	}
	return out
}

// line returns the data file line of the entry behind h.
func (ps *phraseSet) line(h hit) int { return ps.entries[h.Entry].Line }

// find returns the non-overlapping matches in ks, leftmost first and the
// longest at each position.
func (ps *phraseSet) find(ks []string) []hit { return ps.findFirsts(ks, ps.firsts(ks)) }

// findFirsts is find with the root's children already looked up.
func (ps *phraseSet) findFirsts(ks []string, firsts []*trieNode) []hit {
	var hits []hit
	var buf []match
	for i := 0; i < len(ks); {
		buf = ps.collectAt(ks, i, firsts[i], buf[:0])
		var best match
		for _, m := range buf {
			if m.n > best.n {
				best = m
			}
		}
		if best.n == 0 {
			i++
			continue
		}
		hits = append(hits, hit{Start: i, End: i + best.n, Entry: best.entry})
		i += best.n
	}
	return hits
}

// prefixLen returns the length of the longest sequence matching at ks[0:],
// or 0.
func (ps *phraseSet) prefixLen(ks []string) int {
	best := 0
	var arr [8]match
	for _, m := range ps.root.collect(ks, 0, arr[:0]) {
		best = max(best, m.n)
	}
	return best
}
