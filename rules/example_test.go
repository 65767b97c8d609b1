package rules_test

import (
	"fmt"

	"connectcoach/rules"
)

func ExampleCount() {
	for _, s := range []string{"Hi Joe", "Hi Zoë 👍🏽", "🇬🇧"} {
		c := rules.Count(s)
		fmt.Printf("%q: %d characters, %d UTF-16 units\n", s, c.Graphemes, c.Units)
	}
	// Output:
	// "Hi Joe": 6 characters, 6 UTF-16 units
	// "Hi Zoë 👍🏽": 8 characters, 11 UTF-16 units
	// "🇬🇧": 1 characters, 4 UTF-16 units
}

func ExampleMatchDefault() {
	for _, s := range []string{
		"Hi Maria,\nI’d like to add you to my professional network on LinkedIn.\n- Priya",
		"Hi Maria, we met at the AWS Summit. I'd like to add you to my professional network.",
		"Hi Maria, I came across your profile and would like to connect.",
	} {
		m, ok := rules.MatchDefault(s)
		fmt.Printf("default sentence: %v, whole note is the default: %v\n", ok, m.Whole)
	}
	// Output:
	// default sentence: true, whole note is the default: true
	// default sentence: true, whole note is the default: false
	// default sentence: false, whole note is the default: false
}

func ExampleReview() {
	note := "Hi Joe, I saw your talk on bridge drones at ICE London. Could I ask how you got into inspection work? Kind regards, Fred"
	r := rules.Review(note, rules.Options{Limit: 300})
	b := r.Breakdown
	fmt.Printf("%d/%d: %s; %s\n", b.Total.Units, b.Limit, b.Tiers[0], b.Tiers[1])
	for _, p := range b.Parts {
		fmt.Printf("  %s: %d\n", p.Name, p.Units)
	}
	fmt.Println("default request:", r.Default != nil)
	for _, f := range r.Findings {
		fmt.Printf("%s %s: %s\n", f.Level, f.ID, f.Message)
	}
	// Output:
	// 120/300: fits 300 (180 left); fits 200 (80 left)
	//   sentence 1: 56
	//   sentence 2: 46
	//   sentence 3: 18
	// default request: false
	// tip ends-with-question: It ends with a light question or next step: a good way to invite a reply.
}

func ExampleReview_default() {
	r := rules.Review("I'd like to add you to my professional network on LinkedIn.", rules.Options{})
	fmt.Println("default request:", r.Default != nil)
	for _, f := range r.Findings {
		fmt.Printf("%s %s\n%s\n", f.Level, f.ID, f.Fix)
	}
	// Output:
	// default request: true
	// error default-request
	// Write one line about them and one about why you want to connect. Already sent one? Withdraw it: My Network → Manage invitations → Sent → Withdraw (they are not told).
}
