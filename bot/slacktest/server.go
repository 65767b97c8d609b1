package slacktest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Fixed identities the fake reports for its workspace and app.
const (
	TeamID = "T0TEST"
	AppID  = "A0TEST"
	BotID  = "B0TEST"
	// BotUserID is the user ID auth.test reports for the bot token.
	BotUserID = "U0BOT"
)

// DefaultPingInterval is how often a new Server sends WebSocket PING frames.
const DefaultPingInterval = time.Second

// ErrClosed is returned by waits and sends on a closed Server.
var ErrClosed = errors.New("slacktest: server closed")

// ErrNotConnected is returned when a socket operation finds no current
// WebSocket connection.
var ErrNotConnected = errors.New("slacktest: no current Socket Mode connection")

// Server is a fake Slack on 127.0.0.1: Web API over HTTP plus a Socket Mode
// WebSocket. Create it with NewServer and stop it with Close. All methods are
// safe for concurrent use.
type Server struct {
	hs *httptest.Server
	wg sync.WaitGroup // WebSocket handlers and their ping loops

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever recorded state changes
	closed  bool

	// Socket Mode state.
	pingInterval time.Duration
	pingChanged  chan struct{} // closed and replaced by SetPingInterval
	tickets      map[string]bool
	nextTicket   int
	opened       int // successful apps.connections.open calls
	accepted     int // upgraded WebSocket connections
	hellos       int // connections that were sent hello
	open         map[*wsConn]bool
	current      *wsConn
	sentAt       map[string]time.Time
	acks         []Ack
	pongs        int

	// Web API state.
	calls    []Call
	failures map[string][]failure
	users    map[string]string
	views    map[string]*fakeView
	viewList []string          // view IDs in creation order
	external map[string]string // external_id -> view ID
	homes    map[string]string // user ID -> home view ID
	seq      int               // for ts, view IDs and hashes
}

type failure struct {
	status     int
	retryAfter string
	slackErr   string
}

// NewServer starts a fake Slack listening on 127.0.0.1:0. It sends a PING
// every DefaultPingInterval on each WebSocket connection.
func NewServer() *Server {
	s := &Server{
		changed:      make(chan struct{}),
		pingInterval: DefaultPingInterval,
		pingChanged:  make(chan struct{}),
		tickets:      make(map[string]bool),
		open:         make(map[*wsConn]bool),
		sentAt:       make(map[string]time.Time),
		failures:     make(map[string][]failure),
		users:        make(map[string]string),
		views:        make(map[string]*fakeView),
		external:     make(map[string]string),
		homes:        make(map[string]string),
	}
	s.hs = httptest.NewServer(http.HandlerFunc(s.route))
	return s
}

// Close closes every WebSocket connection and the listener, and waits for
// the Server's goroutines to end. It is safe to call more than once.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*wsConn, 0, len(s.open))
	for c := range s.open {
		conns = append(conns, c)
	}
	s.current = nil
	s.notifyLocked()
	s.mu.Unlock()

	for _, c := range conns {
		_ = c.ws.Close()
	}
	s.hs.Close()
	s.wg.Wait()
}

// URL returns the server's base URL, "http://127.0.0.1:PORT", without a
// trailing slash.
func (s *Server) URL() string { return s.hs.URL }

// APIURL returns the Web API base URL for slack.OptionAPIURL,
// "http://127.0.0.1:PORT/api/", with the trailing slash.
func (s *Server) APIURL() string { return s.hs.URL + "/api/" }

// ResponseURL returns a response_url for id, "http://127.0.0.1:PORT/response/ID".
// POSTs to it are recorded as Calls with Method "response_url" and a Path
// that contains the id.
func (s *Server) ResponseURL(id string) string {
	return s.hs.URL + "/response/" + url.PathEscape(id)
}

// SetPingInterval sets how often PING frames are sent on every WebSocket
// connection, open or future. 0 means never ping.
func (s *Server) SetPingInterval(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pingInterval = d
	close(s.pingChanged)
	s.pingChanged = make(chan struct{})
}

// SetUser makes users.info know the user id with the given real name; the
// profile's real_name and display_name are both set to realName. Unknown
// users get {"ok":false,"error":"user_not_found"}.
func (s *Server) SetUser(id, realName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[id] = realName
}

// Fail makes the next n calls of method (a Web API method name, or
// "response_url") answer with HTTP status. A non-empty retryAfter sets the
// Retry-After header. Status 200 with a non-empty slackErr answers
// {"ok":false,"error":slackErr}; status 200 with an empty slackErr answers
// normally. Other statuses answer {"ok":false,"error":…} with slackErr, or
// "ratelimited" for 429, or "fake_http_STATUS". Failures queue up: a second
// Fail for the same method applies after the first one's n calls.
func (s *Server) Fail(method string, n int, status int, retryAfter string, slackErr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.failures[method] = append(s.failures[method], failure{status, retryAfter, slackErr})
	}
}

// notifyLocked wakes every waiter. s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until cond, called with s.mu held, reports true, the server
// closes or ctx ends. what describes the wait for error messages.
func (s *Server) wait(ctx context.Context, what string, cond func() bool) error {
	for {
		s.mu.Lock()
		if cond() {
			s.mu.Unlock()
			return nil
		}
		if s.closed {
			s.mu.Unlock()
			return fmt.Errorf("waiting for %s: %w", what, ErrClosed)
		}
		ch := s.changed
		s.mu.Unlock()

		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("slacktest: waiting for %s: %w", what, ctx.Err())
		}
	}
}

// route dispatches a request to the Web API, a response_url or the WebSocket.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/"):
		s.serveAPI(w, r)
	case strings.HasPrefix(r.URL.Path, "/response/"):
		s.serveResponseURL(w, r)
	case r.URL.Path == "/ws":
		s.serveWS(w, r)
	default:
		http.NotFound(w, r)
	}
}
