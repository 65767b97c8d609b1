package rules

// lexEntry is everything the rules know about one word, found with one
// map lookup per word of a note: where it starts phrases in the default
// and finding phrase sets, and which languages use it as a common word.
type lexEntry struct {
	def, find *trieNode // the word's child of each phrase trie's root
	stop      []uint8   // languages it is a common word in (indexes into languages)
}

var lexicon = buildLexicon()

func buildLexicon() map[string]*lexEntry {
	lex := map[string]*lexEntry{}
	get := func(w string) *lexEntry {
		e := lex[w]
		if e == nil {
			e = &lexEntry{}
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

// lookup returns the lexicon entries of keys (nil for unknown words) and
// the phrase tries' first steps, ready for findFirsts and findLabels.
func lookup(ks []string) (lex []*lexEntry, defFirsts, findFirsts []*trieNode) {
	lex = make([]*lexEntry, len(ks))
	firsts := make([]*trieNode, 2*len(ks))
	defFirsts, findFirsts = firsts[:len(ks)], firsts[len(ks):]
	for i, k := range ks {
		if e := lexicon[k]; e != nil {
			lex[i], defFirsts[i], findFirsts[i] = e, e.def, e.find
		}
	}
	return lex, defFirsts, findFirsts
}
