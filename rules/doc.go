// Package rules is the writing brain of Connect Coach: it counts a LinkedIn
// connection note the way LinkedIn's text box does, detects LinkedIn's lazy
// default request in any of its wordings, and reviews a note for the
// problems that get connection requests refused.
//
// Vocabulary:
//
//   - A note is the text a job seeker means to paste into LinkedIn's
//     "Add a note" box.
//   - Counts holds the two lengths that matter: grapheme clusters (what a
//     person sees as characters) and UTF-16 code units (what a browser's
//     maxlength enforces). The fits / over verdict is judged on units.
//   - The default request is LinkedIn's one-click text ("I'd like to add you
//     to my professional network on LinkedIn") and its variants; a note
//     matches it when nothing of substance is left once greetings,
//     sign-offs and repeats of the default sentence are removed.
//   - A Finding is one problem (or good sign) found by a Rule, with a
//     severity, a one-line message and a concrete fix.
//
// Review is the one call that gathers all of it into a Report. The package
// imports only the standard library, uniseg and golang.org/x/text: it knows
// nothing of Slack.
package rules
