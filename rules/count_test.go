package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The spec's two model notes, with their curly apostrophes.
const (
	modelNote1 = "Hi Joe, I saw your profile when researching [company]. I was glad to see you’re a civil engineer like me as I’d love to join the team there in a project role. I hope you’ll accept my connection as I’d like to know more about opportunities at [company]. Kind regards, Fred Smith"
	modelNote2 = "Hi Joe, I saw your profile when researching [company]. I’m looking to join a company like yours where I can use my skills in IT transformation to deliver massive cost savings. Any advice you can offer would be greatly appreciated. Kind regards, Fred Smith"
)

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Counts
	}{
		{"empty", "", Counts{0, 0}},
		{"ascii", "Hi Joe", Counts{6, 6}},
		{"model note 1", modelNote1, Counts{277, 277}},
		{"model note 2", modelNote2, Counts{255, 255}},
		{"crlf is one grapheme", "a\r\nb", Counts{3, 4}},
		{"composed e acute", "café", Counts{4, 4}},
		{"decomposed e acute", "cafe\u0301", Counts{4, 5}},
		{"thumbs up skin tone", "👍🏽", Counts{1, 4}},
		{"flag", "🇬🇧", Counts{1, 4}},
		{"family zwj", "👨‍👩‍👧‍👦", Counts{1, 11}},
		{"keycap", "1️⃣", Counts{1, 3}},
		{"cjk", "王芳", Counts{2, 2}},
		{"astral letter", "𝒜", Counts{1, 2}},
		{"invalid utf-8", "a\xffb", Counts{3, 3}},
		{"replacement char", "\ufffd", Counts{1, 1}},
		{"nbsp", "a\u00a0b", Counts{3, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.in); got != tc.want {
				t.Errorf("Count(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestJudge(t *testing.T) {
	tests := []struct {
		units, limit int
		want         Tier
		str          string
	}{
		{277, 300, Tier{300, true, 23}, "fits 300 (23 left)"},
		{300, 300, Tier{300, true, 0}, "fits 300 (0 left)"},
		{301, 300, Tier{300, false, 1}, "over 300 by 1"},
		{277, 200, Tier{200, false, 77}, "over 200 by 77"},
	}
	for _, tc := range tests {
		got := Judge(tc.units, tc.limit)
		if got != tc.want || got.String() != tc.str {
			t.Errorf("Judge(%d, %d) = %+v %q, want %+v %q", tc.units, tc.limit, got, got, tc.want, tc.str)
		}
	}
}

func TestMeasureText(t *testing.T) {
	b := MeasureText(modelNote1, 0)
	if b.Limit != 300 || b.Total != (Counts{277, 277}) || !b.Verdict.Fits || b.Verdict.Delta != 23 {
		t.Errorf("MeasureText(model note 1) = limit %d total %+v verdict %+v", b.Limit, b.Total, b.Verdict)
	}
	if b.Tiers[0] != (Tier{300, true, 23}) || b.Tiers[1] != (Tier{200, false, 77}) {
		t.Errorf("tiers = %+v, want fits 300, over 200 by 77", b.Tiers)
	}
	var names []string
	sum := 0
	for _, p := range b.Parts {
		names = append(names, p.Name)
		sum += p.Units
	}
	if want := []string{"sentence 1", "sentence 2", "sentence 3", "sentence 4"}; !cmp.Equal(names, want) {
		t.Errorf("parts = %q, want %q", names, want)
	}
	if sum != 277 {
		t.Errorf("parts add up to %d units, want 277", sum)
	}
	if len(b.Costly) != 0 || b.NFCSaves != 0 {
		t.Errorf("ASCII-and-quotes note has costly %v, NFC saves %d; want none", b.Costly, b.NFCSaves)
	}

	b = MeasureText("Hi Zoe\u0308 👍🏽👍🏽 🇬🇧", 200)
	want := []Costly{
		{Text: "e\u0308", Kind: "decomposed", Units: 2, Times: 1},
		{Text: "👍🏽", Kind: "emoji", Units: 4, Times: 2},
		{Text: "🇬🇧", Kind: "flag", Units: 4, Times: 1},
	}
	if diff := cmp.Diff(want, b.Costly); diff != "" {
		t.Errorf("costly characters (-want +got):\n%s", diff)
	}
	if b.NFCSaves != 1 {
		t.Errorf("NFCSaves = %d, want 1 (ë composes)", b.NFCSaves)
	}
	if b.Total != (Counts{Graphemes: 11, Units: 21}) {
		t.Errorf("total = %+v, want 11 graphemes, 21 units", b.Total)
	}
}

func TestSentenceParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hi Joe", []string{"Hi Joe"}},
		{"Hi Joe. I saw your talk! Coffee? Thanks", []string{"Hi Joe. ", "I saw your talk! ", "Coffee? ", "Thanks"}},
		{"Dear Mr. Okafor, I read J. Smith's post.", []string{"Dear Mr. Okafor, I read J. Smith's post."}},
		{"Hi Joe,\nI saw your talk.\n\n- Tom", []string{"Hi Joe,\n", "I saw your talk.\n\n", "- Tom"}},
		{"Version 2.0 is out... Great!!! Yes", []string{"Version 2.0 is out... ", "Great!!! ", "Yes"}},
		{"你好。我看了你的演讲。", []string{"你好。", "我看了你的演讲。"}},
		{"He said \"wow.\" Then left.", []string{"He said \"wow.\" ", "Then left."}},
		{strings.Repeat("Go. ", 31), append(slices.Repeat([]string{"Go. "}, 29), "Go. Go. ")},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range SentenceParts(tc.in) {
			got = append(got, p.Text)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("SentenceParts(%q) (-want +got):\n%s", tc.in, diff)
		}
		if strings.Join(got, "") != tc.in {
			t.Errorf("SentenceParts(%q) does not concatenate back to its input", tc.in)
		}
	}
	parts := SentenceParts(strings.Repeat("Go. ", 100))
	if len(parts) != 30 || parts[29].Name != "sentences 30–100" {
		t.Errorf("100 sentences: %d parts, last %q; want 30, \"sentences 30–100\"", len(parts), parts[len(parts)-1].Name)
	}
}
