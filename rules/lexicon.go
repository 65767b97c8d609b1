package rules

// lexEntry is everything the rules know about one word, found with one
// map lookup per word of a note: where it starts phrases in the default
// and finding phrase sets, and which languages use it as a common word.
type lexEntry struct {
	word      string    // the word itself (lower case)
	def, find *trieNode // the word's child of each phrase trie's root
	stop      []uint8   // languages it is a common word in (indexes into languages)
}

var lexicon = buildLexicon()

func buildLexicon() map[string]*lexEntry {
	lex := map[string]*lexEntry{}
	get := func(w string) *lexEntry {
		e := lex[w]
		if e == nil {
			e = &lexEntry{word: w}
			lex[w] = e
		}
		return e
	}
	for w, n := range defaultPhrases.root.next {
		get(w).def = n
	}
	for w, n := range findingPhrases.root.next {
		get(w).find = n
	}
	// Words the courtesy and name checks compare, so that capitalised
	// they need no allocation either.
	for _, set := range []map[string]bool{honorifics, abbreviations, bareConnect} {
		for w := range set {
			get(w)
		}
	}
	for _, ps := range []*phraseSet{greetingPhrases, signoffPhrases} {
		for w := range ps.root.next {
			get(w)
		}
	}
	for w, langs := range stopwords {
		for _, code := range langs {
			l := languageIndex(code)
			if l < 0 {
				panic("data/stopwords.txt: unknown language " + code)
			}
			get(w).stop = append(get(w).stop, uint8(l))
		}
	}
	return lex
}

// lookupInto fills lex with the lexicon entries of keys (nil for unknown
// words) and defFirsts, findFirsts with the phrase tries' first steps,
// ready for findFirsts and findLabels. All have len(ks).
func lookupInto(ks []string, lex []*lexEntry, defFirsts, findFirsts []*trieNode) ([]*lexEntry, []*trieNode, []*trieNode) {
	for i, k := range ks {
		lex[i], defFirsts[i], findFirsts[i] = nil, nil, nil
		if e := lexicon[k]; e != nil {
			lex[i], defFirsts[i], findFirsts[i] = e, e.def, e.find
		}
	}
	return lex, defFirsts, findFirsts
}
