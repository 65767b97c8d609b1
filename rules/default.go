package rules

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	//go:embed data/default.txt
	defaultData string
	//go:embed data/greetings.txt
	greetingData string
	//go:embed data/signoffs.txt
	signoffData string

	defaultEntries, defaultPhrases   = mustCompile("data/default.txt", defaultData)
	greetingEntries, greetingPhrases = mustCompile("data/greetings.txt", greetingData)
	signoffEntries, signoffPhrases   = mustCompile("data/signoffs.txt", signoffData)
)

// honorifics may stand between a greeting and a name ("Dear Mr. Okafor").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true,
	"sir": true, "madam": true, "herr": true, "frau": true, "m": true, "mme": true, "sr": true,
	"sra": true, "sig": true, "dott": true, "dhr": true, "mevr": true,
}

// maxCourtesyWords bounds the words of a greeting or sign-off pattern.
const maxCourtesyWords = 8

// maxNameWords is how many name words a greeting or sign-off may carry.
const maxNameWords = 4

// maxUncasedName is the longest word, in letters, that counts as a name in
// a script without case (CJK names are two to four characters).
const maxUncasedName = 4

// DefaultMatch describes how a note uses LinkedIn's default request.
type DefaultMatch struct {
	Wording string // the canonical wording that matched (the data entry's example)
	Text    string // the words of the note that matched, as written
	Lang    string // its language
	Whole   bool   // nothing of substance besides it: the note IS the default request
}

// MatchDefault reports whether text uses LinkedIn's default request, and
// whether the note is nothing but that (Whole).
func MatchDefault(text string) (DefaultMatch, bool) {
	norm := normalize(text)
	toks := tokenize(norm)
	ks := keys(toks)
	return matchDefault(norm, toks, ks, defaultPhrases.firsts(ks))
}

func matchDefault(norm string, toks []token, ks []string, firsts []*trieNode) (DefaultMatch, bool) {
	hits := defaultPhrases.findFirsts(ks, firsts)
	covered := make([]bool, len(toks))
	var first *hit
	for i := range hits {
		h := hits[i]
		if defaultEntries[h.Entry].Label == "wrapper" {
			continue
		}
		if first == nil {
			first = &hits[i]
		}
		for j := h.Start; j < h.End; j++ {
			covered[j] = true
		}
	}
	if first == nil {
		return DefaultMatch{}, false
	}
	e := defaultEntries[first.Entry]
	m := DefaultMatch{Wording: e.Example, Lang: e.Label, Text: norm[toks[first.Start].Start:toks[first.End-1].End]}
	for _, h := range hits {
		if defaultEntries[h.Entry].Label == "wrapper" {
			coverWrapper(toks, covered, h, hits)
		}
	}
	m.Whole = onlyCourtesy(toks, covered, first.Start)
	return m, true
}

// coverWrapper marks the group-member preamble: the member's name before it
// in its segment, and the group's name after it up to the next default
// sentence or the end of its segment.
func coverWrapper(toks []token, covered []bool, w hit, hits []hit) {
	start := w.Start
	for start > 0 && toks[start-1].Seg == toks[w.Start].Seg {
		start--
	}
	end := w.End
	next := len(toks)
	for _, h := range hits {
		if h.Start >= w.End && defaultEntries[h.Entry].Label != "wrapper" {
			next = h.Start
			break
		}
	}
	for end < next && (end == w.End || toks[end].Seg == toks[end-1].Seg) {
		end++
	}
	for i := start; i < end; i++ {
		covered[i] = true
	}
}

// onlyCourtesy reports whether every word not covered is part of a
// greeting (before the first default sentence), a sign-off, or a name.
func onlyCourtesy(toks []token, covered []bool, firstDefault int) bool {
	for i := 0; i < len(toks); {
		if covered[i] {
			i++
			continue
		}
		// Gather the uncovered run within this segment.
		j := i
		for j < len(toks) && !covered[j] && toks[j].Seg == toks[i].Seg {
			j++
		}
		if !isCourtesy(toks[i:j], i < firstDefault) {
			return false
		}
		i = j
	}
	return true
}

// isCourtesy reports whether a run of words is a greeting (when before is
// true), a sign-off, or a bare name.
func isCourtesy(run []token, before bool) bool {
	// Greetings and sign-offs are a few words long: their first keys do.
	var arr [maxCourtesyWords]string
	ks := arr[:0]
	for _, t := range run[:min(len(run), maxCourtesyWords)] {
		ks = append(ks, t.Key)
	}
	n := 0
	if before {
		n = greetingPhrases.prefixLen(ks)
	}
	if n == 0 {
		n = signoffPhrases.prefixLen(ks)
	}
	return isName(run[n:])
}

// isName reports whether words look like a person's name: at most
// maxNameWords words (honorifics aside), each capitalised or in a script
// without case.
func isName(run []token) bool {
	words := 0
	for _, t := range run {
		if honorifics[t.Key] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Orig)
		if i := strings.IndexAny(t.Orig, "'’"); i > 0 && i <= 2 {
			// A particle before an apostrophe: d'Artagnan, O'Brien.
			r, _ = utf8.DecodeRuneInString(t.Orig[i+len(string([]rune(t.Orig[i:])[0])):])
		}
		uncased := unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r)
		if !unicode.IsUpper(r) && !uncased {
			return false
		}
		if uncased && utf8.RuneCountInString(t.Orig) > maxUncasedName {
			return false // scripts without spaces: a long run is a clause, not a name
		}
		words++
	}
	return words <= maxNameWords
}
