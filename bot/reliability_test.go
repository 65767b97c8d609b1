package bot_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
	"go.uber.org/goleak"

	"connectcoach/bot"
	"connectcoach/bot/slacktest"
)

// TestMain fails the package if any test leaves a goroutine behind: the
// bot's, the socketmode client's or the fake's.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
	os.Exit(0)
}

func (h *harness) shortcut(responseID, text string) string {
	return h.interactive(map[string]any{
		"type": "message_action", "callback_id": "review_draft", "trigger_id": "trig",
		"response_url": h.srv.ResponseURL(responseID), "user": map[string]any{"id": "U1"},
		"channel": map[string]any{"id": "C1"}, "message": map[string]any{"type": "message", "text": text},
	})
}

func TestReconnects(t *testing.T) {
	h := start(t)
	steps := []struct {
		name string
		do   func() error
	}{
		{"disconnect refresh_requested", func() error { return h.srv.Disconnect("refresh_requested") }},
		{"disconnect warning", func() error { return h.srv.Disconnect("warning") }},
		{"TCP connection dropped", h.srv.DropConnection},
	}
	for i, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if err := h.srv.WaitConnected(h.ctx, i+2); err != nil {
			t.Fatalf("after %s the bot did not reconnect: %v", s.name, err)
		}
		if _, ok := h.reply("help").block("help"); !ok {
			t.Errorf("after %s the bot does not answer", s.name)
		}
	}
	if n := h.srv.ConnectionsOpened(); n != 4 {
		t.Errorf("apps.connections.open called %d times, want 4 (one per connection)", n)
	}
}

func TestReplyRetriedOnRateLimitAndServerError(t *testing.T) {
	h := start(t)
	h.srv.Fail("response_url", 1, 429, "1", "")
	h.srv.Fail("response_url", 1, 503, "", "")
	began := time.Now()
	h.ack(h.shortcut("retry", "Hi Ana, loved your talk on rail safety."))
	c := h.call("response_url", 3) // 429, 503, then the delivered reply
	if _, ok := decode(t, c.JSON).block("draft"); !ok {
		t.Errorf("third response_url call is not the reply: %s", c.JSON)
	}
	if waited := time.Since(began); waited < time.Second {
		t.Errorf("reply retried after %v; Retry-After asked for 1 s", waited)
	}
}

func TestReplyGivesUpWithOneLogLine(t *testing.T) {
	h := start(t)
	h.srv.Fail("response_url", 10, 500, "", "")
	h.ack(h.shortcut("broken", "Hi Ana, loved your talk on rail safety."))
	h.call("response_url", 4)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.logs.String(), "reply not delivered") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := strings.Count(h.logs.String(), "reply not delivered"); n != 1 {
		t.Errorf("%d 'reply not delivered' log lines, want 1:\n%s", n, h.logs.String())
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(h.srv.Calls("response_url")); n != 4 {
		t.Errorf("%d attempts, want 4 (bounded)", n)
	}
}

func TestPanicRecovered(t *testing.T) {
	bot.SetTestHook(func(evt socketmode.Event) {
		if cmd, ok := evt.Data.(slack.SlashCommand); ok && strings.Contains(cmd.Text, "boom") {
			panic("boom")
		}
	})
	defer bot.SetTestHook(nil)
	h := start(t)
	m := h.reply("name=boom")
	if e, ok := m.block("error"); !ok || !strings.Contains(e, "went wrong") {
		t.Errorf("after a panic the user got %s", m.raw)
	}
	if !strings.Contains(h.logs.String(), "handler panicked") || !strings.Contains(h.logs.String(), "envelope_type=slash_commands") {
		t.Errorf("panic not logged with the envelope type:\n%s", h.logs.String())
	}
	if _, ok := h.reply("help").block("help"); !ok {
		t.Error("the bot stopped serving after a panic")
	}
}

