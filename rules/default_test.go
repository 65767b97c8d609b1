package rules

import (
	"strings"
	"testing"
)

// want values for the detection table.
const (
	whole    = "default-request"  // the note is the default request
	sentence = "default-sentence" // the default sentence beside real content
	none     = ""                 // not the default at all
)

func TestMatchDefault(t *testing.T) {
	const std = "I'd like to add you to my professional network on LinkedIn."
	tests := []struct {
		name, in, want string
	}{
		// Every English wording, as LinkedIn sent it.
		{"long-standing", std, whole},
		{"no on linkedin", "I'd like to add you to my professional network.", whole},
		{"network without linkedin", "Hi Maria, I'd like to add you to my network.", whole},
		{"network on linkedin", "I'd like to add you to my network on LinkedIn.", whole},
		{"linkedin network", "I'd like to add you to my LinkedIn network.", whole},
		{"person I trust", "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.", whole},
		{"connect with you", "I'd like to connect with you on LinkedIn.", whole},
		{"love to add", "I'd love to add you to my professional network.", whole},
		// Spelling variants.
		{"curly apostrophe", "I’d like to add you to my professional network on LinkedIn.", whole},
		{"left curly apostrophe", "I‘d like to add you to my professional network on LinkedIn.", whole},
		{"I would", "I would like to add you to my professional network on LinkedIn.", whole},
		{"upper case", "I'D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN.", whole},
		{"lower case", "i'd like to add you to my professional network on linkedin", whole},
		{"mixed case", "i'D lIkE tO aDd YoU tO mY pRoFeSsIoNaL nEtWoRk On LiNkEdIn", whole},
		{"extra spaces", "I'd   like to  add you to my    professional network on LinkedIn .", whole},
		{"non-breaking spaces", "I'd\u00a0like to add\u00a0you to my professional\u202fnetwork on LinkedIn.", whole},
		{"zero-width characters", "I'd li\u200bke to add you to my pro\u200dfessional net\ufeffwork on Linked\u2060In.", whole},
		{"soft hyphen", "I'd like to add you to my profes\u00adsional network on LinkedIn.", whole},
		{"full-width letters", "Ｉ'd like to add you to my professional network on ＬｉｎｋｅｄＩｎ.", whole},
		{"no punctuation", "Id like to add you to my professional network on LinkedIn", none},
		{"trailing emoji", std + " 🙂", whole},
		{"trailing emoji no space", "I'd like to add you to my professional network on LinkedIn🙏", whole},
		{"trailing skin-tone emoji", std + " 👍🏽", whole},
		{"leading and trailing space", "  \n" + std + "\n\n ", whole},
		{"line breaks inside", "I'd like to add you\nto my professional network\non LinkedIn.", whole},
		// The sender's name appended.
		{"hyphen name", std + "\n- Priya", whole},
		{"en dash full name", std + "\n– Sam Lee", whole},
		{"em dash name", std + "\n— Zoë", whole},
		{"name no dash", std + "\nTom", whole},
		{"name same line dash", std + " - Priya", whole},
		{"non-Latin name", std + "\n- 王芳", whole},
		// Greetings and sign-offs.
		{"hi name", "Hi Maria, " + std, whole},
		{"hello no name", "Hello, " + std, whole},
		{"dear title", "Dear Mr. Okafor,\n" + std, whole},
		{"dear dr", "Dear Dr. Amara Okafor, " + std, whole},
		{"hi there", "Hi there! " + std, whole},
		{"good morning", "Good morning Sam, " + std, whole},
		{"bare name greeting", "Maria, " + std, whole},
		{"best regards", std + " Best regards, Tom", whole},
		{"thanks", std + " Thanks!", whole},
		{"thank you name", "Hi Maria,\n" + std + "\nThank you,\nAna Ruiz", whole},
		{"kind regards two names", "Hello Joe, " + std + " Kind regards, Fred Smith", whole},
		{"cheers dash", "Hey Sam! " + std + " Cheers - Zoë", whole},
		{"greeting and name", "Hi Maria,\n\n" + std + "\n\nBest,\nTom", whole},
		// Group wrapper and repeats.
		{"group wrapper", "Priya Shah has indicated you are a fellow group member of Civil Engineers UK: " + std, whole},
		{"group wrapper new line", "Sam has indicated you are a fellow group member of Women in Data:\n\nI'd like to add you to my professional network.", whole},
		{"repeated", std + " " + std, whole},
		{"repeated different wordings", std + " I'd like to connect with you on LinkedIn.", whole},
		// Other languages, by pattern.
		{"french", "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.", whole},
		{"french informal", "Bonjour Marie, j’aimerais t’ajouter à mon réseau LinkedIn. Cordialement, Luc", whole},
		{"french no accents", "je souhaiterais vous ajouter a mon reseau professionnel sur linkedin", whole},
		{"spanish", "Me gustaría añadirte a mi red profesional en LinkedIn.", whole},
		{"spanish agregarte", "Hola Lucía, quisiera agregarte a mi red de LinkedIn. Saludos", whole},
		{"italian", "Vorrei aggiungerti alla mia rete professionale su LinkedIn.", whole},
		{"german", "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.", whole},
		{"german dich", "Hallo Jonas, ich würde dich gern zu meinem Netzwerk hinzufügen. Viele Grüße, Jan", whole},
		{"portuguese", "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.", whole},
		{"portuguese voce", "Olá João, gostaria de adicionar você à minha rede no LinkedIn.", whole},
		{"dutch", "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.", whole},
		{"dutch u", "Beste Sanne, ik wil u graag toevoegen aan mijn netwerk op LinkedIn. Groeten, Bram", whole},
		// The default sentence beside real context: only the softer finding.
		{"met at summit", "Hi Maria, we met at the AWS Summit last week. I'd like to add you to my professional network.", sentence},
		{"context after", std + " I loved your talk on bridge inspection drones.", sentence},
		{"shared school", "Hi Joe, we both studied civil engineering at Leeds. " + std + " Best, Tom", sentence},
		{"french with context", "Bonjour Marie, nous nous sommes rencontrées au salon VivaTech. Je souhaiterais vous ajouter à mon réseau professionnel.", sentence},
		{"lowercase words after", std + " great talk", sentence},
		{"question after", std + " How did you find the move to Acme?", sentence},
		// Not the default: generic notes in other words, personal notes that mention a network.
		{"generic other words", "Hi Maria, I came across your profile and would like to connect.", none},
		{"lets connect", "Let's connect!", none},
		{"expand network", "Hi Joe, I'm looking to expand my network in civil engineering.", none},
		{"mentions network", "Hi Joe, your post on bridge drones was shared in my network and I learnt a lot from it.", none},
		{"mentions professional network", "Hi Ana, my professional network is mostly in Leeds; I'm moving to Bristol and your team's work on rail caught my eye.", none},
		{"add you partial", "I'd like to add you to my list of people to thank.", none},
		{"linkedin mention", "Hi Sam, I read your LinkedIn article on hiring juniors. Could I ask how you started?", none},
		{"model note 1", "Hi Joe, I saw your profile when researching Acme. I was glad to see you’re a civil engineer like me as I’d love to join the team there in a project role. Kind regards, Fred Smith", none},
		{"empty", "", none},
		{"spaces only", "   \n\t ", none},
		{"french generic", "Bonjour Marie, j'ai vu votre conférence sur la data.", none},
		{"group wrapper alone", "Priya Shah has indicated you are a fellow group member of Civil Engineers UK:", none},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := MatchDefault(tc.in)
			got := none
			if ok && m.Whole {
				got = whole
			} else if ok {
				got = sentence
			}
			if got != tc.want {
				t.Errorf("MatchDefault(%q) = %q (%+v), want %q", tc.in, got, m, tc.want)
			}
			// Review agrees: flag_default iff whole, default-sentence iff sentence.
			r := Review(tc.in, Options{})
			if (r.Default != nil) != (tc.want == whole) || r.Has("default-request") != (tc.want == whole) || r.Has("default-sentence") != (tc.want == sentence) {
				t.Errorf("Review(%q): Default=%v findings=%v, want %q", tc.in, r.Default, ids(r), tc.want)
			}
		})
	}
	if len(tests) < 60 {
		t.Errorf("detection table has %d cases, want at least 60", len(tests))
	}
}

