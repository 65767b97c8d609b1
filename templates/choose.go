package templates

import (
	"fmt"
	"slices"
	"strconv"
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
//
// others holds only the approaches that suit t too, best first: an
// approach that would read Common as a place you met when it names your
// job would only produce nonsense.
func (s *Set) Choose(t Target) (best string, others []string) {
	t = t.Clean()
	filled, ws := filledFields(t), lowerWords(t.Common)
	scores := map[string]int{}
	bestScore := 0
	for i, name := range s.names {
		score := s.byName[name].score(filled, ws)
		scores[name] = score
		if i == 0 || score > bestScore {
			best, bestScore = name, score
		}
	}
	for _, name := range s.names {
		if name != best && scores[name] > unsuited {
			others = append(others, name)
		}
	}
	slices.SortStableFunc(others, func(a, b string) int { return scores[b] - scores[a] })
	return best, others
}

// unsuited is the score of an approach whose required fields or cue
// words are missing.
const unsuited = -1000

// Suits reports whether the approach suits t; when it does not, why says
// what it needs, as a sentence.
func (s *Set) Suits(name string, t Target) (ok bool, why string) {
	a, found := s.byName[strings.ToLower(strings.TrimSpace(name))]
	if !found {
		return false, fmt.Sprintf("there is no approach called %q", name)
	}
	t = t.Clean()
	filled := filledFields(t)
	for _, f := range a.core {
		if !filled[f] {
			return false, fmt.Sprintf("the %s approach needs a %s= value", a.name, f)
		}
	}
	if len(a.cues) > 0 && !hasCue(lowerWords(t.Common), a.cues) {
		what, _, _ := strings.Cut(a.describe, " (common=)")
		var examples []string
		for _, c := range a.cues[:min(3, len(a.cues))] {
			examples = append(examples, strconv.Quote(strings.Join(c, " ")))
		}
		return false, fmt.Sprintf("the %s approach reads common= as %s; say so with words like %s", a.name, what, strings.Join(examples, ", "))
	}
	return true, ""
}

func filledFields(t Target) map[string]bool {
	return map[string]bool{
		"name": t.Name != "", "company": t.Company != "", "role": t.Role != "",
		"common": t.Common != "", "goal": t.Goal != "", "from": t.From != "",
	}
}

// score rates an approach for a target; ws are the words of its Common.
func (a *approach) score(filled map[string]bool, ws []string) int {
	for _, f := range a.core {
		if !filled[f] {
			return unsuited
		}
	}
	cued := hasCue(ws, a.cues)
	if len(a.cues) > 0 && !cued {
		return unsuited
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
