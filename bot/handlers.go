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

// onSlash answers /connect. The envelope is acked at once, before any
// work; the reply follows through the command's response_url, so that
// answering never holds up acking.
func (b *Bot) onSlash(ctx context.Context, cmd slack.SlashCommand) {
	if cmd.Command != b.opts.Command {
		b.respond(ctx, cmd.ResponseURL, errorReply("This app answers "+b.opts.Command+", not "+cmd.Command+"."), false)
		return
	}
	text := Unescape(cmd.Text)
	sender := ""
	if b.core.NeedsSender(text) {
		sender = b.realName(ctx, cmd.UserID) // a Slack call: outside compute
	}
	r := b.reply(ctx, func() Reply { return b.core.HandleText(text, func() string { return sender }) })
	if r.Kind == KindOpenForm {
		b.openForm(ctx, cmd.TriggerID, cmd.ResponseURL)
		return
	}
	b.logReply("slash command", r)
	b.respond(ctx, cmd.ResponseURL, r, false)
}

// onInteraction answers shortcuts, form submissions and buttons. All but
// the submissions were acked already.
func (b *Bot) onInteraction(ctx context.Context, env *envelope, cb slack.InteractionCallback) {
	switch cb.Type {
	case slack.InteractionTypeMessageAction:
		if cb.CallbackID != CallbackReview {
			return
		}
		text := strings.TrimSpace(Visible(cb.Message.Text))
		r := b.reply(ctx, func() Reply { return b.core.Review(text, 0) })
		if text == "" {
			r = errorReply("That message has no text to review. Paste the note into a message, or use " + b.opts.Command + " review <note>.")
		}
		b.logReply("message shortcut", r)
		b.respond(ctx, cb.ResponseURL, r, false)
	case slack.InteractionTypeShortcut:
		if cb.CallbackID == CallbackNewDraft {
			b.openForm(ctx, cb.TriggerID, "")
		}
	case slack.InteractionTypeViewSubmission:
		b.onSubmit(ctx, env, cb)
	case slack.InteractionTypeBlockActions:
		b.onButtons(ctx, cb)
	}
}

// onSubmit validates a submitted form: field problems show in the form.
// A valid form opened by /connect closes and is answered like the command
// (through its response_url); one opened elsewhere shows the draft in its
// place. The editor's submissions go to onEditorSubmit.
func (b *Bot) onSubmit(ctx context.Context, env *envelope, cb slack.InteractionCallback) {
	switch cb.View.CallbackID {
	case CallbackEditor:
		b.onEditorSubmit(ctx, env, cb)
		return
	case CallbackForm:
	default:
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
	var r Reply
	b.compute(ctx, true, func() { r = b.core.Draft(d) })
	if r.Kind == KindError {
		// ParseForm checked the fields; what else the drafter refuses is
		// about the approach (it does not suit the details), or the name.
		field, msg := "name", r.Message
		if d.Template != "" {
			field, msg = "template", formWords(r.Message)
		}
		env.ack(ctx, slack.NewErrorsViewSubmissionResponse(map[string]string{field: truncate(msg, 150)}))
		return
	}
	b.logReply("form", r)
	if url := cb.View.PrivateMetadata; strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://") {
		// Opened from /connect: answer where the command would (buttons
		// included) and close the form. The response_url may have expired
		// while the form was open; then the draft shows in the form.
		pctx, cancel := context.WithTimeout(ctx, formReplyBudget)
		err := slack.PostWebhookCustomHTTPContext(pctx, url, b.http, b.message(r))
		cancel()
		if err == nil {
			env.ack(ctx, nil)
			return
		}
		b.log.Warn("could not answer the form in the channel; showing the draft in the form", "error", err)
	}
	// Opened from a shortcut or App Home (or the channel reply failed):
	// the draft takes the form's place.
	view := ResultView(r, b.opts.Command)
	env.ack(ctx, slack.NewUpdateViewSubmissionResponse(&view))
}

// formWords puts a command-line message into the form's words.
func formWords(msg string) string {
	return strings.NewReplacer("common=", "“What you share”", "goal=", "“Why you want to connect”",
		"company=", "“Their company”", "role=", "“Their role”", "template=", "the approach").Replace(msg)
}

