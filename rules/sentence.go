package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end in a full stop without ending a sentence ("Dear Mr. Okafor").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"jr": true, "sr": true, "vs": true, "etc": true, "e.g": true, "i.e": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "mx": true, "rev": true,
}

// SentenceParts splits text into sentences named "sentence 1", "sentence 2"
// and so on. A sentence ends after a run of terminal punctuation (. ! ? …
// and their CJK forms) followed by white space, or at a line break; the
// white space after it belongs to it, so the parts concatenate to text.
// Empty text gives no parts.
//
// A long text keeps its first maxSentenceParts-1 sentences as parts and
// gathers the rest into one last part ("sentences 30–412"), so that a
// breakdown stays readable and costs the same per character however many
// sentences there are.
func SentenceParts(text string) []Part {
	var parts []Part
	start := 0
	tail, tailFrom := 0, 0 // sentences gathered into the last part, and where it starts
	add := func(end int) {
		if end <= start {
			return
		}
		if len(parts) < maxSentenceParts-1 {
			parts = append(parts, Part{Name: sentenceNames[len(parts)], Text: text[start:end]})
		} else {
			if tail == 0 {
				tailFrom = start
			}
			tail++
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			add(skipSpace(text, i+size))
			i = start
			continue
		case isTerminal(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isTerminal(r2) && !isCloser(r2) {
					break
				}
				j += s2
			}
			cjk := r == '。' || r == '！' || r == '？'
			if (j == len(text) || cjk || startsWithSpace(text[j:])) && !(r == '.' && isAbbreviation(text[start:i])) {
				add(skipSpace(text, j))
				i = start
				continue
			}
			i = j
			continue
		}
		i += size
	}
	add(len(text))
	switch {
	case tail == 1:
		parts = append(parts, Part{Name: "sentence " + strconv.Itoa(maxSentenceParts), Text: text[tailFrom:]})
	case tail > 1:
		parts = append(parts, Part{Name: fmt.Sprintf("sentences %d–%d", maxSentenceParts, maxSentenceParts+tail-1), Text: text[tailFrom:]})
	}
	return parts
}

// maxSentenceParts is the most parts SentenceParts returns.
const maxSentenceParts = 30

// sentenceNames are the parts' names, made once.
var sentenceNames = func() (names [maxSentenceParts]string) {
	for i := range names {
		names[i] = "sentence " + strconv.Itoa(i+1)
	}
	return names
}()

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '‼', '⁉':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '’', '”', '»':
		return true
	}
	return false
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// isAbbreviation reports whether the text before a full stop ends in a
// known abbreviation or a single letter (an initial: "J. Smith").
func isAbbreviation(before string) bool {
	k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := strings.ToLower(before[k+1:])
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsLetter(r)
	}
	return abbreviations[word]
}
