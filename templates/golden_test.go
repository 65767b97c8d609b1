package templates_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"connectcoach/internal/golden"
	"connectcoach/templates"
)

// longCompany is 80 characters.
const longCompany = "Northbridge Civil and Structural Engineering Consultants, International Holdings"

// modelTarget is the target of the spec's model note 1.
var modelTarget = templates.Target{
	Name: "Joe", Company: "Acme", Common: "a civil engineer like me",
	Goal: "join the team there in a project role", From: "Fred Smith",
}

// goldenCases are drafted with every approach, at 300 and at 200.
var goldenCases = []struct {
	name   string
	target templates.Target
}{
	{"model", modelTarget},
	{"zoe", templates.Target{
		Name: "Zoë Dubois", Company: "Société Générale", Role: "Head of Risk Analytics",
		Common: "a fellow data engineer from Lyon", Goal: "move into credit risk modelling", From: "Amélie Laurent",
	}},
	{"jose-maria", templates.Target{
		Name: "José María García López", Company: "Telefónica", Role: "Directora de Innovación",
		Common: "your talk at the Mobile World Congress", Goal: "learn how your team runs its 5G pilots", From: "Fred Smith",
	}},
	{"wang-fang", templates.Target{
		Name: "王芳", Company: "阿里巴巴", Role: "产品经理",
		Common: "浙江大学", Goal: "learn how product teams work at Alibaba", From: "李伟",
	}},
	{"obrien", templates.Target{
		Name: "Dr. Siobhán O’Brien", Company: "Arup", Role: "Associate Director, Bridges",
		Common: "University College Dublin", Goal: "move into bridge asset management", From: "Fred Smith",
	}},
	{"empty-optional", templates.Target{Name: "Sam Lee"}},
	{"long-company", templates.Target{
		Name: "Priya Shah", Company: longCompany, Role: "Programme Manager",
		Common: "a project manager in rail like me", Goal: "join the team there in a project role", From: "Fred Smith",
	}},
	{"messy-input", templates.Target{
		Name: "  Joseph (Joe)\u00a0 Bloggs ", Company: " Acme  Inc. ", Common: "a civil\nengineer like me ",
		Goal: "to join the team there in a project role.", From: "\u200bFred   Smith",
	}},
}

func TestLongCompanyIs80(t *testing.T) {
	if n := len([]rune(longCompany)); n != 80 {
		t.Fatalf("longCompany has %d characters, want 80", n)
	}
}

// TestGolden drafts every case with every approach and compares the
// drafts, their breakdowns and findings to testdata/<approach>-<case>.golden.
// Run go test ./templates -update to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	set := templates.Default()
	for _, approach := range set.Names() {
		for _, tc := range goldenCases {
			name := approach + "-" + tc.name
			t.Run(name, func(t *testing.T) {
				var b strings.Builder
				tg := tc.target
				fmt.Fprintf(&b, "approach: %s\nname=%q company=%q role=%q\ncommon=%q goal=%q from=%q\n",
					approach, tg.Name, tg.Company, tg.Role, tg.Common, tg.Goal, tg.From)
				for _, limit := range []int{300, 200} {
					d, err := set.Draft(approach, tc.target, limit)
					writeDraft(&b, d, err, limit)
					checkRefit(t, set, approach, tc.target, d, err)
				}
				golden.Check(t, filepath.Join("testdata", name+".golden"), b.String())
			})
		}
	}
}

// checkRefit asserts idempotence: drafting the cleaned target, or fitting
// the draft again to its own length, gives the same text.
func checkRefit(t *testing.T, set *templates.Set, approach string, tg templates.Target, d templates.Draft, err error) {
	t.Helper()
	again, err2 := set.Draft(approach, tg.Clean(), d.Breakdown.Limit)
	if again.Text != d.Text || (err == nil) != (err2 == nil) {
		t.Errorf("Draft of the cleaned target = %q, %v; want %q, %v", again.Text, err2, d.Text, err)
	}
	if err != nil || d.Breakdown.Total.Units < templates.MinLimit {
		return
	}
	refit, err := set.Draft(approach, tg, d.Breakdown.Total.Units)
	if err != nil || refit.Text != d.Text {
		t.Errorf("fitting again to %d = %q, %v; want %q", d.Breakdown.Total.Units, refit.Text, err, d.Text)
	}
}

func writeDraft(b *strings.Builder, d templates.Draft, err error, limit int) {
	bd := d.Breakdown
	fmt.Fprintf(b, "\n== limit %d: %d units, %d graphemes: %s\n", limit, bd.Total.Units, bd.Total.Graphemes, bd.Verdict)
	if err != nil {
		fmt.Fprintf(b, "error: %v\n", err)
	}
	fmt.Fprintf(b, "%s\n", d.Text)
	for _, p := range d.Parts {
		fmt.Fprintf(b, "  %-9s %3d  %q\n", p.Name, p.Units, p.Text)
	}
	if len(d.Shortened) > 0 {
		fmt.Fprintf(b, "shortened: %s\n", strings.Join(d.Shortened, ", "))
	}
	if len(d.Dropped) > 0 {
		fmt.Fprintf(b, "dropped: %s\n", strings.Join(d.Dropped, ", "))
	}
	for _, f := range d.Report.Findings {
		fmt.Fprintf(b, "finding: %s %s\n", f.Level, f.ID)
	}
}

// The spec's model notes, with [company] to be filled in.
const (
	modelNote1 = "Hi Joe, I saw your profile when researching [company]. I was glad to see you’re a civil engineer like me as I’d love to join the team there in a project role. I hope you’ll accept my connection as I’d like to know more about opportunities at [company]. Kind regards, Fred Smith"
	modelNote2 = "Hi Joe, I saw your profile when researching [company]. I’m looking to join a company like yours where I can use my skills in IT transformation to deliver massive cost savings. Any advice you can offer would be greatly appreciated. Kind regards, Fred Smith"
)

// TestModelNotes: common-ground and advice write the spec's two model
// notes, with the company filled in.
func TestModelNotes(t *testing.T) {
	if n := len([]rune(modelNote1)); n != 277 {
		t.Fatalf("model note 1 has %d characters, want 277", n)
	}
	if n := len([]rune(modelNote2)); n != 255 {
		t.Fatalf("model note 2 has %d characters, want 255", n)
	}
	advice := modelTarget
	advice.Common, advice.Goal = "", "use my skills in IT transformation to deliver massive cost savings"
	tests := []struct {
		approach string
		target   templates.Target
		want     string
	}{
		{"common-ground", modelTarget, strings.ReplaceAll(modelNote1, "[company]", "Acme")},
		{"advice", advice, strings.ReplaceAll(modelNote2, "[company]", "Acme")},
	}
	for _, tc := range tests {
		d, err := templates.Default().Draft(tc.approach, tc.target, 300)
		if err != nil {
			t.Fatalf("Draft(%q) error: %v", tc.approach, err)
		}
		if diff := cmp.Diff(tc.want, d.Text); diff != "" {
			t.Errorf("Draft(%q) (-want +got):\n%s", tc.approach, diff)
		}
		if len(d.Shortened) != 0 || d.Report.Errors() != 0 {
			t.Errorf("Draft(%q): shortened %v, %d errors", tc.approach, d.Shortened, d.Report.Errors())
		}
	}
}
