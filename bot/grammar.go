package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"connectcoach/templates"
)

// Example is a command that works, shown with every grammar error.
const Example = `name=Joe company=Acme common="a civil engineer like me" goal="join the team in a project role"`

// Keys are the /connect keys, in the order help lists them.
var Keys = []struct{ Name, Meaning string }{
	{"name", "their name as on their profile (required; the draft greets the first name)"},
	{"company", "their company, or the employer you are aiming for"},
	{"role", "their role or title"},
	{"common", "what you share: background, school, skill, group"},
	{"goal", "why you want to connect, what you are after"},
	{"from", "your name for the sign-off (default: your Slack name)"},
	{"template", "which approach to use (see below)"},
	{"limit", "the character limit: 300, 200, or any number from 50 to 1000"},
}

// Limits on what a command may hold.
const (
	MinLimit    = 50
	MaxLimit    = 1000
	maxValueLen = 500 // characters in one value: far more than any note can use
)

// FieldError is a problem with what the user typed, said so that they can
// fix it.
type FieldError struct {
	Field   string // the key concerned, or "" for the command as a whole
	Problem string // what is wrong, as a sentence
}

func (e *FieldError) Error() string { return e.Problem }

// Details is a parsed /connect command.
type Details struct {
	Target   templates.Target
	Template string // "" to let the bot choose
	Limit    int    // 0 for the workspace default
}

// quotes maps each opening quote to the quotes that may close it. Slack
// clients turn straight quotes into curly ones as people type.
var quotes = map[rune]string{
	'"': `"“”`, '\'': `'‘’`, '“': `”“"`, '”': `”“"`, '‘': `’‘'`, '’': `’‘'`, '«': `»`, '„': `“”"`,
}

// Parse reads the key=value text of a /connect command. Values with spaces
// are quoted ("…", '…', “…”, ‘…’); a bare word after a value continues it,
// so name=Joe Smith works too. Keys are case-insensitive. Every error is a
// *FieldError.
func Parse(text string) (Details, error) {
	var d Details
	seen := map[string]bool{}
	values := map[string]string{}
	var last string // key of the previous pair, for continuation words
	s := strings.TrimSpace(text)
	for s != "" {
		word, rest, err := nextWord(s)
		if err != nil {
			return d, err
		}
		s = strings.TrimLeftFunc(rest, unicode.IsSpace)
		key, _, isPair := strings.Cut(word.raw, "=")
		if !isPair || word.quotedKey {
			if last == "" {
				return d, &FieldError{Problem: fmt.Sprintf("%q is not a key=value pair: start with name=….", word.text)}
			}
			values[last] += " " + word.text
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		if !isKey(key) {
			return d, &FieldError{Field: key, Problem: fmt.Sprintf("%q is not a key I know. Keys: %s.", key, keyList())}
		}
		if seen[key] {
			return d, &FieldError{Field: key, Problem: fmt.Sprintf("%s is given twice; give it once.", key)}
		}
		seen[key] = true
		values[key] = word.value
		last = key
	}
	for k, v := range values {
		v = strings.TrimSpace(v)
		if n := utf8.RuneCountInString(v); n > maxValueLen {
			return d, &FieldError{Field: k, Problem: fmt.Sprintf("%s is %d characters long; keep it under %d (a whole note is 300).", k, n, maxValueLen)}
		}
		values[k] = v
	}
	d.Target = templates.Target{
		Name: values["name"], Company: values["company"], Role: values["role"],
		Common: values["common"], Goal: values["goal"], From: values["from"],
	}
	d.Template = strings.ToLower(values["template"])
	if l, ok := values["limit"]; ok {
		n, err := strconv.Atoi(strings.TrimSpace(l))
		if err != nil || n < MinLimit || n > MaxLimit {
			return d, &FieldError{Field: "limit", Problem: fmt.Sprintf("limit=%s is not a number from %d to %d (300 for Premium accounts, 200 for free ones).", l, MinLimit, MaxLimit)}
		}
		d.Limit = n
	}
	if d.Target.Name == "" {
		return d, &FieldError{Field: "name", Problem: "Who is the note for? Give their name with name=…"}
	}
	return d, nil
}

type word struct {
	raw       string // the word up to the value, for finding "key="
	text      string // the whole word as typed
	value     string // the value after "=", quotes removed
	quotedKey bool   // the word started with a quote: it is text, not a key
}

// nextWord reads one word: key=value, key="quoted value", or a bare word.
func nextWord(s string) (word, string, error) {
	var w word
	if r, _ := utf8.DecodeRuneInString(s); quotes[r] != "" {
		// A quoted bare word continues the previous value.
		v, rest, err := quoted(s, "")
		w.quotedKey = true
		w.text, w.raw = v, v
		return w, rest, err
	}
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '=' })
	if end < 0 || s[end] != '=' {
		if end < 0 {
			end = len(s)
		}
		w.text, w.raw = s[:end], s[:end]
		return w, s[end:], nil
	}
	key := s[:end]
	rest := s[end+1:]
	w.raw = key + "="
	if r, _ := utf8.DecodeRuneInString(rest); quotes[r] != "" {
		v, after, err := quoted(rest, strings.ToLower(key))
		w.value, w.text = v, key+"="+v
		return w, after, err
	}
	vend := strings.IndexFunc(rest, unicode.IsSpace)
	if vend < 0 {
		vend = len(rest)
	}
	w.value = rest[:vend]
	w.text = key + "=" + w.value
	return w, rest[vend:], nil
}

// quoted reads a quoted value at the start of s. A double quote closes at
// once; a single quote closes only where white space or the end of the
// text follows it, so an apostrophe inside (‘O’Reilly’) stays part of
// the value.
func quoted(s, key string) (string, string, error) {
	open, size := utf8.DecodeRuneInString(s)
	closers := quotes[open]
	body := s[size:]
	for i, r := range body {
		if !strings.ContainsRune(closers, r) {
			continue
		}
		after := body[i+utf8.RuneLen(r):]
		if next, _ := utf8.DecodeRuneInString(after); !isSingleQuote(r) || after == "" || unicode.IsSpace(next) {
			return body[:i], after, nil
		}
	}
	where := "a value"
	if key != "" {
		where = key
	}
	return "", "", &FieldError{Field: key, Problem: fmt.Sprintf("The quote that opens %s is never closed: add the closing %c.", where, []rune(closers)[0])}
}

func isSingleQuote(r rune) bool { return r == '\'' || r == '‘' || r == '’' }

func isKey(k string) bool {
	return slices.ContainsFunc(Keys, func(x struct{ Name, Meaning string }) bool { return x.Name == k })
}

func keyList() string {
	names := make([]string, len(Keys))
	for i, k := range Keys {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}
