package bot

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"connectcoach/templates"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Details
	}{
		{"spec example", `name=Joe company=Acme common="civil engineer like me" goal="a project role"`,
			Details{Target: templates.Target{Name: "Joe", Company: "Acme", Common: "civil engineer like me", Goal: "a project role"}}},
		{"curly double quotes", `name=Joe goal=“a project role”`, Details{Target: templates.Target{Name: "Joe", Goal: "a project role"}}},
		{"curly single quotes", `name=Joe goal=‘a project role’`, Details{Target: templates.Target{Name: "Joe", Goal: "a project role"}}},
		{"straight single quotes", `name='Joe Bloggs'`, Details{Target: templates.Target{Name: "Joe Bloggs"}}},
		{"apostrophe inside double quotes", `name="Seán O’Brien" common="Queen's alumni"`, Details{Target: templates.Target{Name: "Seán O’Brien", Common: "Queen's alumni"}}},
		{"apostrophe in bare value", `name=O'Brien`, Details{Target: templates.Target{Name: "O'Brien"}}},
		{"curly apostrophe inside curly quotes", `name=Joe common=‘a fellow O’Reilly author’ goal="x"`, Details{Target: templates.Target{Name: "Joe", Common: "a fellow O’Reilly author", Goal: "x"}}},
		{"apostrophe inside single quotes", `name='Seán O'Brien' company=Acme`, Details{Target: templates.Target{Name: "Seán O'Brien", Company: "Acme"}}},
		{"no space after a closing double quote", `name="Joe Bloggs"company=Acme goal=“join”limit=200`, Details{Target: templates.Target{Name: "Joe Bloggs", Company: "Acme", Goal: "join"}, Limit: 200}},
		{"unquoted words continue the value", `name=Joe Bloggs company=Acme Civil goal=a project role`,
			Details{Target: templates.Target{Name: "Joe Bloggs", Company: "Acme Civil", Goal: "a project role"}}},
		{"keys in any case", `NAME=Joe Company=Acme GOAL=x`, Details{Target: templates.Target{Name: "Joe", Company: "Acme", Goal: "x"}}},
		{"all keys", `name=Joe company=Acme role=PM common=x goal=y from="Fred Smith" template=Advice limit=200`,
			Details{Target: templates.Target{Name: "Joe", Company: "Acme", Role: "PM", Common: "x", Goal: "y", From: "Fred Smith"}, Template: "advice", Limit: 200}},
		{"extra spaces", "  name=Joe    company=Acme  ", Details{Target: templates.Target{Name: "Joe", Company: "Acme"}}},
		{"equals inside quotes", `name=Joe goal="learn a=b"`, Details{Target: templates.Target{Name: "Joe", Goal: "learn a=b"}}},
		{"non-Latin", `name=王芳 company=阿里巴巴`, Details{Target: templates.Target{Name: "王芳", Company: "阿里巴巴"}}},
		{"tab separated", "name=Joe\tcompany=Acme", Details{Target: templates.Target{Name: "Joe", Company: "Acme"}}},
		{"limit bounds", `name=Joe limit=50`, Details{Target: templates.Target{Name: "Joe"}, Limit: 50}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, field, says string
	}{
		{"missing name", `company=Acme`, "name", "Who is the note for?"},
		{"empty text", ``, "name", "name="},
		{"empty name", `name="" company=Acme`, "name", "Who is the note for?"},
		{"unknown key", `name=Joe colour=blue`, "colour", `"colour" is not a key I know`},
		{"unknown key lists keys", `nmae=Joe`, "nmae", "name, company, role, common, goal, from, template, limit"},
		{"unterminated double quote", `name=Joe goal="a project role`, "goal", "never closed"},
		{"unterminated curly quote", `name=“Joe`, "name", "never closed"},
		{"bad limit word", `name=Joe limit=lots`, "limit", "not a number from 50 to 1000"},
		{"limit too small", `name=Joe limit=10`, "limit", "not a number from 50 to 1000"},
		{"limit too large", `name=Joe limit=5000`, "limit", "not a number from 50 to 1000"},
		{"duplicate key", `name=Joe name=Ann`, "name", "given twice"},
		{"bare word first", `Joe Acme`, "", `"Joe" is not a key=value pair`},
		{"value too long", `name=Joe goal="` + strings.Repeat("x", 600) + `"`, "goal", "keep it under 500"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q) error = %v, want a *FieldError", tc.in, err)
			}
			if fe.Field != tc.field || !strings.Contains(fe.Problem, tc.says) {
				t.Errorf("Parse(%q) = field %q %q, want field %q saying %q", tc.in, fe.Field, fe.Problem, tc.field, tc.says)
			}
		})
	}
}

// FuzzParse checks that no command text crashes the parser and that every
// failure is a *FieldError the user can read.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`name=Joe company=Acme common="civil engineer like me" goal="a project role"`,
		`name=“Joe`, `name='Joe' goal=‘x’ limit=200`, `=`, `name==`, `"`, `name=Joe "quoted bare" x`,
		"name=\xff\xfe", `NAME=Joe Template=ADVICE`, `name=a=b=c`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Problem == "" {
				t.Fatalf("Parse(%q) = %v, want a *FieldError with a problem", s, err)
			}
			return
		}
		if d.Target.Name == "" {
			t.Fatalf("Parse(%q) succeeded without a name", s)
		}
		if d.Limit != 0 && (d.Limit < MinLimit || d.Limit > MaxLimit) {
			t.Fatalf("Parse(%q) limit %d out of range", s, d.Limit)
		}
	})
}
