package slacktest

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// writeTimeout bounds every write on a WebSocket connection.
const writeTimeout = 5 * time.Second

// hello is the first frame on every connection, shaped like Slack's.
var hello = []byte(`{"type":"hello","num_connections":1,"connection_info":{"app_id":"` + AppID +
	`"},"debug_info":{"host":"fake","approximate_connection_time":3600}}`)

// upgrader accepts any Origin: slack-go sends "Origin: https://api.slack.com",
// which gorilla's default same-origin check would refuse.
var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// Envelope is a Socket Mode message the Server pushes to the client.
type Envelope struct {
	// EnvelopeID is optional; Send generates a unique one when it is empty.
	EnvelopeID string
	// Type is "slash_commands", "interactive", "events_api" or anything else
	// (for unknown-type tests).
	Type string
	// Payload is marshalled to JSON as the "payload" field; a
	// json.RawMessage passes through. A nil Payload omits the field.
	Payload                any
	AcceptsResponsePayload bool
	// RetryAttempt and RetryReason are sent for "events_api" envelopes, and
	// for any envelope where one of them is set.
	RetryAttempt int
	RetryReason  string
}

// Ack is an acknowledgement the client sent back over the WebSocket.
type Ack struct {
	EnvelopeID string
	// Payload is the ack's "payload" field; nil when the ack had none.
	Payload json.RawMessage
	// Latency is the time from the envelope's Send to the ack's receipt, or
	// 0 when no envelope with that ID was sent.
	Latency time.Duration
	// Conn is the 1-based number of the connection the ack arrived on.
	Conn int
}

// wsConn is one accepted WebSocket connection.
type wsConn struct {
	n    int
	ws   *websocket.Conn
	wmu  sync.Mutex    // serialises data writes; WriteControl needs no lock
	done chan struct{} // closed when the read loop ends
}

// write sends one text frame.
func (c *wsConn) write(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// newTicketLocked issues a single-use WebSocket ticket. s.mu must be held.
func (s *Server) newTicketLocked() string {
	s.nextTicket++
	t := strconv.Itoa(s.nextTicket)
	s.tickets[t] = true
	return t
}

// serveWS upgrades a request carrying a valid ticket and runs the
// connection until it closes.
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	ticket := r.URL.Query().Get("ticket")
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	if !s.tickets[ticket] {
		s.mu.Unlock()
		http.Error(w, "invalid or used ticket", http.StatusUnauthorized)
		return
	}
	delete(s.tickets, ticket)
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the request.
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.accepted++
	c := &wsConn{n: s.accepted, ws: ws, done: make(chan struct{})}
	s.open[c] = true
	s.notifyLocked()
	s.mu.Unlock()

	ws.SetPongHandler(func(string) error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.pongs++
		return nil
	})

	if err := c.write(hello); err == nil {
		s.mu.Lock()
		s.hellos++
		if !s.closed && (s.current == nil || c.n > s.current.n) {
			s.current = c
		}
		s.wg.Add(1)
		s.notifyLocked()
		s.mu.Unlock()
		go s.pingLoop(c)
	}

	s.readLoop(c)
}

// readLoop records acks until the connection fails, then forgets it.
func (s *Server) readLoop(c *wsConn) {
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			break
		}
		s.recordFrame(c, data)
	}
	close(c.done)
	_ = c.ws.Close()

	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.open, c)
	if s.current == c {
		s.current = nil
	}
	s.notifyLocked()
}

// recordFrame records a frame from the client if it is an ack.
func (s *Server) recordFrame(c *wsConn, data []byte) {
	now := time.Now()
	var m struct {
		EnvelopeID string          `json:"envelope_id"`
		Payload    json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(data, &m); err != nil || m.EnvelopeID == "" {
		return
	}
	if string(m.Payload) == "null" {
		m.Payload = nil
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	ack := Ack{EnvelopeID: m.EnvelopeID, Payload: m.Payload, Conn: c.n}
	if t, ok := s.sentAt[m.EnvelopeID]; ok {
		ack.Latency = now.Sub(t)
	}
	s.acks = append(s.acks, ack)
	s.notifyLocked()
}

// pingLoop sends PING frames on c at the current interval until c closes.
func (s *Server) pingLoop(c *wsConn) {
	defer s.wg.Done()
	ping := func() {
		_ = c.ws.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(writeTimeout))
	}

	s.mu.Lock()
	first := s.pingInterval > 0
	s.mu.Unlock()
	if first {
		ping()
	}
	for {
		s.mu.Lock()
		d, changed := s.pingInterval, s.pingChanged
		s.mu.Unlock()

		var tick <-chan time.Time
		var timer *time.Timer
		if d > 0 {
			timer = time.NewTimer(d)
			tick = timer.C
		}
		select {
		case <-c.done:
		case <-changed:
		case <-tick:
			ping()
		}
		if timer != nil {
			timer.Stop()
		}
		select {
		case <-c.done:
			return
		default:
		}
	}
}

// currentConn returns the newest open connection.
func (s *Server) currentConn() (*wsConn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.current == nil {
		return nil, ErrNotConnected
	}
	return s.current, nil
}

// WaitConnected waits until the n-th WebSocket connection (1-based, counted
// since NewServer) is up and has been sent "hello".
func (s *Server) WaitConnected(ctx context.Context, n int) error {
	return s.wait(ctx, fmt.Sprintf("connection %d", n), func() bool { return s.hellos >= n })
}

// Connections returns how many WebSocket connections have been accepted.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// ConnectionsOpened returns how many apps.connections.open calls succeeded.
func (s *Server) ConnectionsOpened() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened
}

