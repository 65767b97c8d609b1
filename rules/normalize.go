package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// token is one word of a normalised note.
type token struct {
	Key  string // folded, diacritics stripped, apostrophes straightened: what phrase lists match
	Orig string // the word as written (after NFKC), for capitalisation checks
	Seg  int32  // segment number: segments are separated by punctuation and line breaks

	Start, End int32 // byte offsets of the word in the normalised text
}

// zeroWidth are removed before anything else looks at a note.
var zeroWidth = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "")

var folder = cases.Fold()

// stripMarks removes combining marks after canonical decomposition, so that
// "réseau" and "reseau" share a key.
var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// normalize applies NFKC and removes zero-width characters and invalid bytes.
// ASCII text is returned as it is.
func normalize(s string) string {
	if isASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if hasZeroWidth(s) {
		s = zeroWidth.Replace(s)
	}
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	// NFKC folds non-breaking and other odd spaces to U+0020, full-width
	// letters to ASCII, ligatures to letters.
	return norm.NFKC.String(s)
}

// hasZeroWidth reports whether s holds a character zeroWidth removes.
func hasZeroWidth(s string) bool {
	for _, r := range s {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			return true
		}
	}
	return false
}

// lowerASCII lower-cases an ASCII word. A word the lexicon knows comes
// back as the lexicon's own string, so "Hi" or "Kind" cost no allocation.
func lowerASCII(w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			upper = true
			break
		}
	}
	if !upper {
		return w
	}
	if len(w) <= 32 {
		var buf [32]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if e, ok := lexicon[string(buf[:len(w)])]; ok {
			return e.word
		}
	}
	return strings.ToLower(w)
}

// foldKey turns a word into its matching key.
func foldKey(w string) string {
	if isASCII(w) {
		return lowerASCII(w)
	}
	w = folder.String(w)
	if k, _, err := transform.String(stripMarks, w); err == nil {
		w = k
	}
	return w
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '′', '`', '´':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		return c >= 'a' && c <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// isSegmentBreak reports whether r ends a segment (a clause of the note).
func isSegmentBreak(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '\n', '\r', '(', ')', '"', '“', '”', '«', '»',
		'–', '—', '…', '、', '。', '，', '！', '？', '：', '；', '|', '/':
		return true
	}
	return false
}

// tokenize splits a normalised note into words. Apostrophes inside a word
// are kept (and straightened) so that English contractions can be expanded;
// everything else that is not a letter, digit or mark separates words.
func tokenize(s string) []token { return tokenizeInto(nil, s) }

// tokenizeInto is tokenize appending to toks.
func tokenizeInto(toks []token, s string) []token {
	toks = slices.Grow(toks, len(s)/5+1) // about one word in five bytes
	var seg int32
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if isSegmentBreak(r) || (r == '-' && i > 0 && s[i-1] == ' ') {
				if r == '.' && len(toks) > 0 && toks[len(toks)-1].Seg == seg && abbreviations[toks[len(toks)-1].Key] {
					i += size
					continue
				}
				if len(toks) > 0 && toks[len(toks)-1].Seg == seg {
					seg++
				}
			}
			i += size
			continue
		}
		j := i
		apostrophes := false
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' {
					j++
					continue
				}
				if c != '\'' && c != '`' {
					break
				}
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += size
				continue
			}
			if isApostrophe(r) && j+size < len(s) {
				next, _ := utf8.DecodeRuneInString(s[j+size:])
				if unicode.IsLetter(next) {
					apostrophes = true
					j += size
					continue
				}
			}
			break
		}
		word := s[i:j]
		key := word
		if apostrophes {
			key = strings.Map(func(r rune) rune {
				if isApostrophe(r) {
					return '\''
				}
				return r
			}, word)
		}
		key = foldKey(key)
		if !apostrophes {
			toks = append(toks, token{Key: key, Orig: word, Seg: seg, Start: int32(i), End: int32(j)})
		} else {
			a, b, n := expandPair(key)
			switch n {
			case 2:
				toks = append(toks, token{Key: a, Orig: word, Seg: seg, Start: int32(i), End: int32(j)},
					token{Key: b, Orig: word, Seg: seg, Start: int32(i), End: int32(j)})
			case 1:
				toks = append(toks, token{Key: a, Orig: word, Seg: seg, Start: int32(i), End: int32(j)})
			default:
				for _, k := range expand(key) {
					toks = append(toks, token{Key: k, Orig: word, Seg: seg, Start: int32(i), End: int32(j)})
				}
			}
		}
		i = j
	}
	return toks
}

// contractions that keep their pronoun: "it's" is "it is", not a possessive.
var isContraction = map[string]string{
	"it": "is", "that": "is", "there": "is", "what": "is", "who": "is", "he": "is",
	"she": "is", "here": "is", "where": "is", "let": "us",
}

var suffixes = []struct{ suffix, word string }{
	{"n't", "not"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"}, {"'m", "am"},
}

var irregular = map[string][]string{
	"can't": {"can", "not"}, "won't": {"will", "not"}, "shan't": {"shall", "not"},
	"cannot": {"can", "not"}, "ain't": {"am", "not"},
}

// expand turns a folded word into one or more keys: English contractions
// are expanded ("i'd" → "i would"), a possessive 's is dropped, and any
// other apostrophe splits the word ("j'aimerais" → "j aimerais").
func expand(w string) []string {
	a, b, n := expandPair(w)
	switch n {
	case 1:
		return []string{a}
	case 2:
		return []string{a, b}
	}
	return strings.FieldsFunc(w, func(r rune) bool { return r == '\'' })
}

// expandPair is expand for the usual cases, without allocating: one or
// two keys, or n == 0 when the word must be split at every apostrophe.
func expandPair(w string) (a, b string, n int) {
	if !strings.Contains(w, "'") {
		return w, "", 1
	}
	if ks, ok := irregular[w]; ok {
		return ks[0], ks[1], 2
	}
	for _, s := range suffixes {
		if stem, ok := strings.CutSuffix(w, s.suffix); ok && stem != "" && !strings.Contains(stem, "'") {
			return stem, s.word, 2
		}
	}
	if stem, ok := strings.CutSuffix(w, "'s"); ok && stem != "" && !strings.Contains(stem, "'") {
		if word, ok := isContraction[stem]; ok {
			return stem, word, 2
		}
		return stem, "", 1
	}
	return "", "", 0
}

// keys returns the keys of toks.
func keys(toks []token) []string { return keysInto(nil, toks) }

// keysInto is keys appending to ks.
func keysInto(ks []string, toks []token) []string {
	ks = slices.Grow(ks, len(toks))
	for _, t := range toks {
		ks = append(ks, t.Key)
	}
	return ks
}
