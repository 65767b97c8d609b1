package bot

import (
	"fmt"
	"strings"

	"connectcoach/rules"
)

// Lines of a reply shared by the Slack and console renderers. They hold
// user text unescaped: each renderer escapes for its own medium.

// lengthSummary is the first line of the length breakdown: the counted
// number, the limit and what is left.
//
// The first number is the characters a person sees (grapheme clusters);
// where LinkedIn counts more (UTF-16 units: emoji, flags), that count
// follows, and the verdict is judged on it.
func lengthSummary(b rules.Breakdown) string {
	v := b.Verdict
	s := fmt.Sprintf("%d / %d characters", b.Total.Graphemes, b.Limit)
	if b.Total.Graphemes != b.Total.Units {
		s = fmt.Sprintf("%d characters, which LinkedIn counts as %d / %d", b.Total.Graphemes, b.Total.Units, b.Limit)
	}
	if v.Fits {
		return s + fmt.Sprintf(" · %d left", v.Delta)
	}
	return s + fmt.Sprintf(" · over by %d", v.Delta)
}

// tierLine says how the text does against both LinkedIn tiers.
func tierLine(b rules.Breakdown) string {
	p, f := b.Tiers[0], b.Tiers[1]
	return fmt.Sprintf("Premium (300): %s · free account (200): %s", tierWord(p), tierWord(f))
}

func tierWord(t rules.Tier) string {
	if t.Fits {
		return fmt.Sprintf("fits, %d left", t.Delta)
	}
	return fmt.Sprintf("over by %d", t.Delta)
}

// partLines break the length down by part (or sentence).
func partLines(b rules.Breakdown) []string {
	var lines []string
	for _, p := range b.Parts {
		lines = append(lines, fmt.Sprintf("%s: %d", p.Name, p.Units))
	}
	return lines
}

// costlyLine names the characters that cost more than they show.
func costlyLine(b rules.Breakdown) string {
	if len(b.Costly) == 0 && b.NFCSaves == 0 {
		return ""
	}
	var parts []string
	for _, c := range b.Costly {
		parts = append(parts, fmt.Sprintf("%s costs %d (%s)", c.Text, c.Units, c.Kind))
	}
	s := ""
	if len(parts) > 0 {
		s = "LinkedIn counts some characters as more than one: " + strings.Join(parts, ", ") + "."
	}
	if b.NFCSaves > 0 {
		s = strings.TrimSpace(s + fmt.Sprintf(" Composing accents (NFC) would save %d.", b.NFCSaves))
	}
	return s
}

// defaultLines explain why the default request hurts and how to withdraw
// it; the first line quotes the wording that matched.
func defaultLines(m *rules.DefaultMatch) []string {
	return []string{
		fmt.Sprintf("This is LinkedIn's default request (%q).", strings.TrimSpace(m.Text)),
		defaultWhy,
		defaultWithdraw,
	}
}

const (
	defaultWhy      = "It shows no thought, and many people refuse it on principle. Say who you are and why you want to connect instead."
	defaultWithdraw = "Sent one already? Withdraw it: My Network → Manage invitations → Sent → Withdraw. The other person is not told."
)

// noFindings is what the findings say when there are none besides the
// default request (which has its own block).
func noFindings(r rules.Report) string {
	if r.Default != nil {
		return "No other problems found."
	}
	return "No problems found."
}

// findingMarks mark each level in both renderers.
func findingMark(f rules.Finding) string {
	switch {
	case f.Positive:
		return "✓"
	case f.Level == rules.Error:
		return "✗"
	case f.Level == rules.Warning:
		return "!"
	default:
		return "·"
	}
}

// otherFindings are the findings shown in the findings block: all but
// default-request, which has a block of its own.
func otherFindings(r rules.Report) []rules.Finding {
	var out []rules.Finding
	for _, f := range r.Findings {
		if f.ID != "default-request" {
			out = append(out, f)
		}
	}
	return out
}
