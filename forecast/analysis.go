package forecast

import (
	"context"

	"corecast/model"
)

// An analysis runs the model many times on one plan with common random
// numbers: the same seed gives the same trust-level draws in every run, so
// differences between runs come from what the analysis changed, not from
// sampling noise.
type analysis struct {
	ctx   context.Context
	plan  *plan
	theta [model.NumInputs][]float64
	opts  Options
	// sn, when made, holds every iteration's draws and costs for the
	// analyses that re-run only the schedule.
	sn *snapshot
}

// newAnalysis prepares a plan and the scenario's own input draws: the first
// step of every run.
func newAnalysis(ctx context.Context, in model.Inputs, sc model.Scenario, opts Options) (*analysis, error) {
	p, err := newPlan(in, sc)
	if err != nil {
		return nil, err
	}
	theta, err := drawInputs(p, sc.Iterations, workerCount(opts.Workers))
	if err != nil {
		return nil, err
	}
	return &analysis{ctx: ctx, plan: p, theta: theta, opts: opts}, nil
}

// headline is what an analysis reads from one run.
type headline struct {
	needMean float64 // mean total need, £m
	pAllCore float64 // P(all trusts core by target_year)
	coreMean float64 // mean trusts core by target_year
}

// run simulates plan p with inputs theta and returns its headline figures.
func (a *analysis) run(p *plan, theta *[model.NumInputs][]float64) (headline, error) {
	opts := a.opts
	opts.Progress = nil
	res, err := simulate(a.ctx, p, theta, opts, false)
	if err != nil {
		return headline{}, err
	}
	var sum, coreSum float64
	core := 0
	for s, v := range res.TotalNeed {
		sum += v
		coreSum += res.CoreByTarget[s]
		if res.AllCoreYear[s] <= p.sc.TargetYear {
			core++
		}
	}
	n := float64(len(res.TotalNeed))
	return headline{needMean: sum / n, pAllCore: float64(core) / n, coreMean: coreSum / n}, nil
}

// constantInputs returns input columns of n iterations holding the given values.
func constantInputs(values [model.NumInputs]float64, n int) *[model.NumInputs][]float64 {
	var theta [model.NumInputs][]float64
	for j, v := range values {
		theta[j] = make([]float64, n)
		for s := range theta[j] {
			theta[j][s] = v
		}
	}
	return &theta
}
