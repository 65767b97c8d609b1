package slacktest_test

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
	"go.uber.org/goleak"

	"connectcoach/bot/slacktest"
)

// waitTimeout bounds every wait in these tests.
const waitTimeout = 5 * time.Second

// newServer starts a Server that is closed, and checked for leaked
// goroutines, when the test ends.
func newServer(t *testing.T) *slacktest.Server {
	t.Helper()
	t.Cleanup(func() { goleak.VerifyNone(t) })
	srv := slacktest.NewServer()
	t.Cleanup(srv.Close)
	return srv
}

// newAPI returns a slack-go client for srv with test tokens.
func newAPI(srv *slacktest.Server) *slack.Client {
	return slack.New("xoxb-test",
		slack.OptionAppLevelToken("xapp-test"),
		slack.OptionAPIURL(srv.APIURL()))
}

// client runs a real socketmode client against a Server. It acks every
// slash command with {"response_type":"ephemeral","text":"got " + text} and
// forwards every event to events.
type client struct {
	sm     *socketmode.Client
	events chan socketmode.Event
}

// startClient runs a socketmode client with the given ping watchdog
// interval until the test ends; RunContext must then return
// context.Canceled.
func startClient(t *testing.T, srv *slacktest.Server, ping time.Duration) *client {
	t.Helper()
	c := &client{
		sm:     socketmode.New(newAPI(srv), socketmode.OptionPingInterval(ping)),
		events: make(chan socketmode.Event, 100),
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	runErr := make(chan error, 1)
	wg.Go(func() { runErr <- c.sm.RunContext(ctx) })
	wg.Go(func() { c.loop(ctx) })
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		if err := <-runErr; !errors.Is(err, context.Canceled) {
			t.Errorf("RunContext() = %v, want context.Canceled", err)
		}
	})
	return c
}

func (c *client) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt := <-c.sm.Events:
			if cmd, ok := evt.Data.(slack.SlashCommand); ok && evt.Type == socketmode.EventTypeSlashCommand {
				payload := map[string]any{"response_type": "ephemeral", "text": "got " + cmd.Text}
				_ = c.sm.AckCtx(ctx, evt.Request.EnvelopeID, payload)
			}
			select {
			case c.events <- evt:
			default:
			}
		}
	}
}

// waitEvent returns the next event of type typ.
func (c *client) waitEvent(t *testing.T, typ socketmode.EventType) socketmode.Event {
	t.Helper()
	timeout := time.After(waitTimeout)
	for {
		select {
		case evt := <-c.events:
			if evt.Type == typ {
				return evt
			}
		case <-timeout:
			t.Fatalf("no %s event within %v", typ, waitTimeout)
		}
	}
}

// testContext returns a context that ends after waitTimeout or with the test.
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), waitTimeout)
	t.Cleanup(cancel)
	return ctx
}

// slashPayload is a /connect payload shaped like Slack's.
func slashPayload(srv *slacktest.Server, text string) map[string]any {
	return map[string]any{
		"token":                 "verification-token",
		"team_id":               slacktest.TeamID,
		"team_domain":           "fake",
		"channel_id":            "C0CHAN",
		"channel_name":          "general",
		"user_id":               "U0JOE",
		"user_name":             "joe",
		"command":               "/connect",
		"text":                  text,
		"api_app_id":            slacktest.AppID,
		"is_enterprise_install": "false",
		"response_url":          srv.ResponseURL("cmd-1"),
		"trigger_id":            "1337.42.abcdef",
	}
}

// sendSlash sends a slash command and returns its ack.
func sendSlash(t *testing.T, srv *slacktest.Server, text string) slacktest.Ack {
	t.Helper()
	id, err := srv.Send(slacktest.Envelope{
		Type:                   "slash_commands",
		Payload:                slashPayload(srv, text),
		AcceptsResponsePayload: true,
	})
	if err != nil {
		t.Fatalf("Send() error: %v", err)
	}
	ack, err := srv.WaitAck(testContext(t), id)
	if err != nil {
		t.Fatalf("WaitAck(%q) error: %v", id, err)
	}
	return ack
}

// ackText returns the "text" field of an ack payload.
func ackText(t *testing.T, ack slacktest.Ack) string {
	t.Helper()
	var p struct{ Text string }
	if err := json.Unmarshal(ack.Payload, &p); err != nil {
		t.Fatalf("ack payload %s: %v", ack.Payload, err)
	}
	return p.Text
}

