package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"connectcoach/internal/golden"
)

// corpusCase is one note of testdata/notes: its text and verdicts.
type corpusCase struct {
	name  string
	text  string
	want  []string // finding ids that must be raised, exactly
	near  []string // ids it is a near miss for: they must not fire
	limit int
}

func loadCorpus(t *testing.T) []corpusCase {
	t.Helper()
	files, err := filepath.Glob("testdata/notes/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata/notes: %v", err)
	}
	var cases []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(data), "---\n")
		if !ok {
			t.Fatalf("%s: no --- line between the verdicts and the note", f)
		}
		c := corpusCase{name: strings.TrimSuffix(filepath.Base(f), ".txt"), text: text}
		for _, line := range strings.Split(strings.TrimSpace(head), "\n") {
			key, val, _ := strings.Cut(line, ":")
			switch key {
			case "want":
				c.want = strings.Fields(val)
			case "near":
				c.near = strings.Fields(val)
			case "limit":
				if c.limit, err = strconv.Atoi(strings.TrimSpace(val)); err != nil {
					t.Fatalf("%s: bad limit: %v", f, err)
				}
			default:
				t.Fatalf("%s: unknown verdict line %q", f, line)
			}
		}
		cases = append(cases, c)
	}
	return cases
}

// TestCorpus reviews every note of testdata/notes: the findings must be
// exactly the note's want: line, and the whole report must match its
// golden file.
func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) < 30 {
		t.Errorf("corpus has %d notes, want at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Review(c.text, Options{Limit: c.limit})
			got := ids(r)
			want := slices.Clone(c.want)
			slices.Sort(got)
			slices.Sort(want)
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b []string) bool { return strings.Join(a, " ") == strings.Join(b, " ") })); diff != "" {
				t.Errorf("findings of %s (-want +got):\n%s", c.name, diff)
			}
			for _, id := range c.near {
				if r.Has(id) {
					t.Errorf("%s is a near miss for %s, but it fired", c.name, id)
				}
			}
			golden.Check(t, filepath.Join("testdata", "notes", c.name+".golden"), renderReport(r))
		})
	}
}

// TestRuleTable checks the findings table itself: unique ids, a message
// and fix for every finding, and for every rule at least one corpus note
// that raises it and one near miss that must not.
func TestRuleTable(t *testing.T) {
	cases := loadCorpus(t)
	fires, misses := map[string]int{}, map[string]int{}
	for _, c := range cases {
		for _, id := range c.want {
			fires[id]++
		}
		for _, id := range c.near {
			misses[id]++
		}
		for _, f := range Review(c.text, Options{Limit: c.limit}).Findings {
			if f.Message == "" || f.Fix == "" {
				t.Errorf("%s: finding %s has no message or fix", c.name, f.ID)
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("rule id %s appears twice", r.ID)
		}
		seen[r.ID] = true
		if r.Check == nil {
			t.Errorf("rule %s has no check", r.ID)
		}
		if fires[r.ID] == 0 {
			t.Errorf("rule %s: no corpus note raises it", r.ID)
		}
		if misses[r.ID] == 0 {
			t.Errorf("rule %s: no corpus note is a near miss for it", r.ID)
		}
	}
	for id := range fires {
		if !seen[id] {
			t.Errorf("corpus wants unknown finding %s", id)
		}
	}
	want := []string{"default-request", "default-sentence", "over-limit", "near-limit", "empty", "placeholder",
		"no-name", "no-reason", "early-ask", "time-grab", "pitch", "filler", "false-intimacy", "contact-details",
		"flattery", "cliche", "slack-markup", "shouting", "ends-with-question"}
	for _, id := range want {
		if !seen[id] {
			t.Errorf("the spec's finding %s is missing from the table", id)
		}
	}
}

// TestPhraseData checks every entry of data/phrases.txt: its example note
// raises the entry's finding (or, for the helper labels, does what the
// label means), and patterns do not repeat.
func TestPhraseData(t *testing.T) {
	seenPattern := map[string]int{}
	for _, e := range phraseEntries {
		if prev, ok := seenPattern[e.Pattern]; ok {
			t.Errorf("data/phrases.txt:%d repeats the pattern of line %d", e.Line, prev)
		}
		seenPattern[e.Pattern] = e.Line
		r := Review(e.Example, Options{})
		switch e.Label {
		case "reason":
			if r.Has("no-reason") {
				t.Errorf("data/phrases.txt:%d: %q gives a reason, but no-reason fired", e.Line, e.Example)
			}
		case "no-name-generic":
			if !r.Has("no-name") {
				t.Errorf("data/phrases.txt:%d: %q should raise no-name", e.Line, e.Example)
			}
		default:
			if !r.Has(e.Label) {
				t.Errorf("data/phrases.txt:%d: %q should raise %s; got %v", e.Line, e.Example, e.Label, ids(r))
			}
		}
		// The entry itself must be what matched.
		found := false
		ks := keys(tokenize(normalize(e.Example)))
		for _, h := range findingPhrases.findLabels(ks, findingPhrases.firsts(ks))[findingPhrases.labelIndex(e.Label)] {
			if findingPhrases.line(h) == e.Line {
				found = true
			}
		}
		if !found {
			t.Errorf("data/phrases.txt:%d: the example %q is not matched by its own pattern", e.Line, e.Example)
		}
	}
}

// renderReport is a stable text form of a report for golden files.
func renderReport(r Report) string {
	var b strings.Builder
	bd := r.Breakdown
	fmt.Fprintf(&b, "lang: %s\n", r.Lang)
	fmt.Fprintf(&b, "length: %d graphemes, %d units / %d: %s; %s; %s\n", bd.Total.Graphemes, bd.Total.Units, bd.Limit, bd.Verdict, bd.Tiers[0], bd.Tiers[1])
	for _, p := range bd.Parts {
		fmt.Fprintf(&b, "  %s: %d graphemes, %d units: %q\n", p.Name, p.Graphemes, p.Units, p.Text)
	}
	for _, c := range bd.Costly {
		fmt.Fprintf(&b, "  costly: %q %s, %d units x%d\n", c.Text, c.Kind, c.Units, c.Times)
	}
	if bd.NFCSaves > 0 {
		fmt.Fprintf(&b, "  NFC saves %d units\n", bd.NFCSaves)
	}
	if r.Default != nil {
		fmt.Fprintf(&b, "default request (%s): %q\n", r.Default.Lang, r.Default.Text)
	}
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "%s %s: %s\n  fix: %s\n", f.Level, f.ID, f.Message, f.Fix)
		if f.Match != "" {
			fmt.Fprintf(&b, "  match: %q\n", f.Match)
		}
	}
	return b.String()
}
