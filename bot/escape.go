package bot

import (
	"regexp"
	"strings"
)

var (
	unescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")
	escaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	// Slack's stored markup: <url|label>, <url>, <@U…|name>, <#C…|name>, <!here>.
	markupRE = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
)

// Unescape turns text as Slack sends it (with &amp;, &lt;, &gt;) back into
// what the user typed. Only those three entities exist in Slack text.
func Unescape(s string) string { return unescaper.Replace(s) }

// Escape makes user text safe to echo in a Slack message: &, < and > are
// encoded, so nothing in it can become a mention, a channel ping or a link.
// Use it with plain_text objects or mrkdwn objects that have verbatim set.
func Escape(s string) string { return escaper.Replace(s) }

// Visible turns a message's stored text into what a reader sees in Slack:
// links show their label (or the address), mentions show @name or #name,
// and entities are decoded. It is what someone copying the message gets.
func Visible(s string) string {
	s = markupRE.ReplaceAllStringFunc(s, func(m string) string {
		parts := markupRE.FindStringSubmatch(m)
		target, label := parts[1], parts[2]
		switch {
		case strings.HasPrefix(target, "@"):
			if label != "" {
				return "@" + label
			}
			return target
		case strings.HasPrefix(target, "#"):
			if label != "" {
				return "#" + label
			}
			return target
		case strings.HasPrefix(target, "!"):
			name, _, _ := strings.Cut(strings.TrimPrefix(target, "!"), "^")
			if label != "" {
				return label
			}
			return "@" + name
		case label != "":
			return label
		default:
			return strings.TrimPrefix(target, "mailto:")
		}
	})
	return Unescape(s)
}
