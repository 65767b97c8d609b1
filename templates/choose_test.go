package templates_test

import (
	"testing"

	"connectcoach/templates"
	"github.com/google/go-cmp/cmp"
)

func TestChoose(t *testing.T) {
	tests := []struct {
		name   string
		target templates.Target
		want   string
	}{
		{"what you share and a goal", modelTarget, "common-ground"},
		{"a goal only", templates.Target{Name: "Joe", Company: "Acme", Goal: "use my skills in IT transformation"}, "advice"},
		{"where you met", templates.Target{Name: "Joe", Company: "Acme", Common: "the AWS Summit in London", Goal: "learn about your team"}, "met"},
		{"heard them speak", templates.Target{Name: "Joe", Common: "the panel you spoke on at DevOpsDays"}, "met"},
		{"their post", templates.Target{Name: "Joe", Company: "Arup", Common: "your post on bridge inspection"}, "their-work"},
		{"same school", templates.Target{Name: "Joe", Common: "the University of Leeds", Goal: "move into rail"}, "alumni"},
		{"same former employer", templates.Target{Name: "Joe", Common: "ex-Arup"}, "alumni"},
		{"a shared background without cues", templates.Target{Name: "Joe", Common: "a civil engineer like me"}, "common-ground"},
		{"a name only", templates.Target{Name: "Joe"}, "common-ground"},
		{"a name and a company", templates.Target{Name: "Joe", Company: "Acme"}, "common-ground"},
	}
	set := templates.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			best, others := set.Choose(tc.target)
			if best != tc.want {
				t.Errorf("Choose(%+v) = %q, want %q", tc.target, best, tc.want)
			}
			var want []string
			for _, n := range set.Names() {
				if n != tc.want {
					want = append(want, n)
				}
			}
			if diff := cmp.Diff(want, others); diff != "" {
				t.Errorf("Choose(%+v) others (-want +got):\n%s", tc.target, diff)
			}
		})
	}
}

func TestNamesAndDescribe(t *testing.T) {
	set := templates.Default()
	want := []string{"common-ground", "advice", "met", "their-work", "alumni"}
	if diff := cmp.Diff(want, set.Names()); diff != "" {
		t.Errorf("Names() (-want +got):\n%s", diff)
	}
	for _, n := range set.Names() {
		if set.Describe(n) == "" {
			t.Errorf("Describe(%q) is empty", n)
		}
	}
	if got, want := set.Describe("common-ground"), "what you share + your goal + the ask (model note 1)"; got != want {
		t.Errorf("Describe(common-ground) = %q, want %q", got, want)
	}
	if got := set.Describe("nope"); got != "" {
		t.Errorf("Describe(nope) = %q, want empty", got)
	}
}
