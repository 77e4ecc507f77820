package forecast

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"

	"corecast/model"
)

// percentile is the type-7 percentile of sorted x: linear interpolation
// between the order statistics at rank p·(N−1) (0-based).
func percentile(sorted []float64, p float64) float64 {
	return percentile7(len(sorted), p, func(r int) float64 { return sorted[r] })
}

// percentile7 is the type-7 percentile at level p of n values, given the
// value of each rank by at. Every percentile of a kept series goes through
// it, so the interpolation rounds the same whichever way the order
// statistics were found.
func percentile7(n int, p float64, at func(rank int) float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	k, f := rank7(p, n)
	if k >= n-1 {
		return at(n - 1)
	}
	return at(k) + f*(at(k+1)-at(k))
}

// momentsOf gives the mean, the sample standard deviation and the standard
// error of the mean from a count, a sum and a sum of squares, for figures
// streamed rather than kept (gonum/stat works on whole series).
func momentsOf(n int, sum, sum2 float64) (mean, sd, se float64) {
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	mean = sum / float64(n)
	if n > 1 {
		v := (sum2 - sum*mean) / float64(n-1)
		sd = math.Sqrt(max(v, 0))
	}
	return mean, sd, stat.StdErr(sd, float64(n))
}

// seriesStats summarises a whole series, finding its order statistics
// with sel (see selector).
//
// The mean and standard deviation are summed in iteration order, two-pass,
// rather than by gonum's stat.MeanStdDev: its unrolled sum and compensated
// second pass round differently, and would change every reported mean and
// standard deviation in the last digits from what a recorded seed has given.
func seriesStats(x []float64, budget float64, sel *selector) Stats {
	n := len(x)
	var sum float64
	for _, v := range x {
		sum += v
	}
	var st Stats
	if n == 0 {
		return st
	}
	st.Mean = sum / float64(n)
	var ss float64
	for _, v := range x {
		d := v - st.Mean
		ss += d * d
	}
	if n > 1 {
		st.SD = math.Sqrt(ss / float64(n-1))
	}
	st.SE = stat.StdErr(st.SD, float64(n))
	st.setOrderStats(x, budget, sel)
	return st
}

// setOrderStats sets P5 … P95, the budget percentile (at level budget),
// Min and Max from the series x (not empty).
// They are the values slices.Sort would have put at those ranks: a plain
// series (keyRange) has exactly one sorted order of its bits, so selection
// finds them; any other is sorted, as before, to keep its NaNs and the
// signs of its zeros where slices.Sort puts them.
func (st *Stats) setOrderStats(x []float64, budget float64, sel *selector) {
	n := len(x)
	lo, hi, plain := keyRange(x)
	if !plain {
		s := slices.Clone(x)
		slices.Sort(s)
		st.fillPercentiles(func(p float64) float64 { return percentile(s, p) }, budget)
		st.Min, st.Max = s[0], s[n-1]
		return
	}
	var rb [maxRanks]int
	ranks := rb[:0]
	for _, p := range append(percentileLevels[:], budget) {
		k, _ := rank7(p, n)
		ranks = append(ranks, k, min(k+1, n-1))
	}
	slices.Sort(ranks)
	ranks = slices.Compact(ranks)
	var vb [maxRanks]float64
	vals := vb[:len(ranks)]
	sel.selectRanks(x, lo, hi, ranks, vals)
	at := func(r int) float64 {
		i, _ := slices.BinarySearch(ranks, r)
		return vals[i]
	}
	st.fillPercentiles(func(p float64) float64 { return percentile7(n, p, at) }, budget)
	st.Min, st.Max = fromOrderKey(lo), fromOrderKey(hi)
}

// percentileLevels are the levels of P5 … P95.
var percentileLevels = [7]float64{0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95}

// fillPercentiles sets P5 … P95 and the budget percentile, at level
// budget, from a percentile function.
func (st *Stats) fillPercentiles(q func(p float64) float64, budget float64) {
	st.P5, st.P10, st.P25, st.P50 = q(0.05), q(0.10), q(0.25), q(0.50)
	st.P75, st.P90, st.P95 = q(0.75), q(0.90), q(0.95)
	st.Budget = q(budget)
}

// scaled returns the statistics of a·X for a ≥ 0.
func (st Stats) scaled(a float64) Stats {
	return Stats{Mean: a * st.Mean, SD: a * st.SD, SE: a * st.SE,
		P5: a * st.P5, P10: a * st.P10, P25: a * st.P25, P50: a * st.P50,
		P75: a * st.P75, P90: a * st.P90, P95: a * st.P95, Budget: a * st.Budget,
		Min: a * st.Min, Max: a * st.Max}
}

// shifted returns the statistics of X + c.
func (st Stats) shifted(c float64) Stats {
	out := st
	for _, v := range []*float64{&out.Mean, &out.P5, &out.P10, &out.P25, &out.P50, &out.P75, &out.P90, &out.P95, &out.Budget, &out.Min, &out.Max} {
		*v += c
	}
	return out
}

// histStats summarises item i of a streamed quantity: its sums, its
// histogram row and its extremes.
func histStats(n, i int, m *moments, h *counts, e *extremes, budget float64) Stats {
	bins := h.width - 1
	return streamedStats(n, m.sum[i], m.sum2[i], h.row(i), e.lo[i], e.hi[i], budget, func(b int, pos float64) float64 {
		return logBinValue(b, bins, pos)
	})
}

// trustCostStats summarises one trust's cost from its sums and its
// histogram row, which holds the bins of window w.
func trustCostStats(n int, t *trustSums, row []uint32, w costWindow, budget float64) Stats {
	return streamedStats(n, t.cost, t.cost2, row, t.lo, t.hi, budget, w.value)
}

// streamedStats summarises a quantity streamed over n iterations: its sum
// and sum of squares, its counts in the bins of row, whose values value
// gives (see histPercentiles), and the least and greatest value. The
// budget percentile is at level budget.
func streamedStats(n int, sum, sum2 float64, row []uint32, lo, hi, budget float64, value func(b int, pos float64) float64) Stats {
	var st Stats
	st.Mean, st.SD, st.SE = momentsOf(n, sum, sum2)
	var v [len(percentileLevels) + 1]float64
	histPercentiles(row, n, append(percentileLevels[:], budget), false, value, v[:])
	// Clamped to the exact range the values span, which the bins blur.
	for j := range v {
		v[j] = math.Min(math.Max(v[j], lo), hi)
	}
	st.P5, st.P10, st.P25, st.P50, st.P75, st.P90, st.P95 = v[0], v[1], v[2], v[3], v[4], v[5], v[6]
	st.Budget = v[7]
	st.Min, st.Max = lo, hi
	return st
}

// yearPercentile is a percentile of whole years: the lower order statistic at
// rank p·(N−1), so it is always a year that occurred (or Never).
func yearPercentile(sorted []model.FinancialYear, p float64) model.FinancialYear {
	if len(sorted) == 0 {
		return model.Never
	}
	return sorted[int(p*float64(len(sorted)-1))]
}

// probability estimates a share from a count with its standard error.
func probability(count, n int) Probability {
	if n == 0 {
		return Probability{P: math.NaN(), SE: math.NaN()}
	}
	p := float64(count) / float64(n)
	return Probability{P: p, SE: math.Sqrt(p * (1 - p) / float64(n))}
}
