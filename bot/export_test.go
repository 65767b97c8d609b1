package bot

import "github.com/slack-go/slack/socketmode"

// SetTestHook installs f to run before every handler; nil removes it.
func SetTestHook(f func(evt socketmode.Event)) { testHookHandle = f }
