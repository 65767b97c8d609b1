//go:build load

package bot_test

// The load test is opt-in: go test -tags load -run TestLoad -v ./bot
// It builds ./cmd/bot and runs it as a process against a fake Slack, and
// beside it the floor: a bare slack-go socketmode client that only acks,
// in a process of its own against another fake. Each takes bursts of 300
// slash commands in flight; the test reports ack p50, p99 and max and each
// process's peak RSS, and stops both with SIGTERM (exit 0 expected).

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"connectcoach/bot/slacktest"
)

const loadCommands = 300

type loadResult struct {
	p50, p99, max time.Duration
}

// blast sends loadCommands slash commands without waiting, then collects
// every ack.
func blast(t *testing.T, srv *slacktest.Server) loadResult {
	t.Helper()
	ids := make([]string, 0, loadCommands)
	for i := range loadCommands {
		id, err := srv.Send(slacktest.Envelope{Type: "slash_commands", AcceptsResponsePayload: true, Payload: map[string]any{
			"command": "/connect", "user_id": "U1", "trigger_id": "t", "response_url": srv.ResponseURL("load"),
			"text": fmt.Sprintf(`name="Joe %d" company=Acme common="a civil engineer like me" goal="join the team there in a project role"`, i),
		}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var lat []time.Duration
	for _, id := range ids {
		a, err := srv.WaitAck(ctx, id)
		if err != nil {
			t.Fatalf("envelope %s never acked: %v", id, err)
		}
		if a.Latency > 3*time.Second {
			t.Errorf("envelope %s acked after %v: over Slack's 3 s", id, a.Latency)
		}
		lat = append(lat, a.Latency)
	}
	slices.Sort(lat)
	return loadResult{p50: lat[len(lat)/2], p99: lat[len(lat)*99/100], max: lat[len(lat)-1]}
}

// loadRounds is how many times each side takes the burst; the median
// round is reported, since one burst on a shared machine is noisy.
const loadRounds = 15

// child is a process under test: the bot (./cmd/bot) or the floor (this
// test binary running TestLoadFloorChild), each connected to its own fake.
type child struct {
	cmd *exec.Cmd
	srv *slacktest.Server
}

func startChild(t *testing.T, cmd *exec.Cmd, srv *slacktest.Server) *child {
	t.Helper()
	cmd.Env = append(os.Environ(), "SLACK_APP_TOKEN=xapp-load", "SLACK_BOT_TOKEN=xoxb-load",
		"SLACK_API_URL="+srv.APIURL(), "LOG_LEVEL=warn", "LOAD_FLOOR_API="+srv.APIURL())
	cmd.Dir = t.TempDir() // no .env there
	var stderr syncBuffer
	cmd.Stderr = &stderr
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("%s stderr:\n%s", cmd.Path, stderr.String())
		}
	})
	srv.SetUser("U1", "Fred Smith")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.WaitConnected(ctx, 1); err != nil {
		cmd.Process.Kill()
		t.Fatalf("%s did not connect: %v", cmd.Path, err)
	}
	return &child{cmd: cmd, srv: srv}
}

// stop sends SIGTERM and checks the process exits 0 within 10 s.
func (c *child) stop(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("%s after SIGTERM: %v, want exit 0", c.cmd.Path, err)
		}
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		t.Errorf("%s did not exit after SIGTERM", c.cmd.Path)
	}
}

func childRSS(t *testing.T, pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", dir+"/bot", "connectcoach/cmd/bot")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("go build ./cmd/bot: %v", err)
	}
	botSrv, floorSrv := slacktest.NewServer(), slacktest.NewServer()
	defer botSrv.Close()
	defer floorSrv.Close()
	botProc := startChild(t, exec.Command(dir+"/bot"), botSrv)
	floorProc := startChild(t, exec.Command(os.Args[0], "-test.run=^TestLoadFloorChild$"), floorSrv)

	warm := blast(t, botSrv) // first burst: warm-up, not counted
	_ = warm
	waitCalls(t, botSrv, "response_url", loadCommands)
	blast(t, floorSrv)

	var bots, floors []loadResult
	for round := range loadRounds {
		bots = append(bots, blast(t, botSrv))
		// Let the bot's replies finish before the floor's turn, so the
		// floor runs on a quiet machine.
		waitCalls(t, botSrv, "response_url", (round+2)*loadCommands)
		floors = append(floors, blast(t, floorSrv))
	}
	botRSS, floorRSS := childRSS(t, botProc.cmd.Process.Pid), childRSS(t, floorProc.cmd.Process.Pid)
	botProc.stop(t)
	floorProc.stop(t)

	botRes, floorRes := median(bots), median(floors)
	ratio := float64(botRes.p99) / float64(floorRes.p99)
	t.Logf("%d rounds of %d slash commands in flight, median round by p99:", loadRounds, loadCommands)
	t.Logf("bot:   ack p50 %v, p99 %v, max %v; peak RSS %.1f MiB", botRes.p50, botRes.p99, botRes.max, float64(botRSS)/(1<<20))
	t.Logf("floor: ack p50 %v, p99 %v, max %v; peak RSS %.1f MiB", floorRes.p50, floorRes.p99, floorRes.max, float64(floorRSS)/(1<<20))
	t.Logf("p99 ratio bot/floor: %.2f (target ≤ 1.5); bot peak RSS target ≤ 40 MiB", ratio)
	if ratio > 1.5 {
		t.Errorf("bot ack p99 is %.2f× the floor's, target ≤ 1.5×", ratio)
	}
	if botRSS > 40<<20 {
		t.Errorf("bot peak RSS %.1f MiB, target ≤ 40 MiB", float64(botRSS)/(1<<20))
	}
}

// TestLoadFloorChild is the floor's process: a bare slack-go socketmode
// client that only acks, until SIGTERM. It runs only as TestLoad's child.
func TestLoadFloorChild(t *testing.T) {
	apiURL := os.Getenv("LOAD_FLOOR_API")
	if apiURL == "" {
		t.Skip("run by TestLoad")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	hc := &http.Client{Timeout: 5 * time.Second}
	defer hc.CloseIdleConnections()
	api := slack.New("xoxb-floor", slack.OptionAppLevelToken("xapp-floor"), slack.OptionAPIURL(apiURL), slack.OptionHTTPClient(hc))
	client := socketmode.New(api)
	runDone := make(chan struct{})
	go func() { client.RunContext(ctx); close(runDone) }()
	for {
		select {
		case <-ctx.Done():
			<-runDone
			return
		case evt := <-client.Events:
			if evt.Request != nil && evt.Request.EnvelopeID != "" {
				client.AckCtx(ctx, evt.Request.EnvelopeID, nil)
			}
		}
	}
}

// median returns the round with the median p99.
func median(rs []loadResult) loadResult {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b loadResult) int { return int(a.p99 - b.p99) })
	return rs[len(rs)/2]
}

// waitCalls waits until srv has n calls of method.
func waitCalls(t *testing.T, srv *slacktest.Server, method string, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := srv.WaitCall(ctx, method, n); err != nil {
		t.Fatalf("%d %s calls did not arrive: %v", n, method, err)
	}
}
