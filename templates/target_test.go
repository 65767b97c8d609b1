package templates_test

import (
	"testing"

	"connectcoach/templates"
	"github.com/google/go-cmp/cmp"
)

func TestGreetingName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Joe", "Joe"},
		{"Joe Smith", "Joe"},
		{"  Zoë \t Dubois  ", "Zoë"},
		{"Zoe\u0308 Dubois", "Zoë"}, // decomposed ë comes out composed (NFC)
		{"José María García López", "José"},
		{"王芳", "王芳"},
		{"Seán O’Brien", "Seán"},
		{"Dr. Siobhán O’Brien", "Dr. O’Brien"},
		{"Dr. Ngozi Okafor", "Dr. Okafor"},
		{"Dr Ngozi Okafor", "Dr Okafor"},
		{"dr. ngozi okafor", "dr. okafor"},
		{"Prof. Dr. Hans Müller", "Prof. Dr. Müller"},
		{"Mr. Ludwig van Beethoven", "Mr. van Beethoven"},
		{"Dr. John Smith Jr.", "Dr. Smith"},
		{"Sir Ian McKellen", "Sir Ian"},
		{"Dr. Okafor", "Dr. Okafor"},
		{"Joseph (Joe) Bloggs", "Joe"},
		{`Robert "Bob" Smith`, "Bob"},
		{"Robert “Bob” Smith", "Bob"},
		{"Ana Ruiz, PhD", "Ana"},
		{"Mary-Jane Watson", "Mary-Jane"},
		{"🚀 Priya Shah", "Priya"},
		{"\u200bJoe\u200b", "Joe"},
		{"J. Smith", "J."},
		{"", ""},
	}
	for _, tc := range tests {
		if got := (templates.Target{Name: tc.name}).GreetingName(); got != tc.want {
			t.Errorf("GreetingName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   templates.Target
		want templates.Target
	}{
		{
			name: "white space and invisible characters",
			in:   templates.Target{Name: "  Joe\u00a0\u200b Smith \n", Company: "\tAcme   Inc. ", From: "\u202eFred"},
			want: templates.Target{Name: "Joe Smith", Company: "Acme Inc.", From: "Fred"},
		},
		{
			name: "a leading to is the template's",
			in:   templates.Target{Name: "Joe", Goal: "To to join the team"},
			want: templates.Target{Name: "Joe", Goal: "join the team"},
		},
		{
			name: "a goal that names a thing is something to find",
			in:   templates.Target{Name: "Joe", Goal: "a project role"},
			want: templates.Target{Name: "Joe", Goal: "explore a project role"},
		},
		{
			name: "goals in the words people type",
			in:   templates.Target{Name: "Joe", Goal: "I want to move into product", Common: "x", Role: "y", Company: "z"},
			want: templates.Target{Name: "Joe", Goal: "move into product", Common: "x", Role: "y", Company: "z"},
		},
		{
			name: "a gerund goal",
			in:   templates.Target{Name: "Joe", Goal: "learning more about your team"},
			want: templates.Target{Name: "Joe", Goal: "focus on learning more about your team"},
		},
		{
			name: "advice and plural things",
			in:   templates.Target{Name: "Joe", Goal: "advice on moving into data", Common: "", Role: "product management roles"},
			want: templates.Target{Name: "Joe", Goal: "get advice on moving into data", Role: "product management roles"},
		},
		{
			name: "things to find",
			in:   templates.Target{Name: "Joe", Goal: "product management roles"},
			want: templates.Target{Name: "Joe", Goal: "explore product management roles"},
		},
		{
			name: "dropping a bracket can unmatch another (found by rapid)",
			in:   templates.Target{Name: "<(A Joe"},
			want: templates.Target{Name: "A Joe"},
		},
		{
			name: "a heart is no bracket",
			in:   templates.Target{Name: "Joe", Goal: "learn about C++ <3"},
			want: templates.Target{Name: "Joe", Goal: "learn about C++ <3"},
		},
		{
			name: "a lead with a curly apostrophe",
			in:   templates.Target{Name: "Joe", Goal: "I’d like to join the team there", Common: "x", Role: "y"},
			want: templates.Target{Name: "Joe", Goal: "join the team there", Common: "x", Role: "y"},
		},
		{
			name: "another curly lead",
			in:   templates.Target{Name: "Joe", Goal: "I’m hoping to move into product"},
			want: templates.Target{Name: "Joe", Goal: "move into product"},
		},
		{
			name: "verb phrases ending in a plural are kept",
			in:   templates.Target{Name: "Joe", Goal: "be considered for future roles", Role: "do more hands-on projects"},
			want: templates.Target{Name: "Joe", Goal: "be considered for future roles", Role: "do more hands-on projects"},
		},
		{
			name: "interested in",
			in:   templates.Target{Name: "Joe", Goal: "I'm interested in data roles"},
			want: templates.Target{Name: "Joe", Goal: "explore data roles"},
		},
		{
			name: "not a gerund",
			in:   templates.Target{Name: "Joe", Goal: "something in climate tech"},
			want: templates.Target{Name: "Joe", Goal: "something in climate tech"},
		},
		{
			name: "an irregular plural like me",
			in:   templates.Target{Name: "Joe", Common: "Physics graduates like me"},
			want: templates.Target{Name: "Joe", Common: "one of the Physics graduates like me"},
		},
		{
			name: "a goal that is already something to do is kept",
			in:   templates.Target{Name: "Joe", Goal: "work with your team on bridges"},
			want: templates.Target{Name: "Joe", Goal: "work with your team on bridges"},
		},
		{
			name: "a shared role gets its article",
			in:   templates.Target{Name: "Joe", Common: "civil engineer like me"},
			want: templates.Target{Name: "Joe", Common: "a civil engineer like me"},
		},
		{
			name: "an article before a vowel, none for plurals",
			in:   templates.Target{Name: "Joe", Common: "engineer like me", Role: "x", Goal: "meet engineers like me"},
			want: templates.Target{Name: "Joe", Common: "an engineer like me", Role: "x", Goal: "meet engineers like me"},
		},
		{
			name: "no letter or digit is empty",
			in:   templates.Target{Name: "—", Company: " . ", Role: "🚀", Common: "()"},
			want: templates.Target{},
		},
		{
			name: "NFC, any script kept",
			in:   templates.Target{Name: "Jose\u0301 Mari\u0301a", Company: "阿里巴巴", Common: "a fellow Ζωή fan"},
			want: templates.Target{Name: "José María", Company: "阿里巴巴", Common: "a fellow Ζωή fan"},
		},
		{
			name: "brackets without a partner",
			in:   templates.Target{Name: "Joe", Company: "Acme[", Common: "like me] (and", Role: "Lead (Rail)"},
			want: templates.Target{Name: "Joe", Company: "Acme", Common: "like me and", Role: "Lead (Rail)"},
		},
		{
			name: "stray punctuation",
			in:   templates.Target{Name: "Joe", Goal: "join the team , fast..", Common: "a civil engineer ( like me )"},
			want: templates.Target{Name: "Joe", Goal: "join the team, fast.", Common: "a civil engineer (like me)"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in.Clean()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Clean(%+v) (-want +got):\n%s", tc.in, diff)
			}
			if again := got.Clean(); again != got {
				t.Errorf("Clean is not idempotent: %+v, then %+v", got, again)
			}
		})
	}
}
