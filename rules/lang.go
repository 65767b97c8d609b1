package rules

import (
	"bufio"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/stopwords.txt
var stopwordData string

// stopwords maps a word to the languages it is common in.
var stopwords = parseStopwords(stopwordData)

func parseStopwords(data string) map[string][]string {
	m := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		lang, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(words) {
			m[w] = append(m[w], strings.TrimSpace(lang))
		}
	}
	return m
}

// detectLang guesses a note's language from its common words: "en" for
// English, a code from data/stopwords.txt for the others, or "und" for a
// note mostly in a script other than Latin. A note with no common word at
// all ("Hi Joe") counts as English.
func detectLang(text string, lex []*lexEntry) string {
	latin, other := 0, 0
	if isASCII(text) {
		latin = 1 // only the comparison below matters
		text = ""
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if c := byte(r) | 0x20; c >= 'a' && c <= 'z' {
				latin++
			}
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		default:
			other++
		}
	}
	if other > latin {
		return "und"
	}
	var score [len(languages)]int
	for _, e := range lex {
		if e == nil {
			continue
		}
		for _, l := range e.stop {
			score[l]++
		}
	}
	best := 0 // English unless another language has at least two common words, and more
	for l := 1; l < len(languages); l++ {
		if score[l] > score[best] && score[l] >= 2 {
			best = l
		}
	}
	return languages[best]
}

// languages are the codes of data/stopwords.txt, English first.
var languages = [...]string{"en", "fr", "es", "it", "de", "pt", "nl"}

// languageIndex returns a code's index in languages, or -1.
func languageIndex(code string) int {
	for i, l := range languages {
		if l == code {
			return i
		}
	}
	return -1
}
