package rules

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// The two limits LinkedIn applies to a connection note, in UTF-16 units.
const (
	PremiumLimit = 300 // Premium and Sales Navigator accounts
	FreeLimit    = 200 // free (Basic) accounts
)

// Counts is the length of a text measured two ways.
type Counts struct {
	Graphemes int // user-perceived characters (grapheme clusters), spaces included
	Units     int // UTF-16 code units, as a browser's maxlength counts them
}

// Count measures s. Invalid UTF-8 bytes count as one replacement character
// each, which is what Slack and browsers turn them into.
func Count(s string) Counts {
	if isASCII(s) {
		// In ASCII every byte is one unit and one grapheme, except that
		// "\r\n" is a single grapheme cluster.
		return Counts{Graphemes: len(s) - countCRLF(s), Units: len(s)}
	}
	if n, ok := simpleLen(s); ok {
		return Counts{Graphemes: n - countCRLF(s), Units: n}
	}
	return Counts{Graphemes: uniseg.GraphemeClusterCount(s), Units: utf16Len(s)}
}

// simpleLen returns the number of runes in s and whether every rune is
// "simple": in the BMP (one UTF-16 unit) and neither extending nor joining
// a grapheme cluster (no combining marks, joiners, variation selectors,
// emoji, Hangul jamo or Indic scripts). In such text every rune is a
// cluster of its own, except "\r\n", so uniseg is not needed. It covers
// Latin, Greek and Cyrillic letters and typographic punctuation (curly
// quotes, dashes, ellipsis).
func simpleLen(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if !simpleRune(r) {
			return 0, false
		}
		n++
	}
	return n, true
}

func simpleRune(r rune) bool {
	switch {
	case r < 0x300: // ASCII, Latin-1, Latin Extended A and B, IPA, spacing modifiers
		return r != utf8.RuneError
	case r >= 0x370 && r < 0x483: // Greek and Cyrillic letters (combining marks start at U+0483)
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205E: // dashes, quotes, bullets, ellipsis, primes
		return true
	case r >= 0x20A0 && r <= 0x20C0: // currency signs
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func countCRLF(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\r' && s[i+1] == '\n' {
			n++
		}
	}
	return n
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if l := utf16.RuneLen(r); l > 0 {
			n += l
		} else {
			n++ // a surrogate code point or other invalid rune becomes U+FFFD
		}
	}
	return n
}

// Tier is the verdict for one limit.
type Tier struct {
	Limit int
	Fits  bool
	Delta int // characters left when it fits, characters over when it does not
}

func (t Tier) String() string {
	if t.Fits {
		return fmt.Sprintf("fits %d (%d left)", t.Limit, t.Delta)
	}
	return fmt.Sprintf("over %d by %d", t.Limit, t.Delta)
}

// Judge returns the verdict of units against limit.
func Judge(units, limit int) Tier {
	if units <= limit {
		return Tier{Limit: limit, Fits: true, Delta: limit - units}
	}
	return Tier{Limit: limit, Fits: false, Delta: units - limit}
}

// Costly is a character (grapheme cluster) that costs more UTF-16 units than
// the one character a person sees.
type Costly struct {
	Text  string // the cluster itself
	Kind  string // "emoji", "flag", "astral" (outside the BMP) or "decomposed"
	Units int    // units one occurrence costs
	Times int    // how often it occurs
}

// Part is one named piece of a text: a template part of a draft, or a
// sentence of a reviewed note.
type Part struct {
	Name string
	Text string
	Counts
}

// Breakdown is everything the replies say about a text's length.
type Breakdown struct {
	Total    Counts
	Limit    int
	Verdict  Tier     // against Limit
	Tiers    [2]Tier  // against 300 and 200, whatever Limit is
	Parts    []Part   // in order; their texts concatenate to the whole text
	Costly   []Costly // characters that cost extra units, in order of first use
	NFCSaves int      // units that NFC normalisation would save
}

// Over reports how many units the text is over its limit (0 when it fits).
func (b Breakdown) Over() int {
	if b.Verdict.Fits {
		return 0
	}
	return b.Verdict.Delta
}

// Measure builds the breakdown of a text made of parts against limit.
// A limit of 0 or less means PremiumLimit.
func Measure(parts []Part, limit int) Breakdown {
	if limit <= 0 {
		limit = PremiumLimit
	}
	b := Breakdown{Limit: limit, Parts: make([]Part, len(parts))}
	simple := true // every rune one unit and one cluster: nothing costs extra
	for i, p := range parts {
		p.Counts = Count(p.Text)
		b.Parts[i] = p
		b.Total.Graphemes += p.Graphemes
		b.Total.Units += p.Units
		if simple && !isASCII(p.Text) {
			_, simple = simpleLen(p.Text)
		}
	}
	b.Verdict = Judge(b.Total.Units, limit)
	b.Tiers = [2]Tier{Judge(b.Total.Units, PremiumLimit), Judge(b.Total.Units, FreeLimit)}
	if !simple {
		for _, p := range parts {
			b.Costly = addCostly(b.Costly, p.Text)
			if !norm.NFC.IsNormalString(p.Text) {
				b.NFCSaves += utf16Len(p.Text) - utf16Len(norm.NFC.String(p.Text))
			}
		}
	}
	return b
}

// MeasureText is Measure over a whole text, broken down by sentence.
func MeasureText(text string, limit int) Breakdown {
	return Measure(SentenceParts(text), limit)
}

func addCostly(list []Costly, s string) []Costly {
	index := make(map[string]int, len(list))
	for i, c := range list {
		index[c.Text] = i
	}
	state := -1
	for s != "" {
		var cluster string
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		units := utf16Len(cluster)
		if units < 2 {
			continue
		}
		if i, ok := index[cluster]; ok {
			list[i].Times++
			continue
		}
		index[cluster] = len(list)
		list = append(list, Costly{Text: cluster, Kind: costKind(cluster), Units: units, Times: 1})
	}
	return list
}

func costKind(cluster string) string {
	first, _ := utf8.DecodeRuneInString(cluster)
	switch {
	case first >= 0x1F1E6 && first <= 0x1F1FF:
		return "flag"
	case isEmoji(cluster):
		return "emoji"
	case first > 0xFFFF:
		return "astral"
	default:
		return "decomposed"
	}
}

func isEmoji(cluster string) bool {
	for _, r := range cluster {
		switch {
		case r == 0x200D || r == 0xFE0F || r == 0x20E3:
			return true
		case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF:
			return true
		case r >= 0x1F3FB && r <= 0x1F3FF:
			return true
		}
	}
	return false
}
