package templates

import (
	"fmt"
	"strings"
)

// UnknownApproachError is returned by Draft for an approach name the set
// does not hold.
type UnknownApproachError struct {
	Name  string
	Known []string // the set's approach names, in Names order
}

func (e *UnknownApproachError) Error() string {
	return fmt.Sprintf("unknown approach %q: use one of %s", e.Name, strings.Join(e.Known, ", "))
}

// MissingFieldError is returned by Draft when a required field of the
// target is empty once trimmed. Only the name is required: Field is "name".
type MissingFieldError struct {
	Field string
}

func (e *MissingFieldError) Error() string {
	return fmt.Sprintf("%s is required", e.Field)
}

// FitError is returned by Draft, together with the shortest draft the
// approach can make, when even that draft is over the limit: the required
// parts alone are too long. Field is the target field ("name", "company",
// "role", "common", "goal" or "from") that takes the most room in what is
// left, and Over is by how many characters (UTF-16 units) that field must
// be shortened for the draft to fit.
type FitError struct {
	Field string
	Over  int

	Approach string // the approach that was drafted
	Limit    int    // the limit it was fitted to
	Need     int    // units of the shortest draft the approach can make
	// FieldUnits is how long Field is in the draft. When Over is that much
	// or more, shortening the field cannot make the draft fit, and Error
	// says to raise the limit to Need instead.
	FieldUnits int
}

func (e *FitError) Error() string {
	if e.Field != "" && e.Over < e.FieldUnits {
		return fmt.Sprintf("shorten %s by %d characters", e.Field, e.Over)
	}
	return fmt.Sprintf("the shortest %s draft has %d characters: raise the limit to at least %d", e.Approach, e.Need, e.Need)
}

// LimitError is returned by Draft for a limit outside MinLimit..MaxLimit.
type LimitError struct {
	Limit int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("limit %d is outside %d–%d", e.Limit, MinLimit, MaxLimit)
}

// The limits Draft accepts, in UTF-16 units.
const (
	MinLimit = 50
	MaxLimit = 1000
)

// LoadError is a broken approach file: its name, the line (0 when the
// problem is not on one line) and what is wrong.
type LoadError struct {
	File string
	Line int
	Err  error
}

func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }
