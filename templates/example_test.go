package templates_test

import (
	"errors"
	"fmt"
	"testing/fstest"

	"connectcoach/templates"
)

func ExampleSet_Draft() {
	t := templates.Target{
		Name:    "Joe Bloggs",
		Company: "Acme",
		Common:  "a civil engineer like me",
		Goal:    "join the team there in a project role",
		From:    "Fred Smith",
	}
	d, err := templates.Default().Draft("common-ground", t, 300)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Text)
	fmt.Println(d.Breakdown.Verdict)
	for _, p := range d.Parts {
		fmt.Printf("%-8s %3d\n", p.Name, p.Units)
	}
	// Output:
	// Hi Joe, I saw your profile when researching Acme. I was glad to see you’re a civil engineer like me as I’d love to join the team there in a project role. I hope you’ll accept my connection as I’d like to know more about opportunities at Acme. Kind regards, Fred Smith
	// fits 300 (33 left)
	// greeting   7
	// context   42
	// common    53
	// goal      51
	// ask       89
	// signoff   25
}

// Fitting to a free account's 200 characters takes the ask's and the
// sign-off's shorter forms; at 130 the optional parts go too.
func ExampleSet_Draft_fitting() {
	t := templates.Target{
		Name: "Dr. Siobhán O’Brien", Company: "Arup", Common: "a bridge engineer like me",
		Goal: "move into asset management", From: "Fred Smith",
	}
	for _, limit := range []int{200, 130} {
		d, _ := templates.Default().Draft("common-ground", t, limit)
		fmt.Printf("%d: %s\n  shortened %v, dropped %v\n", d.Breakdown.Total.Units, d.Text, d.Shortened, d.Dropped)
	}
	// Output:
	// 198: Hi Dr. O’Brien, I saw your profile when researching Arup. I was glad to see you’re a bridge engineer like me as I’d love to move into asset management. I hope you’ll accept my connection. Best, Fred
	//   shortened [ask signoff], dropped []
	// 116: Hi Dr. O’Brien, I’d love to move into asset management. I hope you’ll accept my connection. Kind regards, Fred Smith
	//   shortened [ask context common], dropped [context common]
}

// When the required parts alone are over the limit, Draft says which
// field to shorten, and still returns the draft.
func ExampleFitError() {
	t := templates.Target{Name: "Joe", Goal: "join the structural engineering team there in a senior project management role"}
	d, err := templates.Default().Draft("common-ground", t, 120)
	var fit *templates.FitError
	if errors.As(err, &fit) {
		fmt.Println(err)
		fmt.Println(fit.Field, fit.Over, d.Breakdown.Verdict)
	}
	// Output:
	// shorten goal by 20 characters
	// goal 20 over 120 by 20
}

func ExampleSet_Choose() {
	set := templates.Default()
	for _, t := range []templates.Target{
		{Name: "Joe", Company: "Acme", Common: "a civil engineer like me", Goal: "join the team"},
		{Name: "Joe", Company: "Acme", Goal: "use my skills in IT transformation"},
		{Name: "Joe", Common: "the AWS Summit in London"},
		{Name: "Joe", Common: "your post on bridge inspection"},
		{Name: "Joe", Common: "the University of Leeds"},
	} {
		best, others := set.Choose(t)
		fmt.Println(best, others)
	}
	// Output:
	// common-ground [advice]
	// advice [common-ground]
	// met []
	// their-work []
	// alumni []
}

func ExampleTarget_GreetingName() {
	for _, name := range []string{"José María García", "Dr. Ngozi Okafor", "Joseph (Joe) Bloggs", "王芳", "Ana Ruiz, PhD"} {
		fmt.Println(templates.Target{Name: name}.GreetingName())
	}
	// Output:
	// José
	// Dr. Okafor
	// Joe
	// 王芳
	// Ana
}

// An operator adds an approach with a file in TEMPLATES_DIR (here an
// in-memory folder); LoadDir reads a real one.
func ExampleLoad() {
	set, err := templates.Load(fstest.MapFS{"intro.tmpl": {Data: []byte(`{{/*
describe: someone you both know introduced you
parts:    greeting intro signoff
required: greeting intro
*/}}
{{define "greeting"}}Hi {{.First}},{{end}}
{{define "intro"}}{{.Common}} suggested I get in touch.{{end}}
{{define "signoff"}}Thanks{{with .FromFirst}}, {{.}}{{end}}{{end}}
`)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := set.Draft("intro", templates.Target{Name: "Ana Ruiz", Common: "Priya Shah", From: "Fred Smith"}, 300)
	fmt.Println(set.Names())
	fmt.Println(d.Text)
	// Output:
	// [common-ground advice met their-work alumni intro]
	// Hi Ana, Priya Shah suggested I get in touch. Thanks, Fred
}
