package bot

import (
	"testing"
	"time"
)

func TestDedupe(t *testing.T) {
	now := time.Unix(1000, 0)
	d := newDedupe(3, time.Minute)
	d.now = func() time.Time { return now }

	if !d.first("a") || d.first("a") {
		t.Fatal("a: want new, then repeated")
	}
	for range 2 {
		if !d.first("") {
			t.Error("an empty id is never a repeat")
		}
	}
	now = now.Add(2 * time.Minute) // a has expired
	if !d.first("a") {
		t.Error("a after its ttl: want new again")
	}
	d.first("b")
	d.first("c")
	d.first("d") // over the cap of 3: the oldest (a) is evicted
	if !d.first("a") {
		t.Error("a after eviction: want new again")
	}
	if d.first("d") {
		t.Error("d: want still remembered")
	}
	if len(d.seen) > 3 || len(d.order) > 3 {
		t.Errorf("holds %d ids (%d in order), want at most 3", len(d.seen), len(d.order))
	}
}
