package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// benchNote is a realistic note of exactly 300 characters (curly
// apostrophes included): model note 1 plus a short line.
var benchNote = modelNote1 + " Any tip welcome, Fred."

func TestBenchNoteLength(t *testing.T) {
	if c := Count(benchNote); c.Units != 300 {
		t.Fatalf("benchNote has %d units, want 300", c.Units)
	}
}

func BenchmarkReview(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Review(benchNote, Options{})
	}
}

// BenchmarkGraphemeFloor is the floor Review is measured against:
// counting the same note's grapheme clusters with uniseg alone.
func BenchmarkGraphemeFloor(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		uniseg.GraphemeClusterCount(benchNote)
	}
}

// BenchmarkReviewLarge shows that review time grows linearly with input:
// the ns/byte of the two sizes should match.
func BenchmarkReviewLarge(b *testing.B) {
	for _, size := range []int{10_000, 100_000} {
		text := strings.Repeat("Hi Joe, I saw your talk on bridges. ", size/36)
		b.Run(strconv.Itoa(len(text))+"B", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Review(text, Options{})
			}
		})
	}
}
