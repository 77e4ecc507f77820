package forecast

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// ranks by radix sort gives the ranks, ties averaged, that the comparison
// sort of every row gives, bit for bit.
func TestRanksMatchSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	gen := func(n int, f func() float64) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = f()
		}
		return x
	}
	cases := map[string][]float64{
		"empty":    {},
		"one":      {2},
		"normal":   gen(20_000, r.NormFloat64),
		"counts":   gen(20_000, func() float64 { return float64(r.IntN(40)) }),
		"zeros":    gen(3000, func() float64 { return math.Copysign(0, r.Float64()-0.5) * float64(r.IntN(2)) }),
		"close":    gen(10_000, func() float64 { return 1 + float64(r.IntN(5000))*0x1p-52 }),
		"signed":   gen(10_000, func() float64 { return math.Copysign(float64(r.IntN(3))*0x1p-1070, r.Float64()-0.5) }),
		"infinite": gen(5000, func() float64 { return []float64{math.Inf(-1), math.Inf(1), 1}[r.IntN(3)] }),
		"nan":      append(gen(500, r.NormFloat64), math.NaN(), 1, math.NaN()),
	}
	for name, x := range cases {
		got, want := ranks(x), ranksBySort(x)
		if !slices.EqualFunc(got, want, func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }) {
			t.Errorf("%s: ranks differ from sorting's", name)
		}
	}
}

// BenchmarkRanks times the ranks of a million values, by radix sort and by
// the comparison sort it replaced.
func BenchmarkRanks(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 1_000_000)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	b.Run("radix", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ranks(x)
		}
	})
	b.Run("sort", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			ranksBySort(x)
		}
	})
}
