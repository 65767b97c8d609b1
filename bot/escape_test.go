package bot

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"R&D <3", "R&amp;D &lt;3"},
		{"<!channel> <@U123> @here", "&lt;!channel&gt; &lt;@U123&gt; @here"},
		{"&amp;", "&amp;amp;"},
		{"plain", "plain"},
	}
	for _, tc := range tests {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Unescape(Escape(tc.in)); got != tc.in {
			t.Errorf("Unescape(Escape(%q)) = %q", tc.in, got)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"R&amp;D &lt;3", "R&D <3"},
		{"see <https://acme.com|acme.com> and <https://x.io>", "see acme.com and https://x.io"},
		{"hi <@U123|joe> and <@U456>", "hi @joe and @U456"},
		{"in <#C1|general> or <#C2>", "in #general or #C2"},
		{"<!here> <!channel> <!subteam^S1|@devs>", "@here @channel @devs"},
		{"mail <mailto:a@b.com|a@b.com>", "mail a@b.com"},
		{"no markup", "no markup"},
	}
	for _, tc := range tests {
		if got := Visible(tc.in); got != tc.want {
			t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
