// Package bot adapts Connect Coach to Slack: it runs a Socket Mode client
// (github.com/slack-go/slack/socketmode), parses the /connect command,
// answers slash commands, shortcuts, modal submissions and buttons with
// Block Kit replies, and offers the same replies in a console for trying
// the bot without Slack.
//
// Handlers are thin: each decodes an envelope, calls a pure function of
// Core (Command, Review, Draft) that returns a Reply, renders the Reply as
// blocks and acknowledges the envelope. The console calls the same
// functions and renders the Reply as text.
package bot
