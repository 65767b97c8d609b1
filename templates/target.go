package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Target is what the user told us about the person they want to reach.
// Every field but Name may be empty.
type Target struct {
	Name    string // their name as shown on their profile
	Company string // their company, or the employer the user is aiming for
	Role    string // their role or title
	Common  string // what the user shares with them; for some approaches where they met, or their work
	Goal    string // why the user wants to connect, as it would follow "I’d love to …"
	From    string // the user's name, for the sign-off
}

// Clean returns t as the drafts use it: every field in NFC with invisible
// characters (zero-width spaces, soft hyphens, bidi overrides) removed,
// white space collapsed to single spaces and trimmed, stray spaces before
// punctuation and doubled punctuation tidied, brackets without a partner
// dropped. A field with no letter or
// digit becomes empty, and a leading "to " is taken off Goal (the
// templates supply it), as are "I want to", "I’d like to" and the like; a
// Goal that names a thing becomes something to do ("a project role" →
// "explore a project role", "advice on …" → "get advice on …", "learning
// more" → "focus on learning more"). Clean is idempotent.
func (t Target) Clean() Target {
	return Target{
		Name:    clean(t.Name),
		Company: clean(t.Company),
		Role:    clean(t.Role),
		Common:  cleanCommon(t.Common),
		Goal:    cleanGoal(t.Goal),
		From:    clean(t.From),
	}
}

// GreetingName is the name a draft greets them by: the first word of Name;
// with honorifics, the honorifics and the surname ("Dr. Ngozi Okafor" →
// "Dr. Okafor"); a short form the user gave in brackets or quotes
// ("Joseph (Joe) Bloggs" → "Joe"). Credentials after a comma ("Ana Ruiz,
// PhD") are ignored. Names in any script are kept as typed, in NFC.
func (t Target) GreetingName() string {
	return greetingName(clean(t.Name))
}

func clean(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space, content := false, false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		if !content && (unicode.IsLetter(r) || unicode.IsNumber(r)) {
			content = true
		}
	}
	if !content {
		return ""
	}
	return settle(balance(b.String()))
}

// brackets pairs each closing bracket with its opening one.
var brackets = map[rune]rune{')': '(', ']': '[', '}': '{', '>': '<'}

// balance drops brackets that have no partner in s: on their own they are
// typos, and next to another field's they could read as a placeholder
// ("researching Acme[. … like me]"). A "<" that is not followed by a
// letter can start no slot ("C++ <3") and is kept, and so is a lone ">".
func balance(s string) string {
	// Dropping one bracket can make another unmatched ("<(A" → "<A"), so
	// repeat until nothing changes; each pass removes at least one rune.
	for {
		t := balanceOnce(s)
		if t == s {
			return s
		}
		s = t
	}
}

func balanceOnce(s string) string {
	if !strings.ContainsAny(s, "()[]{}<>") {
		return s
	}
	rs := []rune(s)
	var open []int // indexes of unmatched opening brackets
	drop := map[int]bool{}
	for i, r := range rs {
		switch r {
		case '<':
			if i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
				open = append(open, i)
			}
		case '(', '[', '{':
			open = append(open, i)
		case ')', ']', '}', '>':
			if n := len(open); n > 0 && rs[open[n-1]] == brackets[r] {
				open = open[:n-1]
			} else if r != '>' {
				drop[i] = true
			}
		}
	}
	for _, i := range open {
		drop[i] = true
	}
	if len(drop) == 0 {
		return s
	}
	var b strings.Builder
	for i, r := range rs {
		if !drop[i] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// settle returns s tidied and in NFC. Each can undo the other (tidy may
// bring a letter and a combining mark together; NFC turns U+037E into a
// semicolon), so it repeats until neither changes anything.
func settle(s string) string {
	for range 4 {
		t := tidy(s)
		if !norm.NFC.IsNormalString(t) {
			t = norm.NFC.String(t)
		}
		if t == s {
			break
		}
		s = t
	}
	return s
}

// composes reports whether s starts with a character that NFC could
// combine with the one before it (a combining mark, a Hangul vowel).
func composes(s string) bool {
	return s != "" && !norm.NFC.PropertiesString(s).BoundaryBefore()
}

func cleanGoal(s string) string {
	s = clean(s)
	// The templates supply "I’d love to …": take off the user's own.
	for changed := true; changed; {
		changed = false
		for _, p := range goalLeads {
			if rest, ok := cutLead(s, p); ok && rest != "" {
				s, changed = clean(rest), true
				break
			}
		}
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return s
	}
	first, last := strings.ToLower(words[0]), strings.ToLower(strings.TrimRight(words[len(words)-1], ".!?"))
	switch {
	case baseVerbs[first]:
		return s
	case askNouns[first]:
		// "advice on moving into data" → "get advice on moving into data"
		return "get " + s
	case nounStarts[first] || plurals[last] && len(words) <= 4 && !pronouns[first]:
		// "a project role", "product management roles"
		return "explore " + s
	case len(first) > 4 && strings.HasSuffix(first, "ing") && !notGerunds[first]:
		// "learning more about your team"
		return "focus on " + s
	}
	return s
}

// cutLead removes the lead p (lower case, straight apostrophes) from the
// start of s, matching any case and either apostrophe.
func cutLead(s, p string) (string, bool) {
	i := 0
	for _, want := range p {
		if i >= len(s) {
			return "", false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '’' {
			r = '\''
		}
		if unicode.ToLower(r) != want {
			return "", false
		}
		i += size
	}
	return s[i:], true
}

// pronouns open goals that say what the user wants in their own words.
var pronouns = map[string]bool{"i": true, "i'm": true, "i’m": true, "my": true, "we": true, "our": true, "me": true}

// notGerunds end in -ing but are not verbs.
var notGerunds = map[string]bool{"something": true, "anything": true, "everything": true, "nothing": true,
	"morning": true, "evening": true, "during": true, "string": true, "spring": true, "ceiling": true, "wedding": true}

// goalLeads are openings people type before their goal (lower case, straight
// apostrophes); the templates already say "I’d love to …".
var goalLeads = []string{
	"i would really like to ", "i would like to ", "i'd like to ", "i would love to ", "i'd love to ",
	"i want to ", "i hope to ", "i am hoping to ", "i'm hoping to ", "i am looking to ", "i'm looking to ",
	"i am keen to ", "i'm keen to ", "i aim to ", "my goal is to ", "my aim is to ", "i plan to ",
	"hoping to ", "looking to ", "keen to ", "want to ", "would like to ", "aiming to ", "to ",
	"i am interested in ", "i'm interested in ", "interested in ",
}

// baseVerbs open a goal that already says what to do.
var baseVerbs = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`be do go give sell buy join learn move find work get grow build use deliver break transition
		switch help lead connect explore understand hear know meet ask discuss apply become bring contribute
		develop gain improve make pursue return start study support take talk share see secure land expand
		collaborate design manage launch create keep stay follow chat exchange compare swap change step
		pivot enter try test run teach mentor hire partner research write speak present visit attend
		focus continue deepen broaden advance progress relocate return reconnect catch introduce offer
		volunteer intern shadow practise practice master transfer retrain upskill reskill`) {
		baseVerbs[v] = true
	}
}

