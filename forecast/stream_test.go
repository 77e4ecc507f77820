package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// splitMixSource is SplitMix64 as its authors give it (Steele, Lea and
// Flood 2014), as a math/rand/v2 source: the reference the engine's
// stream is checked against.
type splitMixSource struct{ x uint64 }

func (r *splitMixSource) Uint64() uint64 {
	r.x += 0x9e3779b97f4a7c15
	z := r.x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// blockSource returns the reference source of block b's stream under seed.
func blockSource(seed uint64, b int) *splitMixSource {
	return &splitMixSource{x: splitmix64(splitmix64(seed) ^ splitmix64(streamBlocks+uint64(b)))}
}

// TestStreamMatchesMathRand checks that stream gives, draw for draw, the
// numbers of SplitMix64 and of math/rand/v2's NormFloat64 on it, through
// enough draws that the ziggurat's rarer paths (the wedges and the base
// strip's tail, about 1% of draws) are taken thousands of times.
func TestStreamMatchesMathRand(t *testing.T) {
	for _, seed := range [][2]uint64{{0, 0}, {2020, 0}, {7, 3}} {
		src := blockSource(seed[0], int(seed[1]))
		ref := rand.New(src)
		var s stream
		s.seed(seed[0], splitmix64(streamBlocks+seed[1]))
		tails := 0
		for k := 0; k < 300_000; k++ {
			want, got := ref.NormFloat64(), s.normal()
			if math.Float64bits(want) != math.Float64bits(got) {
				t.Fatalf("seed %v, draw %d: normal %v, math/rand %v", seed, k, got, want)
			}
			if math.Abs(got) > 3.442619855899 {
				tails++
			}
			if want, got := src.Uint64(), s.uint64(); want != got {
				t.Fatalf("seed %v, draw %d: uint64 %#x, SplitMix64 %#x", seed, k, got, want)
			}
		}
		if tails == 0 {
			t.Fatalf("seed %v: no draw from the tail; the test does not reach it", seed)
		}
	}
}

// TestSplitMixKnownAnswer checks the reference source against the first
// outputs of SplitMix64 from state 1234567 that its published C code gives.
func TestSplitMixKnownAnswer(t *testing.T) {
	src := splitMixSource{x: 1234567}
	for k, want := range []uint64{6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821} {
		if got := src.Uint64(); got != want {
			t.Fatalf("draw %d: %d, want %d", k, got, want)
		}
	}
}
