package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"connectcoach/bot/slacktest"
)

// TestMain lets the test binary stand in for the bot: with
// CONNECTCOACH_RUN_MAIN=1 it runs main() instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("CONNECTCOACH_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestSIGTERM runs the real main in a child process against the fake
// Slack, sends it SIGTERM, and expects a clean exit 0.
func TestSIGTERM(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	cmd := exec.Command(os.Args[0]) // TestMain runs main() with no arguments
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "CONNECTCOACH_RUN_MAIN=1",
		"SLACK_APP_TOKEN=xapp-sig", "SLACK_BOT_TOKEN=xoxb-sig", "SLACK_API_URL="+srv.APIURL())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.WaitConnected(ctx, 1); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("bot did not connect: %v\n%s", err, stderr.String())
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit 0\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("bot did not exit within 10 s of SIGTERM")
	}
	if !strings.Contains(stderr.String(), "shutting down") || !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("logs lack the shutdown lines:\n%s", stderr.String())
	}
}
