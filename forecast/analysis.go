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
