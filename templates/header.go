package templates

import (
	"fmt"
	"strings"
)

// header is what an approach file declares in its leading comment.
type header struct {
	describe string
	parts    []string
	required []string // nil: every part is required
	fit      []string
	suits    []string
	cues     [][]string     // lower-case word sequences
	lines    map[string]int // line of each key, for errors
}

var headerKeys = map[string]bool{"describe": true, "parts": true, "required": true, "fit": true, "suits": true, "cues": true}

// parseHeader reads the comment that opens an approach file:
//
//	{{/*
//	describe: what you share + your goal + the ask (model note 1)
//	parts:    greeting context common goal ask signoff
//	...
//	*/}}
//
// It returns the line of the problem with any error.
func parseHeader(src string) (header, int, error) {
	h := header{lines: map[string]int{}}
	body := strings.TrimLeft(src, " \t\r\n")
	line := 1 + strings.Count(src[:len(src)-len(body)], "\n")
	open := ""
	for _, o := range []string{"{{/*", "{{- /*"} {
		if strings.HasPrefix(body, o) {
			open = o
		}
	}
	if open == "" {
		return h, line, fmt.Errorf("the file must open with a header comment {{/* describe: … parts: … */}}")
	}
	end := strings.Index(body, "*/")
	if end < 0 {
		return h, line, fmt.Errorf("the header comment is not closed with */}}")
	}
	for i, l := range strings.Split(body[len(open):end], "\n") {
		at := line + i
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || !headerKeys[k] {
			return h, at, fmt.Errorf("header line %q: want one of describe, parts, required, fit, suits, cues followed by a colon", l)
		}
		if _, dup := h.lines[k]; dup {
			return h, at, fmt.Errorf("header key %q given twice", k)
		}
		h.lines[k] = at
		v = strings.TrimSpace(v)
		switch k {
		case "describe":
			h.describe = v
		case "parts":
			h.parts = words(v)
		case "required":
			h.required = append([]string{}, words(v)...)
		case "fit":
			h.fit = words(v)
		case "suits":
			h.suits = words(v)
		case "cues":
			for _, c := range strings.Split(v, ",") {
				if ws := strings.Fields(strings.ToLower(c)); len(ws) > 0 {
					h.cues = append(h.cues, ws)
				}
			}
		}
	}
	switch {
	case h.describe == "":
		return h, line, fmt.Errorf("the header needs a describe: line (one line for the help text)")
	case len(h.parts) == 0:
		return h, line, fmt.Errorf("the header needs a parts: line naming the parts in order")
	}
	return h, 0, nil
}

// words splits a header value on spaces and commas.
func words(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}
