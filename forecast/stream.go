package forecast

import "math"

// stream is the SplitMix64 generator (Steele, Lea and Flood, "Fast
// splittable pseudorandom number generators", OOPSLA 2014; Java's
// SplittableRandom) and math/rand/v2's NormFloat64 ziggurat, written out so
// that the costing loop draws without an interface call, twice per trust.
//
// SplitMix64's state advances by one addition (a Weyl sequence) and each
// output is a mix of it; the multiplications of the mix are off the chain
// from one draw to the next, so the processor overlaps consecutive draws.
// PCG, used before, multiplies its 128-bit state on that chain: two draws
// per trust cost about 5 ns more. Every block's stream starts at its own
// point of the 2⁶⁴-long sequence, chosen by hashing (seed, block). The
// chance that two blocks' draws overlap is about blocks × draws / 2⁶⁴:
// below 10⁻⁶ for a million iterations of the sample, below 10⁻⁴ for a
// million of 20,000 trusts (and an overlap would repeat some trust-level
// draws, not bias them).
// Passed through rand.New, the same generator gives exactly these numbers,
// which the reference test of §5 checks draw by draw.
type stream struct{ state uint64 }

// splitMixGamma is SplitMix64's increment: the odd integer nearest 2⁶⁴/φ.
const splitMixGamma = 0x9e3779b97f4a7c15

// seed sets the state for stream id of seed.
func (s *stream) seed(seed, id uint64) { s.state = splitmix64(splitmix64(seed) ^ id) }

// next is SplitMix64's step: the state advances by the gamma and the
// output is splitmix64's mix of it. It takes and returns the state by
// value, so that a loop that keeps a stream in a local variable keeps its
// state in a register.
func (s stream) next() (uint64, stream) {
	s.state += splitMixGamma
	z := s.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31), s
}

// uint64 is one draw of a stream held in place.
func (s *stream) uint64() uint64 {
	u, next := s.next()
	*s = next
	return u
}

// float64 is rand.Rand.Float64: a uniform in [0, 1).
func (s *stream) float64() float64 { return float64(s.uint64()<<11>>11) / (1 << 53) }

// normal is rand.Rand.NormFloat64: a standard normal variate by the
// ziggurat method. The costing loop spells it out, as zigRect and then
// normalTail, so that the common case is inlined there.
func (s *stream) normal() float64 {
	u := s.uint64()
	if z, ok := zigRect(u); ok {
		return z
	}
	z, next := s.normalTail(u)
	*s = next
	return z
}

// zigRect is the ziggurat's first test on the uniform bits u: for more
// than 99% of draws u falls in a rectangle, and its normal variate is
// one product.
func zigRect(u uint64) (z float64, ok bool) {
	j := int32(u)
	i := u >> 32 & 0x7F
	return float64(j) * float64(zigWN[i]), absInt32(j) < zigKN[i]
}

// normalTail finishes a draw of normal whose first uniform u fell outside
// the ziggurat's rectangles, as NormFloat64 does, drawing again as needed,
// and returns the variate and the stream after its draws.
func (s stream) normalTail(u uint64) (float64, stream) {
	const rn = 3.442619855899 // where the base strip's tail begins
	for {
		j := int32(u)
		i := u >> 32 & 0x7F
		x := float64(j) * float64(zigWN[i])
		if absInt32(j) < zigKN[i] {
			return x, s
		}
		if i == 0 {
			for {
				x = -math.Log(s.float64()) * (1.0 / rn)
				y := -math.Log(s.float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x, s
			}
			return -rn - x, s
		}
		if zigFN[i]+float32(s.float64())*(zigFN[i-1]-zigFN[i]) < float32(math.Exp(-.5*x*x)) {
			return x, s
		}
		u = s.uint64()
	}
}

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}
