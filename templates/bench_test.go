package templates

import (
	"testing"

	"github.com/rivo/uniseg"
)

// benchTarget drafts model note 1 (267 characters with "Acme").
var benchTarget = Target{
	Name: "Joe", Company: "Acme", Common: "a civil engineer like me",
	Goal: "join the team there in a project role", From: "Fred Smith",
}

// BenchmarkDraft is a whole draft as the bot makes one: clean the target,
// render, fit to 300, and review the result with rules.Review.
func BenchmarkDraft(b *testing.B) {
	set := Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := set.Draft("common-ground", benchTarget, 300); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraftGraphemeFloor is the floor BenchmarkDraft is measured
// against: counting the drafted text's grapheme clusters with uniseg alone.
func BenchmarkDraftGraphemeFloor(b *testing.B) {
	d, err := Default().Draft("common-ground", benchTarget, 300)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		uniseg.GraphemeClusterCount(d.Text)
	}
}

// BenchmarkDraftFit200 drafts the same target for a free account: the fit
// line has to be worked through.
func BenchmarkDraftFit200(b *testing.B) {
	set := Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := set.Draft("common-ground", benchTarget, 200); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompose is this package's own share of a draft: cleaning,
// rendering and fitting, without the review.
func BenchmarkCompose(b *testing.B) {
	a := Default().lookup("common-ground")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.compose(newData(benchTarget.Clean()), 300); err != nil {
			b.Fatal(err)
		}
	}
}
