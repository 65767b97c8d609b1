package bot

import (
	"sync"
	"time"
)

// dedupe remembers recently seen ids so that an envelope Slack delivers
// twice is answered once. It holds at most max ids, each for ttl.
type dedupe struct {
	mu    sync.Mutex
	ttl   time.Duration
	max   int
	seen  map[string]time.Time
	order []string // ids in arrival order, for eviction
	now   func() time.Time
}

func newDedupe(max int, ttl time.Duration) *dedupe {
	return &dedupe{ttl: ttl, max: max, seen: map[string]time.Time{}, now: time.Now}
}

// first reports whether id is new, and remembers it.
func (d *dedupe) first(id string) bool {
	if id == "" {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	// Evict expired ids, and the oldest when full.
	for len(d.order) > 0 {
		oldest := d.order[0]
		if now.Sub(d.seen[oldest]) < d.ttl && len(d.order) < d.max {
			break
		}
		delete(d.seen, oldest)
		d.order = d.order[1:]
	}
	if _, ok := d.seen[id]; ok {
		return false
	}
	d.seen[id] = now
	d.order = append(d.order, id)
	return true
}
