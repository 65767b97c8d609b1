// Command bot runs Connect Coach: a Slack app that drafts and reviews
// LinkedIn connection notes. With -console it runs in the terminal and
// needs no Slack workspace; otherwise it connects over Socket Mode with
// the tokens in the environment or in .env.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"reflect"
	"syscall"

	"github.com/joho/godotenv"

	"connectcoach/bot"
	"connectcoach/templates"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitOK     = 0
	exitFail   = 1 // Slack refused us, or the console failed
	exitConfig = 2 // bad configuration or flags
)

// run is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bot", flag.ContinueOnError)
	fs.SetOutput(stderr)
	console := fs.Bool("console", false, "read commands from standard input and print replies; no Slack needed")
	envFile := fs.String("env", ".env", "file of settings to load first (the real environment wins)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: bot [-console] [-env FILE]\n\nSettings (environment or .env):\n")
		for _, v := range settingsHelp() {
			fmt.Fprintf(stderr, "  %-16s %s\n", v[0], v[1])
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitConfig
	}
	if err := godotenv.Load(*envFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "%s: %v\n", *envFile, err)
		return exitConfig
	}
	cfg, err := loadConfig()
	if err == nil {
		err = cfg.Validate(*console)
	}
	if err != nil {
		fmt.Fprintf(stderr, "configuration: %v\n", err)
		return exitConfig
	}
	level, _ := parseLevel(cfg.LogLevel)
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	set, err := templates.LoadDir(cfg.TemplatesDir)
	if err != nil {
		fmt.Fprintf(stderr, "configuration: TEMPLATES_DIR: %v\n", err)
		return exitConfig
	}

	if *console {
		core := &bot.Core{Command: cfg.Command, Limit: cfg.NoteLimit, Templates: set}
		prompt := ""
		if isTerminal(stdin) {
			prompt = "> "
			fmt.Fprintf(stdout, "Connect Coach console. Try: %s\nType help for more, Ctrl-D to quit.\n", core.Usage())
		}
		if err := core.Console(stdin, stdout, prompt, ""); err != nil {
			fmt.Fprintf(stderr, "console: %v\n", err)
			return exitFail
		}
		return exitOK
	}

	b, err := bot.New(bot.Options{
		AppToken: string(cfg.AppToken), BotToken: string(cfg.BotToken),
		APIURL: cfg.APIURL, Command: cfg.Command, Limit: cfg.NoteLimit,
		Templates: set, Logger: logger, Debug: level <= slog.LevelDebug,
	})
	if err != nil {
		logger.Error("start", "error", err)
		return exitFail
	}
	logger.Info("starting", "command", cfg.Command, "limit", cfg.NoteLimit, "api", cfg.APIURL, "app_token", cfg.AppToken, "bot_token", cfg.BotToken)
	if err := b.Run(ctx); err != nil {
		var te *bot.TokenError
		if errors.As(err, &te) {
			v, where := "SLACK_APP_TOKEN", "Basic Information → App-Level Tokens (xapp-…, scope connections:write)"
			if te.Token == "bot" {
				v, where = "SLACK_BOT_TOKEN", "OAuth & Permissions → Bot User OAuth Token (xoxb-…); reinstall the app if it was revoked"
			}
			fmt.Fprintf(stderr, "configuration: %s: Slack refused it (%s); copy it again from %s\n", v, te.Code, where)
			return exitConfig
		}
		logger.Error("stopped", "error", err)
		return exitFail
	}
	logger.Info("stopped")
	return exitOK
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// settingsHelp lists the settings with their meaning, from Config's tags.
func settingsHelp() [][2]string {
	var out [][2]string
	t := reflect.TypeFor[Config]()
	for i := range t.NumField() {
		f := t.Field(i)
		desc := f.Tag.Get("desc")
		if d := f.Tag.Get("default"); d != "" {
			desc += " (default " + d + ")"
		}
		out = append(out, [2]string{f.Tag.Get("envconfig"), desc})
	}
	return out
}