// TestDefaultData checks every entry of the data files: each example
// matches its own entry, and the phrase data parses without duplicates.
func TestDefaultData(t *testing.T) {
	for _, e := range defaultEntries {
		m, ok := MatchDefault(e.Example)
		if e.Label == "wrapper" {
			if !ok || !m.Whole || !strings.Contains(e.Example, "fellow group member") {
				t.Errorf("data/default.txt:%d: wrapper example %q: match %v whole %v", e.Line, e.Example, ok, m.Whole)
			}
			continue
		}
		if !ok || !m.Whole || m.Lang != e.Label {
			t.Errorf("data/default.txt:%d: MatchDefault(%q) = %+v, %v; want a whole %s match", e.Line, e.Example, m, ok, e.Label)
		}
		hits := defaultPhrases.find(keys(tokenize(normalize(e.Example))))
		if len(hits) == 0 || defaultEntries[hits[0].Entry].Line != e.Line {
			t.Errorf("data/default.txt:%d: example %q is not matched by its own pattern (hits %v)", e.Line, e.Example, hits)
		}
	}
	for _, f := range []struct {
		name    string
		entries []entry
	}{{"data/greetings.txt", greetingEntries}, {"data/signoffs.txt", signoffEntries}} {
		for _, e := range f.entries {
			if m, ok := MatchDefault(e.Example); !ok || !m.Whole {
				t.Errorf("%s:%d: %q should read as a whole default request (the %s is a courtesy)", f.name, e.Line, e.Example, e.Label)
			}
		}
	}
}

func TestExpandPattern(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a b", []string{"a b"}},
		{"a {b|c d}", []string{"a b", "a c d"}},
		{"a [b] c", []string{"a b c", "a c"}},
		{"{a|b} [x|y]", []string{"a x", "a y", "a", "b x", "b y", "b"}},
		{"a [{b|c} d]", []string{"a b d", "a c d", "a"}},
	}
	for _, tc := range tests {
		seqs, err := expandPattern(tc.in)
		if err != nil {
			t.Fatalf("expandPattern(%q): %v", tc.in, err)
		}
		var got []string
		for _, s := range seqs {
			got = append(got, strings.Join(s, " "))
		}
		if strings.Join(got, "/") != strings.Join(tc.want, "/") {
			t.Errorf("expandPattern(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"a {b", "a b}", "a [b|c", "a | b"} {
		if _, err := expandPattern(bad); err == nil {
			t.Errorf("expandPattern(%q) succeeded, want an error", bad)
		}
	}
}

func ids(r Report) []string {
	var s []string
	for _, f := range r.Findings {
		s = append(s, f.ID)
	}
	return s
}

// TestCourtesyPatternsAreShort guards isCourtesy, which matches greetings
// and sign-offs against a note's first maxCourtesyWords words only.
func TestCourtesyPatternsAreShort(t *testing.T) {
	for _, es := range [][]entry{greetingEntries, signoffEntries} {
		for _, e := range es {
			seqs, err := expandPattern(e.Pattern)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range seqs {
				if len(s) > maxCourtesyWords {
					t.Errorf("line %d: %q has %d words, more than maxCourtesyWords", e.Line, strings.Join(s, " "), len(s))
				}
			}
		}
	}
}
