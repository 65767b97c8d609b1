package templates

import (
	"strings"
	"unicode"
)

// Choose returns the approach best suited to the fields t fills, then the
// other approaches in Names order (for "another approach" buttons).
//
// An approach is a candidate only when t fills the fields its required
// parts print (met needs common, advice needs goal…) and, if its header
// has a cues line, when one of those words or phrases appears in t's
// Common ("summit" for met, "post" for their-work, "university" for
// alumni): these approaches read Common as where you met, their work or
// your school. A candidate scores 2 for every field its header's suits
// line names that t fills, loses 1 for every one left empty, and scores 5
// more for a cue. The highest score wins; ties, and a target that suits
// no approach, go to the approach listed first.
func (s *Set) Choose(t Target) (best string, others []string) {
	t = t.Clean()
	filled := map[string]bool{
		"name": t.Name != "", "company": t.Company != "", "role": t.Role != "",
		"common": t.Common != "", "goal": t.Goal != "", "from": t.From != "",
	}
	ws := lowerWords(t.Common)
	bestScore := 0
	for i, name := range s.names {
		a := s.byName[name]
		score := a.score(filled, ws)
		if i == 0 || score > bestScore {
			best, bestScore = name, score
		}
	}
	for _, name := range s.names {
		if name != best {
			others = append(others, name)
		}
	}
	return best, others
}

// score rates an approach for a target; ws are the words of its Common.
func (a *approach) score(filled map[string]bool, ws []string) int {
	for _, f := range a.core {
		if !filled[f] {
			return -1000
		}
	}
	cued := hasCue(ws, a.cues)
	if len(a.cues) > 0 && !cued {
		return -1000
	}
	score := 0
	for _, f := range a.suits {
		if filled[f] {
			score += 2
		} else {
			score--
		}
	}
	if cued {
		score += 5
	}
	return score
}

func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// hasCue reports whether any cue's words appear, in order and next to
// each other, in ws.
func hasCue(ws []string, cues [][]string) bool {
	for _, c := range cues {
		for i := 0; i+len(c) <= len(ws); i++ {
			match := true
			for j, w := range c {
				if ws[i+j] != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}
