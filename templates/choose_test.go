package templates_test

import (
	"strings"
	"testing"

	"connectcoach/templates"
	"github.com/google/go-cmp/cmp"
)

func TestChoose(t *testing.T) {
	tests := []struct {
		name   string
		target templates.Target
		want   string
		others []string // only approaches that suit the target too, best first
	}{
		{"what you share and a goal", modelTarget, "common-ground", []string{"advice"}},
		{"a goal only", templates.Target{Name: "Joe", Company: "Acme", Goal: "use my skills in IT transformation"}, "advice", []string{"common-ground"}},
		{"where you met", templates.Target{Name: "Joe", Company: "Acme", Common: "the AWS Summit in London", Goal: "learn about your team"}, "met", []string{"common-ground", "advice"}},
		{"heard them speak", templates.Target{Name: "Joe", Common: "the panel you spoke on at DevOpsDays"}, "met", nil},
		{"their post", templates.Target{Name: "Joe", Company: "Arup", Common: "your post on bridge inspection"}, "their-work", nil},
		{"same school", templates.Target{Name: "Joe", Common: "the University of Leeds", Goal: "move into rail"}, "alumni", []string{"advice"}},
		{"same former employer", templates.Target{Name: "Joe", Common: "ex-Arup"}, "alumni", nil},
		{"a shared background without cues", templates.Target{Name: "Joe", Common: "a civil engineer like me"}, "common-ground", nil},
		{"a name only", templates.Target{Name: "Joe"}, "common-ground", nil},
		{"a plural like me is no school", templates.Target{Name: "Joe", Common: "Physics graduates like me"}, "common-ground", nil},
		{"a name and a company", templates.Target{Name: "Joe", Company: "Acme"}, "common-ground", nil},
	}
	set := templates.Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			best, others := set.Choose(tc.target)
			if best != tc.want {
				t.Errorf("Choose(%+v) = %q, want %q", tc.target, best, tc.want)
			}
			if diff := cmp.Diff(tc.others, others); diff != "" {
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

func TestSuits(t *testing.T) {
	set := templates.Default()
	tests := []struct {
		approach string
		target   templates.Target
		ok       bool
		says     string
	}{
		{"met", modelTarget, false, "reads common= as where you met"},
		{"advice", templates.Target{Name: "Joe", Company: "Acme"}, false, "needs a goal= value"},
		{"alumni", templates.Target{Name: "Joe", Common: "the University of Leeds"}, true, ""},
		{"Advice", templates.Target{Name: "Joe", Goal: "move into rail"}, true, ""},
		{"nope", modelTarget, false, "no approach called"},
	}
	for _, tc := range tests {
		ok, why := set.Suits(tc.approach, tc.target)
		if ok != tc.ok || !strings.Contains(why, tc.says) {
			t.Errorf("Suits(%q, %+v) = %v, %q; want %v, saying %q", tc.approach, tc.target, ok, why, tc.ok, tc.says)
		}
	}
}
