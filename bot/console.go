package bot

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Console runs the bot in a terminal: each line of in is a command as it
// would be typed in Slack ("/connect name=Joe …", "/connect review …",
// "help"); the reply is written to out as text. The prompt, when non-empty,
// is printed before each line (for terminals). It returns at end of input.
func (c *Core) Console(in io.Reader, out io.Writer, prompt, user string) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for {
		if prompt != "" {
			fmt.Fprint(out, prompt)
		}
		if !sc.Scan() {
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if line == "exit" || line == "quit" {
			break
		}
		text, ok := c.commandText(line)
		if !ok {
			fmt.Fprintf(out, "Type %s followed by details, %s review <note>, or help.\n\n", c.Command, c.Command)
			continue
		}
		r := c.HandleText(text, func() string { return user })
		if r.Kind == KindOpenForm {
			r = Reply{Kind: KindHelp, Message: "In Slack this opens a form. In the console, give the details on the line:\n  " + c.Usage()}
		}
		fmt.Fprintln(out, RenderText(r, c.Command))
	}
	if prompt != "" {
		fmt.Fprintln(out)
	}
	return sc.Err()
}

// commandText strips the slash command from a console line. "help" and
// "review …" work without it.
func (c *Core) commandText(line string) (string, bool) {
	if rest, ok := strings.CutPrefix(line, c.Command); ok && (rest == "" || rest[0] == ' ') {
		return rest, true
	}
	if line == "help" || strings.HasPrefix(line, "review ") {
		return line, true
	}
	return "", false
}

// RenderText renders a reply as plain text, section by section, with the
// same content as the Slack blocks.
func RenderText(r Reply, command string) string {
	var b strings.Builder
	switch r.Kind {
	case KindHelp:
		return r.Message
	case KindError:
		return fmt.Sprintf("Problem: %s\nFor example: %s %s\n", r.Message, command, Example)
	case KindInternal, KindOpenForm:
		return r.Message + "\n"
	}
	title := "Draft"
	if r.Kind == KindReview {
		title = "Your note"
	} else if r.Approach != "" {
		title = "Draft (" + r.Approach + ")"
	}
	fmt.Fprintf(&b, "── %s ──\n%s\n\n", title, r.Text)
	fmt.Fprintf(&b, "── Length ──\n%s\n%s\n", lengthSummary(r.Breakdown), tierLine(r.Breakdown))
	if parts := partLines(r.Breakdown); len(parts) > 0 {
		fmt.Fprintf(&b, "%s\n", strings.Join(parts, " · "))
	}
	if c := costlyLine(r.Breakdown); c != "" {
		fmt.Fprintln(&b, c)
	}
	if len(r.Shortened) > 0 {
		fmt.Fprintf(&b, "Shortened to fit: %s\n", strings.Join(r.Shortened, ", "))
	}
	if r.FitError != "" {
		fmt.Fprintln(&b, r.FitError)
	}
	if r.Report.Default != nil {
		fmt.Fprintf(&b, "\n── Default request ──\n%s\n", strings.Join(defaultLines(r.Report.Default), "\n"))
	}
	b.WriteString("\n── Findings ──\n")
	fs := otherFindings(r.Report)
	if len(fs) == 0 {
		b.WriteString(noFindings(r.Report) + "\n")
	}
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s (%s): %s", findingMark(f), f.ID, f.Level, f.Message)
		if f.Match != "" {
			fmt.Fprintf(&b, " “%s”", truncate(f.Match, 120))
		}
		fmt.Fprintf(&b, "\n    Fix: %s\n", f.Fix)
	}
	if len(r.Others) > 0 {
		fmt.Fprintf(&b, "\nOther approaches: %s (add template=NAME)\n", strings.Join(r.Others, ", "))
	}
	return b.String()
}
