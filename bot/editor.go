package bot

import (
	"strconv"
	"strings"

	"github.com/slack-go/slack"
)

// The editor modal: a text box whose length and findings update as the
// user types.
const (
	CallbackEditor   = "note_editor"
	BlockNote        = "note"
	ActionNoteInput  = "note_input"
	maxEditorText    = 3000 // Slack's limit for a plain_text_input
	editorHintPrefix = "Type or paste your note; the count below updates as you type."
)

// EditorView is the editor holding text, with its review below. Updates
// keep the input's block and action ids, so Slack keeps what the user
// typed; initial text is only set when the editor opens.
func (c *Core) EditorView(text string, limit int, opening bool) slack.ModalViewRequest {
	if limit == 0 {
		limit = c.Limit
	}
	input := slack.NewPlainTextInputBlockElement(slack.NewTextBlockObject(slack.PlainTextType, "Hi Joe, I saw your talk on…", false, false), ActionNoteInput).
		WithMultiline(true).WithMaxLength(maxEditorText).
		WithDispatchActionConfig(&slack.DispatchActionConfig{TriggerActionsOn: []string{"on_character_entered"}})
	if opening && text != "" {
		input = input.WithInitialValue(truncate(text, maxEditorText))
	}
	in := slack.NewInputBlock(BlockNote, slack.NewTextBlockObject(slack.PlainTextType, "Your note", false, false),
		slack.NewTextBlockObject(slack.PlainTextType, editorHintPrefix, false, false), input)
	in.DispatchAction = true

	blocks := []slack.Block{in}
	if text == "" {
		blocks = append(blocks, section(BlockLength, "*0 / "+strconv.Itoa(limit)+" characters*\nStart typing: the count and the review follow as you type."))
	} else {
		for _, b := range Blocks(c.Review(text, limit), c.Command) {
			if b.ID() != BlockDraft { // the text box shows the note already
				blocks = append(blocks, b)
			}
		}
	}
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		CallbackID:      CallbackEditor,
		Title:           slack.NewTextBlockObject(slack.PlainTextType, "Review a note", false, false),
		Submit:          slack.NewTextBlockObject(slack.PlainTextType, "Send me the review", false, false),
		Close:           slack.NewTextBlockObject(slack.PlainTextType, "Close", false, false),
		PrivateMetadata: strconv.Itoa(limit),
		Blocks:          slack.Blocks{BlockSet: blocks},
	}
}

// editorText reads the note from an editor view's state.
func editorText(state *slack.ViewState) string {
	if state == nil {
		return ""
	}
	return strings.TrimSpace(state.Values[BlockNote][ActionNoteInput].Value)
}

// editorLimit reads the limit the editor was opened with.
func editorLimit(v slack.View) int {
	n, err := strconv.Atoi(v.PrivateMetadata)
	if err != nil || n < MinLimit || n > MaxLimit {
		return 0
	}
	return n
}
