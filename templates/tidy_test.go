package templates

import (
	"testing"

	"pgregory.net/rapid"
)

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Hi Joe,", "Hi Joe,"},
		{"  Hi \t Joe\u00a0, ", "Hi Joe,"},
		{"I saw your profile when researching Acme Inc..", "I saw your profile when researching Acme Inc."},
		{"opportunities at Yahoo!.", "opportunities at Yahoo!"},
		{"at ,.", "at."},
		{"at .", "at."},
		{"a ,, b", "a, b"},
		{"Kind regards, Inc.,", "Kind regards, Inc.,"},
		{"researching .NET Foundation.", "researching .NET Foundation."},
		{"wait....", "wait..."},
		{"etc...", "etc..."},
		{"a ( b ) c", "a (b) c"},
		{"a () c", "a c"},
		{"a ( ) c", "a c"},
		{", and then", "and then"},
		{"你好。.", "你好。"},
		{"¿ Qué tal ?", "¿Qué tal?"},
	}
	for _, tc := range tests {
		if got := tidy(tc.in); got != tc.want {
			t.Errorf("tidy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestTidyIdempotent: tidying twice changes nothing, and Target.Clean is
// idempotent, like gofmt.
func TestTidyIdempotent(t *testing.T) {
	runes := rapid.RuneFrom([]rune(" \t\u00a0.,;:!?…()[]{}«»¿¡。！？、’'\"“”-aAé\u0301\u200b"))
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(rapid.StringOf(runes), rapid.String()).Draw(t, "s")
		once := tidy(s)
		if twice := tidy(once); twice != once {
			t.Fatalf("tidy(%q) = %q, tidy again = %q", s, once, twice)
		}
		tg := Target{Name: s, Company: s, Role: s, Common: s, Goal: "to " + s, From: s}
		if c := tg.Clean(); c.Clean() != c {
			t.Fatalf("Clean(%+v) = %+v, Clean again = %+v", tg, c, c.Clean())
		}
		if g := tg.GreetingName(); tg.Clean().Name != "" && g == "" {
			t.Fatalf("GreetingName of %q is empty", s)
		}
		if g := tg.GreetingName(); tg.Clean().GreetingName() != g {
			t.Fatalf("GreetingName of %q = %q, of its cleaned form %q", s, g, tg.Clean().GreetingName())
		}
	})
}

// TestIsPlain: the fast path only skips strings the slow one would leave
// as they are.
func TestIsPlain(t *testing.T) {
	runes := rapid.RuneFrom([]rune(" ..,,;:!?…()[]«»¿。’'-aAbé王\u0301\u00a0"))
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(runes).Draw(t, "s")
		if isPlain(s) && tidySlow(s) != s {
			t.Fatalf("isPlain(%q) but tidy makes it %q", s, tidySlow(s))
		}
	})
	for _, s := range []string{"Hi Joe,", "I hope you’ll accept my connection.", "Hi 王芳,", "Kind regards, Fred Smith"} {
		if !isPlain(s) {
			t.Errorf("isPlain(%q) = false, want true", s)
		}
	}
}
