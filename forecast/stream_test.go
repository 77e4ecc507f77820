package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestStreamMatchesMathRand checks that stream gives, draw for draw, the
// numbers of math/rand/v2's PCG and NormFloat64 seeded alike, through
// enough draws that the ziggurat's rarer paths (the wedges and the base
// strip's tail, about 1% of draws) are taken thousands of times.
func TestStreamMatchesMathRand(t *testing.T) {
	for _, seed := range [][2]uint64{{0, 0}, {2020, splitmix64(streamBlocks)}, {7, splitmix64(streamBlocks + 3)}} {
		pcg := rand.NewPCG(seed[0], seed[1])
		ref := rand.New(pcg)
		var s stream
		s.seed(seed[0], seed[1])
		tails := 0
		for k := 0; k < 300_000; k++ {
			want, got := ref.NormFloat64(), s.normal()
			if math.Float64bits(want) != math.Float64bits(got) {
				t.Fatalf("seed %v, draw %d: normal %v, math/rand %v", seed, k, got, want)
			}
			if math.Abs(got) > 3.442619855899 {
				tails++
			}
			if want, got := pcg.Uint64(), s.uint64(); want != got {
				t.Fatalf("seed %v, draw %d: uint64 %#x, math/rand %#x", seed, k, got, want)
			}
		}
		if tails == 0 {
			t.Fatalf("seed %v: no draw from the tail; the test does not reach it", seed)
		}
	}
}
