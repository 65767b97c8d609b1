package templates_test

import (
	"errors"
	"strings"
	"testing"

	"connectcoach/templates"
	"github.com/google/go-cmp/cmp"
)

func TestDraftErrors(t *testing.T) {
	set := templates.Default()
	tests := []struct {
		name     string
		approach string
		target   templates.Target
		limit    int
		want     error
		wantText string
	}{
		{
			name: "unknown approach", approach: "cold-pitch", target: modelTarget, limit: 300,
			want:     &templates.UnknownApproachError{Name: "cold-pitch", Known: set.Names()},
			wantText: `unknown approach "cold-pitch": use one of common-ground, advice, met, their-work, alumni`,
		},
		{
			name: "limit too small", approach: "advice", target: modelTarget, limit: 49,
			want: &templates.LimitError{Limit: 49}, wantText: "limit 49 is outside 50–1000",
		},
		{
			name: "limit too large", approach: "advice", target: modelTarget, limit: 1001,
			want: &templates.LimitError{Limit: 1001}, wantText: "limit 1001 is outside 50–1000",
		},
		{
			name: "no limit", approach: "advice", target: modelTarget, limit: 0,
			want: &templates.LimitError{Limit: 0}, wantText: "limit 0 is outside 50–1000",
		},
		{
			name: "blank name", approach: "advice", target: templates.Target{Name: " \u200b\t", Company: "Acme"}, limit: 300,
			want: &templates.MissingFieldError{Field: "name"}, wantText: "name is required",
		},
		{
			name: "goal too long for the limit", approach: "common-ground", target: modelTarget, limit: 100,
			want:     &templates.FitError{Field: "goal", Over: 5, Approach: "common-ground", Limit: 100, Need: 105, FieldUnits: 37},
			wantText: "shorten goal by 5 characters",
		},
		{
			name: "where you met too long", approach: "met", limit: 100,
			target:   templates.Target{Name: "Joe", Common: "the Institution of Civil Engineers annual bridge engineering summit in Glasgow"},
			want:     &templates.FitError{Field: "common", Over: 35, Approach: "met", Limit: 100, Need: 135, FieldUnits: 78},
			wantText: "shorten common by 35 characters",
		},
		{
			name: "the template alone is over", approach: "common-ground", limit: 50,
			target:   templates.Target{Name: "Jo", Goal: "grow"},
			want:     &templates.FitError{Field: "goal", Over: 15, Approach: "common-ground", Limit: 50, Need: 65, FieldUnits: 4},
			wantText: "the shortest common-ground draft has 65 characters: raise the limit to at least 65",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := set.Draft(tc.approach, tc.target, tc.limit)
			if diff := cmp.Diff(tc.want, err); diff != "" {
				t.Fatalf("Draft error (-want +got):\n%s", diff)
			}
			if err.Error() != tc.wantText {
				t.Errorf("Error() = %q, want %q", err.Error(), tc.wantText)
			}
			var fit *templates.FitError
			if errors.As(err, &fit) {
				// The unfitted draft comes back with the error.
				if d.Text == "" || d.Breakdown.Over() == 0 || !d.Report.Has("over-limit") {
					t.Errorf("FitError without its draft: %+v", d)
				}
			} else if d.Text != "" {
				t.Errorf("Draft returned %q with %v", d.Text, err)
			}
		})
	}
}

// TestFitting shows what fitting gives up, limit by limit, for the model
// target: shorter variants first, then optional parts, in the order the
// approach's fit line declares.
func TestFitting(t *testing.T) {
	tests := []struct {
		limit                  int
		wantShortened, wantOut []string
	}{
		{300, nil, nil},
		{267, nil, nil},
		{266, []string{"ask"}, nil},
		{200, []string{"ask", "signoff"}, nil},
		{160, []string{"ask", "signoff", "context"}, []string{"context"}},
		// Dropping both optional parts leaves room for the full sign-off.
		{120, []string{"ask", "context", "common"}, []string{"context", "common"}},
	}
	for _, tc := range tests {
		d, err := templates.Default().Draft("common-ground", modelTarget, tc.limit)
		if err != nil {
			t.Fatalf("Draft at %d: %v", tc.limit, err)
		}
		if d.Breakdown.Total.Units > tc.limit {
			t.Errorf("Draft at %d has %d units", tc.limit, d.Breakdown.Total.Units)
		}
		if diff := cmp.Diff(tc.wantShortened, d.Shortened); diff != "" {
			t.Errorf("Draft at %d: Shortened (-want +got):\n%s", tc.limit, diff)
		}
		if diff := cmp.Diff(tc.wantOut, d.Dropped); diff != "" {
			t.Errorf("Draft at %d: Dropped (-want +got):\n%s", tc.limit, diff)
		}
		if !strings.HasPrefix(d.Text, "Hi Joe,") || !strings.Contains(d.Text, "join the team there in a project role") {
			t.Errorf("Draft at %d lost a required part: %q", tc.limit, d.Text)
		}
	}
}