func TestSlashCommandAck(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv, 3*time.Second)
	if err := srv.WaitConnected(testContext(t), 1); err != nil {
		t.Fatal(err)
	}

	ack := sendSlash(t, srv, "name=Joe company=R&amp;D")

	evt := c.waitEvent(t, socketmode.EventTypeSlashCommand)
	cmd := evt.Data.(slack.SlashCommand)
	want := slack.SlashCommand{
		Token: "verification-token", TeamID: slacktest.TeamID, TeamDomain: "fake",
		ChannelID: "C0CHAN", ChannelName: "general", UserID: "U0JOE", UserName: "joe",
		Command: "/connect", Text: "name=Joe company=R&amp;D", APIAppID: slacktest.AppID,
		ResponseURL: srv.ResponseURL("cmd-1"), TriggerID: "1337.42.abcdef",
	}
	if diff := cmp.Diff(want, cmd); diff != "" {
		t.Errorf("slash command mismatch (-want +got):\n%s", diff)
	}
	if got, want := ackText(t, ack), "got name=Joe company=R&amp;D"; got != want {
		t.Errorf("ack text = %q, want %q", got, want)
	}
	if ack.Latency <= 0 || ack.Latency > waitTimeout {
		t.Errorf("ack latency = %v, want in (0, %v]", ack.Latency, waitTimeout)
	}
	if ack.Conn != 1 {
		t.Errorf("ack connection = %d, want 1", ack.Conn)
	}
	if got := len(srv.Acks(ack.EnvelopeID)); got != 1 {
		t.Errorf("len(Acks(%q)) = %d, want 1", ack.EnvelopeID, got)
	}
	open := srv.Calls("apps.connections.open")
	if len(open) != 1 || srv.ConnectionsOpened() != 1 || srv.Connections() != 1 {
		t.Fatalf("open calls = %d, opened = %d, connections = %d; want 1, 1, 1",
			len(open), srv.ConnectionsOpened(), srv.Connections())
	}
	if got, want := open[0].Header.Get("Authorization"), "Bearer xapp-test"; got != want {
		t.Errorf("apps.connections.open Authorization = %q, want %q", got, want)
	}
}

func TestEnvelopeFields(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv, 3*time.Second)
	if err := srv.WaitConnected(testContext(t), 1); err != nil {
		t.Fatal(err)
	}

	payload := json.RawMessage(`{"type":"event_callback","event_id":"Ev1","event":{"type":"app_home_opened","user":"U0JOE","channel":"D1","tab":"home"}}`)
	id, err := srv.Send(slacktest.Envelope{
		EnvelopeID: "env-1", Type: "events_api", Payload: payload, RetryAttempt: 1, RetryReason: "timeout",
	})
	if err != nil || id != "env-1" {
		t.Fatalf("Send() = %q, %v; want %q, nil", id, err, "env-1")
	}
	req := c.waitEvent(t, socketmode.EventTypeEventsAPI).Request
	if req.EnvelopeID != "env-1" || req.RetryAttempt != 1 || req.RetryReason != "timeout" {
		t.Errorf("request = %+v, want envelope env-1, retry 1 timeout", req)
	}
	if err := c.sm.AckCtx(testContext(t), req.EnvelopeID, nil); err != nil {
		t.Fatal(err)
	}
	ack, err := srv.WaitAck(testContext(t), "env-1")
	if err != nil {
		t.Fatal(err)
	}
	if ack.Payload != nil {
		t.Errorf("ack payload = %s, want none", ack.Payload)
	}
}

func TestReconnect(t *testing.T) {
	tests := []struct {
		name string
		cut  func(*slacktest.Server) error
	}{
		{"disconnect refresh_requested", func(s *slacktest.Server) error { return s.Disconnect("refresh_requested") }},
		{"disconnect link_disabled", func(s *slacktest.Server) error { return s.Disconnect("link_disabled") }},
		{"drop connection", (*slacktest.Server).DropConnection},
		{"close frame", func(s *slacktest.Server) error { return s.CloseConnection(1001, "going away") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			startClient(t, srv, 3*time.Second)
			ctx := testContext(t)
			if err := srv.WaitConnected(ctx, 1); err != nil {
				t.Fatal(err)
			}

			if err := tc.cut(srv); err != nil {
				t.Fatalf("breaking the connection: %v", err)
			}
			if err := srv.WaitConnected(ctx, 2); err != nil {
				t.Fatal(err)
			}
			if got := srv.ConnectionsOpened(); got != 2 {
				t.Errorf("ConnectionsOpened() = %d, want 2", got)
			}
			if got := srv.Connections(); got != 2 {
				t.Errorf("Connections() = %d, want 2", got)
			}
			ack := sendSlash(t, srv, "after")
			if ack.Conn != 2 {
				t.Errorf("ack connection = %d, want 2", ack.Conn)
			}
		})
	}
}

