package rules

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Level is how much a finding matters.
type Level int

// The levels, most serious first.
const (
	Error   Level = iota // fix before sending
	Warning              // likely to hurt the note's chances
	Tip                  // worth a look; some tips are good signs
)

func (l Level) String() string {
	switch l {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "tip"
	}
}

// A Finding is one problem, or good sign, in a note.
type Finding struct {
	ID       string
	Level    Level
	Positive bool   // a good sign rather than a problem
	Message  string // one line saying what was found
	Fix      string // what to do about it
	Match    string // the words that raised it, when there are any
}

// A Rule is one row of the findings table.
type Rule struct {
	ID          string
	Level       Level
	Positive    bool
	EnglishOnly bool // quiet on notes in other languages
	Message     string
	Fix         string
	// Check reports whether the rule fires on the note. A non-empty Message
	// or Fix in the result replaces the rule's own.
	Check func(n *note) (Finding, bool)
}

// Rules returns the findings table, in the order findings are reported
// within a level.
func Rules() []Rule { return append([]Rule(nil), rules...) }

//go:embed data/phrases.txt
var phraseData string

// phraseEntries are the lines of data/phrases.txt, matched per label
// (findLabels) so that one label's match never hides another's.
var phraseEntries, findingPhrases = mustCompile("data/phrases.txt", phraseData)

const withdrawTip = "Already sent one? Withdraw it: My Network → Manage invitations → Sent → Withdraw (they are not told)."

