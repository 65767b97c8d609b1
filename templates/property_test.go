package templates_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"connectcoach/rules"
	"connectcoach/templates"
	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// scripts are where random words come from: several scripts, combining
// marks, and the punctuation, emoji and odd spaces people paste.
var (
	scripts = []*unicode.RangeTable{
		unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Han, unicode.Arabic,
		unicode.Devanagari, unicode.Hangul, unicode.Hebrew, unicode.Thai, unicode.Mn,
	}
	oddRunes = []rune("’'-.,!?:;&/()\"“” \u00a0\t\n\u200b\u200d\u0301\u202e👍🏽🚀🇬🇧")
)

// word draws one word of random Unicode.
func word(t *rapid.T, label string) string {
	return rapid.StringOfN(rapid.RuneFrom(oddRunes, scripts...), 1, 14, -1).Draw(t, label)
}

// field draws a field: empty, a few random words, many (a long field), or
// an arbitrary string.
func field(t *rapid.T, label string) string {
	switch rapid.IntRange(0, 4).Draw(t, label+"-kind") {
	case 0:
		return ""
	case 1, 2:
		n := rapid.IntRange(1, 5).Draw(t, label+"-words")
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word(t, label)
		}
		return strings.Join(ws, " ")
	case 3:
		n := rapid.IntRange(10, 60).Draw(t, label+"-words")
		ws := make([]string, n)
		for i := range ws {
			ws[i] = word(t, label)
		}
		return strings.Join(ws, " ")
	default:
		return rapid.String().Draw(t, label)
	}
}

func target(t *rapid.T) templates.Target {
	return templates.Target{
		Name: field(t, "name"), Company: field(t, "company"), Role: field(t, "role"),
		Common: field(t, "common"), Goal: field(t, "goal"), From: field(t, "from"),
	}
}

// noPlaceholders empties a field that is itself a placeholder ("[x]",
// "{{x}}", "XXX"): a user who types one gets the review's error, rightly.
func noPlaceholders(tg templates.Target) templates.Target {
	c := tg.Clean()
	cleaned := []string{c.Name, c.Company, c.Role, c.Common, c.Goal, c.From}
	for i, f := range []*string{&tg.Name, &tg.Company, &tg.Role, &tg.Common, &tg.Goal, &tg.From} {
		if rules.Review(*f, rules.Options{}).Has("placeholder") || rules.Review(cleaned[i], rules.Options{}).Has("placeholder") {
			*f = ""
		}
	}
	return tg
}

// clip shortens s to at most max UTF-16 units, dropping whole words.
func clip(s string, max int) string {
	for units(s) > max {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 {
			r := []rune(s)
			for units(string(r)) > max {
				r = r[:len(r)-1]
			}
			return string(r)
		}
		s = s[:i]
	}
	return s
}

// cut takes whole characters off the end of s until at least n UTF-16
// units are gone, as a user told "shorten goal by n characters" might.
func cut(s string, n int) string {
	r := []rune(s)
	for n > 0 && len(r) > 0 {
		n -= units(string(r[len(r)-1]))
		r = r[:len(r)-1]
	}
	return string(r)
}

func units(s string) int { return rules.Count(s).Units }

// dangling finds what a clean draft never has: a space before closing
// punctuation, doubled or clashing punctuation, two full stops, a space
// after an opening bracket, empty brackets.
var dangling = regexp.MustCompile(`\s[,.;:!?)](\s|$)|[,;:][,.;:]|[!?][.,;:]|(^|[^.])\.\.($|[^.])|\.{4}|\(\s|\(\)|^[,.;:]|  |^\s|\s$`)

// checkShape asserts what holds for every draft, fitted or not.
func checkShape(t *rapid.T, tg templates.Target, d templates.Draft) {
	var joined strings.Builder
	for _, p := range d.Parts {
		joined.WriteString(p.Text)
	}
	if joined.String() != d.Text {
		t.Fatalf("parts %q do not concatenate to %q", joined.String(), d.Text)
	}
	if !norm.NFC.IsNormalString(d.Text) || !utf8.ValidString(d.Text) {
		t.Fatalf("draft %q is not valid NFC", d.Text)
	}
	if name := tg.GreetingName(); name == "" || !strings.Contains(d.Text, name) {
		t.Fatalf("draft %q lacks the greeting name %q", d.Text, name)
	}
	if m := dangling.FindString(d.Text); m != "" {
		t.Fatalf("draft %q has %q", d.Text, m)
	}
	if d.Breakdown.Total.Units != units(d.Text) {
		t.Fatalf("breakdown counts %d units, the text has %d", d.Breakdown.Total.Units, units(d.Text))
	}
}

// checkErrors asserts the review finds no error, or only over-limit when
// the draft could not fit.
func checkErrors(t *rapid.T, d templates.Draft, fitted bool) {
	for _, f := range d.Report.Findings {
		if f.Level == rules.Error && (fitted || f.ID != "over-limit") {
			t.Fatalf("review of %q: error %s (%s) %q", d.Text, f.ID, f.Message, f.Match)
		}
	}
}

