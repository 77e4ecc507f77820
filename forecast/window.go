package forecast

import (
	"math"

	"corecast/model"
)

// costWindow is the run of the cost histogram's bins (binOf, trustBins of
// them over the whole range) that one trust's costs can fall in: global
// bins first … first+bins−1. A trust's histogram row holds only its window,
// after the zero slot, so that the rows of many trusts stay small enough
// for the processor's caches: a trust's costs span two or three decades of
// the nine the bins cover.
type costWindow struct{ first, bins int32 }

// windowZ is how far, in standard deviations, the windows reach for ε's
// normal variate. A variate beyond it, a one-in-10¹¹ event, is counted in
// the edge bin of its trust's window; the trust's least and greatest cost
// are kept exactly all the same.
const windowZ = 7.0

// windowMargin widens each window by this many bins at each end, for the
// rounding of the logarithms the bounds are made of.
const windowMargin = 2

// costWindows bounds each trust's costs over a run with inputs theta: the
// log of cost_i is log(unit_cost × (1 + ob)) + log(gap_i) + β·log(opex_i/ref)
// + σz − σ²/2, and theta gives the range of the first term for each type
// and of β, so only z is left to bound (windowZ). The bounds are made with
// the same operations, in the same order, as the costing loop makes the
// log, so that rounding cannot carry a cost outside its window.
//
// Without draws (theta nil or empty), every window is the whole range.
func costWindows(p *plan, theta *[model.NumInputs][]float64) []costWindow {
	out := make([]costWindow, len(p.consts))
	if theta == nil || len(theta[0]) == 0 {
		for i, c := range p.consts {
			if c.gap > 0 {
				out[i] = costWindow{first: 1, bins: trustBins}
			}
		}
		return out
	}
	var lnLo, lnHi [model.NumTrustTypes]float64
	ob := theta[model.InputOptimismBias]
	for k := range lnLo {
		lo, hi := math.Inf(1), math.Inf(-1)
		for s, u := range theta[k] { // the unit costs are the first inputs
			if v := u * (1 + ob[s]); v > 0 {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		lnLo[k], lnHi[k] = math.Log(lo), math.Log(hi)
	}
	bLo, bHi := math.Inf(1), math.Inf(-1)
	for _, b := range theta[model.InputSizeElasticity] {
		bLo, bHi = min(bLo, b), max(bHi, b)
	}
	const log10e = 1 / math.Ln10
	zr := p.sc.TrustSigma * windowZ
	for i, c := range p.consts {
		ty := c.typ
		if c.gap == 0 || !(lnLo[ty] <= lnHi[ty]) {
			continue // no positive cost: the zero slot alone
		}
		x := c.lnRel
		lo := (lnLo[ty] + c.lnGap) + ((min(bLo*x, bHi*x) - zr) - p.halfVar)
		hi := (lnHi[ty] + c.lnGap) + ((max(bLo*x, bHi*x) + zr) - p.halfVar)
		first, last := 1, trustBins
		if !math.IsNaN(lo) && !math.IsNaN(hi) && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
			// (Otherwise, from inputs no run accepts, the whole range.)
			first = max(1, binOfLog10(lo*log10e, trustBins)-windowMargin)
			last = min(trustBins, binOfLog10(hi*log10e, trustBins)+windowMargin)
		}
		out[i] = costWindow{first: int32(first), bins: int32(last - first + 1)}
	}
	return out
}

// slot is where a cost whose global slot is g (0 for zero and below, else
// its bin) goes in the trust's row: 0, or its place in the window, the
// window's edge for the rare cost beyond it.
func (w costWindow) slot(g int) int {
	if g == histZeroSlot {
		return histZeroSlot
	}
	return min(max(g-int(w.first)+1, 1), int(w.bins))
}

// value is the value of an order statistic at place pos ∈ (0, 1) among
// the costs counted in slot b of the trust's row (see logBinValue).
func (w costWindow) value(b int, pos float64) float64 {
	if b == histZeroSlot {
		return 0
	}
	return logBinValue(b-1+int(w.first), trustBins, pos)
}
