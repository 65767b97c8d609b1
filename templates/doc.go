// Package templates drafts LinkedIn connection notes for Connect Coach. It
// turns what a user knows about a person (a Target) into a note that fits
// a character limit, using one of several approaches, and reviews its own
// drafts with package rules. It knows nothing of Slack.
//
// # Approaches
//
// An approach is a text/template file. Five are embedded:
//
//   - common-ground: what you share + your goal + the ask (model note 1)
//   - advice: your skill or aim + a request for advice (model note 2)
//   - met: where you met or heard them speak
//   - their-work: a post, talk or project of theirs
//   - alumni: the same school or former employer
//
// Set.Choose picks the one the filled fields suit best; Set.Draft writes
// the note. An operator may add or replace approaches with files in a
// folder (TEMPLATES_DIR): see Load and LoadDir.
//
// # Parts and fitting
//
// A draft is made of named parts (greeting, context, common, goal, ask,
// signoff …). Each part after the first starts with the single space that
// separates it from the one before, so the parts concatenate to the text,
// and the replies can show each part's length. A part that prints a field
// the user left empty is left out whole, so a draft never reads "at ." or
// holds doubled spaces. Drafts are in NFC with single spaces.
//
// When a draft is over the limit (counted in UTF-16 units, as LinkedIn's
// text box counts), the approach's fit line is applied: parts switch to
// shorter variants or optional parts are dropped, in the declared order,
// giving up as little as the limit allows. Words are never cut. If even
// the shortest draft is over, Draft returns it with a *FitError naming the
// field to shorten and by how much.
//
// # Approach files
//
// An approach file is named NAME.tmpl (lower-case letters, digits, - and
// _); NAME is the approach's name, the value of /connect template=. It
// opens with a header comment of "key: value" lines, then defines one
// template per part:
//
//	{{/*
//	describe: what you share + your goal + the ask (model note 1)
//	parts:    greeting context common goal ask signoff
//	required: greeting goal ask signoff
//	fit:      ask.short signoff.short -context -common
//	suits:    company common goal
//	*/}}
//
//	{{define "greeting"}}Hi {{.First}},{{end}}
//	{{define "context"}}I saw your profile when researching {{.Company}}.{{end}}
//	{{define "ask"}}I hope you’ll accept my connection as I’d like to know more about opportunities at {{.Company}}.{{end}}
//	{{define "ask.short"}}I hope you’ll accept my connection.{{end}}
//	{{define "signoff"}}Kind regards{{with .From}}, {{.}}{{end}}{{end}}
//	…
//
// The header keys (lines starting with # are comments):
//
//   - describe (required): one line for the help text.
//   - parts (required): the part names in the order they appear. Each
//     needs a {{define "NAME"}}.
//   - required: the parts that are never dropped. Without this line every
//     part is required.
//   - fit: the steps that make the draft shorter, in the order they are
//     taken. "NAME.VARIANT" switches a part to the shorter define of that
//     name ({{define "ask.short"}}); "-NAME" drops an optional part. A
//     step that would not make its part shorter is skipped.
//   - suits: the target fields (name, company, role, common, goal, from)
//     that make this approach a good choice; see Set.Choose.
//   - cues: comma-separated words or phrases ("summit, conference" for
//     met). An approach with cues reads the common field as something
//     particular (where you met, their work, your school), so Set.Choose
//     picks it only when one of its cues is found in common, and then
//     prefers it.
//
// The templates see these fields:
//
//	.Name       their full name, as typed
//	.First      the name to greet them by: first name, or "Dr. Okafor" (Target.GreetingName)
//	.Company    .Role  .Common  .Goal   as the user gave them (Target.Clean)
//	.InCommon   .Common as a clause: "you’re a civil engineer like me" when it
//	            describes them, "we both volunteer at Code Club" as typed, else
//	            "we have Stanford in common" or "we share a love of cycling"
//	.From       the user's name; .FromFirst its first word
//
// A part is left out when a field it prints outside {{if}}, {{with}} or
// {{range}} is empty, or when it renders to nothing; use {{with .From}},
// {{.}}{{end}} for a piece that should go quietly. A part whose base
// define cannot be used starts at its first shorter variant that can.
// Rendered text has its white space collapsed and stray punctuation tidied
// ("Acme Inc.." → "Acme Inc."), so line breaks inside a define are fine.
//
// Load refuses a file that does not parse, refers to a field that does
// not exist, lacks a define its header names, or fails when executed with
// sample data; the error (a *LoadError) names the file and the line.
//
// # Names
//
// The greeting uses the first word of the name ("José María García" →
// "José"), a short form the user gave in brackets or quotes ("Joseph (Joe)
// Bloggs" → "Joe"), or the honorifics and the surname ("Dr. Ngozi Okafor"
// → "Dr. Okafor"). Names in any script are kept exactly as typed, in NFC;
// stray white space and invisible characters are trimmed.
package templates
