package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"connectcoach/bot/slacktest"
)

// settings are every variable run reads; tests clear them first.
var settings = []string{"SLACK_APP_TOKEN", "SLACK_BOT_TOKEN", "SLACK_API_URL", "SLACK_COMMAND", "NOTE_LIMIT", "TEMPLATES_DIR", "LOG_LEVEL"}

// cleanEnv gives the test an environment with only vars set, in an empty
// working folder (so no .env is picked up).
func cleanEnv(t *testing.T, vars map[string]string) {
	t.Helper()
	for _, k := range settings {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	for k, v := range vars {
		t.Setenv(k, v)
	}
	t.Chdir(t.TempDir())
}

var good = map[string]string{"SLACK_APP_TOKEN": "xapp-1-A1-x", "SLACK_BOT_TOKEN": "xoxb-1-x"}

func with(extra map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range good {
		m[k] = v
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // the variable the one line must name
	}{
		{"no tokens", map[string]string{}, "SLACK_APP_TOKEN"},
		{"bot token as app token", with(map[string]string{"SLACK_APP_TOKEN": "xoxb-1"}), "SLACK_APP_TOKEN"},
		{"empty bot token", with(map[string]string{"SLACK_BOT_TOKEN": ""}), "SLACK_BOT_TOKEN"},
		{"user token as bot token", with(map[string]string{"SLACK_BOT_TOKEN": "xoxp-1"}), "SLACK_BOT_TOKEN"},
		{"api url not a url", with(map[string]string{"SLACK_API_URL": "slack.com"}), "SLACK_API_URL"},
		{"api url ftp", with(map[string]string{"SLACK_API_URL": "ftp://slack.com/api/"}), "SLACK_API_URL"},
		{"limit word", with(map[string]string{"NOTE_LIMIT": "lots"}), "NOTE_LIMIT"},
		{"limit too small", with(map[string]string{"NOTE_LIMIT": "20"}), "NOTE_LIMIT"},
		{"limit too large", with(map[string]string{"NOTE_LIMIT": "1001"}), "NOTE_LIMIT"},
		{"command without slash", with(map[string]string{"SLACK_COMMAND": "connect"}), "SLACK_COMMAND"},
		{"log level", with(map[string]string{"LOG_LEVEL": "loud"}), "LOG_LEVEL"},
		{"templates dir missing", with(map[string]string{"TEMPLATES_DIR": "/no/such/dir"}), "TEMPLATES_DIR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t, tc.env)
			var out, errs bytes.Buffer
			code := run(context.Background(), nil, strings.NewReader(""), &out, &errs)
			if code != exitConfig {
				t.Errorf("exit code %d, want %d; stderr %q", code, exitConfig, errs.String())
			}
			lines := strings.Split(strings.TrimSpace(errs.String()), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
				t.Errorf("stderr %q: want one line naming %s", errs.String(), tc.want)
			}
			if strings.Contains(errs.String(), "xoxb-1-x") || strings.Contains(errs.String(), "xapp-1-A1-x") {
				t.Errorf("stderr shows a token: %q", errs.String())
			}
		})
	}
}

func TestAPIURLSlashAdded(t *testing.T) {
	c := Config{AppToken: "xapp-1", BotToken: "xoxb-1", APIURL: "http://127.0.0.1:9/api", Command: "/connect", NoteLimit: 300, LogLevel: "info"}
	if err := c.Validate(false); err != nil {
		t.Fatal(err)
	}
	if c.APIURL != "http://127.0.0.1:9/api/" {
		t.Errorf("APIURL = %q, want a trailing slash added", c.APIURL)
	}
}

func TestDotEnvLoadedRealEnvWins(t *testing.T) {
	cleanEnv(t, map[string]string{"NOTE_LIMIT": "250"})
	env := "NOTE_LIMIT=200\nSLACK_COMMAND=/coach\n"
	if err := os.WriteFile(".env", []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"-console"}, strings.NewReader("/coach name=Joe company=Acme goal=\"a project role\"\n"), &out, &errs)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "/ 250 characters") {
		t.Errorf("the real environment's NOTE_LIMIT=250 should win over .env:\n%s", out.String())
	}
}

// TestEnvExample checks that .env.example lists exactly Config's variables.
func TestEnvExample(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var listed []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if k, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			listed = append(listed, k)
		}
	}
	var want []string
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		want = append(want, typ.Field(i).Tag.Get("envconfig"))
	}
	slices.Sort(listed)
	slices.Sort(want)
	if !slices.Equal(listed, want) {
		t.Errorf(".env.example lists %v, Config has %v", listed, want)
	}
	if !slices.Equal(want, sorted(settings)) {
		t.Errorf("test settings %v out of date with Config %v", settings, want)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestConsole(t *testing.T) {
	cleanEnv(t, nil)
	in := strings.NewReader(`/connect name=Joe company=Acme goal="a project role"
/connect review I'd like to add you to my professional network on LinkedIn.
help
/connect name=Joe colour=blue
/connect
nonsense
`)
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"-console"}, in, &out, &errs); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	got := out.String()
	for _, want := range []string{
		"Hi Joe,", "Acme", "/ 300 characters", // the draft and its length
		"default request", "Manage invitations", // the review of the default
		"Approaches", "common-ground", // help
		`"colour" is not a key I know`, "For example: /connect name=Joe", // the grammar error
		"In Slack this opens a form",        // the empty command
		"Type /connect followed by details", // a line that is no command
	} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
}

