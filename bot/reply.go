package bot

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"connectcoach/rules"
	"connectcoach/templates"
)

// Kind says what a Reply holds.
type Kind int

// The kinds of reply.
const (
	KindDraft    Kind = iota // a draft with its review
	KindReview               // a review of the user's own text
	KindHelp                 // usage
	KindError                // something the user should fix; Message says what
	KindOpenForm             // the command had no text: open the form
	KindInternal             // something went wrong on our side
)

// Reply is what the bot answers, before it is rendered for Slack or the
// console.
type Reply struct {
	Kind    Kind
	Message string // for KindError, KindInternal and KindHelp

	Text      string       // the draft or the reviewed text
	Report    rules.Report // the review of Text
	Breakdown rules.Breakdown
	// For drafts: what produced it, so that buttons can redo it.
	Details   Details
	Approach  string
	Others    []string // other approaches, for "another approach" buttons
	Shortened []string // optional parts shortened or dropped to fit
	FitError  string   // set when even the required parts are over the limit
}

// Core turns requests into replies. It holds no per-request state and is
// safe for concurrent use.
type Core struct {
	Command   string // the slash command, e.g. "/connect"
	Limit     int    // the workspace default limit
	Templates *templates.Set
}

// HandleText answers the text of a /connect command: "" opens the form,
// "help" and "review <text>" do what they say, anything else is parsed as
// key=value details and drafted. user is the sender's real name, the
// default sign-off, looked up only when a draft needs it. text must
// already be unescaped.
func (c *Core) HandleText(text string, user func() string) Reply {
	text = strings.TrimSpace(text)
	verb, rest, _ := strings.Cut(text, " ")
	switch strings.ToLower(verb) {
	case "":
		return Reply{Kind: KindOpenForm}
	case "help", "-h", "--help", "?":
		return c.Help()
	case "review":
		if strings.TrimSpace(rest) == "" {
			return errorReply(fmt.Sprintf("Paste the note after review: %s review Hi Joe, I saw your talk…", c.Command))
		}
		return c.Review(strings.TrimSpace(rest), 0)
	}
	d, err := Parse(text)
	if err != nil {
		return c.errorFor(err)
	}
	if d.Target.From == "" && user != nil {
		d.Target.From = user()
	}
	return c.Draft(d)
}

// NeedsSender reports whether HandleText would need the sender's name for
// text: a draft without from=. The caller can then look it up first.
func (c *Core) NeedsSender(text string) bool {
	text = strings.TrimSpace(text)
	verb, _, _ := strings.Cut(text, " ")
	switch strings.ToLower(verb) {
	case "", "help", "-h", "--help", "?", "review":
		return false
	}
	d, err := Parse(text)
	return err == nil && d.Target.From == ""
}

// Review reviews text against limit (0: the workspace default).
func (c *Core) Review(text string, limit int) Reply {
	if limit == 0 {
		limit = c.Limit
	}
	r := rules.Review(text, rules.Options{Limit: limit})
	return Reply{Kind: KindReview, Text: text, Report: r, Breakdown: r.Breakdown}
}

// Draft drafts a note from parsed details.
func (c *Core) Draft(d Details) Reply {
	if d.Limit == 0 {
		d.Limit = c.Limit
	}
	approach, others := c.Templates.Choose(d.Target)
	if d.Template != "" {
		approach = strings.ToLower(strings.TrimSpace(d.Template))
		if !slices.Contains(c.Templates.Names(), approach) {
			return c.errorFor(&templates.UnknownApproachError{Name: d.Template, Known: c.Templates.Names()})
		}
		suitable := c.suitable(d.Target)
		if ok, why := c.Templates.Suits(approach, d.Target); !ok {
			hint := "Add the detail it needs, or leave template= out and I will choose."
			if len(suitable) > 0 {
				hint = "Approaches that suit these details: " + strings.Join(suitable, ", ") + "."
			}
			return errorReply(capitalize(why) + ". " + hint)
		}
		others = after(suitable, approach)
	}
	draft, err := c.Templates.Draft(approach, d.Target, d.Limit)
	var fit *templates.FitError
	switch {
	case errors.As(err, &fit):
		// The draft is still shown, with what to shorten.
	case err != nil:
		return c.errorFor(err)
	}
	r := Reply{
		Kind: KindDraft, Text: draft.Text, Report: draft.Report, Breakdown: draft.Breakdown,
		Details: d, Approach: draft.Approach, Others: others, Shortened: draft.Shortened,
	}
	if fit != nil {
		r.FitError = fmt.Sprintf("Even the shortest draft is over %d: %s.", d.Limit, fit.Error())
	}
	return r
}

// errorFor turns an error into a reply the user can act on.
func (c *Core) errorFor(err error) Reply {
	var fe *FieldError
	var ue *templates.UnknownApproachError
	var me *templates.MissingFieldError
	var le *templates.LimitError
	switch {
	case errors.As(err, &fe):
		return errorReply(fe.Problem)
	case errors.As(err, &ue):
		return errorReply(fmt.Sprintf("There is no approach called %q. Approaches: %s.", ue.Name, strings.Join(c.Templates.Names(), ", ")))
	case errors.As(err, &me):
		return errorReply(fmt.Sprintf("The %s is missing: give it with %s=….", me.Field, me.Field))
	case errors.As(err, &le):
		return errorReply(fmt.Sprintf("limit=%d is not a number from %d to %d.", le.Limit, MinLimit, MaxLimit))
	}
	return Reply{Kind: KindInternal, Message: "Something went wrong on our side. Please try again."}
}

func errorReply(problem string) Reply {
	return Reply{Kind: KindError, Message: problem}
}

// Usage is the example shown with every error.
func (c *Core) Usage() string {
	return fmt.Sprintf("%s %s", c.Command, Example)
}

// Help lists the keys, the approaches and examples.
func (c *Core) Help() Reply {
	var b strings.Builder
	fmt.Fprintf(&b, "Draft a LinkedIn connection note that fits the %d-character limit:\n", c.Limit)
	fmt.Fprintf(&b, "  %s\n\nKeys (quote values with spaces):\n", c.Usage())
	for _, k := range Keys {
		fmt.Fprintf(&b, "  %-9s %s\n", k.Name, k.Meaning)
	}
	b.WriteString("\nApproaches (template=…):\n")
	for _, n := range c.Templates.Names() {
		fmt.Fprintf(&b, "  %-14s %s\n", n, c.Templates.Describe(n))
	}
	fmt.Fprintf(&b, "\nAlso:\n  %s review <your note>   review a note you wrote\n  %s                      open the form\n  %s help                 this help\n", c.Command, c.Command, c.Command)
	return Reply{Kind: KindHelp, Message: b.String()}
}

// suitable lists the approaches that suit t, in the set's order.
func (c *Core) suitable(t templates.Target) []string {
	var out []string
	for _, n := range c.Templates.Names() {
		if ok, _ := c.Templates.Suits(n, t); ok {
			out = append(out, n)
		}
	}
	return out
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// after returns list without x, starting after x and wrapping round, so
// that "Another approach" cycles through every approach.
func after(list []string, x string) []string {
	i := slices.Index(list, x)
	if i < 0 {
		return slices.Clone(list)
	}
	return append(slices.Clone(list[i+1:]), list[:i]...)
}
