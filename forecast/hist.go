package forecast

import "math"

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

// histOrderStat approximates the k-th smallest (0-based) of the values counted
// in h (slots 0 … bins): zero for the zero slot, otherwise spread evenly in log
// space within the bin holding it.
func histOrderStat(h []uint32, k int) float64 {
	bins := len(h) - 1
	c := 0
	for s, m := range h {
		if c+int(m) > k {
			if s == histZeroSlot {
				return 0
			}
			pos := (float64(k-c) + 0.5) / float64(m)
			return math.Pow(10, histLog10Lo+(float64(s-1)+pos)*histDecades/float64(bins))
		}
		c += int(m)
	}
	return math.NaN()
}

// histQuantile is the type-7 percentile (linear between order statistics) of
// the n values counted in h, clamped to the exact [lo, hi] they span.
func histQuantile(h []uint32, n int, p, lo, hi float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	r := p * float64(n-1)
	k := int(r)
	v := histOrderStat(h, k)
	if f := r - float64(k); f > 0 && k+1 < n {
		v += f * (histOrderStat(h, k+1) - v)
	}
	return math.Min(math.Max(v, lo), hi)
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
