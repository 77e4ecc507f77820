package forecast

import (
	"math"
	"math/bits"
)

// stream is math/rand/v2's PCG generator (PCG-DXSM, 128-bit state) and its
// NormFloat64, written out so that the costing loop draws without an
// interface call: rand.Rand reaches its source through one on every draw,
// twice per trust. Seeded alike, a stream gives exactly the numbers
// rand.New(rand.NewPCG(…)) gives, which the reference test of §5 checks
// draw by draw.
type stream struct{ hi, lo uint64 }

// seed sets the state as rand.PCG.Seed does.
func (s *stream) seed(hi, lo uint64) { s.hi, s.lo = hi, lo }

// next is rand.PCG.Uint64: the 128-bit LCG step, then the DXSM output
// function. It takes and returns the state by value, so that a loop that
// keeps a stream in a local variable keeps its state in registers.
func (s stream) next() (uint64, stream) {
	const (
		mulHi    = 2549297995355413924
		mulLo    = 4865540595714422341
		incHi    = 6364136223846793005
		incLo    = 1442695040888963407
		cheapMul = 0xda942042e4dd58b5
	)
	hi, lo := bits.Mul64(s.lo, mulLo)
	hi += s.hi*mulLo + s.lo*mulHi
	lo, c := bits.Add64(lo, incLo, 0)
	hi, _ = bits.Add64(hi, incHi, c)
	s.lo, s.hi = lo, hi
	hi ^= hi >> 32
	hi *= cheapMul
	hi ^= hi >> 48
	return hi * (lo | 1), s
}

// uint64 is rand.PCG.Uint64 on a stream held in place.
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
