package slacktest

import (
	"encoding/json"
	"fmt"
	"maps"
)

// View is a view the fake opened or published, as last returned to the
// client.
type View struct {
	ID         string
	Hash       string
	ExternalID string
	UserID     string // set for Home tabs published with views.publish
	// JSON is the "view" object of the last successful response.
	JSON json.RawMessage
}

// fakeView is the stored state of one view.
type fakeView struct {
	id, hash, external, user string
	fields                   map[string]any // the view as the client sent it
}

// View returns the view with the given ID.
func (s *Server) View(id string) (View, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.views[id]
	if !ok {
		return View{}, false
	}
	return v.export(), true
}

// Views returns every view in the order it was first opened or published.
func (s *Server) Views() []View {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]View, 0, len(s.viewList))
	for _, id := range s.viewList {
		out = append(out, s.views[id].export())
	}
	return out
}

// export returns the public copy of v.
func (v *fakeView) export() View {
	b, _ := json.Marshal(v.response())
	return View{ID: v.id, Hash: v.hash, ExternalID: v.external, UserID: v.user, JSON: b}
}

// response is the "view" object Slack returns: the client's fields plus
// the server-assigned ones.
func (v *fakeView) response() map[string]any {
	m := maps.Clone(v.fields)
	m["id"], m["hash"] = v.id, v.hash
	m["team_id"], m["app_id"], m["bot_id"], m["app_installed_team_id"] = TeamID, AppID, BotID, TeamID
	m["root_view_id"], m["previous_view_id"] = v.id, nil
	m["external_id"] = v.external
	if m["blocks"] == nil {
		m["blocks"] = []any{}
	}
	if _, ok := m["state"]; !ok {
		m["state"] = map[string]any{"values": map[string]any{}}
	}
	return m
}

// viewRequest is the union of the views.* request bodies.
type viewRequest struct {
	TriggerID  string         `json:"trigger_id"`
	UserID     string         `json:"user_id"`
	View       map[string]any `json:"view"`
	ExternalID string         `json:"external_id"`
	Hash       string         `json:"hash"`
	ViewID     string         `json:"view_id"`
}

// parseViewRequest checks the token and decodes the body, returning a
// Slack error code on failure.
func parseViewRequest(c Call) (viewRequest, string) {
	var req viewRequest
	if code := checkToken(c.token(), "xoxb-"); code != "" {
		return req, code
	}
	if err := json.Unmarshal(c.JSON, &req); err != nil {
		return req, "invalid_json"
	}
	if req.View == nil {
		return req, "invalid_arguments"
	}
	return req, ""
}

// newViewLocked stores a new view. s.mu must be held.
func (s *Server) newViewLocked(user string) *fakeView {
	s.seq++
	v := &fakeView{id: fmt.Sprintf("V%08d", s.seq), user: user}
	s.views[v.id] = v
	s.viewList = append(s.viewList, v.id)
	return v
}

// setViewLocked replaces v's content and gives it a new hash. s.mu must be
// held.
func (s *Server) setViewLocked(v *fakeView, fields map[string]any) map[string]any {
	s.seq++
	v.hash = fmt.Sprintf("1700000000.h%06d", s.seq)
	v.fields = fields
	if ext, _ := fields["external_id"].(string); ext != v.external {
		if v.external != "" {
			delete(s.external, v.external)
		}
		v.external = ext
		if ext != "" {
			s.external[ext] = v.id
		}
	}
	return map[string]any{"ok": true, "view": v.response()}
}

// viewsOpen serves views.open and views.push.
func (s *Server) viewsOpen(c Call) any {
	req, code := parseViewRequest(c)
	if code == "" && req.TriggerID == "" {
		code = "invalid_arguments"
	}
	if code != "" {
		return slackError(code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ext, _ := req.View["external_id"].(string); ext != "" && s.external[ext] != "" {
		return slackError("duplicate_external_id")
	}
	return s.setViewLocked(s.newViewLocked(""), req.View)
}

// viewsUpdate replaces a view found by view_id or external_id, refusing a
// stale hash.
func (s *Server) viewsUpdate(c Call) any {
	req, code := parseViewRequest(c)
	if code != "" {
		return slackError(code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := req.ViewID
	if id == "" {
		id = s.external[req.ExternalID]
	}
	v, ok := s.views[id]
	if !ok {
		return slackError("not_found")
	}
	if req.Hash != "" && req.Hash != v.hash {
		return slackError("hash_conflict")
	}
	if req.View["external_id"] == nil && v.external != "" {
		req.View["external_id"] = v.external
	}
	return s.setViewLocked(v, req.View)
}

// viewsPublish creates or replaces the user's Home tab, refusing a stale hash.
func (s *Server) viewsPublish(c Call) any {
	req, code := parseViewRequest(c)
	if code == "" && req.UserID == "" {
		code = "invalid_arguments"
	}
	if code != "" {
		return slackError(code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.views[s.homes[req.UserID]]
	if ok && req.Hash != "" && req.Hash != v.hash {
		return slackError("hash_conflict")
	}
	if !ok {
		v = s.newViewLocked(req.UserID)
		s.homes[req.UserID] = v.id
	}
	return s.setViewLocked(v, req.View)
}