// onButtons answers the reply's buttons (replacing the reply through its
// response_url), the App Home buttons, and typing in the editor.
func (b *Bot) onButtons(ctx context.Context, cb slack.InteractionCallback) {
	for _, a := range cb.ActionCallback.BlockActions {
		switch a.ActionID {
		case ActionAnother, ActionFit200:
			var v buttonValue
			if err := json.Unmarshal([]byte(a.Value), &v); err != nil {
				b.log.Warn("button with an unreadable value", "action_id", a.ActionID, "error", err)
				b.respond(ctx, cb.ResponseURL, errorReply("That button is from an older version of this app. Run the command again."), true)
				return
			}
			r := b.reply(ctx, func() Reply { return b.core.Draft(v.Details) })
			b.logReply(a.ActionID, r)
			b.respond(ctx, cb.ResponseURL, r, true)
		case ActionEdit:
			var v editValue
			if err := json.Unmarshal([]byte(a.Value), &v); err != nil {
				v = editValue{Text: a.Value} // an older button held the bare text
			}
			var view slack.ModalViewRequest
			b.compute(ctx, false, func() { view = b.core.EditorView(v.Text, v.Limit, true) })
			b.openView(ctx, cb.TriggerID, view)
		case ActionHomeDraft:
			b.openForm(ctx, cb.TriggerID, "")
		case ActionHomeReview:
			b.openView(ctx, cb.TriggerID, b.core.EditorView("", 0, true))
		case ActionNoteInput:
			b.updateEditor(ctx, cb)
		default:
			continue
		}
		return
	}
}

// updateEditor recounts the editor's text and updates the view. The view's
// hash makes Slack refuse the update if a newer one got there first; that
// is expected while someone types, and not an error.
func (b *Bot) updateEditor(ctx context.Context, cb slack.InteractionCallback) {
	text := editorText(cb.View.State)
	var view slack.ModalViewRequest
	b.compute(ctx, false, func() { view = b.core.EditorView(text, editorLimit(cb.View), false) })
	_, err := b.api.UpdateViewContext(ctx, view, "", cb.View.Hash, cb.View.ID)
	var se slack.SlackErrorResponse
	switch {
	case err == nil:
	case errors.As(err, &se) && se.Err == "hash_conflict":
		b.log.Debug("editor update superseded by a newer one", "view", cb.View.ID)
	default:
		b.log.Error("could not update the editor", "view", cb.View.ID, "error", err)
	}
}

// openView opens a modal, logging (not failing) when Slack refuses.
func (b *Bot) openView(ctx context.Context, triggerID string, view slack.ModalViewRequest) {
	if _, err := b.api.OpenViewContext(ctx, triggerID, view); err != nil {
		b.log.Error("could not open a view", "callback_id", view.CallbackID, "error", err)
	}
}

// onEditorSubmit closes the editor and sends the final review to the user
// in their direct messages with the app.
func (b *Bot) onEditorSubmit(ctx context.Context, env *envelope, cb slack.InteractionCallback) {
	text := editorText(cb.View.State)
	if text == "" {
		env.ack(ctx, slack.NewErrorsViewSubmissionResponse(map[string]string{BlockNote: "Type or paste the note to review."}))
		return
	}
	env.ack(ctx, nil)
	r := b.reply(ctx, func() Reply { return b.core.Review(text, editorLimit(cb.View)) })
	b.logReply("editor", r)
	b.post(ctx, cb.User.ID, r)
}

// post sends a reply as a message to a channel or a user's DM with the app
// (chat.postMessage; slack-go retries rate limits and server errors).
func (b *Bot) post(ctx context.Context, channel string, r Reply) {
	_, _, err := b.api.PostMessageContext(ctx, channel,
		slack.MsgOptionText(Fallback(r), false),
		slack.MsgOptionBlocks(Blocks(r, b.opts.Command)...))
	if err != nil {
		b.log.Error("reply not delivered", "channel", channel, "error", err)
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
	backoff := 250 * time.Millisecond
	var err error
loop:
	for attempt := 1; ; attempt++ {
		if err = slack.PostWebhookCustomHTTPContext(ctx, url, b.http, msg); err == nil {
			return
		}
		wait, retry := retryWait(err, backoff)
		if !retry || attempt == respondRetries {
			break
		}
		if wait == backoff {
			backoff *= 2
		}
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		case <-time.After(wait):
		}
	}
	b.log.Error("reply not delivered", "error", err)
}

func (b *Bot) logReply(surface string, r Reply) {
	b.log.Info("answered", "surface", surface, "kind", r.Kind, "units", r.Breakdown.Total.Units, "findings", len(r.Report.Findings))
}

// retryWait says whether a failed Slack call is worth another try and how
// long to wait first: exactly Retry-After on a rate limit, backoff on a
// server error, no retry on anything else.
func retryWait(err error, backoff time.Duration) (time.Duration, bool) {
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	switch {
	case errors.As(err, &rl):
		return max(rl.RetryAfter, backoff), true // Retry-After: 0 still waits a little
	case errors.As(err, &sc) && sc.Retryable():
		return backoff, true
	}
	return 0, false
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
		var se slack.SlackErrorResponse
		if errors.As(err, &se) {
			b.names.put(userID, "") // Slack said no (user_not_found …): do not ask again for a while
		}
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
