package slacktest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxBody caps the request bodies the fake reads.
const maxBody = 4 << 20

// Call is one recorded Web API or response_url request.
type Call struct {
	// Method is the Web API method, e.g. "chat.postEphemeral" or
	// "views.open", or "response_url" for posts to a ResponseURL.
	Method string
	Path   string
	// Form is the parsed body of a form-encoded call (with the token field
	// as sent), merged with the URL query; nil otherwise.
	Form url.Values
	// JSON is the raw body of any call that was not form-encoded (views.*,
	// response_url); nil when the body was empty.
	JSON   json.RawMessage
	Header http.Header
}

// Calls returns the recorded calls of method in order; "" returns all calls.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// WaitCall waits until at least n calls of method ("" = any) have been
// recorded and returns the n-th (1-based).
func (s *Server) WaitCall(ctx context.Context, method string, n int) (Call, error) {
	var call Call
	err := s.wait(ctx, fmt.Sprintf("call %d of %q", n, method), func() bool {
		seen := 0
		for _, c := range s.calls {
			if method == "" || c.Method == method {
				seen++
				if seen == n {
					call = c
					return true
				}
			}
		}
		return false
	})
	return call, err
}

// apiMethods are the Web API methods the fake serves.
var apiMethods = map[string]func(*Server, Call) any{
	"apps.connections.open": (*Server).appsConnectionsOpen,
	"auth.test":             (*Server).authTest,
	"users.info":            (*Server).usersInfo,
	"chat.postEphemeral":    (*Server).chatPostEphemeral,
	"chat.postMessage":      (*Server).chatPostMessage,
	"views.open":            (*Server).viewsOpen,
	"views.push":            (*Server).viewsOpen,
	"views.update":          (*Server).viewsUpdate,
	"views.publish":         (*Server).viewsPublish,
}

// serveAPI records a Web API call and answers it.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	call, f, failed := s.record(method, r)
	if failed {
		writeFailure(w, f)
		return
	}
	h, ok := apiMethods[method]
	if !ok {
		writeJSON(w, http.StatusOK, slackError("unknown_method"))
		return
	}
	writeJSON(w, http.StatusOK, h(s, call))
}

// serveResponseURL records a response_url post and answers {"ok":true}.
func (s *Server) serveResponseURL(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	_, f, failed := s.record("response_url", r)
	if failed {
		writeFailure(w, f)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true})
}

// record reads r into a Call, stores it and takes the next queued failure
// for method, if any.
func (s *Server) record(method string, r *http.Request) (Call, failure, bool) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	call := Call{Method: method, Path: r.URL.Path, Header: r.Header.Clone()}
	ctype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ctype == "application/x-www-form-urlencoded" {
		call.Form, _ = url.ParseQuery(string(body))
	} else if len(body) > 0 {
		call.JSON = json.RawMessage(body)
	}
	if q := r.URL.Query(); len(q) > 0 {
		if call.Form == nil {
			call.Form = url.Values{}
		}
		for k, v := range q {
			call.Form[k] = append(call.Form[k], v...)
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, call)
	s.notifyLocked()
	queue := s.failures[method]
	if len(queue) == 0 {
		return call, failure{}, false
	}
	f := queue[0]
	s.failures[method] = queue[1:]
	if f.status == http.StatusOK && f.slackErr == "" {
		return call, failure{}, false
	}
	return call, f, true
}

