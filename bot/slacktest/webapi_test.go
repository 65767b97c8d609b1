package slacktest_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

func TestPostEphemeralRateLimited(t *testing.T) {
	srv := newServer(t)
	api := newAPI(srv)
	ctx := testContext(t)
	srv.Fail("chat.postEphemeral", 1, http.StatusTooManyRequests, "1", "")

	_, err := api.PostEphemeralContext(ctx, "C0CHAN", "U0JOE", slack.MsgOptionText("hi", false))
	var rl *slack.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter != time.Second {
		t.Fatalf("PostEphemeral() error = %v, want *slack.RateLimitedError after 1s", err)
	}

	ts, err := api.PostEphemeralContext(ctx, "C0CHAN", "U0JOE", slack.MsgOptionText("hi", false))
	if err != nil || ts == "" {
		t.Fatalf("PostEphemeral() after the failure = %q, %v; want a ts, nil", ts, err)
	}
	calls := srv.Calls("chat.postEphemeral")
	if len(calls) != 2 {
		t.Fatalf("chat.postEphemeral calls = %d, want 2 (failed ones are recorded)", len(calls))
	}
	for _, field := range []struct{ key, want string }{
		{"token", "xoxb-test"}, {"channel", "C0CHAN"}, {"user", "U0JOE"}, {"text", "hi"},
	} {
		if got := calls[1].Form.Get(field.key); got != field.want {
			t.Errorf("form %s = %q, want %q", field.key, got, field.want)
		}
	}
}

func TestPostMessage(t *testing.T) {
	srv := newServer(t)
	api := newAPI(srv)
	ch, ts, err := api.PostMessageContext(testContext(t), "C0CHAN", slack.MsgOptionText("hello", false))
	if err != nil || ch != "C0CHAN" || ts == "" {
		t.Fatalf("PostMessage() = %q, %q, %v; want C0CHAN, a ts, nil", ch, ts, err)
	}
	_, _, err = api.PostMessageContext(testContext(t), "C0CHAN")
	if err == nil || err.Error() != "no_text" {
		t.Errorf("PostMessage() without text error = %v, want no_text", err)
	}
}

func TestResponseURL(t *testing.T) {
	srv := newServer(t)
	ctx := testContext(t)
	u := srv.ResponseURL("cmd-1")

	if err := slack.PostWebhookContext(ctx, u, &slack.WebhookMessage{Text: "draft", ResponseType: "ephemeral"}); err != nil {
		t.Fatalf("PostWebhook() error: %v", err)
	}
	api := newAPI(srv)
	_, _, _, err := api.SendMessageContext(ctx, "",
		slack.MsgOptionResponseURL(u, slack.ResponseTypeEphemeral), slack.MsgOptionText("again", false))
	if err != nil {
		t.Fatalf("SendMessage(response_url) error: %v", err)
	}
	srv.Fail("response_url", 1, http.StatusInternalServerError, "", "")
	var code slack.StatusCodeError
	if err := slack.PostWebhookContext(ctx, u, &slack.WebhookMessage{Text: "x"}); !errors.As(err, &code) || code.Code != 500 {
		t.Errorf("PostWebhook() with Fail(500) error = %v, want StatusCodeError 500", err)
	}

	call, err := srv.WaitCall(ctx, "response_url", 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(call.Path, "cmd-1") {
		t.Errorf("response_url path = %q, want it to contain cmd-1", call.Path)
	}
	if got := call.Header.Get("Authorization"); got != "" {
		t.Errorf("response_url Authorization = %q, want none", got)
	}
	var msg struct {
		Text         string `json:"text"`
		ResponseType string `json:"response_type"`
	}
	if err := json.Unmarshal(call.JSON, &msg); err != nil || msg.Text != "draft" || msg.ResponseType != "ephemeral" {
		t.Errorf("response_url body = %s, want text draft, response_type ephemeral", call.JSON)
	}
	if got := len(srv.Calls("response_url")); got != 3 {
		t.Errorf("response_url calls = %d, want 3", got)
	}
}

func TestUsersInfo(t *testing.T) {
	srv := newServer(t)
	srv.SetUser("U0JOE", "Joe Bloggs")
	ctx := testContext(t)

	user, err := newAPI(srv).GetUserInfoContext(ctx, "U0JOE")
	if err != nil {
		t.Fatalf("GetUserInfo(U0JOE) error: %v", err)
	}
	if user.RealName != "Joe Bloggs" || user.Profile.RealName != "Joe Bloggs" || user.Profile.DisplayName != "Joe Bloggs" {
		t.Errorf("GetUserInfo(U0JOE) = %q / %q / %q, want Joe Bloggs for real_name, profile real_name, display_name",
			user.RealName, user.Profile.RealName, user.Profile.DisplayName)
	}

	tests := []struct {
		name string
		api  *slack.Client
		user string
		want string
	}{
		{"unknown user", newAPI(srv), "U0NOBODY", "user_not_found"},
		{"app token", slack.New("xapp-test", slack.OptionAPIURL(srv.APIURL())), "U0JOE", "not_allowed_token_type"},
		{"no token", slack.New("", slack.OptionAPIURL(srv.APIURL())), "U0JOE", "not_authed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.api.GetUserInfoContext(ctx, tc.user)
			if err == nil || err.Error() != tc.want {
				t.Errorf("GetUserInfo(%q) error = %v, want %s", tc.user, err, tc.want)
			}
		})
	}
	if got := len(srv.Calls("users.info")); got != 4 {
		t.Errorf("users.info calls = %d, want 4", got)
	}
}