// askNouns are things one asks for: "get advice …".
var askNouns = map[string]bool{"advice": true, "tips": true, "guidance": true, "feedback": true,
	"insight": true, "insights": true, "mentoring": true, "mentorship": true, "pointers": true}

// plurals end a goal that names things to find: "… roles", "… jobs".
var plurals = map[string]bool{"roles": true, "jobs": true, "opportunities": true, "positions": true,
	"internships": true, "openings": true, "vacancies": true, "projects": true, "contracts": true}

// cleanCommon adds the article that "civil engineer like me" lacks, since
// the templates say "you’re …": "a civil engineer like me". Only the
// "… like me" form is touched, and only when its noun is singular.
func cleanCommon(s string) string {
	s = clean(s)
	head, ok := strings.CutSuffix(s, " like me")
	if !ok || head == "" {
		return s
	}
	words := strings.Fields(head)
	first, last := strings.ToLower(words[0]), words[len(words)-1]
	if nounStarts[first] || determiners[first] {
		return s
	}
	if singular, ok := professionSingular(last); ok {
		// "engineers like me" → "an engineer like me": the templates say
		// "you’re …"
		words[len(words)-1] = singular
		s = strings.Join(words, " ") + " like me"
	} else if strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
		// another plural: "Physics graduates like me" → "one of the
		// Physics graduates like me"
		return "one of the " + s
	}
	if strings.ContainsRune("aeiouAEIOU", rune(first[0])) {
		return "an " + s
	}
	return "a " + s
}

// inCommon turns common= into the clause after "I was glad to see": a
// description of them follows "you’re" ("a civil engineer like me",
// "from Leeds"); a clause the user wrote ("we both volunteer at Code
// Club") stays; an interest is shared ("we share a love of cycling");
// anything else is "in common" ("we have Stanford in common").
func inCommon(common string) string {
	if common == "" {
		return ""
	}
	lower := strings.ToLower(common)
	first, rest, _ := strings.Cut(lower, " ")
	second, _, _ := strings.Cut(rest, " ")
	switch {
	case first == "we" || first == "you" || first == "both" && second == "of":
		return common
	case (first == "a" || first == "an") && sharedNouns[second]:
		return "we share " + common
	case youAreStarts[first]:
		return "you’re " + common
	}
	return "we have " + common + " in common"
}

// sharedNouns after "a"/"an" name something both people have, not what
// they are: "a love of cycling", "an interest in AI".
var sharedNouns = map[string]bool{"love": true, "passion": true, "interest": true, "background": true,
	"fascination": true, "fondness": true, "soft": true, "history": true, "connection": true, "friend": true}

