package forecast

import (
	"math"
	"slices"
)

// SCurveLevels are the levels at which an S-curve is read: P1, every five
// per cent from P5 to P95, and P99. They are written out, not stepped, so
// that each is the same float64 as the level of the Stats percentile it
// matches (0.8, not 16 × 0.05).
var SCurveLevels = [...]float64{0.01, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50,
	0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.99}

// SCurves are the S-curves (cumulative distributions) of the budget figures
// of DESIGN §6, total need, national need and plan_window_spend, read at
// fixed levels: at each level, the amount that share of the iterations is
// at or below. A budget set at P80 is read where a curve crosses 0.8.
type SCurves struct {
	// Levels ascend: SCurveLevels, with the scenario's budget_p added
	// when it is not one of them, so that the budget is always on the curve.
	Levels []float64
	// The type-7 percentile of each figure at each level, £m real. Each
	// agrees bit for bit with the percentiles of the output of the same
	// key (P50, Budget), being found the same way.
	TotalNeed, NationalNeed, PlanWindowSpend []float64
}

// SCurves computes the S-curves of the run's total need, national need and
// plan_window_spend from its kept series. They are found on demand rather
// than kept with the result: the series are whole, and a million values
// take a few milliseconds to select from.
//
// National need is (1 − local_share) × total need and plan_window_spend is
// the window's modelled spend plus the counted funding dated in it, so only
// two series are searched; the third and the shift are applied to their
// percentiles, as the headline Stats are (Stats.scaled, Stats.shifted), so
// that the curves and the outputs round alike.
func (r *Result) SCurves() SCurves {
	levels := scurveLevels(r.Scenario.BudgetP)
	var sel selector
	need := quantiles(r.TotalNeed, levels, &sel)
	window := quantiles(r.WindowSpend, levels, &sel)
	share := 1 - r.Scenario.LocalShare // as the plan has its nationalShare
	c := SCurves{Levels: levels, TotalNeed: need,
		NationalNeed: make([]float64, len(levels)), PlanWindowSpend: window}
	for i := range levels {
		c.NationalNeed[i] = share * need[i]
		c.PlanWindowSpend[i] += r.WindowFundingM
	}
	return c
}

// scurveLevels are SCurveLevels with budget, a level in (0, 1], put in
// its place when it is not among them.
func scurveLevels(budget float64) []float64 {
	levels := slices.Clone(SCurveLevels[:])
	if i, found := slices.BinarySearch(levels, budget); !found && budget > 0 && budget <= 1 {
		levels = slices.Insert(levels, i, budget)
	}
	return levels
}

// quantiles gives the type-7 percentiles of x at each of levels. The order
// statistics are found as setOrderStats finds them, by selection for a
// plain series and from a sorted copy otherwise, and interpolated by the
// same percentile7, so that a level also asked of seriesStats gives the
// same bits. x is not changed; an empty x gives NaN at every level.
func quantiles(x, levels []float64, sel *selector) []float64 {
	out := make([]float64, len(levels))
	n := len(x)
	if n == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	var at func(rank int) float64
	if lo, hi, plain := keyRange(x); plain {
		ranks := make([]int, 0, 2*len(levels))
		for _, p := range levels {
			k, _ := rank7(p, n)
			ranks = append(ranks, k, min(k+1, n-1))
		}
		slices.Sort(ranks)
		ranks = slices.Compact(ranks)
		vals := make([]float64, len(ranks))
		// A selector finds at most maxRanks order statistics a call; each
		// further call is two or three more passes over x, still far
		// fewer than sorting a copy of it.
		for i := 0; i < len(ranks); i += maxRanks {
			j := min(i+maxRanks, len(ranks))
			sel.selectRanks(x, lo, hi, ranks[i:j], vals[i:j])
		}
		at = func(r int) float64 {
			i, _ := slices.BinarySearch(ranks, r)
			return vals[i]
		}
	} else {
		s := slices.Clone(x)
		slices.Sort(s)
		at = func(r int) float64 { return s[r] }
	}
	for i, p := range levels {
		out[i] = percentile7(n, p, at)
	}
	return out
}
