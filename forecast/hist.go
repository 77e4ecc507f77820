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

// rank7 is where the type-7 percentile at level p of n values lies: between
// the order statistics of ranks k and k+1 (0-based), a fraction f of the way.
func rank7(p float64, n int) (k int, f float64) {
	r := p * float64(n-1)
	k = int(r)
	return k, r - float64(k)
}

// maxLevels is the most percentile levels histPercentiles finds without
// allocating.
const maxLevels = 8

// histPercentiles sets out[j] to the percentile at level ps[j] of the n
// values counted in h (its counts add up to n), in one pass over the bins:
// type 7, linear between the order statistics at rank p·(N−1), or, with
// lower set, the lower of the two, so that it is a value that occurred.
// value(b, pos) is the value of an order statistic that falls in bin b, pos
// ∈ (0, 1) being its place among the bin's values. With n = 0 every
// percentile is NaN.
func histPercentiles(h []uint32, n int, ps []float64, lower bool, value func(bin int, pos float64) float64, out []float64) {
	if n == 0 {
		for j := range ps {
			out[j] = math.NaN()
		}
		return
	}
	// The order statistics needed: k and k+1 for each level, visited in
	// ascending order (a level's k+1 can pass the next level's k).
	var kb, ob [2 * maxLevels]int
	var vb [2 * maxLevels]float64
	ks, order := kb[:0], ob[:0]
	for _, p := range ps {
		k, _ := rank7(p, n)
		ks = append(ks, k, min(k+1, n-1))
	}
	for i := range ks {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return ks[a] - ks[b] })
	vals := slices.Grow(vb[:0], len(ks))[:len(ks)]
	c, next := 0, 0
	for b, m := range h {
		for next < len(order) && c+int(m) > ks[order[next]] {
			k := ks[order[next]]
			vals[order[next]] = value(b, (float64(k-c)+0.5)/float64(m))
			next++
		}
		c += int(m)
		if next == len(order) {
			break
		}
	}
	for j, p := range ps {
		v := vals[2*j]
		if _, f := rank7(p, n); f > 0 && !lower {
			v += f * (vals[2*j+1] - v)
		}
		out[j] = v
	}
}

// binIndex values an order statistic by the index of its bin, for counts of
// whole numbers (trusts core, completion slots), one bin each.
func binIndex(b int, _ float64) float64 { return float64(b) }

// logBinValue values an order statistic in bin b of a histogram of bins
// logarithmic bins (binOf): zero in the zero slot, and otherwise spread
// evenly in log space within its bin.
func logBinValue(b, bins int, pos float64) float64 {
	if b == histZeroSlot {
		return 0
	}
	return math.Pow(10, histLog10Lo+(float64(b-1)+pos)*histDecades/float64(bins))
}
