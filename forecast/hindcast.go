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
	// Verdict says whether history contradicts the scenario.
	Verdict Verdict
}

// Verdict is the hindcast's judgement of the scenario against history
// (DESIGN §7, "the hindcast speaks"), as data: the front ends word it. It
// warns when an observed count lies outside its forecast P10–P90 or when
// the forecast scores worse than the observed base rate.
type Verdict struct {
	// Slower is set when some observed year's count lies below its
	// forecast P10 (a HindcastYear of Pace Slower), Faster when one lies
	// above its P90.
	Slower, Faster bool
	// BaseRateBrier is the Brier score, over the same pairs, of forecasting
	// every trust its year's base rate: the share of the year's observed
	// trusts observed core (HindcastYear.BaseRate). The rate is taken per
	// year rather than over all the pairs because more trusts are core in
	// later years: one rate for all would score badly for that alone, and
	// make a forecast that knows only that much look skilful.
	BaseRateBrier float64
	// WorseThanBaseRate is set when Brier exceeds BaseRateBrier: the
	// forecast, trust by trust, tells less than the observed rates alone.
	WorseThanBaseRate bool
}

// Warns reports whether history contradicts the scenario.
func (v Verdict) Warns() bool { return v.Slower || v.Faster || v.WorseThanBaseRate }

// Pace places an observed count of trusts core against the forecast's
// P10–P90 of the same count.
type Pace int8

const (
	// AsForecast is a count within the forecast P10–P90, bounds included.
	AsForecast Pace = iota
	// Slower is a count below the forecast P10: delivery was slower than
	// the scenario assumes.
	Slower
	// Faster is a count above the forecast P90: delivery was faster than
	// the scenario assumes.
	Faster
)

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
	// BaseRate is the share of the observed trusts observed core by Year,
	// ObservedCore / Trusts.
	BaseRate float64
	// Pace is where ObservedCore lies against P10–P90.
	Pace Pace
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
	h.Verdict = verdict(h)
	return h
}

// verdict judges the hindcast's years and pairs against history.
func verdict(h *Hindcast) Verdict {
	var v Verdict
	rate := make(map[model.FinancialYear]float64, len(h.Years))
	for _, y := range h.Years {
		rate[y.Year] = y.BaseRate
		v.Slower = v.Slower || y.Pace == Slower
		v.Faster = v.Faster || y.Pace == Faster
	}
	if len(h.Pairs) == 0 {
		return v
	}
	var score float64
	for _, pr := range h.Pairs {
		d := rate[pr.Year]
		if pr.Observed {
			d = 1 - d
		}
		score += d * d
	}
	v.BaseRateBrier = score / float64(len(h.Pairs))
	v.WorseThanBaseRate = h.Brier > v.BaseRateBrier
	return v
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
	pace := AsForecast
	switch {
	case float64(obs) < q[0]:
		pace = Slower
	case float64(obs) > q[2]:
		pace = Faster
	}
	return HindcastYear{
		Year: y, Trusts: int(hi - lo), ObservedCore: obs, Mean: sum / float64(n),
		P10: q[0], P50: q[1], P90: q[2], Percentile: below / float64(n),
		BaseRate: float64(obs) / float64(hi-lo), Pace: pace,
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
