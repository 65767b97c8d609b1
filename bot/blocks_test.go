package bot

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"connectcoach/internal/golden"
	"connectcoach/templates"
)

func testCore() *Core {
	return &Core{Command: "/connect", Limit: 300, Templates: templates.Default()}
}

// TestBlocksGolden renders typical replies as Block Kit JSON and compares
// them with testdata/<case>.golden (go test ./bot -update rewrites them).
func TestBlocksGolden(t *testing.T) {
	c := testCore()
	fred := func() string { return "Fred Smith" }
	tests := []struct {
		name string
		text string
	}{
		{"draft-common-ground", `name=Joe company=Acme common="a civil engineer like me" goal="join the team there in a project role"`},
		{"draft-limit-200", `name="Dr. Amara Okafor" company=Arup common="a civil engineer like me" goal="join the team there in a project role" limit=200`},
		{"review-default", `review Hi Maria, I’d like to add you to my professional network on LinkedIn. - Priya`},
		{"review-findings", `review hi, I came across your profile!!! Could we grab a coffee? Call me on +44 7700 900123 :wave:`},
		{"review-emoji", `review Hi Zoë 👋🏽 loved your talk on rail safety in 🇬🇧. Could I ask how you started?`},
		{"error-unknown-key", `name=Joe colour=blue`},
		{"help", `help`},
		{"escaping", `name="<!channel> Joe" company="R&D <@U999>" goal="@here a project role"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := c.HandleText(tc.text, fred)
			got, err := json.MarshalIndent(slack.Blocks{BlockSet: Blocks(r, c.Command)}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".golden"), string(got)+"\n")
		})
	}
}

// TestViewsGolden pins the App Home tab, the form and the editor (empty,
// and holding a default request) as JSON.
func TestViewsGolden(t *testing.T) {
	c := testCore()
	tests := []struct {
		name string
		view any
	}{
		{"view-home", c.HomeView()},
		{"view-form", c.FormView()},
		{"view-editor-empty", c.EditorView("", 0, true)},
		{"view-editor-default", c.EditorView("I’d like to add you to my professional network on LinkedIn. 👍🏽", 200, true)},
		{"view-editor-update", c.EditorView("Hi Maria, loved your talk on rail safety. How did you start?", 300, false)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.MarshalIndent(tc.view, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".golden"), string(got)+"\n")
		})
	}
}

// TestBlockIDs checks the block ids the spec promises, reply by reply.
func TestBlockIDs(t *testing.T) {
	c := testCore()
	tests := []struct {
		text string
		want string
	}{
		{`name=Joe company=Acme goal="a project role"`, "draft length findings actions"},
		{`review I'd like to add you to my professional network on LinkedIn.`, "draft length flag_default findings"},
		{`review Hi Maria, we met at the AWS Summit. I'd like to add you to my professional network.`, "draft length findings"},
		{`help`, "help"},
		{`company=Acme`, "error"},
	}
	for _, tc := range tests {
		var ids []string
		for _, b := range Blocks(c.HandleText(tc.text, nil), "/connect") {
			ids = append(ids, b.ID())
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("%s: block ids %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestDraftBlockIsTheDraft checks that the draft block holds exactly the
// draft, so that copying it gives the text to paste.
func TestDraftBlockIsTheDraft(t *testing.T) {
	c := testCore()
	r := c.HandleText(`name=Joe company=Acme goal="a project role"`, nil)
	b := Blocks(r, "/connect")[0].(*slack.SectionBlock)
	if b.BlockID != BlockDraft || b.Text.Type != slack.PlainTextType || Unescape(b.Text.Text) != r.Text {
		t.Errorf("draft block %q (%s), want the draft %q as plain text", b.Text.Text, b.Text.Type, r.Text)
	}
}
