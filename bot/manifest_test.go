package bot_test

import (
	"os"
	"strings"
	"testing"

	"connectcoach/bot"
)

// TestManifestMatchesCode checks manifest.yaml against what the code
// registers and calls: the callback ids, the events it answers, and the
// scopes of the Web API methods it uses — and nothing more.
func TestManifestMatchesCode(t *testing.T) {
	data, err := os.ReadFile("../manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m := string(data)
	for _, want := range []string{
		"command: /connect",
		"callback_id: " + bot.CallbackReview, "type: message",
		"callback_id: " + bot.CallbackNewDraft, "type: global",
		"socket_mode_enabled: true", "home_tab_enabled: true", "messages_tab_enabled: true",
		"- app_home_opened", "- message.im",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest.yaml lacks %q", want)
		}
	}
	// Scopes: exactly those the code needs.
	scopes := map[string]bool{}
	in := false
	for _, line := range strings.Split(m, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "bot:":
			in = true
		case in && strings.HasPrefix(trimmed, "- "):
			scope, _, _ := strings.Cut(strings.TrimPrefix(trimmed, "- "), " ")
			scopes[scope] = true
		case in:
			in = false
		}
	}
	want := map[string]string{
		"commands":   "slash command and shortcuts",
		"users:read": "users.info for the sign-off name",
		"chat:write": "chat.postMessage for editor and DM reviews",
		"im:history": "message.im events",
	}
	for s, why := range want {
		if !scopes[s] {
			t.Errorf("manifest lacks scope %s (%s)", s, why)
		}
	}
	for s := range scopes {
		if _, ok := want[s]; !ok {
			t.Errorf("manifest asks for scope %s, which the bot does not use", s)
		}
	}
	// Slack caps a shortcut's name at 24 characters.
	for _, line := range strings.Split(m, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "- name: "); ok && len(name) > 24 {
			t.Errorf("shortcut name %q is over 24 characters", name)
		}
	}
}
