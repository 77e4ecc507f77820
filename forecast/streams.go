package forecast

import "math/rand/v2"

// Random streams. Every random number of a run comes from a stream seeded
// from (seed, stream id), where the id names what the stream is for and, for
// iteration blocks, which block: math/rand/v2's PCG for the scenario-level
// draws, SplitMix64 (stream) for each block's trust-level draws. Blocks are
// fixed by the iteration count alone, so results do not depend on how many
// workers run them.
const (
	streamInputs = 1 << 32 // + input index: scenario-level draws
	streamScores = 2 << 32 // + input index: Iman–Conover score permutations
	streamBlocks = 3 << 32 // + block index: trust-level draws
)

// splitmix64 is SplitMix64's mix: it scrambles a stream id so that
// neighbouring ids give unrelated streams.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// newStream returns the PCG generator for (seed, id).
func newStream(seed, id uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, splitmix64(id)))
}
