package bot

import (
	"fmt"

	"github.com/slack-go/slack"
)

// Action ids of the App Home buttons and the reply buttons.
const (
	ActionHomeDraft  = "home_draft"       // App Home: open the form
	ActionHomeReview = "home_review"      // App Home: open the editor
	ActionAnother    = "another_approach" // reply: the next approach
	ActionFit200     = "fit_200"          // reply: the same details fitted to 200
	ActionEdit       = "edit_draft"       // reply: open the editor with the draft
)

// The spec's two model notes, shown on App Home.
const (
	modelNote1 = "Hi Joe, I saw your profile when researching [company]. I was glad to see you’re a civil engineer like me as I’d love to join the team there in a project role. I hope you’ll accept my connection as I’d like to know more about opportunities at [company]. Kind regards, Fred Smith"
	modelNote2 = "Hi Joe, I saw your profile when researching [company]. I’m looking to join a company like yours where I can use my skills in IT transformation to deliver massive cost savings. Any advice you can offer would be greatly appreciated. Kind regards, Fred Smith"
)

// HomeView is the App Home tab: why the default request hurts, the limits,
// the model notes, how to withdraw, the commands, and two buttons.
func (c *Core) HomeView() slack.HomeTabViewRequest {
	md := func(id, text string) slack.Block { return section(id, text) }
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, "Connection notes that get accepted", false, false)),
		md("home_why", "*Skip LinkedIn's default request.* \"I'd like to add you to my professional network on LinkedIn\" tells the other person you put no thought in, and many people refuse it on principle. A short personal note — who you are, what you share, why you want to connect — gets accepted far more often."),
		md("home_limits", fmt.Sprintf("*Mind the limit.* A note can hold *300 characters* (spaces included) on Premium accounts and *200* on free ones — and free accounts only get a few personalised notes a month (LinkedIn has shown 3–5), so make each one count. Emoji and flags cost LinkedIn 2–11 characters each. This workspace drafts to %d by default.", c.Limit)),
		md("home_models", "*Two notes that work* (277 and 255 characters):\n>"+Escape(modelNote1)+"\n\n>"+Escape(modelNote2)),
		md("home_withdraw", "*Sent a default request by mistake?* Withdraw it: My Network → Manage invitations → Sent → Withdraw. The other person is not told."),
		md("home_commands", fmt.Sprintf("*Commands*\n`%s name=Joe company=Acme common=\"a civil engineer like me\" goal=\"a project role\"` — a draft that fits\n`%s review &lt;your note&gt;` — check a note you wrote\n`%s` — the same as a form · `%s help` — every key and approach\nOn any message: ⋯ → *Review connection note*. Or send me a note here in a direct message.", c.Command, c.Command, c.Command, c.Command)),
		slack.NewActionBlock("home_actions",
			slack.NewButtonBlockElement(ActionHomeDraft, "draft", slack.NewTextBlockObject(slack.PlainTextType, "Draft a note", false, false)).WithStyle(slack.StylePrimary),
			slack.NewButtonBlockElement(ActionHomeReview, "review", slack.NewTextBlockObject(slack.PlainTextType, "Review a note", false, false)),
		),
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}