// TestMissingDataDisappears: a part whose field is empty goes whole.
func TestMissingDataDisappears(t *testing.T) {
	tests := []struct {
		approach string
		target   templates.Target
		want     string
	}{
		{"common-ground", templates.Target{Name: "Joe", Goal: "join the team"},
			"Hi Joe, I’d love to join the team. I hope you’ll accept my connection. Kind regards"},
		{"common-ground", templates.Target{Name: "Joe", Common: "a civil engineer like me", From: "Fred Smith"},
			"Hi Joe, I was glad to see you’re a civil engineer like me. I hope you’ll accept my connection. Kind regards, Fred Smith"},
		{"met", templates.Target{Name: "Joe", Common: "the AWS Summit"},
			"Hi Joe, I enjoyed meeting you at the AWS Summit. I’d be glad to stay in touch. Kind regards"},
		{"their-work", templates.Target{Name: "Joe", Common: "your post on bridges", Company: "Arup"},
			"Hi Joe, I enjoyed your post on bridges and would like to follow your work at Arup. Would you be open to connecting? Kind regards"},
		{"alumni", templates.Target{Name: "Joe", Common: "Leeds", From: "Fred"},
			"Hi Joe, I noticed we both spent time at Leeds. Would you be open to connecting? Kind regards, Fred"},
	}
	for _, tc := range tests {
		d, err := templates.Default().Draft(tc.approach, tc.target, 300)
		if err != nil {
			t.Fatalf("Draft(%q, %+v): %v", tc.approach, tc.target, err)
		}
		if d.Text != tc.want {
			t.Errorf("Draft(%q, %+v) =\n%q, want\n%q", tc.approach, tc.target, d.Text, tc.want)
		}
	}
}

func TestDraftParts(t *testing.T) {
	d, err := templates.Default().Draft("common-ground", modelTarget, 300)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range d.Parts {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"greeting", "context", "common", "goal", "ask", "signoff"}, names); diff != "" {
		t.Errorf("part names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(d.Parts, d.Breakdown.Parts); diff != "" {
		t.Errorf("Parts and Breakdown.Parts differ (-want +got):\n%s", diff)
	}
	if d.Parts[1].Text != " I saw your profile when researching Acme." || d.Parts[1].Units != 42 {
		t.Errorf("context part = %+v", d.Parts[1])
	}
	if d.Breakdown.Limit != 300 || d.Report.Breakdown.Total != d.Breakdown.Total {
		t.Errorf("breakdown %+v, report breakdown %+v", d.Breakdown, d.Report.Breakdown)
	}
}

func TestDraftApproachName(t *testing.T) {
	set := templates.Default()
	d, err := set.Draft(" Advice ", modelTarget, 300)
	if err != nil || d.Approach != "advice" {
		t.Errorf("Draft(\" Advice \") = %q, %v; want approach advice", d.Approach, err)
	}
	d, err = set.Draft("", modelTarget, 300)
	if best, _ := set.Choose(modelTarget); err != nil || d.Approach != best {
		t.Errorf("Draft(\"\") used %q, %v; Choose says %q", d.Approach, err, best)
	}
}

// TestDraftConcurrently: a Set is shared by every request.
func TestDraftConcurrently(t *testing.T) {
	set := templates.Default()
	want, err := set.Draft("common-ground", modelTarget, 200)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	for range 8 {
		go func() {
			d, _ := set.Draft("common-ground", modelTarget, 200)
			done <- d.Text
		}()
	}
	for range 8 {
		if got := <-done; got != want.Text {
			t.Errorf("concurrent Draft = %q, want %q", got, want.Text)
		}
	}
}

// TestCommonClause checks how common-ground words common= after "I was
// glad to see".
func TestCommonClause(t *testing.T) {
	tests := []struct{ common, want string }{
		{"a civil engineer like me", "I was glad to see you’re a civil engineer like me as"},
		{"civil engineers like me", "I was glad to see you’re a civil engineer like me as"},
		{"Physics graduates like me", "I was glad to see you’re one of the Physics graduates like me as"},
		{"Stanford", "I was glad to see we have Stanford in common as"},
		{"a love of cycling", "I was glad to see we share a love of cycling as"},
		{"we both volunteer at Code Club", "I was glad to see we both volunteer at Code Club as"},
		{"from Leeds too", "I was glad to see you’re from Leeds too as"},
	}
	set := templates.Default()
	for _, tc := range tests {
		d, err := set.Draft("common-ground", templates.Target{Name: "Joe", Company: "Acme", Common: tc.common, Goal: "join the team"}, 300)
		if err != nil {
			t.Fatalf("Draft with common=%q: %v", tc.common, err)
		}
		if !strings.Contains(d.Text, tc.want) {
			t.Errorf("common=%q drafts %q, want it to say %q", tc.common, d.Text, tc.want)
		}
	}
}