func TestViews(t *testing.T) {
	srv := newServer(t)
	api := newAPI(srv)
	ctx := testContext(t)
	modal := slack.ModalViewRequest{
		Type:       slack.VTModal,
		Title:      slack.NewTextBlockObject(slack.PlainTextType, "Draft", false, false),
		CallbackID: "new_draft",
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "hi", false, false), nil, nil, slack.SectionBlockOptionBlockID("draft")),
		}},
	}

	opened, err := api.OpenViewContext(ctx, "1337.42.abcdef", modal)
	if err != nil {
		t.Fatalf("OpenView() error: %v", err)
	}
	if opened.ID == "" || opened.Hash == "" || opened.CallbackID != "new_draft" || len(opened.Blocks.BlockSet) != 1 {
		t.Fatalf("OpenView() view = %+v, want id, hash and the echoed fields", opened.View)
	}
	call, err := srv.WaitCall(ctx, "views.open", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := call.Header.Get("Authorization"); got != "Bearer xoxb-test" {
		t.Errorf("views.open Authorization = %q, want Bearer xoxb-test", got)
	}

	updated, err := api.UpdateViewContext(ctx, modal, "", opened.Hash, opened.ID)
	if err != nil {
		t.Fatalf("UpdateView(current hash) error: %v", err)
	}
	if updated.ID != opened.ID || updated.Hash == opened.Hash {
		t.Errorf("UpdateView() = id %s hash %s, want id %s and a new hash", updated.ID, updated.Hash, opened.ID)
	}
	if _, err := api.UpdateViewContext(ctx, modal, "", opened.Hash, opened.ID); err == nil || err.Error() != "hash_conflict" {
		t.Errorf("UpdateView(stale hash) error = %v, want hash_conflict", err)
	}
	if _, err := api.UpdateViewContext(ctx, modal, "", "", opened.ID); err != nil {
		t.Errorf("UpdateView(no hash) error: %v", err)
	}
	if _, err := api.UpdateViewContext(ctx, modal, "", "", "V404"); err == nil || err.Error() != "not_found" {
		t.Errorf("UpdateView(unknown id) error = %v, want not_found", err)
	}
	if v, ok := srv.View(opened.ID); !ok || v.Hash == updated.Hash {
		t.Errorf("View(%s) = %+v, %v; want a hash newer than %s", opened.ID, v, ok, updated.Hash)
	}

	home := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: modal.Blocks}
	first, err := api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: "U0JOE", View: home})
	if err != nil {
		t.Fatalf("PublishView() error: %v", err)
	}
	second, err := api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: "U0JOE", View: home, Hash: &first.Hash})
	if err != nil || second.ID != first.ID || second.Type != slack.VTHomeTab {
		t.Errorf("PublishView() again = %s %s, %v; want the same home view %s", second.ID, second.Type, err, first.ID)
	}
	if got := len(srv.Views()); got != 2 {
		t.Errorf("len(Views()) = %d, want 2", got)
	}
}

func TestRawAPI(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name       string
		path       string
		auth       string
		wantStatus int
		wantError  string // Slack error code; "" for a non-JSON answer
	}{
		{"open without token", "/api/apps.connections.open", "", 200, "not_authed"},
		{"open with bot token", "/api/apps.connections.open", "Bearer xoxb-test", 200, "not_allowed_token_type"},
		{"open with bad token", "/api/apps.connections.open", "Bearer nope", 200, "invalid_auth"},
		{"unknown method", "/api/chat.unfurl", "Bearer xoxb-test", 200, "unknown_method"},
		{"missing slash", "/apiapps.connections.open", "Bearer xapp-test", 404, ""},
		{"websocket without ticket", "/ws", "", 401, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(testContext(t), http.MethodPost, srv.URL()+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("POST %s status = %d, want %d", tc.path, resp.StatusCode, tc.wantStatus)
			}
			if tc.wantError == "" {
				return
			}
			var got struct {
				OK    bool   `json:"ok"`
				Error string `json:"error"`
			}
			if err := json.Unmarshal(body, &got); err != nil || got.OK || got.Error != tc.wantError {
				t.Errorf("POST %s = %s, want ok false, error %s", tc.path, body, tc.wantError)
			}
		})
	}
	if got := srv.ConnectionsOpened(); got != 0 {
		t.Errorf("ConnectionsOpened() = %d, want 0", got)
	}
}

func TestFatalConnectError(t *testing.T) {
	srv := newServer(t)
	srv.Fail("apps.connections.open", 1, 200, "", "invalid_auth")
	sm := socketmode.New(newAPI(srv))
	ctx, cancel := context.WithTimeout(t.Context(), waitTimeout)
	defer cancel()
	go func() {
		for {
			select {
			case <-sm.Events:
			case <-ctx.Done():
				return
			}
		}
	}()
	if err := sm.RunContext(ctx); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("RunContext() = %v, want invalid_auth", err)
	}
}

func TestWaitCall(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	if _, err := srv.WaitCall(ctx, "auth.test", 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitCall() with no calls = %v, want context.DeadlineExceeded", err)
	}

	api := newAPI(srv)
	go func() { _, _ = api.AuthTestContext(t.Context()) }()
	call, err := srv.WaitCall(testContext(t), "", 1)
	if err != nil || call.Method != "auth.test" || call.Form.Get("token") != "xoxb-test" {
		t.Errorf("WaitCall(\"\", 1) = %+v, %v; want auth.test with the bot token", call, err)
	}
}