// TestDraftProperties drafts random targets (long fields, random Unicode)
// with every approach at 300, at 200, or at any limit from 50 to 1000. A
// draft either fits, or comes with a
// FitError whose advice works: shortening the named field by Over makes
// the next draft fit.
func TestDraftProperties(t *testing.T) {
	set := templates.Default()
	rapid.Check(t, func(t *rapid.T) {
		tg := noPlaceholders(target(t))
		approach := rapid.SampledFrom(set.Names()).Draw(t, "approach")
		limit := rapid.OneOf(rapid.SampledFrom([]int{300, 200}), rapid.IntRange(templates.MinLimit, templates.MaxLimit)).Draw(t, "limit")
		d, err := set.Draft(approach, tg, limit)
		if tg.Clean().Name == "" {
			var missing *templates.MissingFieldError
			if !errors.As(err, &missing) || missing.Field != "name" {
				t.Fatalf("Draft with blank name %q: err = %v, want MissingFieldError", tg.Name, err)
			}
			return
		}
		checkShape(t, tg, d)
		var fit *templates.FitError
		switch {
		case err == nil:
			if d.Breakdown.Total.Units > limit {
				t.Fatalf("draft has %d units, limit %d: %q", d.Breakdown.Total.Units, limit, d.Text)
			}
			checkErrors(t, d, true)
			checkIdempotent(t, set, approach, tg, d)
		case errors.As(err, &fit):
			checkErrors(t, d, false)
			checkFitAdvice(t, set, approach, tg, limit, d, fit)
		default:
			t.Fatalf("Draft(%q, %+v, %d): %v", approach, tg, limit, err)
		}
	})
}

// checkIdempotent: drafting the cleaned target, or fitting again to the
// length of the draft, gives the same draft.
func checkIdempotent(t *rapid.T, set *templates.Set, approach string, tg templates.Target, d templates.Draft) {
	again, err := set.Draft(approach, tg.Clean(), d.Breakdown.Total.Units)
	if d.Breakdown.Total.Units < templates.MinLimit {
		return
	}
	if err != nil || again.Text != d.Text {
		t.Fatalf("fitting %q again to %d gives %q, %v", d.Text, d.Breakdown.Total.Units, again.Text, err)
	}
}

func checkFitAdvice(t *rapid.T, set *templates.Set, approach string, tg templates.Target, limit int, d templates.Draft, fit *templates.FitError) {
	if fit.Over <= 0 || fit.Need != d.Breakdown.Total.Units || d.Breakdown.Over() == 0 {
		t.Fatalf("FitError %+v for a draft over by %d: %q", fit, d.Breakdown.Over(), d.Text)
	}
	if fit.Field == "" || fit.Over >= fit.FieldUnits {
		if !strings.Contains(fit.Error(), "raise the limit") {
			t.Fatalf("FitError %+v says %q", fit, fit.Error())
		}
		return
	}
	// Shorten the field as it appears in the draft by Over units.
	c := tg.Clean()
	var f *string
	switch fit.Field {
	case "name":
		c.Name = c.GreetingName()
		f = &c.Name
	case "company":
		f = &c.Company
	case "role":
		f = &c.Role
	case "common":
		f = &c.Common
	case "goal":
		f = &c.Goal
	case "from":
		if !strings.Contains(d.Text, c.From) {
			// The short sign-off prints a first name: shorten that.
			signoff := d.Parts[len(d.Parts)-1].Text
			c.From = signoff[strings.LastIndex(signoff, ", ")+2:]
		}
		f = &c.From
	default:
		t.Fatalf("FitError names field %q", fit.Field)
	}
	*f = cut(*f, fit.Over)
	if fit.Field == "name" && (templates.Target{Name: *f}).GreetingName() != *f {
		return
	}
	again, err := set.Draft(approach, c, limit)
	if err != nil {
		t.Fatalf("%s: shortened %s to %q, still %v: %q", fit, fit.Field, *f, err, again.Text)
	}
}

// TestDraftFits is the promise for sensible targets, however exotic their
// script or long their company: at 300 and at 200, with every approach,
// the draft fits, keeps the greeting name and reviews without an error.
// Sensible means the fields the required parts print stay short: a first
// name and a sign-off name of 20 units, a goal and a common ground of 60.
func TestDraftFits(t *testing.T) {
	set := templates.Default()
	rapid.Check(t, func(t *rapid.T) {
		tg := noPlaceholders(target(t)).Clean()
		tg.Name = clip(strings.Trim(tg.Name, "()\"“”«»"), 20)
		tg.From = clip(tg.From, 20)
		tg.Goal = clip(tg.Goal, 60)
		tg.Common = clip(tg.Common, 60)
		tg.Name = clip(tg.Name, 20)
		if tg.Clean().Name == "" {
			tg.Name = word(t, "fallback-name")
		}
		if tg = tg.Clean(); tg.Name == "" || units(tg.GreetingName()) > 20 {
			return
		}
		for _, approach := range set.Names() {
			for _, limit := range []int{300, 200} {
				d, err := set.Draft(approach, tg, limit)
				if err != nil {
					t.Fatalf("Draft(%q, %+v, %d): %v: %q", approach, tg, limit, err, d.Text)
				}
				if d.Breakdown.Total.Units > limit {
					t.Fatalf("draft has %d units, limit %d: %q", d.Breakdown.Total.Units, limit, d.Text)
				}
				checkShape(t, tg, d)
				checkErrors(t, d, true)
			}
		}
		best, _ := set.Choose(tg)
		chosen, err := set.Draft("", tg, 300)
		if err != nil || chosen.Approach != best {
			t.Fatalf("Draft without an approach used %q (err %v), Choose says %q", chosen.Approach, err, best)
		}
	})
}