func TestMissingPingsForceReconnect(t *testing.T) {
	srv := newServer(t)
	srv.SetPingInterval(0)
	startClient(t, srv, 200*time.Millisecond)
	ctx := testContext(t)
	if err := srv.WaitConnected(ctx, 2); err != nil {
		t.Fatalf("client did not reconnect without pings: %v", err)
	}

	srv.SetPingInterval(50 * time.Millisecond)
	n := srv.Connections()
	time.Sleep(time.Second)
	if got := srv.Connections(); got > n+1 {
		t.Errorf("Connections() went from %d to %d in 1s of pinging, want at most one reconnect", n, got)
	}
	if srv.Pongs() == 0 {
		t.Error("Pongs() = 0, want the client to answer pings")
	}
}

func TestBadFramesKeepConnection(t *testing.T) {
	srv := newServer(t)
	c := startClient(t, srv, 3*time.Second)
	if err := srv.WaitConnected(testContext(t), 1); err != nil {
		t.Fatal(err)
	}

	if err := srv.SendRaw([]byte(`{"envelope_id": nope}`)); err != nil {
		t.Fatal(err)
	}
	c.waitEvent(t, socketmode.EventTypeIncomingError)
	if _, err := srv.Send(slacktest.Envelope{EnvelopeID: "odd", Type: "mystery", Payload: map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	evt := c.waitEvent(t, socketmode.EventTypeErrorBadMessage)
	var env struct {
		EnvelopeID string `json:"envelope_id"`
	}
	if err := json.Unmarshal(evt.Data.(*socketmode.ErrorBadMessage).Message, &env); err != nil || env.EnvelopeID != "odd" {
		t.Errorf("bad message envelope_id = %q (%v), want %q", env.EnvelopeID, err, "odd")
	}

	sendSlash(t, srv, "still there")
	if got := srv.Connections(); got != 1 {
		t.Errorf("Connections() = %d, want 1", got)
	}
}

func TestConnectionsOpenFailures(t *testing.T) {
	srv := newServer(t)
	srv.Fail("apps.connections.open", 1, 500, "", "")
	srv.Fail("apps.connections.open", 1, 200, "", "not_allowed_token_type")
	c := startClient(t, srv, 3*time.Second)
	if err := srv.WaitConnected(testContext(t), 1); err != nil {
		t.Fatal(err)
	}
	if got := len(srv.Calls("apps.connections.open")); got != 3 {
		t.Errorf("apps.connections.open calls = %d, want 3", got)
	}
	if got := srv.ConnectionsOpened(); got != 1 {
		t.Errorf("ConnectionsOpened() = %d, want 1", got)
	}
	evt := c.waitEvent(t, socketmode.EventTypeConnectionError)
	var code slack.StatusCodeError
	if !errors.As(evt.Data.(*slack.ConnectionErrorEvent).ErrorObj, &code) || code.Code != 500 {
		t.Errorf("first connection error = %v, want HTTP 500", evt.Data)
	}
}

func TestSendWithoutConnection(t *testing.T) {
	srv := newServer(t)
	if _, err := srv.Send(slacktest.Envelope{Type: "slash_commands"}); !errors.Is(err, slacktest.ErrNotConnected) {
		t.Errorf("Send() before connecting = %v, want ErrNotConnected", err)
	}
	if err := srv.DropConnection(); !errors.Is(err, slacktest.ErrNotConnected) {
		t.Errorf("DropConnection() before connecting = %v, want ErrNotConnected", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Millisecond)
	defer cancel()
	if err := srv.WaitConnected(ctx, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitConnected() = %v, want context.DeadlineExceeded", err)
	}

	srv.Close()
	srv.Close()
	if err := srv.WaitConnected(t.Context(), 1); !errors.Is(err, slacktest.ErrClosed) {
		t.Errorf("WaitConnected() after Close = %v, want ErrClosed", err)
	}
	if _, err := srv.WaitAck(t.Context(), "x"); !errors.Is(err, slacktest.ErrClosed) {
		t.Errorf("WaitAck() after Close = %v, want ErrClosed", err)
	}
}
