package report

import (
	"context"
	"fmt"

	"corecast/forecast"
	"corecast/model"
)

// Apply computes the analyses of run's scenario on inputs in and records
// them on run, whose Result is that scenario's own run: the sensitivity,
// the frontier and the goal seeks in a's order, then the answers a lists
// as money by year. progress, if set, hears how far the longer analyses
// are, with a label naming each. Every analysis is a function of the
// inputs, scenario and settings alone, so Apply on the same run gives the
// same numbers, which is how an export is verified.
func (a Analyses) Apply(ctx context.Context, in model.Inputs, run *Run, opts forecast.Options, progress func(label string, done, total int)) error {
	sc := run.Result.Scenario
	with := func(label string) forecast.Options {
		o := opts
		if progress != nil {
			o.Progress = func(done, total int) { progress(label, done, total) }
		}
		return o
	}
	if a.Sensitivity {
		s, err := forecast.Sensitivity(ctx, in, sc, run.Result, with("sensitivity"))
		if err != nil {
			return fmt.Errorf("sensitivity: %w", err)
		}
		run.Sensitivity = s
	}
	if a.Frontier != nil {
		f, err := forecast.Frontier(ctx, in, sc, *a.Frontier, with("frontier"))
		if err != nil {
			return fmt.Errorf("frontier: %w", err)
		}
		run.Frontier = f
	}
	for _, g := range a.GoalSeeks {
		if err := g.apply(ctx, in, run, opts); err != nil {
			return err
		}
	}
	if a.Phased != nil {
		ph, err := forecast.GoalSeekPhased(ctx, in, sc, a.Phased.P, a.Phased.ToleranceM, a.Phased.Objective, opts)
		if err != nil {
			return fmt.Errorf("phased goal seek: %w", err)
		}
		run.Phased = ph
	}
	for _, k := range a.Investment {
		answer, name, err := answerOf(run, k)
		if err != nil {
			return err
		}
		if err := invest(ctx, in, run, answer, name, opts); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one goal seek and records it on run.
func (g GoalSeek) apply(ctx context.Context, in model.Inputs, run *Run, opts forecast.Options) error {
	sc := run.Result.Scenario
	switch g.Lever {
	case LeverPhased:
		ph, err := forecast.GoalSeekPhased(ctx, in, sc, g.P, g.ToleranceM, g.Objective, opts)
		if err != nil {
			return fmt.Errorf("phased goal seek: %w", err)
		}
		run.Phased = ph
		run.GoalSeek = append(run.GoalSeek, ph.Uniform)
	case LeverCapacity:
		r, err := forecast.GoalSeekCapacity(ctx, in, sc, g.P, opts)
		if err != nil {
			return fmt.Errorf("goal seek on capacity: %w", err)
		}
		run.GoalSeek = append(run.GoalSeek, r)
	default:
		r, err := forecast.GoalSeekUplift(ctx, in, sc, g.P, g.ToleranceM, opts)
		if err != nil {
			return fmt.Errorf("goal seek on the national envelope: %w", err)
		}
		run.GoalSeek = append(run.GoalSeek, r)
	}
	return nil
}

// answerOf is the answer an entry of Analyses.Investment names, with the
// name its money by year goes under.
func answerOf(run *Run, k int) (func(model.Scenario) (model.Scenario, bool), string, error) {
	switch {
	case k == InvestPhased && run.Phased != nil:
		return run.Phased.Answer, AnswerPhased, nil
	case k == InvestPhasedUniform && run.Phased != nil && run.Phased.Uniform != nil:
		return run.Phased.Uniform.Answer, AnswerName(run.Phased.Uniform), nil
	case k >= 1 && k <= len(run.GoalSeek):
		g := run.GoalSeek[k-1]
		return g.Answer, AnswerName(g), nil
	}
	return nil, "", fmt.Errorf("investment needed: the export names an answer its goal seeks do not give, so it cannot be computed again")
}

// InvestEveryAnswer sets out every answer of run's goal seeks as money by
// year, as a batch run does: the phased one first, then each goal seek's
// in order. A goal seek with nothing to apply (its goal out of reach at
// any capacity) has none.
func InvestEveryAnswer(ctx context.Context, in model.Inputs, run *Run, opts forecast.Options) error {
	if run.Phased != nil {
		if err := invest(ctx, in, run, run.Phased.Answer, AnswerPhased, opts); err != nil {
			return err
		}
	}
	for _, g := range run.GoalSeek {
		if err := invest(ctx, in, run, g.Answer, AnswerName(g), opts); err != nil {
			return err
		}
	}
	return nil
}

// invest runs an answer applied to run's scenario and records it on run
// as money by year; nothing when the answer has nothing to apply.
func invest(ctx context.Context, in model.Inputs, run *Run, answer func(model.Scenario) (model.Scenario, bool), name string, opts forecast.Options) error {
	sc, ok := answer(run.Result.Scenario)
	if !ok {
		return nil
	}
	iv, err := forecast.InvestmentNeeded(ctx, in, run.Result, sc, name, opts)
	if err != nil {
		return fmt.Errorf("investment needed: %w", err)
	}
	run.Investment = append(run.Investment, iv)
	return nil
}
