package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"connectcoach/templates"
)

// Options configure a Bot. Packages get their settings here, never from
// the environment.
type Options struct {
	AppToken   string // xapp-…, for Socket Mode
	BotToken   string // xoxb-…, for the Web API
	APIURL     string // Web API base, ending in "/"
	Command    string // the slash command to answer, e.g. "/connect"
	Limit      int    // default character limit
	Templates  *templates.Set
	Logger     *slog.Logger
	HTTPClient *http.Client // with a timeout; nil: 10 s, at most 16 connections per host
	Debug      bool         // slack-go debug logs

	// PingInterval overrides slack-go's ping watchdog (tests); 0 keeps it.
	PingInterval time.Duration
	// ShutdownGrace bounds how long Run waits for in-flight replies; 0: 5 s.
	ShutdownGrace time.Duration
}

// Bot answers Slack over Socket Mode.
type Bot struct {
	core       *Core
	opts       Options
	log        *slog.Logger
	api        *slack.Client
	client     *socketmode.Client
	http       *http.Client
	seen       *dedupe       // envelope ids
	seenEvents *dedupe       // Events API event ids
	workers    chan struct{} // a token per computation allowed to run at once
	names      *nameCache
	inflight   sync.WaitGroup
	// lastEnvelope is when the event loop last received an envelope
	// (UnixNano), for yieldToAcks.
	lastEnvelope atomic.Int64
}

// Timeouts for the calls a handler makes.
const (
	ackTimeout      = 2 * time.Second
	nameTimeout     = 1 * time.Second // users.info, before a draft is acked
	replyTimeout    = 30 * time.Second
	respondRetries  = 4
	maxConnsPerHost = 16
	maxYield        = 100 * time.Millisecond  // longest a reply waits for acks to drain
	quietPeriod     = time.Millisecond        // no envelope for this long: the burst is over
	formReplyBudget = 1500 * time.Millisecond // a form's channel reply, before its ack (3 s)
)

// New builds a Bot. It does not connect until Run.
func New(opts Options) (*Bot, error) {
	if opts.Templates == nil {
		return nil, errors.New("bot: no templates")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.HTTPClient == nil {
		// A burst of replies shares a few connections per host instead of
		// opening one each.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost, t.MaxIdleConnsPerHost = maxConnsPerHost, maxConnsPerHost
		opts.HTTPClient = &http.Client{Timeout: 10 * time.Second, Transport: t}
	}
	if opts.ShutdownGrace == 0 {
		opts.ShutdownGrace = 5 * time.Second
	}
	if opts.Limit == 0 {
		opts.Limit = 300
	}
	if opts.Command == "" {
		opts.Command = "/connect"
	}
	libLog := slog.NewLogLogger(opts.Logger.Handler(), slog.LevelDebug)
	retry := slack.DefaultRetryConfig()
	retry.Handlers = append(slack.AllBuiltinRetryHandlers(retry), slack.NewServerErrorRetryHandler(retry))
	retry.RetryAfterDuration = 2 * time.Second
	api := slack.New(opts.BotToken,
		slack.OptionAppLevelToken(opts.AppToken),
		slack.OptionAPIURL(opts.APIURL),
		slack.OptionHTTPClient(opts.HTTPClient),
		slack.OptionRetryConfig(retry),
		slack.OptionLog(libLog),
		slack.OptionDebug(opts.Debug),
	)
	smOpts := []socketmode.Option{socketmode.OptionLog(libLog), socketmode.OptionDebug(opts.Debug)}
	if opts.PingInterval > 0 {
		smOpts = append(smOpts, socketmode.OptionPingInterval(opts.PingInterval))
	}
	return &Bot{
		core:       &Core{Command: opts.Command, Limit: opts.Limit, Templates: opts.Templates},
		opts:       opts,
		log:        opts.Logger,
		api:        api,
		client:     socketmode.New(api, smOpts...),
		http:       opts.HTTPClient,
		seen:       newDedupe(10000, 10*time.Minute),
		seenEvents: newDedupe(10000, time.Hour), // Slack retries events for up to an hour
		// One core is left for the socket when there are several.
		workers: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1)),
		names:   newNameCache(1000, time.Hour),
	}, nil
}

