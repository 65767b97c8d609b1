package templates_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"connectcoach/templates"
	"github.com/google/go-cmp/cmp"
)

// introTmpl is an operator's extra approach.
const introTmpl = `{{/*
describe: someone you both know introduced you
parts:    greeting intro signoff
required: greeting intro
fit:      -signoff
suits:    common
*/}}
{{define "greeting"}}Hi {{.First}},{{end}}
{{define "intro"}}
  {{.Common}} suggested I get in touch{{with .Company}} about {{.}}{{end}}.
{{end}}
{{define "signoff"}}Thanks{{with .FromFirst}}, {{.}}{{end}}{{end}}
`

// adviceTmpl overrides the embedded advice approach.
const adviceTmpl = `{{/*
describe: ask for one tip
parts:    greeting ask
*/}}
{{define "greeting"}}Hello {{.First}},{{end}}
{{define "ask"}}what one tip would you give someone who wants to {{.Goal}}?{{end}}
`

func TestLoadOverlay(t *testing.T) {
	set, err := templates.Load(fstest.MapFS{
		"intro.tmpl":       {Data: []byte(introTmpl)},
		"advice.tmpl":      {Data: []byte(adviceTmpl)},
		"README.md":        {Data: []byte("not a template")},
		"drafts/old.tmpl":  {Data: []byte("{{broken")}, // only the top of the folder is read
		"another.tmpl.bak": {Data: []byte("{{broken")},
	})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := []string{"common-ground", "advice", "met", "their-work", "alumni", "intro"}
	if diff := cmp.Diff(want, set.Names()); diff != "" {
		t.Errorf("Names() (-want +got):\n%s", diff)
	}
	if got := set.Describe("advice"); got != "ask for one tip" {
		t.Errorf("Describe(advice) = %q, the override's is %q", got, "ask for one tip")
	}
	tg := templates.Target{Name: "Ana Ruiz", Common: "Priya Shah", Company: "Arup", From: "Fred Smith"}
	d, err := set.Draft("intro", tg, 300)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Hi Ana, Priya Shah suggested I get in touch about Arup. Thanks, Fred"; d.Text != want {
		t.Errorf("Draft(intro) = %q, want %q", d.Text, want)
	}
	d, err = set.Draft("advice", templates.Target{Name: "Ana", Goal: "move into rail"}, 300)
	if want := "Hello Ana, what one tip would you give someone who wants to move into rail?"; err != nil || d.Text != want {
		t.Errorf("Draft(advice) = %q, %v; want %q", d.Text, err, want)
	}
	// The embedded set is untouched.
	if got := templates.Default().Describe("advice"); got == "ask for one tip" {
		t.Errorf("the overlay leaked into Default()")
	}
}

