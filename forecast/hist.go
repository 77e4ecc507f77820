package forecast

import (
	"math"
	"slices"
)

// Streamed percentiles. Per-trust, per-year and per-group quantities are never
// kept per iteration; their percentiles come from counts in fixed logarithmic
// bins over £0.001m … £1,000,000m, with a separate bin for zero and below.
// Counts are integers, so workers' histograms add up exactly in any order.
const (
	histLog10Lo  = -3.0 // log10 of the lowest bin edge, £m
	histDecades  = 9.0  // decades covered
	fineBins     = 4096 // per-year and per-group histograms: bins 0.5% wide
	trustBins    = 1024 // per-trust histograms: bins 2% wide
	histZeroSlot = 0    // slot 0 counts values ≤ 0
)

// binOfLog10 returns the slot (1 … bins) of a positive value given its log10.
func binOfLog10(l10 float64, bins int) int {
	b := int((l10-histLog10Lo)*(float64(bins)/histDecades)) + 1
	if b < 1 {
		return 1
	}
	if b > bins {
		return bins
	}
	return b
}

// binOf returns the slot of v (0 for v ≤ 0).
func binOf(v float64, bins int) int {
	if !(v > 0) {
		return histZeroSlot
	}
	return binOfLog10(math.Log10(v), bins)
}

// countQuantile is the type-7 percentile of values 0 … len(h)−1 counted exactly in h.
func countQuantile(h []uint32, n int, p float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	r := p * float64(n-1)
	k := int(r)
	at := func(k int) float64 {
		c := 0
		for v, m := range h {
			c += int(m)
			if c > k {
				return float64(v)
			}
		}
		return float64(len(h) - 1)
	}
	v := at(k)
	if f := r - float64(k); f > 0 && k+1 < n {
		v += f * (at(k+1) - v)
	}
	return v
}

// histPercentiles returns the type-7 percentiles (linear between order
// statistics) at the ascending levels ps of the n values counted in h, in one
// pass over the bins, clamped to the exact [lo, hi] the values span. The
// k-th smallest value is zero in the zero slot, and otherwise spread evenly
// in log space within the bin holding it.
func histPercentiles(h []uint32, n int, ps []float64, lo, hi float64) []float64 {
	out := make([]float64, len(ps))
	if n == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	// The order statistics needed, ascending: k and k+1 for each level.
	ks := make([]int, 0, 2*len(ps))
	for _, p := range ps {
		r := p * float64(n-1)
		k := int(r)
		ks = append(ks, k, min(k+1, n-1))
	}
	// Visit them in ascending order (a level's k+1 can pass the next level's k).
	order := make([]int, len(ks))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return ks[a] - ks[b] })
	vals := make([]float64, len(ks))
	bins := len(h) - 1
	c, next := 0, 0
	for s, m := range h {
		for next < len(order) && c+int(m) > ks[order[next]] {
			k := ks[order[next]]
			if s == histZeroSlot {
				vals[order[next]] = 0
			} else {
				pos := (float64(k-c) + 0.5) / float64(m)
				vals[order[next]] = math.Pow(10, histLog10Lo+(float64(s-1)+pos)*histDecades/float64(bins))
			}
			next++
		}
		c += int(m)
		if next == len(order) {
			break
		}
	}
	for i, p := range ps {
		r := p * float64(n-1)
		v := vals[2*i]
		if f := r - float64(int(r)); f > 0 {
			v += f * (vals[2*i+1] - v)
		}
		out[i] = math.Min(math.Max(v, lo), hi)
	}
	return out
}