var youAreStarts = map[string]bool{
	"a": true, "an": true, "also": true, "one": true, "part": true, "from": true, "in": true, "into": true,
	"working": true, "studying": true, "based": true, "passionate": true, "interested": true,
	"another": true, "both": true, "just": true, "someone": true, "somebody": true, "on": true, "at": true,
	"fellow": true, "too": true, "still": true,
}

// professionSingular makes a plural job title singular when its ending
// is regular (engineers, analysts, librarians, doctors, consultants).
func professionSingular(w string) (string, bool) {
	for _, end := range []string{"ers", "ists", "ians", "ors", "ants", "ents", "ects"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+1 {
			return strings.TrimSuffix(w, "s"), true
		}
	}
	return w, false
}

// determiners and pronouns that already open a "… like me" phrase.
var determiners = map[string]bool{"this": true, "that": true, "someone": true, "somebody": true, "also": true, "just": true, "both": true}

// nounStarts are words that open a noun phrase, not a verb phrase.
var nounStarts = map[string]bool{
	"a": true, "an": true, "the": true, "my": true, "our": true, "some": true, "any": true,
	"more": true, "new": true, "another": true, "one": true, "opportunities": true, "internships": true,
	"roles": true,
}

// invisible reports whether r is a character that only gets in the way in
// a note: zero-width space, word joiner, byte-order mark, soft hyphen,
// Mongolian vowel separator, and the bidi embeddings, overrides and
// isolates (which could reorder what the reader sees). Zero-width joiners
// and non-joiners stay: emoji and some scripts need them.
func invisible(r rune) bool {
	switch {
	case r == 0x200B, r == 0x2060, r == 0xFEFF, r == 0x00AD, r == 0x180E:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// hasContent reports whether s holds a letter or a digit.
func hasContent(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// honorifics are titles kept in front of the surname, keyed lower-case
// without a trailing full stop. The value is true for titles that go with
// the given name instead ("Sir Ian").
var honorifics = map[string]bool{
	"mr": false, "mrs": false, "ms": false, "miss": false, "mx": false, "dr": false,
	"prof": false, "professor": false, "rev": false, "fr": false,
	"herr": false, "frau": false, "dra": false, "sra": false, "mme": false, "mlle": false,
	"sir": true, "dame": true, "lord": false, "lady": false,
}

// suffixes follow a surname and are left out of the greeting.
var suffixes = map[string]bool{
	"jr": true, "sr": true, "ii": true, "iii": true, "iv": true,
	"phd": true, "md": true, "mba": true, "esq": true,
}

// particles belong to the surname that follows them ("van Dijk").
var particles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "del": true, "della": true,
	"der": true, "den": true, "di": true, "du": true, "la": true, "le": true, "van": true,
	"von": true, "ter": true, "ten": true, "bin": true, "binti": true, "ibn": true,
	"al": true, "el": true, "y": true,
}

func greetingName(name string) string {
	if i := strings.IndexAny(name, ",，、"); i >= 0 && hasContent(name[:i]) {
		name = name[:i]
	}
	if nick := nickname(name); nick != "" {
		return nick
	}
	var words []string
	for _, w := range strings.Fields(name) {
		if w = trimName(w); hasContent(w) {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return trimName(strings.TrimSpace(name))
	}
	n := 0
	for n < len(words)-1 && isHonorific(words[n]) {
		n++
	}
	if n == 0 {
		return words[0]
	}
	titles, rest := words[:n], words[n:]
	if honorifics[key(titles[len(titles)-1])] {
		return strings.Join(append(titles[:n:n], rest[0]), " ")
	}
	for len(rest) > 1 && suffixes[key(rest[len(rest)-1])] {
		rest = rest[:len(rest)-1]
	}
	i := len(rest) - 1
	for i > 0 && particles[rest[i-1]] {
		i--
	}
	return strings.Join(append(titles[:n:n], rest[i:]...), " ")
}

// nickname returns a short form given in brackets or double quotes:
// Joseph (Joe) Bloggs, Robert “Bob” Smith.
func nickname(name string) string {
	for _, q := range [][2]string{{"(", ")"}, {"“", "”"}, {`"`, `"`}, {"«", "»"}} {
		i := strings.Index(name, q[0])
		if i < 0 {
			continue
		}
		j := strings.Index(name[i+len(q[0]):], q[1])
		if j < 0 {
			continue
		}
		if nick := trimName(clean(name[i+len(q[0]) : i+len(q[0])+j])); hasContent(nick) {
			return nick
		}
	}
	return ""
}

// trimName takes punctuation off the ends of a name, keeping a final full
// stop (an initial: "J.") and apostrophes inside it.
func trimName(w string) string {
	w = strings.TrimLeftFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	return strings.TrimRightFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '.' || unicode.IsSpace(r) })
}

func isHonorific(w string) bool {
	_, ok := honorifics[key(w)]
	return ok
}

func key(w string) string {
	return strings.ToLower(strings.TrimSuffix(w, "."))
}

// firstWord is the first word of s that holds a letter or digit.
func firstWord(s string) string {
	for _, w := range strings.Fields(s) {
		if w = trimName(w); hasContent(w) {
			return w
		}
	}
	return ""
}