func TestLoadErrors(t *testing.T) {
	header := "{{/*\ndescribe: test\nparts: greeting ask\nrequired: greeting\nfit: -ask\n*/}}\n"
	defines := `{{define "greeting"}}Hi {{.First}},{{end}}` + "\n" + `{{define "ask"}}Shall we connect?{{end}}` + "\n"
	tests := []struct {
		name     string
		file     string
		src      string
		wantLine int
		wantMsg  string
	}{
		{"parse error", "bad.tmpl", header + defines + `{{define "extra"}}{{.First}{{end}}`, 9, `bad character U+007D '}'`},
		{"unknown field through $", "bad.tmpl", header + `{{define "greeting"}}Hi {{$.Nickname}},{{end}}` + "\n" + `{{define "ask"}}Hi{{end}}`, 7, "unknown field .Nickname"},
		{"misspelt field", "bad.tmpl", header + `{{define "greeting"}}Hi {{.Frist}},{{end}}` + "\n" + `{{define "ask"}}Hi{{end}}`, 7, "unknown field .Frist"},
		{"misspelt field in a variant", "bad.tmpl", strings.Replace(header, "fit: -ask", "fit: ask.short", 1) + defines + `{{define "ask.short"}}{{.Compny}}{{end}}`, 9, "unknown field .Compny"},
		{"no header", "bad.tmpl", defines, 1, "must open with a header comment"},
		{"header not closed", "bad.tmpl", "{{/*\ndescribe: x\n", 1, "not closed"},
		{"unknown header key", "bad.tmpl", strings.Replace(header, "fit:", "fitting:", 1) + defines, 5, `header line "fitting: -ask"`},
		{"header key twice", "bad.tmpl", strings.Replace(header, "fit:", "parts: a\nfit:", 1) + defines, 5, `header key "parts" given twice`},
		{"no describe", "bad.tmpl", strings.Replace(header, "describe: test", "", 1) + defines, 1, "needs a describe"},
		{"part without define", "bad.tmpl", strings.Replace(header, "greeting ask", "greeting ask signoff", 1) + defines, 3, `part "signoff" has no {{define "signoff"}}`},
		{"required part not in parts", "bad.tmpl", strings.Replace(header, "required: greeting", "required: greeting goal", 1) + defines, 4, `required part "goal" is not in parts`},
		{"dropping a required part", "bad.tmpl", strings.Replace(header, "fit: -ask", "fit: -greeting", 1) + defines, 5, `"greeting" is required and cannot be dropped`},
		{"variant without define", "bad.tmpl", strings.Replace(header, "fit: -ask", "fit: ask.short", 1) + defines, 5, `no {{define "ask.short"}}`},
		{"bad fit step", "bad.tmpl", strings.Replace(header, "fit: -ask", "fit: ask", 1) + defines, 5, `want part.variant`},
		{"bad suits", "bad.tmpl", strings.Replace(header, "fit:", "suits: company skills\nfit:", 1) + defines, 5, `suits "skills"`},
		{"fails when executed", "bad.tmpl", header + `{{define "greeting"}}Hi {{index .Name 99}},{{end}}` + "\n" + `{{define "ask"}}Hi{{end}}`, 7, "index out of range"},
		{"bad file name", "Bad Name.tmpl", header + defines, 0, `approach name "Bad Name"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := templates.Load(fstest.MapFS{tc.file: {Data: []byte(tc.src)}})
			var le *templates.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("Load error = %v, want a *LoadError", err)
			}
			if le.File != tc.file || le.Line != tc.wantLine || !strings.Contains(le.Err.Error(), tc.wantMsg) {
				t.Errorf("Load error = %q (file %q, line %d); want file %q, line %d, containing %q", err, le.File, le.Line, tc.file, tc.wantLine, tc.wantMsg)
			}
		})
	}
}

// TestLoadNamesEveryBrokenFile: all broken files are reported at once.
func TestLoadNamesEveryBrokenFile(t *testing.T) {
	_, err := templates.Load(fstest.MapFS{
		"one.tmpl": {Data: []byte("{{define")},
		"two.tmpl": {Data: []byte("no header")},
	})
	if err == nil || !strings.Contains(err.Error(), "one.tmpl:1:") || !strings.Contains(err.Error(), "two.tmpl:1:") {
		t.Errorf("Load error = %v, want both files named with their line", err)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "intro.tmpl"), []byte(introTmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := templates.LoadDir(dir)
	if err != nil || set.Describe("intro") == "" {
		t.Fatalf("LoadDir: %v", err)
	}
	broken := filepath.Join(dir, "broken.tmpl")
	if err := os.WriteFile(broken, []byte("{{/*\ndescribe: x\nparts: a\n*/}}\n{{define \"a\"}}{{.Nope}}{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = templates.LoadDir(dir)
	if want := broken + ":5: unknown field .Nope"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("LoadDir error = %v, want it to start with %q", err, want)
	}
	if _, err := templates.LoadDir(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("LoadDir of a missing folder succeeded")
	}
	if set, err := templates.LoadDir(""); err != nil || len(set.Names()) != 5 {
		t.Errorf("LoadDir(\"\") = %v, %v; want the embedded set", set, err)
	}
}

// TestEmbeddedApproaches guards Default, which panics on a broken file.
func TestEmbeddedApproaches(t *testing.T) {
	set, err := templates.Load(nil)
	if err != nil {
		t.Fatalf("embedded approaches: %v", err)
	}
	if diff := cmp.Diff(templates.Default().Names(), set.Names()); diff != "" {
		t.Errorf("Load(nil) and Default() differ (-want +got):\n%s", diff)
	}
}
