package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// Callback ids of the surfaces the bot registers.
const (
	CallbackReview     = "review_draft" // message shortcut
	CallbackNewDraft   = "new_draft"    // global shortcut
	CallbackForm       = "draft_form"   // the form modal
	formActionSuffix   = "_input"
	chooseForMe        = "auto"
	formMaxInputLength = maxValueLen
)

// formFields are the form's inputs: block_id = key, action_id = key+"_input".
var formFields = []struct {
	key, label, placeholder string
	optional, multiline     bool
}{
	{"name", "Their name", "Joe Bloggs", false, false},
	{"company", "Their company", "Acme", true, false},
	{"role", "Their role", "Project Director", true, false},
	{"common", "What you share", "a civil engineer like me", true, false},
	{"goal", "Why you want to connect", "join the team there in a project role", true, true},
	{"from", "Your name for the sign-off", "defaults to your Slack name", true, false},
}

// FormView is the modal form with the same fields as the command.
func (c *Core) FormView() slack.ModalViewRequest {
	var blocks []slack.Block
	for _, f := range formFields {
		el := slack.NewPlainTextInputBlockElement(slack.NewTextBlockObject(slack.PlainTextType, f.placeholder, false, false), f.key+formActionSuffix).
			WithMaxLength(formMaxInputLength).WithMultiline(f.multiline)
		in := slack.NewInputBlock(f.key, slack.NewTextBlockObject(slack.PlainTextType, f.label, false, false), nil, el)
		in.Optional = f.optional
		blocks = append(blocks, in)
	}
	opts := []*slack.OptionBlockObject{slack.NewOptionBlockObject(chooseForMe, slack.NewTextBlockObject(slack.PlainTextType, "Choose for me", false, false), nil)}
	for _, n := range c.Templates.Names() {
		opts = append(opts, slack.NewOptionBlockObject(n, slack.NewTextBlockObject(slack.PlainTextType, truncate(n, 75), false, false), nil))
	}
	sel := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, slack.NewTextBlockObject(slack.PlainTextType, "Choose for me", false, false), "template"+formActionSuffix, opts...)
	sel.InitialOption = opts[0]
	tmpl := slack.NewInputBlock("template", slack.NewTextBlockObject(slack.PlainTextType, "Approach", false, false), nil, sel)
	tmpl.Optional = true
	limit := slack.NewPlainTextInputBlockElement(slack.NewTextBlockObject(slack.PlainTextType, strconv.Itoa(c.Limit), false, false), "limit"+formActionSuffix).
		WithInitialValue(strconv.Itoa(c.Limit)).WithMaxLength(4)
	lim := slack.NewInputBlock("limit", slack.NewTextBlockObject(slack.PlainTextType, "Character limit (300 Premium, 200 free)", false, false), nil, limit)
	lim.Optional = true
	blocks = append(blocks, tmpl, lim)
	return slack.ModalViewRequest{
		Type:       slack.VTModal,
		CallbackID: CallbackForm,
		Title:      slack.NewTextBlockObject(slack.PlainTextType, "Draft connection note", false, false),
		Submit:     slack.NewTextBlockObject(slack.PlainTextType, "Draft", false, false),
		Close:      slack.NewTextBlockObject(slack.PlainTextType, "Cancel", false, false),
		Blocks:     slack.Blocks{BlockSet: blocks},
	}
}

// ParseForm reads a submitted form. Field problems come back keyed by the
// input's block_id, ready for a response_action "errors" ack.
func ParseForm(state *slack.ViewState) (Details, map[string]string) {
	value := func(key string) string {
		if state == nil {
			return ""
		}
		a, ok := state.Values[key][key+formActionSuffix]
		if !ok {
			return ""
		}
		if a.SelectedOption.Value != "" {
			return a.SelectedOption.Value
		}
		return strings.TrimSpace(Unescape(a.Value))
	}
	errs := map[string]string{}
	var d Details
	d.Target.Name = value("name")
	d.Target.Company = value("company")
	d.Target.Role = value("role")
	d.Target.Common = value("common")
	d.Target.Goal = value("goal")
	d.Target.From = value("from")
	if d.Target.Name == "" {
		errs["name"] = "Give their name as it shows on their profile."
	}
	for _, f := range formFields {
		if n := utf8.RuneCountInString(value(f.key)); n > maxValueLen {
			errs[f.key] = fmt.Sprintf("Keep it under %d characters.", maxValueLen)
		}
	}
	if t := value("template"); t != chooseForMe {
		d.Template = t
	}
	if l := value("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < MinLimit || n > MaxLimit {
			errs["limit"] = fmt.Sprintf("Give a number from %d to %d: 300 for Premium, 200 for free accounts.", MinLimit, MaxLimit)
		} else {
			d.Limit = n
		}
	}
	if len(errs) > 0 {
		return d, errs
	}
	return d, nil
}

// ResultView shows a reply in the modal after the form is submitted.
func ResultView(r Reply, command string) slack.ModalViewRequest {
	var blocks []slack.Block
	for _, b := range Blocks(r, command) {
		if b.ID() != BlockActions {
			blocks = append(blocks, b)
		}
	}
	return slack.ModalViewRequest{
		Type:   slack.VTModal,
		Title:  slack.NewTextBlockObject(slack.PlainTextType, "Your draft", false, false),
		Close:  slack.NewTextBlockObject(slack.PlainTextType, "Done", false, false),
		Blocks: slack.Blocks{BlockSet: blocks},
	}
}