// writeFailure answers with an injected failure.
func writeFailure(w http.ResponseWriter, f failure) {
	if f.retryAfter != "" {
		w.Header().Set("Retry-After", f.retryAfter)
	}
	code := f.slackErr
	switch {
	case code != "":
	case f.status == http.StatusTooManyRequests:
		code = "ratelimited"
	default:
		code = "fake_http_" + strconv.Itoa(f.status)
	}
	writeJSON(w, f.status, slackError(code))
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// slackError is Slack's error body.
func slackError(code string) map[string]any {
	return map[string]any{"ok": false, "error": code}
}

// token returns the call's token: the Bearer header, else the form field.
func (c Call) token() string {
	if t, ok := strings.CutPrefix(c.Header.Get("Authorization"), "Bearer "); ok {
		return t
	}
	return c.Form.Get("token")
}

// checkToken returns the Slack error code for a call whose token does not
// start with prefix, or "" when it does.
func checkToken(token, prefix string) string {
	switch {
	case token == "":
		return "not_authed"
	case strings.HasPrefix(token, prefix):
		return ""
	case strings.HasPrefix(token, "xapp-"), strings.HasPrefix(token, "xoxb-"), strings.HasPrefix(token, "xoxp-"):
		return "not_allowed_token_type"
	default:
		return "invalid_auth"
	}
}

// appsConnectionsOpen checks the app-level token and issues a WebSocket URL.
func (s *Server) appsConnectionsOpen(c Call) any {
	t, ok := strings.CutPrefix(c.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return slackError("not_authed")
	}
	if code := checkToken(t, "xapp-"); code != "" {
		return slackError(code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opened++
	u := "ws://" + s.hs.Listener.Addr().String() + "/ws?ticket=" + s.newTicketLocked()
	return map[string]any{"ok": true, "url": u}
}

// authTest answers for any xox token with the fake bot's identity.
func (s *Server) authTest(c Call) any {
	tok := c.token()
	if tok == "" {
		return slackError("not_authed")
	}
	if code := checkToken(tok, "xox"); code != "" {
		return slackError(code)
	}
	return map[string]any{
		"ok": true, "url": "https://fake.slack.com/", "team": "Fake", "user": "connectcoach",
		"team_id": TeamID, "user_id": BotUserID, "bot_id": BotID,
	}
}

// usersInfo answers for users added with SetUser.
func (s *Server) usersInfo(c Call) any {
	if code := checkToken(c.token(), "xoxb-"); code != "" {
		return slackError(code)
	}
	id := c.Form.Get("user")
	s.mu.Lock()
	name, ok := s.users[id]
	s.mu.Unlock()
	if !ok {
		return slackError("user_not_found")
	}
	return map[string]any{"ok": true, "user": map[string]any{
		"id": id, "team_id": TeamID, "name": strings.ToLower(strings.Join(strings.Fields(name), ".")),
		"real_name": name, "deleted": false, "is_bot": false,
		"profile": map[string]any{
			"real_name": name, "real_name_normalized": name,
			"display_name": name, "display_name_normalized": name,
		},
	}}
}

// messageError checks the fields chat.post* need.
func messageError(c Call) string {
	if code := checkToken(c.token(), "xoxb-"); code != "" {
		return code
	}
	if c.Form.Get("channel") == "" {
		return "channel_not_found"
	}
	if c.Form.Get("text") == "" && c.Form.Get("blocks") == "" && c.Form.Get("attachments") == "" {
		return "no_text"
	}
	return ""
}

// chatPostEphemeral returns a message_ts.
func (s *Server) chatPostEphemeral(c Call) any {
	if code := messageError(c); code != "" {
		return slackError(code)
	}
	if c.Form.Get("user") == "" {
		return slackError("user_not_in_channel")
	}
	return map[string]any{"ok": true, "message_ts": s.nextTS()}
}

// chatPostMessage returns the channel, a ts and the message.
func (s *Server) chatPostMessage(c Call) any {
	if code := messageError(c); code != "" {
		return slackError(code)
	}
	ts := s.nextTS()
	return map[string]any{
		"ok": true, "channel": c.Form.Get("channel"), "ts": ts,
		"message": map[string]any{"type": "message", "text": c.Form.Get("text"), "ts": ts, "bot_id": BotID},
	}
}

// nextTS returns a unique message timestamp.
func (s *Server) nextTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return fmt.Sprintf("1700000000.%06d", s.seq)
}