// Run connects and serves until ctx is cancelled; then it stops taking
// envelopes, lets in-flight replies finish (bounded by ShutdownGrace) and
// returns nil. It returns an error only if Slack refuses the tokens.
func (b *Bot) Run(ctx context.Context) error {
	if err := b.checkBotToken(ctx); err != nil {
		return err
	}
	connCtx, closeConn := context.WithCancel(context.WithoutCancel(ctx))
	defer closeConn()
	runErr := make(chan error, 1)
	go func() { runErr <- b.client.RunContext(connCtx) }()

	for {
		select {
		case <-ctx.Done():
			b.log.Info("shutting down: finishing in-flight replies")
			b.drain()
			closeConn()
			<-runErr
			return nil
		case err := <-runErr:
			b.drain()
			var se slack.SlackErrorResponse
			var sc slack.StatusCodeError
			switch {
			case err == nil || errors.Is(err, context.Canceled):
				return nil
			case errors.As(err, &se):
				return &TokenError{Token: "app", Code: se.Err}
			case errors.As(err, &sc) && sc.Code == http.StatusNotFound:
				return fmt.Errorf("socket mode: %w (is the API URL right? it must end in /api/)", err)
			}
			return fmt.Errorf("socket mode: %w", err)
		case evt := <-b.client.Events:
			b.route(connCtx, evt)
		}
	}
}

// TokenError is a token Slack refused at start: Token is "app" or "bot",
// Code is Slack's error (invalid_auth, not_authed, token_revoked…).
type TokenError struct {
	Token, Code string
}

func (e *TokenError) Error() string {
	return fmt.Sprintf("Slack refused the %s token: %s", e.Token, e.Code)
}

// refusals are Slack's answers that mean a token will never work.
var refusals = map[string]bool{"invalid_auth": true, "not_authed": true, "token_revoked": true, "account_inactive": true, "not_allowed_token_type": true}

// checkBotToken asks Slack (auth.test) whether the bot token works, so a
// wrong token stops the bot at start instead of failing every reply. If
// Slack cannot be reached the bot starts anyway and keeps trying.
func (b *Bot) checkBotToken(ctx context.Context) error {
	_, err := b.api.AuthTestContext(ctx)
	var se slack.SlackErrorResponse
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se) && refusals[se.Err]:
		return &TokenError{Token: "bot", Code: se.Err}
	}
	b.log.Warn("could not check the bot token with auth.test; starting anyway", "error", err)
	return nil
}

// drain waits for in-flight handlers, at most ShutdownGrace.
func (b *Bot) drain() {
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(b.opts.ShutdownGrace):
		b.log.Warn("shutdown: gave up waiting for in-flight replies", "after", b.opts.ShutdownGrace)
	}
}

// route logs connection events and hands envelopes to handlers, each in
// its own goroutine so that acking never waits on another reply.
func (b *Bot) route(ctx context.Context, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		b.log.Debug("connecting to Slack")
	case socketmode.EventTypeConnected:
		b.log.Info("connected to Slack")
	case socketmode.EventTypeHello:
		b.log.Debug("hello from Slack")
	case socketmode.EventTypeConnectionError:
		b.log.Warn("Slack connection failed; retrying", "error", evt.Data)
	case socketmode.EventTypeInvalidAuth:
		b.log.Error("Slack refused the app token: check SLACK_APP_TOKEN (xapp-…, scope connections:write)")
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		b.log.Warn("socket mode error", "type", evt.Type, "error", evt.Data)
	case socketmode.EventTypeErrorBadMessage:
		b.ackBadMessage(ctx, evt)
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive, socketmode.EventTypeEventsAPI:
		if evt.Request == nil {
			return
		}
		b.lastEnvelope.Store(time.Now().UnixNano())
		env := &envelope{id: evt.Request.EnvelopeID, kind: string(evt.Type), bot: b}
		if !b.seen.first(env.id) {
			b.log.Info("repeated envelope acked, not answered again", "envelope_id", env.id, "retry_attempt", evt.Request.RetryAttempt)
			env.ack(ctx, nil)
			return
		}
		// Ack at once, here in the event loop, before any work: answering
		// never holds up acking. Only a form submission carries its answer
		// in the ack (field errors, or the draft in the form's place).
		if !isSubmission(evt) {
			env.ack(ctx, nil)
		}
		b.inflight.Add(1)
		go func() {
			defer b.inflight.Done()
			hctx, cancel := context.WithTimeout(ctx, replyTimeout)
			defer cancel()
			defer b.recoverPanic(hctx, env, evt)
			b.handle(hctx, env, evt)
		}()
	}
}

// compute runs CPU-bound work (drafting, reviewing, building views) on a
// bounded pool, so that the socket's reader and ack writer always get a
// core. Slack calls are made outside it, so a slow or rate-limited call
// never holds a slot. Acks come first: unless urgent (a form submission,
// whose answer is its ack), the work waits briefly while envelopes are
// waiting to be read and acked. If ctx ends first, f still runs: the
// user gets an answer, late rather than never.
func (b *Bot) compute(ctx context.Context, urgent bool, f func()) {
	if !urgent {
		b.yieldToAcks(ctx)
	}
	select {
	case b.workers <- struct{}{}:
		defer func() { <-b.workers }()
	case <-ctx.Done():
	}
	f()
}

