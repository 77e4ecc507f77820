package forecast

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// radixSortFrom sorts rank keys as slices.Sort does, whatever the values:
// ties, one value, mixed signs, a digit the same in every key.
func TestRadixSortFromMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	values := map[string]func() float64{
		"normal":   r.NormFloat64,
		"ties":     func() float64 { return float64(r.IntN(5)) - 2 },
		"constant": func() float64 { return 0.75 },
		"close":    func() float64 { return 1 + float64(r.IntN(1000))*0x1p-40 },
		"wide":     func() float64 { return math.Copysign(math.Exp(700*r.Float64()), r.Float64()-0.5) },
	}
	for name, gen := range values {
		for _, n := range []int{0, 1, 2, 3, 100, 5000, 70_000} {
			v := make([]float64, n)
			for i := range v {
				v[i] = gen()
			}
			keys := rankKeys(v, make([]uint64, n), 0)
			want := slices.Clone(keys)
			slices.Sort(want)
			got, free := radixSortFrom(keys, make([]uint64, n), rowBits)
			if !slices.Equal(got, want) {
				t.Errorf("%s, n %d: not sorted as slices.Sort sorts", name, n)
			}
			if n > 0 && &got[0] == &free[0] {
				t.Errorf("%s, n %d: the free buffer is the result", name, n)
			}
		}
	}
}

// From bit 0 there is no order to keep: any keys come out sorted.
func TestRadixSortFromZero(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	keys := make([]uint64, 30_000)
	for i := range keys {
		keys[i] = r.Uint64() >> (r.IntN(4) * 16)
	}
	want := slices.Clone(keys)
	slices.Sort(want)
	if got, _ := radixSortFrom(keys, make([]uint64, len(keys)), 0); !slices.Equal(got, want) {
		t.Error("keys not sorted")
	}
}

// BenchmarkRankColumn times ranking a million-row column of T, by radix
// sort and by the comparison sort it replaced.
func BenchmarkRankColumn(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	v := make([]float64, 1_000_000)
	for i := range v {
		v[i] = r.NormFloat64()
	}
	keys, tmp := make([]uint64, len(v)), make([]uint64, len(v))
	b.Run("radix", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			radixSortFrom(rankKeys(v, keys, 0), tmp, rowBits)
		}
	})
	b.Run("sort", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			slices.Sort(rankKeys(v, keys, 0))
		}
	})
}

// shuffle gives exactly rand.Rand.Shuffle's order.
func TestShuffleIsRandShuffle(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 10, 1000, 1 << 20} {
		want := make([]float64, n)
		for i := range want {
			want[i] = float64(i)
		}
		got := slices.Clone(want)
		r := newStream(1, uint64(n))
		r.Shuffle(n, func(a, b int) { want[a], want[b] = want[b], want[a] })
		shuffle(newStream(1, uint64(n)), got)
		if !slices.Equal(got, want) {
			t.Errorf("n %d: not rand.Shuffle's order", n)
		}
	}
}
