//go:build load

package bot_test

// The load test is opt-in: go test -tags load -run TestLoad -v ./bot
// It sends 300 slash commands in flight through the fake Slack, first to
// the bot, then to a bare slack-go socketmode client that only acks (the
// floor), and reports ack latency and peak RSS for each.

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
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

// resetPeakRSS resets the process's VmHWM (Linux: write 5 to clear_refs).
func resetPeakRSS(t *testing.T) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Logf("cannot reset peak RSS: %v", err)
	}
}

func peakRSS(t *testing.T) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
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
const loadRounds = 5

func TestLoad(t *testing.T) {
	resetPeakRSS(t)
	h := start(t)
	h.reply("help") // warm up

	// The floor: a bare socketmode client that only acks.
	srv := slacktest.NewServer()
	defer srv.Close()
	hc := &http.Client{Timeout: 5 * time.Second}
	defer hc.CloseIdleConnections()
	api := slack.New("xoxb-floor", slack.OptionAppLevelToken("xapp-floor"), slack.OptionAPIURL(srv.APIURL()), slack.OptionHTTPClient(hc))
	client := socketmode.New(api)
	ctx, cancel := context.WithCancel(context.Background())
	runDone := make(chan struct{})
	go func() { client.RunContext(ctx); close(runDone) }()
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-client.Events:
				if evt.Request != nil && evt.Request.EnvelopeID != "" {
					client.AckCtx(ctx, evt.Request.EnvelopeID, nil)
				}
			}
		}
	}()
	defer func() { cancel(); <-runDone; <-loopDone }()
	if err := srv.WaitConnected(ctx, 1); err != nil {
		t.Fatal(err)
	}

	var bots, floors []loadResult
	for round := range loadRounds {
		bots = append(bots, blast(t, h.srv))
		// Let the bot's replies finish before the floor's turn, so the
		// floor runs on a quiet machine.
		h.waitResponses((round + 1) * loadCommands)
		floors = append(floors, blast(t, srv))
	}
	botRes, floorRes := median(bots), median(floors)
	rss := peakRSS(t)
	ratio := float64(botRes.p99) / float64(floorRes.p99)
	t.Logf("%d rounds of %d commands in flight; median round:", loadRounds, loadCommands)
	t.Logf("bot:   ack p50 %v, p99 %v, max %v", botRes.p50, botRes.p99, botRes.max)
	t.Logf("floor: ack p50 %v, p99 %v, max %v", floorRes.p50, floorRes.p99, floorRes.max)
	t.Logf("p99 ratio bot/floor: %.2f (target ≤ 1.5)", ratio)
	t.Logf("peak RSS of the whole test process (bot, floor client and both fakes): %.1f MiB (target for the bot ≤ 40 MiB)", float64(rss)/(1<<20))
	if ratio > 1.5 {
		t.Errorf("bot ack p99 is %.2f× the floor's, target ≤ 1.5×", ratio)
	}
	if rss > 40<<20 {
		t.Errorf("peak RSS %.1f MiB, target ≤ 40 MiB", float64(rss)/(1<<20))
	}
}

// median returns the round with the median p99.
func median(rs []loadResult) loadResult {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b loadResult) int { return int(a.p99 - b.p99) })
	return rs[len(rs)/2]
}

// waitResponses waits until the fake has n response_url posts.
func (h *harness) waitResponses(n int) {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := h.srv.WaitCall(ctx, "response_url", n+1); err != nil { // +1: the warm-up
		h.t.Fatalf("replies did not all arrive: %v", err)
	}
}
