package rules

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReview checks that Review never panics and that its report is
// consistent with itself, whatever the text and limit.
func FuzzReview(f *testing.F) {
	for _, s := range []string{
		"", "Hi", modelNote1, modelNote2,
		"I'd like to add you to my professional network on LinkedIn.",
		"Dear Mr. Okafor,\nI’d like to add you to my professional network on LinkedIn.\n– Sam Lee",
		"Priya has indicated you are a fellow group member of X: I'd like to add you to my network on LinkedIn.",
		"Hi {{name}} <company> [x] (your role) :wave: *bold* <@U123|joe> <!here> +44 7700 900123",
		"王经理您好，我在[公司]看到了您的演讲。", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
		"a\xffb\u200d\u0301\r\n👨‍👩‍👧‍👦🇬🇧",
	} {
		f.Add(s, 300)
	}
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit > 100000 || limit < -10 {
			limit %= 1000
		}
		r := Review(text, Options{Limit: limit})
		b := r.Breakdown
		if b.Total != Count(text) {
			t.Fatalf("total %+v != Count %+v", b.Total, Count(text))
		}
		sum := 0
		var joined strings.Builder
		for _, p := range b.Parts {
			sum += p.Units
			joined.WriteString(p.Text)
		}
		if sum != b.Total.Units || joined.String() != text {
			t.Fatalf("parts add up to %d units (total %d) or do not rebuild the text", sum, b.Total.Units)
		}
		if b.Verdict.Fits != (b.Total.Units <= b.Limit) {
			t.Fatalf("verdict %+v for %d units", b.Verdict, b.Total.Units)
		}
		if (r.Default != nil) != r.Has("default-request") {
			t.Fatalf("Default %v but findings %v", r.Default, ids(r))
		}
		if r.Has("default-request") && r.Has("default-sentence") {
			t.Fatalf("both default-request and default-sentence")
		}
		for i, fd := range r.Findings {
			if fd.Message == "" || fd.Fix == "" || !utf8.ValidString(fd.Match) {
				t.Fatalf("finding %+v incomplete", fd)
			}
			if i > 0 && r.Findings[i-1].Level > fd.Level {
				t.Fatalf("findings out of order: %v", ids(r))
			}
		}
		if again := Review(text, Options{Limit: limit}); len(again.Findings) != len(r.Findings) {
			t.Fatalf("review is not deterministic")
		}
	})
}