var rules = []Rule{
	{
		ID: "default-request", Level: Error,
		Message: "This is LinkedIn's default request: it shows no thought, and many people refuse it on principle.",
		Fix:     "Write one line about them and one about why you want to connect. " + withdrawTip,
		Check: func(n *note) (Finding, bool) {
			if n.def == nil || !n.def.Whole {
				return Finding{}, false
			}
			return Finding{Match: n.def.Text}, true
		},
	},
	{
		ID: "default-sentence", Level: Warning,
		Message: "The note carries LinkedIn's default sentence next to real content.",
		Fix:     "Replace that sentence with your reason for connecting; the rest already does the work.",
		Check: func(n *note) (Finding, bool) {
			if n.def == nil || n.def.Whole {
				return Finding{}, false
			}
			return Finding{Match: n.def.Text}, true
		},
	},
	{
		ID: "over-limit", Level: Error,
		Check: func(n *note) (Finding, bool) {
			b := n.breakdown
			if b.Verdict.Fits {
				return Finding{}, false
			}
			p := longestPart(b.Parts)
			return Finding{
				Message: fmt.Sprintf("Over the %d-character limit by %d.", b.Limit, b.Verdict.Delta),
				Fix:     fmt.Sprintf("Cut at least %s; the longest %s has %d: %q.", characters(b.Verdict.Delta), p.Name, p.Units, strings.TrimSpace(p.Text)),
			}, true
		},
	},
	{
		ID: "near-limit", Level: Tip,
		Check: func(n *note) (Finding, bool) {
			b := n.breakdown
			switch {
			case !b.Verdict.Fits:
				return Finding{}, false
			case b.Limit > FreeLimit && b.Tiers[0].Fits && !b.Tiers[1].Fits:
				return Finding{
					Message: fmt.Sprintf("Fits %d but not %d (over by %d): too long for a free account.", PremiumLimit, FreeLimit, b.Tiers[1].Delta),
					Fix:     fmt.Sprintf("Cut %s if you send it from a free (Basic) account.", characters(b.Tiers[1].Delta)),
				}, true
			case b.Verdict.Delta < 10:
				return Finding{
					Message: fmt.Sprintf("Only %s left of %d.", characters(b.Verdict.Delta), b.Limit),
					Fix:     "It fits; any word you add will need a cut elsewhere, since LinkedIn stops typing at the limit.",
				}, true
			}
			return Finding{}, false
		},
	},
	{
		ID: "empty", Level: Error,
		Message: "There is nothing to send: the note is empty or only a greeting.",
		Fix:     "Say who you are, what you share with them, and why you want to connect.",
		Check:   func(n *note) (Finding, bool) { return Finding{}, n.empty() },
	},
	{
		ID: "placeholder", Level: Error,
		Message: "The note has a slot that was never filled in.",
		Fix:     "Replace the bracketed slot with the real name, company or detail.",
		Check:   placeholderCheck,
	},
	{
		ID: "no-name", Level: Warning, EnglishOnly: true,
		Message: "The note does not greet them by name.",
		Fix:     "Open with their first name: \"Hi Maria,\".",
		Check:   noNameCheck,
	},
	{
		ID: "no-reason", Level: Warning, EnglishOnly: true,
		Message: "Nothing says why you are writing: nothing about them, what you share, or what you are after.",
		Fix:     "Add one specific line: their post or talk, what you have in common, or your goal.",
		Check: func(n *note) (Finding, bool) {
			return Finding{}, len(n.hits[labelReason]) == 0 && !n.empty()
		},
	},
	{
		ID: "early-ask", Level: Warning, EnglishOnly: true,
		Message: "Asking for a job, a referral or a favour in a first note puts people off.",
		Fix:     "Connect first; ask once they have accepted and you have talked.",
		Check:   phraseCheck("early-ask"),
	},
	{
		ID: "time-grab", Level: Warning, EnglishOnly: true,
		Message: "Asking a stranger for their time (a call, a coffee) in the first note is a big ask.",
		Fix:     "Ask one light question instead; suggest a call later, once they reply.",
		Check:   phraseCheck("time-grab"),
	},
	{
		ID: "pitch", Level: Warning, EnglishOnly: true,
		Message: "This reads like a sales pitch.",
		Fix:     "Drop the pitch; say what you share with them or what you would like to learn.",
		Check:   phraseCheck("pitch"),
	},
	{
		ID: "filler", Level: Warning, EnglishOnly: true,
		Message: "A generic line that any sender could write.",
		Fix:     "Replace it with something only you could say: where you saw them, what you share.",
		Check:   phraseCheck("filler"),
	},
	{
		ID: "false-intimacy", Level: Warning, EnglishOnly: true,
		Message: "Claiming trust or friendship with a stranger rings false.",
		Fix:     "Be honest about how you know of them: \"We haven't met, but…\" works.",
		Check:   phraseCheck("false-intimacy"),
	},
	{
		ID: "contact-details", Level: Warning,
		Message: "Contact details in a connection note look like spam and may be flagged.",
		Fix:     "Leave phone numbers, e-mail addresses and links out; share them once connected.",
		Check:   contactCheck,
	},
	{
		ID: "flattery", Level: Tip, EnglishOnly: true,
		Message: "Praise with nothing specific behind it sounds empty.",
		Fix:     "Name the exact post, talk or project you liked instead.",
		Check: func(n *note) (Finding, bool) {
			if f, ok := phraseCheck("flattery")(n); ok {
				return f, true
			}
			if i := strings.Index(n.norm, "!!!"); i >= 0 {
				return Finding{Match: "!!!"}, true
			}
			return Finding{}, false
		},
	},
	{
		ID: "cliche", Level: Tip, EnglishOnly: true,
		Message: "A cliché that every profile uses.",
		Fix:     "Show it with one concrete fact (a project, a result) instead.",
		Check:   phraseCheck("cliche"),
	},
	{
		ID: "slack-markup", Level: Warning,
		Message: "Slack formatting would be pasted into LinkedIn literally.",
		Fix:     "Remove the *, _, ~, :emoji: codes and <links>; LinkedIn notes are plain text.",
		Check: func(n *note) (Finding, bool) {
			if !strings.ContainsAny(n.norm, "*_~`<:") {
				return Finding{}, false
			}
			return regexCheck(markupRE)(n)
		},
	},
	{
		ID: "shouting", Level: Tip, EnglishOnly: true,
		Check: shoutingCheck,
	},
	{
		ID: "ends-with-question", Level: Tip, Positive: true,
		Message: "It ends with a light question or next step: a good way to invite a reply.",
		Fix:     "Keep it.",
		Check:   questionCheck,
	},
}

