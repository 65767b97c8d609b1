package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tidy puts a rendered part (or a field) into the shape every draft has:
// single spaces, no space before closing punctuation or after an opening
// bracket, no doubled punctuation where a field's own punctuation meets the
// template's ("Acme Inc.." → "Acme Inc.", "Yahoo!." → "Yahoo!", "at ,." →
// "at."), no empty brackets, and no punctuation opening the text. It never
// removes a letter or a digit. tidy is idempotent.
func tidy(s string) string {
	if isPlain(s) {
		return s
	}
	return tidySlow(s)
}

func tidySlow(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	pending := false // a space waits to be written before the next rune
	for i, r := range rs {
		if unicode.IsSpace(r) {
			pending = len(out) > 0
			continue
		}
		if len(out) == 0 && isSoftStop(r) && endsWord(rs, i) {
			continue // no punctuation opens a text
		}
		if isCloser(r) {
			if endsWord(rs, i) {
				pending = false
			}
			if len(out) > 0 && (!pending || isOpener(out[len(out)-1])) {
				prev := out[len(out)-1]
				switch {
				case isSoftStop(r) && isHardStop(prev):
					continue // "Yahoo!." → "Yahoo!"
				case isSoftStop(r) && isSoftStop(prev) && prev != '.':
					if r == '.' {
						out[len(out)-1] = '.' // "at,." → "at."
					}
					continue // "at,," → "at,"
				case isBracketPair(prev, r):
					out = out[:len(out)-1] // "()" goes
					if n := len(out); n > 0 && out[n-1] == ' ' {
						out = out[:n-1]
						pending = true
					}
					continue
				}
			}
		}
		if pending {
			if len(out) > 0 && !isOpener(out[len(out)-1]) {
				out = append(out, ' ')
			}
			pending = false
		}
		out = append(out, r)
	}
	return fixDots(string(out))
}

// isPlain reports whether s needs no tidying: words and single spaces,
// with punctuation only where it belongs (after a word, before the next),
// as in most rendered parts. It may say no to a string tidy would leave
// as it is; never yes to one tidy would change.
func isPlain(s string) bool {
	if s == "" {
		return true
	}
	prev := ' ' // the text starts as if after a space
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			// the common case: nothing to judge
		case r == ' ':
			if prev == ' ' || isOpener(prev) || i == len(s)-1 {
				return false
			}
		case r < ' ' || unicode.IsSpace(r) || r == utf8.RuneError:
			return false
		case isCloser(r) || isHardStop(r):
			if prev == ' ' || isOpener(prev) || isCloser(prev) || isHardStop(prev) {
				return false
			}
		case isOpener(r):
			if !(prev == ' ' || isOpener(prev)) {
				return false // "a(b" keeps, but leave the judgment to tidy
			}
		}
		prev = r
	}
	return !isOpener(prev)
}

// isCloser: punctuation that attaches to the word before it.
func isCloser(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '…', '»',
		'、', '。', '，', '！', '？', '；', '：', '）':
		return true
	}
	return false
}

// isOpener: punctuation that attaches to the word after it.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '«', '¿', '¡', '（':
		return true
	}
	return false
}

func isSoftStop(r rune) bool { return r == ',' || r == '.' || r == ';' || r == ':' }

func isHardStop(r rune) bool {
	switch r {
	case '!', '?', '…', '。', '！', '？', '‼', '⁉':
		return true
	}
	return false
}

func isBracketPair(open, close rune) bool {
	return open == '(' && close == ')' || open == '[' && close == ']' || open == '{' && close == '}' || open == '（' && close == '）'
}

// endsWord reports whether the closer at rs[i] ends a word: it is followed
// by white space, the end, or more punctuation. A full stop that starts a
// word (".NET") is not a closer.
func endsWord(rs []rune, i int) bool {
	if i+1 == len(rs) {
		return true
	}
	next := rs[i+1]
	return unicode.IsSpace(next) || isCloser(next) || unicode.IsPunct(next)
}

// fixDots turns a run of two full stops into one and a run of four or more
// into an ellipsis of three.
func fixDots(s string) string {
	if !strings.Contains(s, "..") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '.' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '.' {
			j++
		}
		switch n := j - i; {
		case n == 2:
			b.WriteByte('.')
		case n > 3:
			b.WriteString("...")
		default:
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
