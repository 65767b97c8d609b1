package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:embed approaches/*.tmpl
var embedded embed.FS

// builtins are the embedded approaches in the order Names lists them.
var builtins = []string{"common-ground", "advice", "met", "their-work", "alumni"}

// Set is a parsed set of approaches. It is safe for concurrent use.
type Set struct {
	byName map[string]*approach
	names  []string
}

var defaultSet = sync.OnceValue(func() *Set {
	s, err := Load(nil)
	if err != nil {
		panic("templates: embedded approaches are broken: " + err.Error())
	}
	return s
})

// Default returns the embedded approaches, parsed once.
func Default() *Set { return defaultSet() }

// Load parses the embedded approaches plus every *.tmpl file at the top of
// overlay (nil for none). A file named after an embedded approach replaces
// it; others add approaches named after the file. Every broken file is
// reported, each as a *LoadError naming the file and the line.
func Load(overlay fs.FS) (*Set, error) {
	return load(overlay, "")
}

// LoadDir is Load over the folder dir (TEMPLATES_DIR); "" means no folder.
// Errors name files by their path under dir.
func LoadDir(dir string) (*Set, error) {
	if dir == "" {
		return Load(nil)
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("templates folder: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("templates folder %s is not a folder", dir)
	}
	return load(os.DirFS(dir), dir)
}

// approachName is what a file may be called: it becomes a value of
// /connect template= and of buttons.
var approachName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

func load(overlay fs.FS, dir string) (*Set, error) {
	type file struct{ path, src string }
	files := map[string]file{}
	var errs []error
	add := func(fsys fs.FS, name, shown string) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &LoadError{File: shown, Err: err})
			return
		}
		files[strings.TrimSuffix(path.Base(name), ".tmpl")] = file{shown, string(src)}
	}
	builtin, _ := fs.Glob(embedded, "approaches/*.tmpl")
	for _, name := range builtin {
		add(embedded, name, name)
	}
	if overlay != nil {
		entries, err := fs.ReadDir(overlay, ".")
		if err != nil {
			return nil, fmt.Errorf("read templates folder: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".tmpl") {
				continue
			}
			shown := name
			if dir != "" {
				shown = filepath.Join(dir, name)
			}
			if base := strings.TrimSuffix(name, ".tmpl"); !approachName.MatchString(base) {
				errs = append(errs, &LoadError{File: shown, Err: fmt.Errorf("approach name %q: use lower-case letters, digits, - and _ (it becomes template=%s)", base, base)})
				continue
			}
			add(overlay, name, shown)
		}
	}
	s := &Set{byName: map[string]*approach{}}
	for name, f := range files {
		a, err := compile(name, f.path, f.src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.byName[name] = a
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	for _, name := range builtins {
		if s.byName[name] != nil {
			s.names = append(s.names, name)
		}
	}
	var extra []string
	for name := range s.byName {
		if !slices.Contains(builtins, name) {
			extra = append(extra, name)
		}
	}
	slices.Sort(extra)
	s.names = append(s.names, extra...)
	return s, nil
}

// Names returns the approach names: the built-ins in the spec's order
// (common-ground, advice, met, their-work, alumni), then added ones sorted.
func (s *Set) Names() []string { return slices.Clone(s.names) }

// Describe returns the one-line description of an approach for help text,
// or "" for a name the set does not hold.
func (s *Set) Describe(name string) string {
	if a := s.lookup(name); a != nil {
		return a.describe
	}
	return ""
}

// lookup finds an approach by name, ignoring case and surrounding spaces.
func (s *Set) lookup(name string) *approach {
	return s.byName[strings.ToLower(strings.TrimSpace(name))]
}