// characters says "1 character" or "n characters".
func characters(n int) string {
	if n == 1 {
		return "1 character"
	}
	return fmt.Sprintf("%d characters", n)
}

func longestPart(parts []Part) Part {
	var best Part
	for _, p := range parts {
		if p.Units > best.Units {
			best = p
		}
	}
	return best
}

// Label indexes of the phrase data's helper labels.
var (
	labelReason  = mustLabel("reason")
	labelNoNameG = mustLabel("no-name-generic")
)

func mustLabel(label string) int {
	l := findingPhrases.labelIndex(label)
	if l < 0 {
		panic("data/phrases.txt has no entry labelled " + label)
	}
	return l
}

func phraseCheck(id string) func(n *note) (Finding, bool) {
	l := mustLabel(id)
	return func(n *note) (Finding, bool) {
		hs := n.hits[l]
		if len(hs) == 0 {
			return Finding{}, false
		}
		return Finding{Match: n.span(hs[0])}, true
	}
}

func regexCheck(re *regexp.Regexp) func(n *note) (Finding, bool) {
	return func(n *note) (Finding, bool) {
		m := re.FindString(n.norm)
		return Finding{Match: strings.TrimSpace(m)}, m != ""
	}
}

var (
	slotRE   = regexp.MustCompile(`^(?:\[[^\]\n]{0,60}\]|\{\{?[^}\n]{0,60}\}\}?|<[A-Za-z][A-Za-z _-]{0,40}>|(?i)\((?:your|their|his|her|insert|company|name|first name|job|role|title|position|target|x+)\b[^)\n]{0,40}\))`)
	fillerRE = regexp.MustCompile(`\b(?:XX+|xx+)\b|_{3,}`)
	markupRE = regexp.MustCompile("(?:^|[\\s(])\\*[^*\\s][^*\\n]*\\*|(?:^|[\\s(])_[^_\\s][^_\\n]*_(?:$|[\\s).,!?])|(?:^|[\\s(])~[^~\\s][^~\\n]*~|```|`[^`\\n]+`|<(?:https?://|mailto:|tel:|@|#|!)[^>\\n]*>|:[a-z0-9_+-]*[a-z][a-z0-9_+-]*:")
	emailRE  = regexp.MustCompile(`[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}`)
	urlRE    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s|>]+|\b[a-z0-9-]+\.(?:com|org|net|io|co|dev|me|ai|app|uk|de|fr|nl|es|it|pt|info|biz)(?:/\S*)?\b`)
	phoneRE  = regexp.MustCompile(`\+?\(?\d[\d ().-]{6,}\d`)
)

// placeholderCheck looks for an unfilled slot: the regular expression is
// tried only where a slot can start, which keeps reviews fast.
func placeholderCheck(n *note) (Finding, bool) {
	s := n.norm
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{', '<', '(':
			if m := slotRE.FindString(s[i:]); m != "" {
				return Finding{Match: m}, true
			}
		}
	}
	if strings.Contains(s, "XX") || strings.Contains(s, "xx") || strings.Contains(s, "___") {
		if m := fillerRE.FindString(s); m != "" {
			return Finding{Match: m}, true
		}
	}
	return Finding{}, false
}

// hasDomain reports whether s may hold a web address: a full stop with a
// letter or digit right before and a letter right after it.
func hasDomain(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isAlnum(s[i-1]) && (s[i+1]|0x20 >= 'a' && s[i+1]|0x20 <= 'z') {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

func contactCheck(n *note) (Finding, bool) {
	s := n.norm
	if strings.IndexByte(s, '@') >= 0 {
		if m := emailRE.FindString(s); m != "" {
			return Finding{Match: m}, true
		}
	}
	if hasDomain(s) || strings.Contains(s, "://") || strings.Contains(s, "www") || strings.Contains(s, "WWW") {
		for _, m := range urlRE.FindAllString(s, -1) {
			// "ASP.NET", "VB.NET": names written in capitals, not addresses.
			if m != strings.ToUpper(m) || strings.Contains(m, "://") {
				return Finding{Match: m}, true
			}
		}
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 7 {
		return Finding{}, false
	}
	for _, m := range phoneRE.FindAllString(s, -1) {
		digits := strings.Count(m, "") - 1 - len(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, m))
		if digits >= 9 || (strings.HasPrefix(m, "+") && digits >= 7) {
			return Finding{Match: strings.TrimSpace(m)}, true
		}
	}
	return Finding{}, false
}

func noNameCheck(n *note) (Finding, bool) {
	if len(n.toks) == 0 || n.empty() {
		return Finding{}, false
	}
	if hs := n.hits[labelNoNameG]; len(hs) > 0 && hs[0].Start == 0 {
		// "Hi Sir Ian," is a name with a title, not "Hi sir,".
		end := hs[0].End
		if end >= len(n.toks) || n.toks[end].Seg != n.toks[end-1].Seg || !isName(n.toks[end:end+1]) {
			return Finding{Match: n.span(hs[0])}, true
		}
		return Finding{}, false
	}
	first := n.segment(0)
	g := greetingPhrases.prefixLen(keys(first))
	if g > 0 && g < len(first) { // "Hi Maria," (or "hi maria": a name all the same)
		return Finding{}, false
	}
	// A note may open with the bare name: "Joe, I saw your talk…"
	if g == 0 && len(n.segment(1)) > 0 && isName(first) {
		return Finding{}, false
	}
	return Finding{}, true
}

func shoutingCheck(n *note) (Finding, bool) {
	upper, lower := 0, 0
	for _, r := range n.norm {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		case r < utf8.RuneSelf:
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper+lower >= 12 && upper*5 >= (upper+lower)*4:
		return Finding{Message: "The note is in capitals, which reads as shouting.", Fix: "Write it in sentence case."}, true
	case lower >= 20 && upper == 0:
		return Finding{Message: "The note has no capital letters at all.", Fix: "Capitalise their name and the start of each sentence."}, true
	case n.breakdown.Total.Graphemes >= 80 && !strings.ContainsAny(n.norm, ".!?…"):
		return Finding{Message: "The note has no end punctuation at all.", Fix: "End each sentence with a full stop or a question mark."}, true
	}
	return Finding{}, false
}

// askLabels are the phrases that make a question no light one.
var askLabels = []int{mustLabel("early-ask"), mustLabel("time-grab"), mustLabel("pitch")}

// questionCheck fires when the last sentence of substance ends with "?".
func questionCheck(n *note) (Finding, bool) {
	i := strings.LastIndexByte(n.norm, '?')
	if strings.IndexByte(n.norm, 0xEF) >= 0 { // the first byte of "？" (U+FF1F)
		i = max(i, strings.LastIndex(n.norm, "？"))
	}
	if i < 0 {
		return Finding{}, false
	}
	var after []token
	for _, t := range n.toks {
		if int(t.Start) > i {
			after = append(after, t)
		}
	}
	// Whatever follows the question must be a sign-off or a name.
	for len(after) > 0 {
		seg := after[0].Seg
		j := 0
		for j < len(after) && after[j].Seg == seg {
			j++
		}
		if !isCourtesy(after[:j], false) {
			return Finding{}, false
		}
		after = after[j:]
	}
	start := strings.LastIndexAny(n.norm[:i], ".!?\n") + 1
	// A job, a call or a pitch is no light question.
	for _, l := range askLabels {
		for _, h := range n.hits[l] {
			if s := int(n.toks[h.Start].Start); s >= start && s < i {
				return Finding{}, false
			}
		}
	}
	return Finding{Match: strings.TrimSpace(n.norm[start : i+1])}, true
}
