package forecast

import (
	"corecast/model"
)

// Hindcast holds the forecast against what was observed after the base
// year (DESIGN §7, Hindcast): for each observed year the count of observed
// trusts core by it against its forecast distribution, and for each
// observed trust-year the forecast probability against the outcome.
type Hindcast struct {
	Years []HindcastYear
	Pairs []HindcastPair // by year, then input order
	// Brier is the mean of (P − observed)² over the pairs: 0 is a perfect
	// forecast, 0.25 what a coin's 50% would score.
	Brier       float64
	Reliability []ReliabilityBin
}

// HindcastYear compares one observed year's count of observed trusts core
// by it with the forecast distribution of the same count.
type HindcastYear struct {
	Year         model.FinancialYear
	Trusts       int     // observed trusts (whose state by Year is known)
	ObservedCore int     // of them, observed core by Year
	Mean         float64 // forecast mean of the count
	P10          float64
	P50          float64
	P90          float64
	// Percentile is the observed count's mid-rank in the forecast: the
	// share of iterations below it plus half the share equal to it.
	Percentile float64
}

// HindcastPair is one observed trust-year.
type HindcastPair struct {
	Code     string
	Year     model.FinancialYear
	P        float64 // forecast P(core by Year)
	Observed bool    // observed core by Year
}

// ReliabilityBin gathers the pairs whose forecast probability lies in
// [Lo, Hi) (the last bin includes 1): a well-calibrated forecast has
// ObservedFreq close to MeanP in every bin.
type ReliabilityBin struct {
	Lo, Hi       float64
	Count        int
	MeanP        float64 // NaN when empty
	ObservedFreq float64 // NaN when empty
}

// reliabilityBins is the number of bins of width 0.1.
const reliabilityBins = 10

// summariseHindcast compares the tallied forecast with the observations;
// nil without observations.
func summariseHindcast(p *plan, t *tally, n int) *Hindcast {
	o := p.obs
	if o == nil {
		return nil
	}
	h := &Hindcast{Pairs: hindcastPairs(p, t, n)}
	for k, y := range o.years {
		h.Years = append(h.Years, hindcastYear(o, k, y, t.obsHist.row(k), n))
	}
	h.Brier, h.Reliability = brier(h.Pairs)
	return h
}

// hindcastPairs gives each observed trust-year's forecast P(core by the
// year), from the trust's completion histogram: its slots up to the year.
func hindcastPairs(p *plan, t *tally, n int) []HindcastPair {
	o := p.obs
	out := make([]HindcastPair, 0, o.pairs())
	for k, y := range o.years {
		last := compSlot(o.off[k], p.nYears)
		for j := o.start[k]; j < o.start[k+1]; j++ {
			i := o.trust[j]
			c := 0
			for _, m := range t.trustComp.row(int(i))[:last+1] {
				c += int(m)
			}
			out = append(out, HindcastPair{Code: p.trusts[i].Code, Year: y, P: float64(c) / float64(n), Observed: o.core[j]})
		}
	}
	return out
}

// hindcastYear summarises observed year k's forecast count h against the
// observed count.
func hindcastYear(o *observations, k int, y model.FinancialYear, h []uint32, n int) HindcastYear {
	lo, hi := o.start[k], o.start[k+1]
	obs := 0
	for _, c := range o.core[lo:hi] {
		if c {
			obs++
		}
	}
	var sum, below float64
	for v, c := range h {
		sum += float64(v) * float64(c)
		switch {
		case v < obs:
			below += float64(c)
		case v == obs:
			below += float64(c) / 2
		}
	}
	var q [3]float64
	histPercentiles(h, n, []float64{0.1, 0.5, 0.9}, false, binIndex, q[:])
	return HindcastYear{
		Year: y, Trusts: int(hi - lo), ObservedCore: obs, Mean: sum / float64(n),
		P10: q[0], P50: q[1], P90: q[2], Percentile: below / float64(n),
	}
}

// brier returns the Brier score of the pairs and their reliability table.
func brier(pairs []HindcastPair) (float64, []ReliabilityBin) {
	bins := make([]ReliabilityBin, reliabilityBins)
	var sumP, sumO [reliabilityBins]float64
	var score float64
	for _, pr := range pairs {
		o := 0.0
		if pr.Observed {
			o = 1
		}
		score += (pr.P - o) * (pr.P - o)
		b := min(int(pr.P*reliabilityBins), reliabilityBins-1)
		bins[b].Count++
		sumP[b] += pr.P
		sumO[b] += o
	}
	for b := range bins {
		bins[b].Lo, bins[b].Hi = float64(b)/reliabilityBins, float64(b+1)/reliabilityBins
		bins[b].MeanP = sumP[b] / float64(bins[b].Count)
		bins[b].ObservedFreq = sumO[b] / float64(bins[b].Count)
	}
	if len(pairs) == 0 {
		return 0, bins
	}
	return score / float64(len(pairs)), bins
}
