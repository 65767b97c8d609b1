package bot

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
)

// Block ids of a reply. Tests and later updates rely on them.
const (
	BlockDraft       = "draft"        // the draft (or reviewed text) alone
	BlockLength      = "length"       // the length breakdown, with the counted number
	BlockFlagDefault = "flag_default" // present if and only if the text is the default request
	BlockFindings    = "findings"     // the other findings
	BlockActions     = "actions"      // the reply's buttons
	BlockError       = "error"        // what the user should fix
	BlockHelp        = "help"
)

// maxSectionText is Slack's limit on a section's text.
const maxSectionText = 3000

// Blocks renders a reply as Block Kit blocks. User text is escaped, and
// mrkdwn that holds it is verbatim, so nothing in it can ping anyone.
func Blocks(r Reply, command string) []slack.Block {
	switch r.Kind {
	case KindHelp:
		return []slack.Block{section(BlockHelp, "```"+Escape(r.Message)+"```")}
	case KindError:
		return []slack.Block{section(BlockError, fmt.Sprintf(":warning: %s\nFor example: `%s %s`", Escape(r.Message), command, Escape(Example)))}
	case KindInternal, KindOpenForm:
		return []slack.Block{section(BlockError, Escape(r.Message))}
	}
	blocks := []slack.Block{
		slack.NewSectionBlock(slack.NewTextBlockObject(slack.PlainTextType, truncate(Escape(orSpace(r.Text)), maxSectionText), false, false), nil, nil, slack.SectionBlockOptionBlockID(BlockDraft)),
		section(BlockLength, lengthText(r)),
	}
	if r.Report.Default != nil {
		lines := defaultLines(r.Report.Default)
		blocks = append(blocks, section(BlockFlagDefault, ":no_entry: *"+Escape(lines[0])+"*\n"+lines[1]+"\n"+lines[2]))
	}
	blocks = append(blocks, section(BlockFindings, findingsText(r)))
	if r.Kind == KindDraft {
		if actions := replyButtons(r); len(actions) > 0 {
			blocks = append(blocks, slack.NewActionBlock(BlockActions, actions...))
		}
	}
	return blocks
}

// buttonValue is what a reply button carries, so that any replica can
// redo the draft without memory of the first one.
type buttonValue struct {
	Details Details `json:"d"`
}

// editValue is what the Edit button carries: the draft and the limit it
// was fitted to, so the editor counts against the same limit.
type editValue struct {
	Text  string `json:"t"`
	Limit int    `json:"l"`
}

// maxButtonValue is Slack's cap on a button's value.
const maxButtonValue = 2000

// replyButtons are "Another approach", "Fit 200" and "Edit".
func replyButtons(r Reply) []slack.BlockElement {
	var buttons []slack.BlockElement
	add := func(actionID, label string, value string) {
		if len(value) <= maxButtonValue {
			buttons = append(buttons, slack.NewButtonBlockElement(actionID, value, slack.NewTextBlockObject(slack.PlainTextType, label, false, false)))
		}
	}
	encode := func(d Details) string {
		v, err := json.Marshal(buttonValue{Details: d})
		if err != nil {
			return strings.Repeat(" ", maxButtonValue+1) // never sent
		}
		return string(v)
	}
	if len(r.Others) > 0 {
		d := r.Details
		d.Template = r.Others[0]
		add(ActionAnother, "Another approach", encode(d))
	}
	if r.Breakdown.Limit != 200 {
		d := r.Details
		d.Limit, d.Template = 200, r.Approach
		add(ActionFit200, "Fit 200", encode(d))
	}
	if v, err := json.Marshal(editValue{Text: r.Text, Limit: r.Breakdown.Limit}); err == nil {
		add(ActionEdit, "Edit", string(v))
	}
	return buttons
}

// Fallback is the notification text of a reply; it never holds user text.
func Fallback(r Reply) string {
	switch r.Kind {
	case KindDraft:
		return "Your connection note draft"
	case KindReview:
		return "Your connection note review"
	case KindHelp:
		return "How to use Connect Coach"
	default:
		return "Connect Coach could not do that"
	}
}

func section(id, mrkdwn string) *slack.SectionBlock {
	return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, truncate(mrkdwn, maxSectionText), false, true), nil, nil, slack.SectionBlockOptionBlockID(id))
}

func lengthText(r Reply) string {
	b := r.Breakdown
	var s strings.Builder
	fmt.Fprintf(&s, "*%s*\n%s", Escape(lengthSummary(b)), Escape(tierLine(b)))
	if parts := partLines(b); len(parts) > 0 {
		s.WriteString("\n" + Escape(strings.Join(parts, " · ")))
	}
	if c := costlyLine(b); c != "" {
		s.WriteString("\n" + Escape(c))
	}
	if len(r.Shortened) > 0 {
		s.WriteString("\nShortened to fit: " + Escape(strings.Join(r.Shortened, ", ")))
	}
	if r.FitError != "" {
		s.WriteString("\n:warning: " + Escape(r.FitError))
	}
	return s.String()
}

func findingsText(r Reply) string {
	fs := otherFindings(r.Report)
	if len(fs) == 0 {
		return noFindings(r.Report)
	}
	var s strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&s, "%s *%s* (%s) %s", findingMark(f), f.ID, f.Level, Escape(f.Message))
		if f.Match != "" {
			fmt.Fprintf(&s, " “%s”", Escape(truncate(f.Match, 120)))
		}
		fmt.Fprintf(&s, "\n      _Fix:_ %s\n", Escape(f.Fix))
	}
	return strings.TrimSpace(s.String())
}

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func orSpace(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(empty)"
	}
	return s
}
