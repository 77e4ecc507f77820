package forecast

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"corecast/model"
)

// TornadoBar is one input of a tornado: the input at its P10 and at its P90,
// every other input at its P50, and what that does to the headline figures.
type TornadoBar struct {
	Input               string  // scenario-level input, as in model.InputNames
	Low, High           float64 // the input's P10 and P90
	NeedLow, NeedHigh   float64 // mean total need, £m, with the input at Low and High
	PCoreLow, PCoreHigh float64 // P(all core by target) with the input at Low and High
	// CoreLow and CoreHigh are the mean number of trusts core by
	// target_year with the input at Low and High: the swing that still
	// shows when P(all core) is 0 (or 1) at both ends.
	CoreLow, CoreHigh float64
}

// CoreSwing is the spread of the mean trusts core by target across the bar.
func (b TornadoBar) CoreSwing() float64 { return math.Abs(b.CoreHigh - b.CoreLow) }

// NeedSwing is the spread of mean total need across the bar, £m.
func (b TornadoBar) NeedSwing() float64 { return math.Abs(b.NeedHigh - b.NeedLow) }

// PCoreSwing is the spread of P(all core by target) across the bar.
func (b TornadoBar) PCoreSwing() float64 { return math.Abs(b.PCoreHigh - b.PCoreLow) }

// InputRank is the Spearman rank correlation, across the iterations of the
// scenario's own run, of one input with total need and with the number of
// trusts core by target_year (the per-trust completions, aggregated).
type InputRank struct {
	Input   string
	RhoNeed float64
	RhoCore float64
}

// SensitivityResult is the analysis of DESIGN §7: a tornado and a rank table.
type SensitivityResult struct {
	// BaseNeed and BasePCore are the figures with every input at its P50.
	BaseNeed, BasePCore float64
	// Bars are sorted by NeedSwing, largest first.
	Bars []TornadoBar
	// Ranks are sorted by |RhoNeed|, largest first.
	Ranks      []InputRank
	Iterations int
	Elapsed    time.Duration
}

// Sensitivity runs the tornado and rank-correlation analysis. The tornado
// holds the scenario-level inputs fixed at percentiles, so its runs differ only
// in that input; the trust-level draws (ε and deploy years) are common random
// numbers, identical in every run. The ranks come from res, the scenario's own
// run (pass nil to have it run here).
func Sensitivity(ctx context.Context, in model.Inputs, sc model.Scenario, res *Result, opts Options) (*SensitivityResult, error) {
	start := time.Now()
	var a *analysis
	if res == nil {
		var err error
		if a, err = newAnalysis(ctx, in, sc, opts); err != nil {
			return nil, err
		}
		if res, err = simulate(ctx, a.plan, &a.theta, opts, true); err != nil {
			return nil, err
		}
	} else {
		// The tornado holds the inputs at percentiles, so the scenario's own
		// draws are not needed again: only the plan.
		p, err := newPlan(in, sc)
		if err != nil {
			return nil, err
		}
		a = &analysis{ctx: ctx, plan: p, opts: opts}
	}
	n := sc.Iterations
	var p50 heldInputs
	for j := range p50 {
		p50[j] = a.plan.inputs[j].quantile(0.5)
	}
	// The base run, every input at its P50, then each input at its P10 and
	// its P90: one pass over the iterations runs them all (heldRuns).
	names := model.InputNames()
	bars := make([]TornadoBar, model.NumInputs)
	runs := []heldInputs{p50}
	for j := range p50 {
		bars[j] = TornadoBar{Input: names[j], Low: a.plan.inputs[j].quantile(0.1), High: a.plan.inputs[j].quantile(0.9)}
		for _, v := range []float64{bars[j].Low, bars[j].High} {
			theta := p50
			theta[j] = v
			runs = append(runs, theta)
		}
	}
	h, err := heldRuns(ctx, a.plan, runs, n, opts)
	if err != nil {
		return nil, err
	}
	out := &SensitivityResult{BaseNeed: h[0].needMean, BasePCore: h[0].pAllCore, Bars: bars, Iterations: n}
	for j := range bars {
		lo, hi := h[1+2*j], h[2+2*j]
		bars[j].NeedLow, bars[j].PCoreLow, bars[j].CoreLow = lo.needMean, lo.pAllCore, lo.coreMean
		bars[j].NeedHigh, bars[j].PCoreHigh, bars[j].CoreHigh = hi.needMean, hi.pAllCore, hi.coreMean
		out.Ranks = append(out.Ranks, InputRank{Input: names[j],
			RhoNeed: Spearman(res.Inputs[j], res.TotalNeed),
			RhoCore: Spearman(res.Inputs[j], res.CoreByTarget)})
	}
	slices.SortStableFunc(out.Bars, func(x, y TornadoBar) int { return cmp.Compare(y.NeedSwing(), x.NeedSwing()) })
	slices.SortStableFunc(out.Ranks, func(x, y InputRank) int { return cmp.Compare(math.Abs(y.RhoNeed), math.Abs(x.RhoNeed)) })
	out.Elapsed = time.Since(start)
	return out, nil
}
