package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// onSlash answers /connect. The reply travels in the ack; a form is opened
// with views.open after the ack.
func (b *Bot) onSlash(ctx context.Context, env *envelope, cmd slack.SlashCommand) {
	if cmd.Command != b.opts.Command {
		env.ack(ctx, b.message(errorReply("This app answers "+b.opts.Command+", not "+cmd.Command+".")))
		return
	}
	r := b.core.HandleText(Unescape(cmd.Text), func() string { return b.realName(ctx, cmd.UserID) })
	if r.Kind == KindOpenForm {
		env.ack(ctx, nil)
		b.openForm(ctx, cmd.TriggerID, cmd.ResponseURL)
		return
	}
	b.logReply("slash command", r)
	if err := env.ack(ctx, b.message(r)); err != nil && cmd.ResponseURL != "" {
		b.respond(ctx, cmd.ResponseURL, r, false)
	}
}

// onInteraction answers shortcuts, form submissions and buttons.
func (b *Bot) onInteraction(ctx context.Context, env *envelope, cb slack.InteractionCallback) {
	switch cb.Type {
	case slack.InteractionTypeMessageAction:
		env.ack(ctx, nil)
		if cb.CallbackID != CallbackReview {
			return
		}
		text := strings.TrimSpace(Visible(cb.Message.Text))
		r := b.core.Review(text, 0)
		if text == "" {
			r = errorReply("That message has no text to review. Paste the note into a message, or use " + b.opts.Command + " review <note>.")
		}
		b.logReply("message shortcut", r)
		b.respond(ctx, cb.ResponseURL, r, false)
	case slack.InteractionTypeShortcut:
		env.ack(ctx, nil)
		if cb.CallbackID == CallbackNewDraft {
			b.openForm(ctx, cb.TriggerID, "")
		}
	case slack.InteractionTypeViewSubmission:
		b.onSubmit(ctx, env, cb)
	case slack.InteractionTypeBlockActions:
		env.ack(ctx, nil)
		b.onButtons(ctx, cb)
	default:
		env.ack(ctx, nil)
	}
}

// onSubmit validates the form: field problems show in the form; a valid
// form is answered by replacing the form with the draft.
func (b *Bot) onSubmit(ctx context.Context, env *envelope, cb slack.InteractionCallback) {
	if cb.View.CallbackID != CallbackForm {
		env.ack(ctx, nil)
		return
	}
	d, problems := ParseForm(cb.View.State)
	if problems != nil {
		env.ack(ctx, slack.NewErrorsViewSubmissionResponse(problems))
		return
	}
	if d.Target.From == "" {
		d.Target.From = b.realName(ctx, cb.User.ID)
	}
	r := b.core.Draft(d)
	if r.Kind == KindError {
		// ParseForm checked the fields; whatever else the drafter refuses
		// is shown on the name, the one required field.
		env.ack(ctx, slack.NewErrorsViewSubmissionResponse(map[string]string{"name": r.Message}))
		return
	}
	b.logReply("form", r)
	view := ResultView(r, b.opts.Command)
	env.ack(ctx, slack.NewUpdateViewSubmissionResponse(&view))
}

// onButtons redoes a draft with another approach and replaces the
// ephemeral reply through its response_url.
func (b *Bot) onButtons(ctx context.Context, cb slack.InteractionCallback) {
	for _, a := range cb.ActionCallback.BlockActions {
		name, ok := strings.CutPrefix(a.ActionID, ActionApproach)
		if !ok {
			continue
		}
		var v buttonValue
		if err := json.Unmarshal([]byte(a.Value), &v); err != nil {
			b.log.Warn("button with an unreadable value", "action_id", a.ActionID, "error", err)
			b.respond(ctx, cb.ResponseURL, errorReply("That button is from an older version of this app. Run the command again."), true)
			return
		}
		v.Details.Template = name
		r := b.core.Draft(v.Details)
		b.logReply("another approach", r)
		b.respond(ctx, cb.ResponseURL, r, true)
		return
	}
}

// openForm opens the form modal; responseURL (if any) is kept in the
// view's private metadata.
func (b *Bot) openForm(ctx context.Context, triggerID, responseURL string) {
	view := b.core.FormView()
	view.PrivateMetadata = responseURL
	if _, err := b.api.OpenViewContext(ctx, triggerID, view); err != nil {
		b.log.Error("could not open the form", "error", err)
		if responseURL != "" {
			b.respond(ctx, responseURL, Reply{Kind: KindInternal, Message: "The form would not open. Give the details on the command line instead: " + b.core.Usage()}, false)
		}
	}
}

// message is a reply as a slash command ack or response_url payload.
func (b *Bot) message(r Reply) *slack.WebhookMessage {
	return &slack.WebhookMessage{
		ResponseType: slack.ResponseTypeEphemeral,
		Text:         Fallback(r),
		Blocks:       &slack.Blocks{BlockSet: Blocks(r, b.opts.Command)},
	}
}

// respond posts a reply to a response_url, retrying on rate limits (waiting
// as long as Slack asks) and server errors; when retries run out it logs
// one line.
func (b *Bot) respond(ctx context.Context, url string, r Reply, replace bool) {
	if url == "" {
		b.log.Error("no response_url to reply to")
		return
	}
	msg := b.message(r)
	msg.ReplaceOriginal = replace
	wait := 250 * time.Millisecond
	var err error
	for attempt := 1; attempt <= respondRetries; attempt++ {
		err = slack.PostWebhookCustomHTTPContext(ctx, url, b.http, msg)
		if err == nil {
			return
		}
		var rl *slack.RateLimitedError
		var sc slack.StatusCodeError
		switch {
		case errors.As(err, &rl):
			wait = max(rl.RetryAfter, wait)
		case errors.As(err, &sc) && sc.Retryable():
		default:
			attempt = respondRetries // not worth retrying
			continue
		}
		if attempt == respondRetries {
			break
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
			attempt = respondRetries
		case <-time.After(wait):
			wait *= 2
		}
	}
	b.log.Error("reply not delivered", "error", err)
}

func (b *Bot) logReply(surface string, r Reply) {
	b.log.Info("answered", "surface", surface, "kind", r.Kind, "units", r.Breakdown.Total.Units, "findings", len(r.Report.Findings))
}

// realName returns the user's real name for the sign-off, from a cache or
// users.info; "" when Slack does not answer in time.
func (b *Bot) realName(ctx context.Context, userID string) string {
	if userID == "" {
		return ""
	}
	if n, ok := b.names.get(userID); ok {
		return n
	}
	nctx, cancel := context.WithTimeout(ctx, nameTimeout)
	defer cancel()
	u, err := b.api.GetUserInfoContext(nctx, userID)
	if err != nil {
		b.log.Warn("could not look up the user's name; drafting without it", "user", userID, "error", err)
		return ""
	}
	name := u.RealName
	if name == "" {
		name = u.Profile.RealName
	}
	b.names.put(userID, name)
	return name
}

// nameCache keeps real names for an hour, bounded in size.
type nameCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	items map[string]nameEntry
}

type nameEntry struct {
	name string
	at   time.Time
}

func newNameCache(max int, ttl time.Duration) *nameCache {
	return &nameCache{max: max, ttl: ttl, items: map[string]nameEntry{}}
}

func (c *nameCache) get(id string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[id]
	if !ok || time.Since(e.at) > c.ttl {
		return "", false
	}
	return e.name, true
}

func (c *nameCache) put(id, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.items) >= c.max {
		clear(c.items) // rare; simpler than LRU and bounded
	}
	c.items[id] = nameEntry{name, time.Now()}
}