func TestShutdownFinishesInFlightReplies(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	b, logs := newBot(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	if err := srv.WaitConnected(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	// The reply's first attempt is rate limited for 1 s: it is in flight
	// when the shutdown starts.
	srv.Fail("response_url", 1, 429, "1", "")
	id, _ := srv.Send(slacktest.Envelope{Type: "interactive", Payload: map[string]any{
		"type": "message_action", "callback_id": "review_draft", "response_url": srv.ResponseURL("late"),
		"user": map[string]any{"id": "U1"}, "message": map[string]any{"text": "Hi Ana, loved your talk."},
	}})
	wctx, wcancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer wcancel()
	if _, err := srv.WaitAck(wctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitCall(wctx, "response_url", 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("Run did not return within the shutdown grace")
	}
	if n := len(srv.Calls("response_url")); n != 2 {
		t.Errorf("in-flight reply: %d response_url calls, want 2 (the 429 and the delivered reply)\n%s", n, logs.String())
	}
}

func TestLongAndEscapedInput(t *testing.T) {
	h := start(t)
	long := strings.Repeat("I saw your talk on rail safety &amp; signalling. ", 410)[:20000]
	tests := []struct {
		name, text, block, says string
	}{
		{"20,000-character command", "name=Joe goal=" + long, "error", "keep it under 500"},
		{"20,000-character review", "review " + long, "findings", "over-limit"},
		{"Slack-escaped", `name=Joe company="R&amp;D &lt;Labs&gt;" goal="a project role"`, "draft", "R&amp;D &lt;Labs&gt;"},
	}
	for _, tc := range tests {
		a, respID := h.slash(tc.text)
		m := h.response(respID)
		got, ok := m.block(tc.block)
		if !ok || !strings.Contains(got, tc.says) {
			t.Errorf("%s: block %s = %.200q (blocks %v), want it to say %q", tc.name, tc.block, got, m.ids(), tc.says)
		}
		if a.Latency > time.Second {
			t.Errorf("%s: ack took %v", tc.name, a.Latency)
		}
	}
	// A 20,000-character message through the shortcut, with fields Slack
	// may add one day.
	id := h.interactive(map[string]any{
		"type": "message_action", "callback_id": "review_draft", "response_url": h.srv.ResponseURL("long"),
		"user": map[string]any{"id": "U1"}, "message": map[string]any{"text": long, "future_field": map[string]any{"x": []int{1}}},
		"another_new_field": true,
	})
	h.ack(id)
	if f, _ := h.response("long").block("findings"); !strings.Contains(f, "over-limit") {
		t.Errorf("long message review findings %q", f)
	}
}

// TestNoPingsInAnyReply sends hostile text through every surface that
// echoes user text, decodes every reply that reached the fake Slack (JSON
// bodies and form-encoded blocks) and scans each text object: no live
// mention or link, and no mrkdwn without verbatim.
func TestNoPingsInAnyReply(t *testing.T) {
	h := start(t)
	hostile := `<!channel> <!here> <!everyone> @here <@U999> <#C123> <https://evil.example|click> <!subteam^S1>`
	escaped := bot.Escape(hostile)
	h.reply(`name="` + escaped + `" company="` + escaped + `" goal="` + escaped + `"`)
	h.reply("review " + escaped)
	h.reply("name=Joe colour=" + escaped)
	h.ack(h.shortcut("hostile", hostile))
	h.response("hostile")
	h.ack(h.event("Ev-hostile", map[string]any{"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "text": hostile}, 0))
	h.call("chat.postMessage", 1)

	calls := h.srv.Calls("")
	texts := 0
	for _, c := range calls {
		var bodies []any
		switch {
		case len(c.JSON) > 0:
			var v any
			if err := json.Unmarshal(c.JSON, &v); err == nil {
				bodies = append(bodies, v)
			}
		case c.Form.Get("blocks") != "":
			var v any
			if err := json.Unmarshal([]byte(c.Form.Get("blocks")), &v); err != nil {
				t.Fatalf("%s: blocks are not JSON: %v", c.Method, err)
			}
			bodies = append(bodies, v, c.Form.Get("text"))
		}
		for _, body := range bodies {
			walkText(body, func(typ, text string, verbatim bool) {
				texts++
				if live := liveMention(text); live != "" {
					t.Errorf("%s: %s text holds a live %q: %.120q", c.Method, typ, live, text)
				}
				if typ == "mrkdwn" && !verbatim {
					t.Errorf("%s: mrkdwn without verbatim: %.80q", c.Method, text)
				}
			})
		}
	}
	if texts < 10 {
		t.Fatalf("scanned only %d text objects in %d calls: the test is not looking", texts, len(calls))
	}
}

// liveMention returns the first thing in text that Slack would turn into a
// mention, a channel link or a link: any "<" followed by @, #, ! or a URL.
func liveMention(text string) string {
	for i := strings.IndexByte(text, '<'); i >= 0; i = strings.IndexByte(text[i+1:], '<') + i + 1 {
		rest := text[i+1:]
		if rest != "" && (strings.ContainsAny(rest[:1], "@#!") || strings.HasPrefix(rest, "http") || strings.HasPrefix(rest, "mailto:")) {
			return text[i:min(len(text), i+12)]
		}
		if strings.IndexByte(text[i+1:], '<') < 0 {
			break
		}
	}
	return ""
}

// walkText calls f for every Block Kit text object and every "text"
// string in a decoded JSON value (a bare string is a form's text field).
func walkText(v any, f func(typ, text string, verbatim bool)) {
	switch x := v.(type) {
	case string:
		f("text", x, true)
	case []any:
		for _, e := range x {
			walkText(e, f)
		}
	case map[string]any:
		if text, ok := x["text"].(string); ok {
			typ, _ := x["type"].(string)
			verbatim, _ := x["verbatim"].(bool)
			if typ == "plain_text" || typ == "mrkdwn" {
				f(typ, text, verbatim)
			} else {
				f("text", text, true)
			}
		}
		for _, e := range x {
			// Strings other than "text" (button values, ids) are never shown.
			if !isString(e) {
				walkText(e, f)
			}
		}
	}
}

func isString(v any) bool { _, ok := v.(string); return ok }

// TestSlowReplyDoesNotHoldUpOthers: while one reply waits out rate limits,
// a form submission (whose answer is its ack) and a command are still
// answered at once.
func TestSlowReplyDoesNotHoldUpOthers(t *testing.T) {
	h := start(t)
	h.srv.Fail("response_url", 3, 429, "2", "")
	h.ack(h.shortcut("slow", "Hi Ana, loved your talk on rail safety."))
	h.call("response_url", 1) // the first attempt was refused; the reply now waits 2 s
	began := time.Now()
	id := h.interactive(map[string]any{
		"type": "view_submission", "user": map[string]any{"id": "U1"},
		"view": map[string]any{"id": "V1", "type": "modal", "callback_id": "draft_form", "state": map[string]any{"values": map[string]any{
			"name": map[string]any{"name_input": map[string]any{"type": "plain_text_input", "value": "Joe"}},
		}}},
	})
	a := h.ack(id)
	if took := time.Since(began); took > time.Second || !strings.Contains(string(a.Payload), `"response_action":"update"`) {
		t.Errorf("form submission answered after %v with %s", took, a.Payload)
	}
	if _, ok := h.reply("help").block("help"); !ok || time.Since(began) > 1500*time.Millisecond {
		t.Errorf("help answered after %v", time.Since(began))
	}
}
