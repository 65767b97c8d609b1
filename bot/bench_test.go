package bot

import (
	"encoding/json"
	"testing"

	"github.com/slack-go/slack"
)

// BenchmarkSlashReply is the work behind one /connect draft: parse, draft,
// review, render blocks and marshal them.
func BenchmarkSlashReply(b *testing.B) {
	c := testCore()
	b.ReportAllocs()
	for b.Loop() {
		r := c.HandleText(`name=Joe company=Acme common="a civil engineer like me" goal="join the team there in a project role"`, func() string { return "Fred Smith" })
		if _, err := json.Marshal(slack.Blocks{BlockSet: Blocks(r, "/connect")}); err != nil {
			b.Fatal(err)
		}
	}
}