// Pongs returns how many PONG frames the server has received in total.
func (s *Server) Pongs() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pongs
}

// Send pushes env on the current connection and returns its envelope_id,
// generated unless env.EnvelopeID is set.
func (s *Server) Send(env Envelope) (string, error) {
	if env.EnvelopeID == "" {
		env.EnvelopeID = newEnvelopeID()
	}
	msg := struct {
		EnvelopeID             string  `json:"envelope_id"`
		Type                   string  `json:"type"`
		Payload                any     `json:"payload,omitempty"`
		AcceptsResponsePayload bool    `json:"accepts_response_payload"`
		RetryAttempt           *int    `json:"retry_attempt,omitempty"`
		RetryReason            *string `json:"retry_reason,omitempty"`
	}{
		EnvelopeID:             env.EnvelopeID,
		Type:                   env.Type,
		Payload:                env.Payload,
		AcceptsResponsePayload: env.AcceptsResponsePayload,
	}
	if env.Type == "events_api" || env.RetryAttempt != 0 || env.RetryReason != "" {
		msg.RetryAttempt, msg.RetryReason = &env.RetryAttempt, &env.RetryReason
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return "", fmt.Errorf("slacktest: marshalling envelope: %w", err)
	}

	c, err := s.currentConn()
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	s.sentAt[env.EnvelopeID] = time.Now()
	s.mu.Unlock()
	if err := c.write(b); err != nil {
		return "", fmt.Errorf("slacktest: sending envelope: %w", err)
	}
	return env.EnvelopeID, nil
}

// SendRaw writes b as one text frame on the current connection.
func (s *Server) SendRaw(b []byte) error {
	c, err := s.currentConn()
	if err != nil {
		return err
	}
	return c.write(b)
}

// WaitAck waits for the first ack with envelopeID and returns it.
func (s *Server) WaitAck(ctx context.Context, envelopeID string) (Ack, error) {
	var ack Ack
	err := s.wait(ctx, "ack of "+envelopeID, func() bool {
		for _, a := range s.acks {
			if a.EnvelopeID == envelopeID {
				ack = a
				return true
			}
		}
		return false
	})
	return ack, err
}

// Acks returns the acks received with envelopeID so far, in arrival order;
// "" returns every ack.
func (s *Server) Acks(envelopeID string) []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Ack
	for _, a := range s.acks {
		if envelopeID == "" || a.EnvelopeID == envelopeID {
			out = append(out, a)
		}
	}
	return out
}

// Disconnect sends {"type":"disconnect","reason":reason,...} on the current
// connection, as Slack does before it refreshes a connection.
func (s *Server) Disconnect(reason string) error {
	b, err := json.Marshal(map[string]any{
		"type":       "disconnect",
		"reason":     reason,
		"debug_info": map[string]string{"host": "fake"},
	})
	if err != nil {
		return err
	}
	return s.SendRaw(b)
}

// DropConnection closes the current connection's TCP socket without a close
// frame, as a network failure would.
func (s *Server) DropConnection() error {
	c, err := s.currentConn()
	if err != nil {
		return err
	}
	s.mu.Lock()
	if s.current == c {
		s.current = nil
	}
	s.mu.Unlock()
	return c.ws.Close()
}

// CloseConnection sends a close frame with code and text on the current
// connection; the client is expected to answer and reconnect.
func (s *Server) CloseConnection(code int, text string) error {
	c, err := s.currentConn()
	if err != nil {
		return err
	}
	msg := websocket.FormatCloseMessage(code, text)
	return c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(writeTimeout))
}

// newEnvelopeID returns a random UUID-shaped ID, like Slack's.
func newEnvelopeID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
