package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/kelseyhightower/envconfig"
)

// Config is every setting of the bot, read from the environment. It is the
// only place that reads it; packages get values through bot.Options.
type Config struct {
	AppToken     Secret `envconfig:"SLACK_APP_TOKEN" desc:"app-level token, xapp-…, scope connections:write"`
	BotToken     Secret `envconfig:"SLACK_BOT_TOKEN" desc:"bot token, xoxb-…"`
	APIURL       string `envconfig:"SLACK_API_URL" default:"https://slack.com/api/" desc:"Web API base (GovSlack, proxies, tests)"`
	Command      string `envconfig:"SLACK_COMMAND" default:"/connect" desc:"the slash command this bot answers"`
	NoteLimit    int    `envconfig:"NOTE_LIMIT" default:"300" desc:"default character limit (300 Premium, 200 free accounts)"`
	TemplatesDir string `envconfig:"TEMPLATES_DIR" desc:"folder of extra or overriding templates"`
	LogLevel     string `envconfig:"LOG_LEVEL" default:"info" desc:"debug, info, warn or error"`
}

// Secret is a token: it never shows in logs or printed values.
type Secret string

// LogValue keeps the token out of slog output.
func (Secret) LogValue() slog.Value { return slog.StringValue("REDACTED") }

// String keeps the token out of fmt output.
func (Secret) String() string { return "REDACTED" }

// ConfigError is a setting with a bad value: it names the variable and
// what it should look like.
type ConfigError struct {
	Var, Want string
}

func (e *ConfigError) Error() string { return fmt.Sprintf("%s: %s", e.Var, e.Want) }

// loadConfig reads the settings from the process environment (after
// .env has been loaded into it).
func loadConfig() (Config, error) {
	var c Config
	if err := envconfig.Process("", &c); err != nil {
		var pe *envconfig.ParseError
		if errors.As(err, &pe) {
			return c, &ConfigError{Var: pe.KeyName, Want: wantFor(pe.KeyName)}
		}
		return c, err
	}
	return c, nil
}

func wantFor(key string) string {
	switch key {
	case "NOTE_LIMIT":
		return "a whole number from 50 to 1000 (300 for Premium accounts, 200 for free ones)"
	default:
		return "a valid value"
	}
}

// Validate checks the settings. Console mode needs no tokens.
func (c *Config) Validate(console bool) error {
	if !console {
		if !strings.HasPrefix(string(c.AppToken), "xapp-") {
			return &ConfigError{"SLACK_APP_TOKEN", "an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)"}
		}
		if !strings.HasPrefix(string(c.BotToken), "xoxb-") {
			return &ConfigError{"SLACK_BOT_TOKEN", "a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)"}
		}
	}
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &ConfigError{"SLACK_API_URL", "an http(s) URL such as https://slack.com/api/"}
	}
	if !strings.HasSuffix(c.APIURL, "/") {
		c.APIURL += "/" // slack-go appends method names to it
	}
	if !strings.HasPrefix(c.Command, "/") || len(c.Command) < 2 || len(c.Command) > 32 || strings.ContainsAny(c.Command, " \t") {
		return &ConfigError{"SLACK_COMMAND", "a slash command such as /connect (2 to 32 characters, no spaces)"}
	}
	if c.NoteLimit < 50 || c.NoteLimit > 1000 {
		return &ConfigError{"NOTE_LIMIT", wantFor("NOTE_LIMIT")}
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return &ConfigError{"LOG_LEVEL", "one of debug, info, warn, error"}
	}
	return nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	err := l.UnmarshalText([]byte(s))
	return l, err
}
