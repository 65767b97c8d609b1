package bot_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"connectcoach/bot/slacktest"
)

// event sends an events_api envelope with an inner event.
func (h *harness) event(eventID string, inner map[string]any, retry int) string {
	h.t.Helper()
	id, err := h.srv.Send(slacktest.Envelope{Type: "events_api", RetryAttempt: retry, Payload: map[string]any{
		"token": "old", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": 1700000000, "event": inner,
	}})
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

func TestAppHomePublished(t *testing.T) {
	h := start(t)
	h.ack(h.event("Ev1", map[string]any{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1.1"}, 0))
	c := h.call("views.publish", 1)
	var req struct {
		UserID string `json:"user_id"`
		View   struct {
			Type   string `json:"type"`
			Blocks []struct {
				BlockID  string `json:"block_id"`
				Elements []struct {
					ActionID string `json:"action_id"`
				} `json:"elements"`
			} `json:"blocks"`
		} `json:"view"`
	}
	if err := json.Unmarshal(c.JSON, &req); err != nil {
		t.Fatal(err)
	}
	if req.UserID != "U1" || req.View.Type != "home" {
		t.Errorf("published %s for %s, want a home view for U1", req.View.Type, req.UserID)
	}
	for _, want := range []string{"professional network", "300 characters", "200", "Manage invitations", "IT transformation", "/connect review", "home_draft", "home_review"} {
		if !strings.Contains(string(c.JSON), want) {
			t.Errorf("App Home lacks %q", want)
		}
	}
	// The messages tab does not republish.
	h.ack(h.event("Ev2", map[string]any{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "messages"}, 0))
	time.Sleep(100 * time.Millisecond)
	if n := len(h.srv.Calls("views.publish")); n != 1 {
		t.Errorf("views.publish called %d times, want 1", n)
	}
}

func TestHomeButtons(t *testing.T) {
	h := start(t)
	h.click("home_draft", "draft")
	if c := h.call("views.open", 1); !strings.Contains(string(c.JSON), `"callback_id":"draft_form"`) {
		t.Errorf("Draft a note opened %s", c.JSON)
	}
	h.click("home_review", "review")
	if c := h.call("views.open", 2); !strings.Contains(string(c.JSON), `"callback_id":"note_editor"`) || !strings.Contains(string(c.JSON), `"on_character_entered"`) {
		t.Errorf("Review a note opened %s", c.JSON)
	}
}

// TestEditorLiveCount types into the editor and checks each views.update:
// the right view, the latest hash, and the new count.
func TestEditorLiveCount(t *testing.T) {
	h := start(t)
	h.click("home_review", "review")
	h.call("views.open", 1)
	// The fake records the call before it stores the view: wait for both.
	var views []slacktest.View
	for deadline := time.Now().Add(2 * time.Second); len(views) == 0 && time.Now().Before(deadline); {
		views = h.srv.Views()
		time.Sleep(5 * time.Millisecond)
	}
	if len(views) != 1 {
		t.Fatalf("fake holds %d views", len(views))
	}
	v := views[0]
	typeText := func(text, hash string) {
		h.ack(h.interactive(map[string]any{
			"type": "block_actions", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"}, "trigger_id": "t",
			"container": map[string]any{"type": "view", "view_id": v.ID},
			"view": map[string]any{"id": v.ID, "hash": hash, "type": "modal", "callback_id": "note_editor", "private_metadata": "300",
				"state": map[string]any{"values": map[string]any{"note": map[string]any{"note_input": map[string]any{"type": "plain_text_input", "value": text}}}}},
			"actions": []map[string]any{{"action_id": "note_input", "block_id": "note", "type": "plain_text_input", "value": text}},
		}))
	}
	typeText("I'd like to add you to my professional network on LinkedIn.", v.Hash)
	c := h.call("views.update", 1)
	body := string(c.JSON)
	if !strings.Contains(body, `"view_id":"`+v.ID+`"`) || !strings.Contains(body, `"hash":"`+v.Hash+`"`) {
		t.Errorf("views.update %s: want view %s with hash %s", body, v.ID, v.Hash)
	}
	if !strings.Contains(body, "59 / 300") || !strings.Contains(body, `"block_id":"flag_default"`) {
		t.Errorf("editor update lacks the count 59 / 300 or the default flag: %s", body)
	}
	if strings.Contains(body, `"initial_value"`) {
		t.Errorf("an update must not reset what the user typed: %s", body)
	}
	// A stale hash: the fake answers hash_conflict; the bot shrugs.
	typeText("I'd like to add you", v.Hash)
	h.call("views.update", 2)
	time.Sleep(50 * time.Millisecond)
	if strings.Contains(h.logs.String(), "could not update the editor") {
		t.Errorf("a hash conflict was logged as an error:\n%s", h.logs.String())
	}
	cur, _ := h.srv.View(v.ID)
	typeText("Hi Maria, loved your talk on rail safety. How did you start?", cur.Hash)
	if body := string(h.call("views.update", 3).JSON); !strings.Contains(body, "60 / 300") || strings.Contains(body, "flag_default") {
		t.Errorf("third update: %s", body)
	}

	// Submitting sends the final review to the user's DM with the app.
	a := h.ack(h.interactive(map[string]any{
		"type": "view_submission", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
		"view": map[string]any{"id": v.ID, "type": "modal", "callback_id": "note_editor", "private_metadata": "200",
			"state": map[string]any{"values": map[string]any{"note": map[string]any{"note_input": map[string]any{"type": "plain_text_input", "value": "Hi Maria, loved your talk on rail safety. How did you start?"}}}}},
	}))
	if len(a.Payload) != 0 && string(a.Payload) != "null" {
		t.Errorf("editor submission acked with %s, want a plain ack that closes it", a.Payload)
	}
	post := h.call("chat.postMessage", 1)
	if post.Form.Get("channel") != "U1" || !strings.Contains(post.Form.Get("blocks"), "60 / 200") {
		t.Errorf("final review posted to %q: %s", post.Form.Get("channel"), post.Form.Get("blocks"))
	}
}

func TestDirectMessageReview(t *testing.T) {
	h := start(t)
	msg := func(eventID string, extra map[string]any, retry int) {
		inner := map[string]any{"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "ts": "1.1",
			"text": "I’d like to add you to my professional network on LinkedIn."}
		for k, v := range extra {
			inner[k] = v
		}
		h.ack(h.event(eventID, inner, retry))
	}
	msg("EvA", nil, 0)
	post := h.call("chat.postMessage", 1)
	if post.Form.Get("channel") != "D1" || !strings.Contains(post.Form.Get("blocks"), "flag_default") {
		t.Errorf("DM review posted to %q: %s", post.Form.Get("channel"), post.Form.Get("blocks"))
	}
	msg("EvA", nil, 1)                                                        // Slack delivers the same event again
	msg("EvB", map[string]any{"bot_id": "B0TEST", "user": ""}, 0)             // the app's own reply
	msg("EvC", map[string]any{"subtype": "message_changed"}, 0)               // an edit
	msg("EvD", map[string]any{"channel_type": "channel", "channel": "C1"}, 0) // not a DM
	time.Sleep(200 * time.Millisecond)
	if n := len(h.srv.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d DM replies, want 1", n)
	}
}
