package bot

import (
	"context"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// onEvent answers Events API events: App Home opened, and notes sent to
// the app in a direct message. An event Slack delivers again (same
// event_id) is answered once.
func (b *Bot) onEvent(ctx context.Context, ev slackevents.EventsAPIEvent) {
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && !b.seenEvents.first(cb.EventID) {
		b.log.Info("repeated event, not answered again", "event_id", cb.EventID)
		return
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" {
			return
		}
		var home slack.HomeTabViewRequest
		b.compute(ctx, false, func() { home = b.core.HomeView() })
		if _, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: e.User, View: home}); err != nil {
			b.log.Error("could not publish App Home", "user", e.User, "error", err)
		}
	case *slackevents.MessageEvent:
		// Only new messages people send the app directly: no edits,
		// deletions or other subtypes, nothing from bots (the app's own
		// replies included).
		if e.ChannelType != "im" || e.SubType != "" || e.BotID != "" || e.User == "" {
			return
		}
		text := strings.TrimSpace(Visible(e.Text))
		r := b.reply(ctx, func() Reply { return b.core.Review(text, 0) })
		if text == "" {
			r = errorReply("Send me the text of a connection note and I will review it.")
		}
		b.logReply("direct message", r)
		b.post(ctx, e.Channel, r)
	}
}
