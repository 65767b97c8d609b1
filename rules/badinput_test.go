package rules

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBadInput reviews inputs no user should send but some will: each
// gets a sensible report and no panic.
func TestBadInput(t *testing.T) {
	var fromJSON string
	if err := json.Unmarshal([]byte(`"Hi \ud83d Joe \udc4d"`), &fromJSON); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		in        string
		wantUnits int
		wantIDs   []string // findings that must be present
	}{
		{"empty", "", 0, []string{"empty"}},
		{"whitespace only", " \t\n\u00a0\u3000", 5, []string{"empty"}},
		{"invalid utf-8", "Hi Joe, \xff\xfe I saw your talk.", 27, nil},
		{"control characters", "Hi Joe,\x00\x07 I saw\x1b[31m your talk.", 31, nil},
		{"lone surrogates from JSON", fromJSON, 10, nil},
		{"only emoji", "👍🏽👍🏽👍🏽", 12, []string{"empty"}},
		{"100,000 characters", strings.Repeat("Hi Joe, I saw your talk. ", 4000), 100000, []string{"over-limit"}},
		{"100,000 without spaces", strings.Repeat("x", 100000), 100000, []string{"over-limit"}},
		{"100,000 dots", strings.Repeat(". ", 50000), 100000, []string{"over-limit"}},
		{"deep brackets", strings.Repeat("[{<(", 5000), 20000, []string{"over-limit"}},
		{"many combining marks", "e" + strings.Repeat("\u0301", 5000), 5001, []string{"over-limit"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Review(tc.in, Options{})
			if r.Breakdown.Total.Units != tc.wantUnits {
				t.Errorf("units = %d, want %d", r.Breakdown.Total.Units, tc.wantUnits)
			}
			for _, id := range tc.wantIDs {
				if !r.Has(id) {
					t.Errorf("findings %v lack %s", ids(r), id)
				}
			}
			for _, f := range r.Findings {
				if !utf8.ValidString(f.Match) || !utf8.ValidString(f.Message) || !utf8.ValidString(f.Fix) {
					t.Errorf("finding %s holds invalid UTF-8: %q %q %q", f.ID, f.Match, f.Message, f.Fix)
				}
			}
		})
	}
}
