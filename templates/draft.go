package templates

import (
	"strings"

	"connectcoach/rules"
)

// Draft is a connection note drafted from a Target with one approach.
type Draft struct {
	Approach string
	Text     string // NFC, single spaces, never cut mid-word
	// Parts are the named parts in order (greeting, context, common, goal,
	// ask, signoff …), counted. Each part after the first starts with the
	// space that separates it from the one before, so their texts
	// concatenate to Text exactly.
	Parts     []rules.Part
	Breakdown rules.Breakdown // rules.Measure(Parts, limit)
	Report    rules.Report    // rules.Review(Text, rules.Options{Limit: limit, Parts: Parts})
	// Shortened names the parts shortened or dropped to fit, in the order
	// the approach's fit line gives them up; Dropped is those of them left
	// out entirely.
	Shortened []string
	Dropped   []string
}

// Draft writes a note to t with the named approach ("" picks one with
// Choose), fitted to limit UTF-16 units (MinLimit to MaxLimit).
//
// Parts whose data is missing are left out. When the full draft is over
// the limit, the approach's fit line is applied: parts switch to shorter
// variants or are dropped, giving up as little as the limit allows and
// never cutting a word. When even the shortest draft is over, Draft
// returns it with a *FitError naming the field to shorten. Other errors
// are *UnknownApproachError, *LimitError and *MissingFieldError, with a
// zero Draft.
func (s *Set) Draft(approach string, t Target, limit int) (Draft, error) {
	if strings.TrimSpace(approach) == "" {
		approach, _ = s.Choose(t)
	}
	a := s.lookup(approach)
	if a == nil {
		return Draft{}, &UnknownApproachError{Name: approach, Known: s.Names()}
	}
	if limit < MinLimit || limit > MaxLimit {
		return Draft{}, &LimitError{Limit: limit}
	}
	t = t.Clean()
	if t.Name == "" {
		return Draft{}, &MissingFieldError{Field: "name"}
	}
	c, err := a.compose(newData(t), limit)
	if err != nil {
		return Draft{}, err
	}
	rep := rules.Review(c.text, rules.Options{Limit: limit, Parts: c.parts})
	d := Draft{
		Approach:  a.name,
		Text:      c.text,
		Parts:     rep.Breakdown.Parts,
		Breakdown: rep.Breakdown,
		Report:    rep,
		Shortened: c.shortened,
		Dropped:   c.dropped,
	}
	if c.fitErr != nil {
		return d, c.fitErr
	}
	return d, nil
}
