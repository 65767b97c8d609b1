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
// A pattern expands into plain sequences when it is loaded, so matching is
// a walk over the note's words with a map lookup per word.
type phraseSet struct {
	entries []entry
	labels  []string // distinct labels in order of first use
	labelOf []int    // entry index → index into labels
	seqs    []seq
	byFirst map[string][]int // first word → indexes into seqs
	wild    []int            // sequences that start with * or #
}

type seq struct {
	words []string
	entry int // which entry (line) of the data it came from
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
	ps := &phraseSet{entries: es, byFirst: map[string][]int{}}
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
			idx := len(ps.seqs)
			ps.seqs = append(ps.seqs, seq{words: words, entry: i})
			if w := words[0]; w == "*" || w == "#" {
				ps.wild = append(ps.wild, idx)
			} else {
				ps.byFirst[w] = append(ps.byFirst[w], idx)
			}
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

func (s seq) matchAt(ks []string, i int) bool {
	if i+len(s.words) > len(ks) {
		return false
	}
	for j, w := range s.words {
		k := ks[i+j]
		switch w {
		case "*":
		case "#":
			if !isNumber(k) {
				return false
			}
		default:
			if k != w {
				return false
			}
		}
	}
	return true
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

// findByLabel is find with overlaps allowed between entries of different
// labels: each label's matches are leftmost-longest and non-overlapping
// among themselves. It makes one pass over ks for every label at once.
func (ps *phraseSet) findByLabel(ks []string) map[string][]hit {
	out := map[string][]hit{}
	next := make([]int, len(ps.labels))   // per label: the first word a new match may start at
	bestAt := make([]int, len(ps.labels)) // per label: the longest sequence matching at i, or -1
	for i := range ks {
		for l := range bestAt {
			bestAt[l] = -1
		}
		for _, list := range [2][]int{ps.byFirst[ks[i]], ps.wild} {
			for _, idx := range list {
				s := ps.seqs[idx]
				l := ps.labelOf[s.entry]
				if i < next[l] || !s.matchAt(ks, i) {
					continue
				}
				if bestAt[l] < 0 || len(s.words) > len(ps.seqs[bestAt[l]].words) {
					bestAt[l] = idx
				}
			}
		}
		for l, idx := range bestAt {
			if idx < 0 {
				continue
			}
			n := len(ps.seqs[idx].words)
			out[ps.labels[l]] = append(out[ps.labels[l]], hit{Start: i, End: i + n, Entry: ps.seqs[idx].entry})
			next[l] = i + n
		}
	}
	return out
}

// line returns the data file line of the entry behind h.
func (ps *phraseSet) line(h hit) int { return ps.entries[h.Entry].Line }

// find returns the non-overlapping matches in ks, leftmost first and the
// longest at each position.
func (ps *phraseSet) find(ks []string) []hit {
	var hits []hit
	for i := 0; i < len(ks); {
		best := -1
		for _, idx := range ps.byFirst[ks[i]] {
			if s := ps.seqs[idx]; s.matchAt(ks, i) && (best < 0 || len(s.words) > len(ps.seqs[best].words)) {
				best = idx
			}
		}
		for _, idx := range ps.wild {
			if s := ps.seqs[idx]; s.matchAt(ks, i) && (best < 0 || len(s.words) > len(ps.seqs[best].words)) {
				best = idx
			}
		}
		if best < 0 {
			i++
			continue
		}
		n := len(ps.seqs[best].words)
		hits = append(hits, hit{Start: i, End: i + n, Entry: ps.seqs[best].entry})
		i += n
	}
	return hits
}

// prefixLen returns the length of the longest sequence matching at ks[0:],
// or 0.
func (ps *phraseSet) prefixLen(ks []string) int {
	if len(ks) == 0 {
		return 0
	}
	best := 0
	for _, list := range [2][]int{ps.byFirst[ks[0]], ps.wild} {
		for _, idx := range list {
			if s := ps.seqs[idx]; s.matchAt(ks, 0) && len(s.words) > best {
				best = len(s.words)
			}
		}
	}
	return best
}