// reply computes a Reply with compute.
func (b *Bot) reply(ctx context.Context, f func() Reply) Reply {
	var r Reply
	b.compute(ctx, false, func() { r = f() })
	return r
}

// yieldToAcks lets a burst of envelopes be acked before it is answered:
// it waits while envelopes are queued or arrived within the last
// quietPeriod, at most maxYield (so replies still flow under steady load).
func (b *Bot) yieldToAcks(ctx context.Context) {
	deadline := time.Now().Add(maxYield)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		busy := len(b.client.Events) > 0 || time.Since(time.Unix(0, b.lastEnvelope.Load())) < quietPeriod
		if !busy {
			return
		}
		time.Sleep(200 * time.Microsecond)
	}
}

func isSubmission(evt socketmode.Event) bool {
	cb, ok := evt.Data.(slack.InteractionCallback)
	return ok && cb.Type == slack.InteractionTypeViewSubmission
}

// testHookHandle, when set by a test, runs before each handler (to make
// one panic, or stall).
var testHookHandle func(evt socketmode.Event)

// handle dispatches one envelope to its handler.
func (b *Bot) handle(ctx context.Context, env *envelope, evt socketmode.Event) {
	if testHookHandle != nil {
		testHookHandle(evt)
	}
	switch data := evt.Data.(type) {
	case slack.SlashCommand:
		b.onSlash(ctx, data)
	case slack.InteractionCallback:
		b.onInteraction(ctx, env, data)
	case slackevents.EventsAPIEvent:
		b.onEvent(ctx, data)
	}
}

// recoverPanic keeps one bad request from taking the bot down: it logs
// the panic, acks the envelope if that had not happened, and tells the
// user something went wrong where it can.
func (b *Bot) recoverPanic(ctx context.Context, env *envelope, evt socketmode.Event) {
	p := recover()
	if p == nil {
		return
	}
	b.log.Error("handler panicked", "envelope_type", env.kind, "envelope_id", env.id, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
	sorry := Reply{Kind: KindInternal, Message: "Something went wrong on our side. Please try again."}
	if !env.acked() {
		// A form submission: close it with an error on the name field.
		env.ack(ctx, slack.NewErrorsViewSubmissionResponse(map[string]string{"name": sorry.Message}))
	}
	if url := responseURL(evt.Data); url != "" {
		b.respond(ctx, url, sorry, false)
	}
}

func responseURL(data any) string {
	switch d := data.(type) {
	case slack.SlashCommand:
		return d.ResponseURL
	case slack.InteractionCallback:
		return d.ResponseURL
	}
	return ""
}

// ackBadMessage acks an envelope slack-go could not parse, using the
// envelope_id from the raw message, so that Slack does not retry it.
func (b *Bot) ackBadMessage(ctx context.Context, evt socketmode.Event) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		return
	}
	var raw struct {
		EnvelopeID string `json:"envelope_id"`
		Type       string `json:"type"`
	}
	if err := json.Unmarshal(bad.Message, &raw); err != nil || raw.EnvelopeID == "" {
		b.log.Warn("unreadable message from Slack, nothing to ack", "cause", bad.Cause)
		return
	}
	b.log.Warn("envelope slack-go could not parse; acked", "envelope_id", raw.EnvelopeID, "type", raw.Type, "cause", bad.Cause)
	env := &envelope{id: raw.EnvelopeID, kind: raw.Type, bot: b}
	env.ack(ctx, nil)
}

// envelope acks one Socket Mode envelope exactly once.
type envelope struct {
	id, kind string
	bot      *Bot
	once     sync.Once
	done     bool
	mu       sync.Mutex
}

// ack acknowledges the envelope with payload (nil for a plain ack). If the
// payload cannot travel in the ack (too large), the envelope is acked
// without it and the error says so: the caller then replies another way.
func (e *envelope) ack(ctx context.Context, payload any) (err error) {
	e.once.Do(func() {
		actx, cancel := context.WithTimeout(ctx, ackTimeout)
		defer cancel()
		err = e.bot.client.AckCtx(actx, e.id, payload)
		if err != nil && payload != nil {
			e.bot.log.Warn("reply does not fit in the ack; acking without it", "envelope_id", e.id, "error", err)
			if err2 := e.bot.client.AckCtx(actx, e.id, nil); err2 != nil {
				e.bot.log.Error("ack failed", "envelope_id", e.id, "type", e.kind, "error", err2)
			}
		} else if err != nil {
			e.bot.log.Error("ack failed", "envelope_id", e.id, "type", e.kind, "error", err)
		}
		e.mu.Lock()
		e.done = true
		e.mu.Unlock()
	})
	return err
}

func (e *envelope) acked() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.done
}