// TestRunAgainstFakeSlack runs main's run() with tokens in .env against
// the fake Slack, answers one command, and stops on cancel with exit 0.
func TestRunAgainstFakeSlack(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	cleanEnv(t, nil)
	env := "SLACK_APP_TOKEN=xapp-secret-app\nSLACK_BOT_TOKEN=xoxb-secret-bot\nSLACK_API_URL=" + strings.TrimSuffix(srv.APIURL(), "/") + "\nLOG_LEVEL=debug\n"
	if err := os.WriteFile(".env", []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	// slack-go's socket reader may log once more after Run returns, so the
	// log buffer must be safe for concurrent use.
	var out bytes.Buffer
	var errs lockedBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, nil, strings.NewReader(""), &out, &errs) }()
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if err := srv.WaitConnected(wctx, 1); err != nil {
		cancel()
		<-done
		t.Fatalf("bot did not connect: %v\n%s", err, errs.String())
	}
	id, err := srv.Send(slacktest.Envelope{Type: "slash_commands", Payload: map[string]any{
		"command": "/connect", "text": "help", "user_id": "U1", "response_url": srv.ResponseURL("r"), "trigger_id": "t",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitAck(wctx, id); err != nil {
		t.Errorf("no ack: %v", err)
	}
	if c, err := srv.WaitCall(wctx, "response_url", 1); err != nil || !strings.Contains(string(c.JSON), `"block_id":"help"`) {
		t.Errorf("reply %s, %v: want the help reply", c.JSON, err)
	}
	// The rest of a session, so that every Web API call the bot makes runs
	// at debug level: users.info (bot token in the form), views.open and
	// views.publish (bot token as Bearer), chat.postMessage, response_url.
	srv.SetUser("U1", "Fred Smith")
	envelopes := []slacktest.Envelope{
		{Type: "slash_commands", Payload: map[string]any{"command": "/connect", "text": `name=Joe company=Acme goal="a project role"`, "user_id": "U1", "response_url": srv.ResponseURL("r2"), "trigger_id": "t"}},
		{Type: "slash_commands", Payload: map[string]any{"command": "/connect", "text": "", "user_id": "U1", "response_url": srv.ResponseURL("r3"), "trigger_id": "t3"}},
		{Type: "events_api", Payload: map[string]any{"type": "event_callback", "event_id": "E1", "event": map[string]any{"type": "app_home_opened", "user": "U1", "tab": "home"}}},
		{Type: "events_api", Payload: map[string]any{"type": "event_callback", "event_id": "E2", "event": map[string]any{"type": "message", "channel_type": "im", "channel": "D1", "user": "U1", "text": "Hi Ana, loved your talk."}}},
	}
	for _, env := range envelopes {
		if _, err := srv.Send(env); err != nil {
			t.Fatal(err)
		}
	}
	for _, method := range []string{"users.info", "views.open", "views.publish", "chat.postMessage"} {
		if _, err := srv.WaitCall(wctx, method, 1); err != nil {
			t.Errorf("no %s call: %v", method, err)
		}
	}
	if c, err := srv.WaitCall(wctx, "response_url", 2); err != nil || !strings.Contains(string(c.JSON), "Fred Smith") {
		t.Errorf("draft reply %s, %v: want it signed with the Slack name", c.JSON, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d after cancel, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	logs := errs.String()
	if strings.Contains(logs, "secret-app") || strings.Contains(logs, "secret-bot") {
		t.Errorf("a token appears in the logs:\n%s", logs)
	}
	if !strings.Contains(logs, "connected to Slack") {
		t.Errorf("logs lack the connection line:\n%s", logs)
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestTokensRefusedBySlack: a token that has the right shape but that
// Slack refuses stops the bot at start, exit 2, naming the variable.
func TestTokensRefusedBySlack(t *testing.T) {
	tests := []struct {
		method, want string
	}{
		{"auth.test", "SLACK_BOT_TOKEN: Slack refused it (invalid_auth)"},
		{"apps.connections.open", "SLACK_APP_TOKEN: Slack refused it (invalid_auth)"},
	}
	for _, tc := range tests {
		t.Run(tc.method, func(t *testing.T) {
			srv := slacktest.NewServer()
			defer srv.Close()
			srv.Fail(tc.method, 1, 200, "", "invalid_auth")
			cleanEnv(t, map[string]string{"SLACK_APP_TOKEN": "xapp-1-x", "SLACK_BOT_TOKEN": "xoxb-1-x", "SLACK_API_URL": srv.APIURL()})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var out bytes.Buffer
			var errs lockedBuffer
			if code := run(ctx, nil, strings.NewReader(""), &out, &errs); code != exitConfig {
				t.Errorf("exit %d, want %d\n%s", code, exitConfig, errs.String())
			}
			if !strings.Contains(errs.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, errs.String())
			}
		})
	}
}
