package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"connectcoach/bot"
	"connectcoach/bot/slacktest"
	"connectcoach/templates"
)

// harness runs the real bot, with its real socketmode client, against the
// fake Slack.
type harness struct {
	t    *testing.T
	srv  *slacktest.Server
	logs *syncBuffer
	ctx  context.Context
	n    int // response_url ids handed out
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newBot builds a bot for srv with debug logs in a buffer.
func newBot(t *testing.T, srv *slacktest.Server) (*bot.Bot, *syncBuffer) {
	t.Helper()
	srv.SetUser("U1", "Fred Smith")
	logs := &syncBuffer{}
	httpClient := &http.Client{Timeout: 5 * time.Second}
	t.Cleanup(httpClient.CloseIdleConnections)
	b, err := bot.New(bot.Options{
		AppToken: "xapp-test", BotToken: "xoxb-test", APIURL: srv.APIURL(),
		Command: "/connect", Limit: 300, Templates: templates.Default(),
		Logger:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		HTTPClient: httpClient, PingInterval: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, logs
}

func start(t *testing.T) *harness {
	t.Helper()
	srv := slacktest.NewServer()
	b, logs := newBot(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after cancel")
		}
		srv.Close()
		if t.Failed() {
			t.Logf("bot logs:\n%s", logs.String())
		}
	})
	h := &harness{t: t, srv: srv, logs: logs, ctx: ctx}
	if err := srv.WaitConnected(ctx, 1); err != nil {
		t.Fatalf("bot never connected: %v", err)
	}
	return h
}

// slash sends a /connect envelope with text (as Slack would send it) and
// returns the ack and the id of the command's response_url.
func (h *harness) slash(text string) (slacktest.Ack, string) {
	h.t.Helper()
	h.n++
	respID := "slash-" + itoa(h.n)
	id, err := h.srv.Send(slacktest.Envelope{Type: "slash_commands", AcceptsResponsePayload: true, Payload: map[string]any{
		"token": "old", "team_id": "T1", "team_domain": "acme", "channel_id": "C1", "channel_name": "jobs",
		"user_id": "U1", "user_name": "fred", "command": "/connect", "text": text,
		"response_url": h.srv.ResponseURL(respID), "trigger_id": "trig-1", "api_app_id": "A1",
		"is_enterprise_install": "false",
	}})
	if err != nil {
		h.t.Fatal(err)
	}
	return h.ack(id), respID
}

// reply sends a /connect command and returns the reply it gets through the
// response_url, after checking that the envelope was acked at once and
// without a payload.
func (h *harness) reply(text string) message {
	h.t.Helper()
	a, respID := h.slash(text)
	if len(a.Payload) != 0 && string(a.Payload) != "null" {
		h.t.Errorf("slash command acked with a payload %s; the reply belongs on the response_url", a.Payload)
	}
	return h.response(respID)
}

// response waits for the post to the response_url with that id.
func (h *harness) response(respID string) message {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, c := range h.srv.Calls("response_url") {
			if strings.HasSuffix(c.Path, "/"+respID) {
				return decode(h.t, c.JSON)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.t.Fatalf("no reply on response_url %s", respID)
	return message{}
}

func (h *harness) interactive(payload map[string]any) string {
	h.t.Helper()
	id, err := h.srv.Send(slacktest.Envelope{Type: "interactive", AcceptsResponsePayload: true, Payload: payload})
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

func (h *harness) ack(id string) slacktest.Ack {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 3*time.Second)
	defer cancel()
	a, err := h.srv.WaitAck(ctx, id)
	if err != nil {
		h.t.Fatalf("no ack for %s within Slack's 3 s: %v", id, err)
	}
	return a
}

func (h *harness) call(method string, n int) slacktest.Call {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(h.ctx, 5*time.Second)
	defer cancel()
	c, err := h.srv.WaitCall(ctx, method, n)
	if err != nil {
		h.t.Fatalf("no call %d of %s: %v", n, method, err)
	}
	return c
}

// message is a reply as it reaches Slack, by block_id.
type message struct {
	ResponseType    string `json:"response_type"`
	ReplaceOriginal bool   `json:"replace_original"`
	Text            string `json:"text"`
	Blocks          []struct {
		Type    string `json:"type"`
		BlockID string `json:"block_id"`
		Text    struct {
			Type     string `json:"type"`
			Text     string `json:"text"`
			Verbatim bool   `json:"verbatim"`
		} `json:"text"`
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	} `json:"blocks"`
	raw string
}

func decode(t *testing.T, raw []byte) message {
	t.Helper()
	var m message
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("reply is not JSON: %v\n%s", err, raw)
	}
	m.raw = string(raw)
	return m
}

func (m message) block(id string) (string, bool) {
	for _, b := range m.Blocks {
		if b.BlockID == id {
			return b.Text.Text, true
		}
	}
	return "", false
}

func (m message) ids() []string {
	var ids []string
	for _, b := range m.Blocks {
		ids = append(ids, b.BlockID)
	}
	return ids
}

func TestSlashDraft(t *testing.T) {
	h := start(t)
	a, respID := h.slash(`name=Joe company=Acme common="a civil engineer like me" goal=“join the team there in a project role”`)
	m := h.response(respID)
	if m.ResponseType != "ephemeral" {
		t.Errorf("response_type = %q, want ephemeral", m.ResponseType)
	}
	draft, ok := m.block("draft")
	if !ok {
		t.Fatalf("no draft block; blocks %v", m.ids())
	}
	for _, want := range []string{"Hi Joe,", "Acme", "civil engineer like me", "Fred Smith"} {
		if !strings.Contains(draft, want) {
			t.Errorf("draft %q lacks %q", draft, want)
		}
	}
	length, _ := m.block("length")
	if n := len([]rune(draft)); !strings.Contains(length, itoa(n)+" / 300") {
		t.Errorf("length block %q does not hold the draft's count %d / 300", length, n)
	}
	if _, ok := m.block("findings"); !ok {
		t.Errorf("no findings block: %v", m.ids())
	}
	if _, ok := m.block("flag_default"); ok {
		t.Errorf("a draft was flagged as the default request")
	}
	for _, id := range []string{"another_approach", "fit_200", "edit_draft"} {
		if !strings.Contains(m.raw, `"action_id":"`+id+`"`) {
			t.Errorf("no %s button in %s", id, m.raw)
		}
	}
	if a.Latency > time.Second {
		t.Errorf("ack took %v", a.Latency)
	}
}

func TestSlashReviewDefault(t *testing.T) {
	h := start(t)
	m := h.reply("review Hi Maria, I’d like to add you to my professional network on LinkedIn. - Priya")
	flag, ok := m.block("flag_default")
	if !ok {
		t.Fatalf("default request not flagged; blocks %v", m.ids())
	}
	if !strings.Contains(flag, "Manage invitations") || !strings.Contains(flag, "Withdraw") {
		t.Errorf("flag_default %q lacks the withdraw tip", flag)
	}
	if d, _ := m.block("draft"); !strings.Contains(d, "professional network") {
		t.Errorf("draft block %q is not the reviewed text", d)
	}
	// A personal note is not flagged.
	m = h.reply("review Hi Maria, loved your talk on rail safety. Could I ask how you got started?")
	if _, ok := m.block("flag_default"); ok {
		t.Errorf("personal note flagged as default")
	}
}

func TestSlashHelp(t *testing.T) {
	h := start(t)
	m := h.reply("help")
	help, ok := m.block("help")
	if !ok {
		t.Fatalf("no help block: %v", m.ids())
	}
	for _, want := range []string{"name", "company", "goal", "limit", "common-ground", "advice", "/connect review"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestSlashBadGrammar(t *testing.T) {
	h := start(t)
	tests := []struct{ text, says string }{
		{"name=Joe colour=blue", "colour"},
		{`name=Joe goal="a project role`, "never closed"},
		{"company=Acme", "name="},
		{"name=Joe limit=5", "50 to 1000"},
		{`name=Joe company=Acme goal="a project role" template=met`, "needs a common= value"},
		{`name=Joe common="a civil engineer like me" template=met`, "reads common= as where you met"},
		{"name=Joe template=nope", `no approach called "nope"`},
	}
	for _, tc := range tests {
		m := h.reply(tc.text)
		e, ok := m.block("error")
		if !ok || !strings.Contains(e, tc.says) || !strings.Contains(e, "For example") {
			t.Errorf("/connect %s: error block %q (blocks %v), want it to say %q and show an example", tc.text, e, m.ids(), tc.says)
		}
	}
}

func TestFormOpenAndSubmit(t *testing.T) {
	h := start(t)
	a, _ := h.slash("")
	if len(a.Payload) != 0 && string(a.Payload) != "null" {
		t.Errorf("empty command acked with payload %s, want a plain ack", a.Payload)
	}
	open := h.call("views.open", 1)
	if !strings.Contains(string(open.JSON), `"callback_id":"draft_form"`) || !strings.Contains(string(open.JSON), `"trigger_id":"trig-1"`) {
		t.Errorf("views.open body %s", open.JSON)
	}

	if !strings.Contains(string(open.JSON), `"private_metadata":"`+h.srv.ResponseURL("slash-1")+`"`) {
		t.Errorf("the form does not keep the command's response_url: %s", open.JSON)
	}
	metadata := "" // a form opened from a shortcut has none
	submit := func(name, limit string) slacktest.Ack {
		return h.ack(h.interactive(map[string]any{
			"type": "view_submission", "team": map[string]any{"id": "T1"}, "user": map[string]any{"id": "U1"},
			"view": map[string]any{"id": "V1", "type": "modal", "callback_id": "draft_form", "private_metadata": metadata, "state": map[string]any{"values": map[string]any{
				"name":     map[string]any{"name_input": map[string]any{"type": "plain_text_input", "value": name}},
				"company":  map[string]any{"company_input": map[string]any{"type": "plain_text_input", "value": "Acme"}},
				"goal":     map[string]any{"goal_input": map[string]any{"type": "plain_text_input", "value": "a project role"}},
				"template": map[string]any{"template_input": map[string]any{"type": "static_select", "selected_option": map[string]any{"value": "auto"}}},
				"limit":    map[string]any{"limit_input": map[string]any{"type": "plain_text_input", "value": limit}},
			}}},
		}))
	}
	var resp struct {
		Action string            `json:"response_action"`
		Errors map[string]string `json:"errors"`
		View   json.RawMessage   `json:"view"`
	}
	if err := json.Unmarshal(submit("", "abc").Payload, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Action != "errors" || resp.Errors["name"] == "" || resp.Errors["limit"] == "" {
		t.Errorf("invalid form answered %+v, want errors on name and limit", resp)
	}
	resp.Errors = nil
	if err := json.Unmarshal(submit("Joe", "200").Payload, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Action != "update" || !strings.Contains(string(resp.View), `"block_id":"draft"`) || !strings.Contains(string(resp.View), "Hi Joe") {
		t.Errorf("valid form answered %s %s, want the draft in the modal", resp.Action, resp.View)
	}
	if !strings.Contains(string(resp.View), "/ 200") {
		t.Errorf("the modal's draft is not fitted to 200: %s", resp.View)
	}

	// Opened from /connect, the form closes and the draft goes where the
	// command's reply would, with its buttons.
	metadata = h.srv.ResponseURL("slash-1")
	if a := submit("Joe", "300"); len(a.Payload) != 0 && string(a.Payload) != "null" {
		t.Errorf("form from /connect acked with %s, want a plain ack that closes it", a.Payload)
	}
	m := h.response("slash-1")
	if d, _ := m.block("draft"); !strings.Contains(d, "Hi Joe") {
		t.Errorf("form reply draft %q", d)
	}
	if _, ok := m.button("another_approach"); !ok {
		t.Errorf("form reply has no buttons: %s", m.raw)
	}

	// The command's response_url has expired: the draft shows in the form.
	h.srv.Fail("response_url", 1, 404, "", "expired_url")
	resp.Action, resp.View = "", nil
	if err := json.Unmarshal(submit("Joe", "300").Payload, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Action != "update" || !strings.Contains(string(resp.View), "Hi Joe") {
		t.Errorf("with the channel reply failing, the form answered %s %s", resp.Action, resp.View)
	}
}

func TestGlobalShortcutOpensForm(t *testing.T) {
	h := start(t)
	h.ack(h.interactive(map[string]any{"type": "shortcut", "callback_id": "new_draft", "trigger_id": "trig-2", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"}}))
	if c := h.call("views.open", 1); !strings.Contains(string(c.JSON), `"trig-2"`) {
		t.Errorf("views.open body %s", c.JSON)
	}
}

func TestMessageShortcutReview(t *testing.T) {
	h := start(t)
	id := h.interactive(map[string]any{
		"type": "message_action", "callback_id": "review_draft", "trigger_id": "trig-3",
		"response_url": h.srv.ResponseURL("shortcut"), "user": map[string]any{"id": "U1"},
		"channel": map[string]any{"id": "C1"}, "team": map[string]any{"id": "T1"},
		"message": map[string]any{"type": "message", "ts": "1.2", "text": "I'd like to add you to my professional network on LinkedIn. &lt;3 <@U999|sam>"},
	})
	h.ack(id)
	c := h.call("response_url", 1)
	m := decode(t, c.JSON)
	if _, ok := m.block("flag_default"); ok {
		t.Errorf("note with extra text flagged as the whole default")
	}
	d, _ := m.block("draft")
	if !strings.Contains(d, "&lt;3 @sam") {
		t.Errorf("reviewed text %q: want the visible text, re-escaped", d)
	}
	if f, _ := m.block("findings"); !strings.Contains(f, "default-sentence") {
		t.Errorf("findings %q lack default-sentence", f)
	}
}

// button returns the value of the reply's button with that action id.
func (m message) button(actionID string) (string, bool) {
	for _, b := range m.Blocks {
		for _, e := range b.Elements {
			if e.ActionID == actionID {
				return e.Value, true
			}
		}
	}
	return "", false
}

// click sends a block_actions envelope for a button on an ephemeral reply
// and returns the id of its response_url.
func (h *harness) click(actionID, value string) string {
	h.t.Helper()
	h.n++
	respID := "button-" + itoa(h.n)
	h.ack(h.interactive(map[string]any{
		"type": "block_actions", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
		"response_url": h.srv.ResponseURL(respID), "trigger_id": "trig-" + respID,
		"container": map[string]any{"type": "message", "is_ephemeral": true},
		"actions":   []map[string]any{{"action_id": actionID, "block_id": "actions", "type": "button", "value": value}},
	}))
	return respID
}

func TestReplyButtons(t *testing.T) {
	h := start(t)
	m := h.reply(`name=Joe company=Acme goal="a project role" common="civil engineers"`)
	first, _ := m.block("draft")

	// Another approach: a different draft for the same person, replacing the reply.
	v, ok := m.button("another_approach")
	if !ok {
		t.Fatalf("no another_approach button in %s", m.raw)
	}
	got := h.response(h.click("another_approach", v))
	d, _ := got.block("draft")
	if !got.ReplaceOriginal || d == "" || d == first || !strings.Contains(d, "Joe") {
		t.Errorf("another approach: replace=%v draft %q (first was %q)", got.ReplaceOriginal, d, first)
	}
	// Pressing it on the new reply moves on again.
	v2, _ := got.button("another_approach")
	third, _ := h.response(h.click("another_approach", v2)).block("draft")
	if third == d || third == "" {
		t.Errorf("another approach twice gave the same draft %q", third)
	}

	// Fit 200: the same details fitted to 200.
	v, _ = m.button("fit_200")
	got = h.response(h.click("fit_200", v))
	if l, _ := got.block("length"); !strings.Contains(l, "/ 200") || !got.ReplaceOriginal {
		t.Errorf("fit 200 gave length %q", l)
	}
	if _, ok := got.button("fit_200"); ok {
		t.Errorf("a draft fitted to 200 still offers Fit 200")
	}
	// Edit on the fitted draft: the editor counts against 200.
	v, _ = got.button("edit_draft")
	h.click("edit_draft", v)
	if open := h.call("views.open", 1); !strings.Contains(string(open.JSON), `"private_metadata":"200"`) {
		t.Errorf("editor opened from a 200 draft: %s", open.JSON)
	}

	// Edit: the editor opens with the draft in it.
	v, _ = m.button("edit_draft")
	h.click("edit_draft", v)
	open := h.call("views.open", 2)
	if !strings.Contains(string(open.JSON), `"callback_id":"note_editor"`) || !strings.Contains(string(open.JSON), jsonString(first)) {
		t.Errorf("edit opened %s, want the editor holding the draft", open.JSON)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func TestNothingPings(t *testing.T) {
	h := start(t)
	m := h.reply(`name="<!channel> Joe" company="R&amp;D &lt;!here&gt;" goal="@here <@U999>"`)
	for _, bad := range []string{"<!channel>", "<!here>", "<@U999>", "<!everyone>"} {
		if strings.Contains(m.raw, bad) {
			t.Errorf("reply holds a live %s: %s", bad, m.raw)
		}
	}
	for _, b := range m.Blocks {
		if b.Text.Type == "mrkdwn" && !b.Text.Verbatim {
			t.Errorf("block %s is mrkdwn without verbatim", b.BlockID)
		}
	}
	if d, _ := m.block("draft"); !strings.Contains(d, "R&amp;D") {
		t.Errorf("draft %q: & should arrive escaped once", d)
	}
}

func TestUnparseableEnvelopeIsAcked(t *testing.T) {
	h := start(t)
	id, err := h.srv.Send(slacktest.Envelope{Type: "mystery_type", Payload: map[string]any{"x": 1}})
	if err != nil {
		t.Fatal(err)
	}
	h.ack(id)
	// The bot still serves.
	if _, ok := h.reply("help").block("help"); !ok {
		t.Error("bot stopped answering after a bad envelope")
	}
}

func TestRepeatedEnvelopeAnsweredOnce(t *testing.T) {
	h := start(t)
	payload := map[string]any{
		"type": "message_action", "callback_id": "review_draft", "response_url": h.srv.ResponseURL("dup"),
		"user": map[string]any{"id": "U1"}, "message": map[string]any{"text": "Hi Ana, loved your talk."},
	}
	id, err := h.srv.Send(slacktest.Envelope{EnvelopeID: "env-dup", Type: "interactive", Payload: payload})
	if err != nil {
		t.Fatal(err)
	}
	h.ack(id)
	h.call("response_url", 1)
	if _, err := h.srv.Send(slacktest.Envelope{EnvelopeID: "env-dup", Type: "interactive", Payload: payload, RetryAttempt: 1, RetryReason: "timeout"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for len(h.srv.Acks("env-dup")) < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := len(h.srv.Acks("env-dup")); n != 2 {
		t.Errorf("repeated envelope acked %d times, want 2", n)
	}
	// Give a second answer time to arrive, if the bot wrongly sent one.
	time.Sleep(200 * time.Millisecond)
	if n := len(h.srv.Calls("response_url")); n != 1 {
		t.Errorf("repeated envelope answered %d times, want 1", n)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestShortcutOnMessageWithoutText: a message made only of blocks or
// files has no text; the user is told so instead of getting a review of
// nothing.
func TestShortcutOnMessageWithoutText(t *testing.T) {
	h := start(t)
	h.ack(h.interactive(map[string]any{
		"type": "message_action", "callback_id": "review_draft", "response_url": h.srv.ResponseURL("empty"),
		"user": map[string]any{"id": "U1"}, "message": map[string]any{"type": "message", "text": ""},
	}))
	m := h.response("empty")
	if e, ok := m.block("error"); !ok || !strings.Contains(e, "no text to review") {
		t.Errorf("reply to a message without text: %s", m.raw)
	}
}
