package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
	"corecast/report"
)

// Goal-seek levers as --goal-lever names them.
const (
	leverEnvelope = "envelope"
	leverCapacity = "capacity"
	leverBoth     = "both"
)

// analysisFlags are the flags of corecast run that add the analyses of
// DESIGN §7 to each scenario's run.
type analysisFlags struct {
	sensitivity bool
	goalSeek    bool
	goalP       float64
	goalLever   string
	goalTol     float64
}

// register adds the analysis flags to cmd.
func (a *analysisFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&a.sensitivity, "sensitivity", false, "add a sensitivity analysis (tornado and rank correlations) of each scenario")
	fl.BoolVar(&a.goalSeek, "goal-seek", false, "find the least national envelope uplift (or capacity) giving P(all core by target) ≥ --goal-p")
	fl.Float64Var(&a.goalP, "goal-p", 0.8, "probability the goal seek aims for, in (0, 1]")
	fl.StringVar(&a.goalLever, "goal-lever", leverEnvelope, "what the goal seek changes: envelope (envelope_uplift_m), capacity (capacity_starts) or both")
	fl.Float64Var(&a.goalTol, "goal-tolerance", 1, "precision of the envelope uplift the goal seek finds, £m")
}

// check validates the analysis flags as a usage error.
func (a *analysisFlags) check(cmd *cobra.Command) error {
	if !a.goalSeek {
		for _, name := range []string{"goal-p", "goal-lever", "goal-tolerance"} {
			if cmd.Flags().Changed(name) {
				return fmt.Errorf("--%s applies only with --goal-seek", name)
			}
		}
		return nil
	}
	if !(a.goalP > 0 && a.goalP <= 1) {
		return fmt.Errorf("--goal-p %g: want a probability above 0 and at most 1, e.g. 0.8", a.goalP)
	}
	if !(a.goalTol > 0) || math.IsInf(a.goalTol, 0) {
		return fmt.Errorf("--goal-tolerance %g: want an amount in £m above 0, e.g. 1", a.goalTol)
	}
	switch a.goalLever {
	case leverEnvelope, leverCapacity, leverBoth:
		return nil
	}
	return fmt.Errorf("--goal-lever %q: want envelope, capacity or both", a.goalLever)
}

// args are the analysis flags as a command line reproducing them.
func (a *analysisFlags) args() []string {
	var out []string
	if a.sensitivity {
		out = append(out, "--sensitivity")
	}
	if a.goalSeek {
		out = append(out, "--goal-seek", "--goal-p "+strconv.FormatFloat(a.goalP, 'g', -1, 64),
			"--goal-lever "+a.goalLever, "--goal-tolerance "+strconv.FormatFloat(a.goalTol, 'g', -1, 64))
	}
	return out
}

// analyse runs the requested analyses of scenario sc on run, whose Result
// is sc's own run, records them on run and writes a line on each to notes.
func (a *analysisFlags) analyse(ctx context.Context, in model.Inputs, sc model.Scenario, run *report.Run,
	opts forecast.Options, bar *progressBar, notes io.Writer) error {
	if a.sensitivity {
		opts := opts
		opts.Progress = func(done, total int) { bar.show("sensitivity "+sc.Name, done, total) }
		s, err := forecast.Sensitivity(ctx, in, sc, run.Result, opts)
		bar.clear()
		if err != nil {
			return fmt.Errorf("sensitivity: %w", err)
		}
		run.Sensitivity = s
		fmt.Fprintln(notes, sensitivityLine(sc, s))
	}
	if !a.goalSeek {
		return nil
	}
	if a.goalLever != leverCapacity {
		g, err := forecast.GoalSeekUplift(ctx, in, sc, a.goalP, a.goalTol, opts)
		if err != nil {
			return fmt.Errorf("goal seek on the national envelope: %w", err)
		}
		run.GoalSeek = append(run.GoalSeek, g)
		fmt.Fprintln(notes, goalSeekLine(sc, g))
	}
	if a.goalLever != leverEnvelope {
		g, err := forecast.GoalSeekCapacity(ctx, in, sc, a.goalP, opts)
		if err != nil {
			return fmt.Errorf("goal seek on capacity: %w", err)
		}
		run.GoalSeek = append(run.GoalSeek, g)
		fmt.Fprintln(notes, goalSeekLine(sc, g))
	}
	return nil
}

// sensitivityLine summarises a tornado by its three widest bars, e.g.
// "Baseline: total need swings most with optimism_bias (£5,120m to
// £9,470m), ...; 18 runs of 10,000 iterations in 0.61 s".
func sensitivityLine(sc model.Scenario, s *forecast.SensitivityResult) string {
	var parts []string
	for _, b := range s.Bars[:min(3, len(s.Bars))] {
		parts = append(parts, fmt.Sprintf("%s (£%sm to £%sm)", b.Input, format.Thousands(b.NeedLow), format.Thousands(b.NeedHigh)))
	}
	return fmt.Sprintf("%s: sensitivity: mean total need £%sm with every input at P50 swings most with %s; %d runs of %s iterations in %.2f s",
		sc.Name, format.Thousands(s.BaseNeed), strings.Join(parts, ", "), 1+2*len(s.Bars), format.Thousands(float64(s.Iterations)), s.Elapsed.Seconds())
}

// goalSeekLine states a goal-seek answer in one line, e.g. "Baseline: to
// reach P ≥ 80% by 2023-24: +£733m a year on the national envelope (P =
// 81.2%; --set envelope_uplift_m=732.421875 reproduces it; 14 runs in 1.20 s)".
func goalSeekLine(sc model.Scenario, g *forecast.GoalSeekResult) string {
	goal := fmt.Sprintf("P ≥ %s by %s", percent(g.Goal), sc.TargetYear)
	runs := fmt.Sprintf("%d runs in %.2f s", g.Evaluations, g.Elapsed.Seconds())
	capacity := g.Lever == "capacity_starts"
	if !g.Reached {
		what := "envelope uplift"
		if capacity {
			what = "capacity"
		}
		line := fmt.Sprintf("%s: no %s reaches %s: the most any gives is P = %.1f%%, because %s",
			sc.Name, what, goal, 100*g.P, g.Binding)
		if !capacity {
			line += fmt.Sprintf("; +£%sm a year gives that %.1f%% (--set envelope_uplift_m=%s)",
				format.Thousands(g.BestValue), 100*g.P, strconv.FormatFloat(g.BestValue, 'f', -1, 64))
			if g.CapacityNeeded > 0 {
				line += fmt.Sprintf("; the goal becomes reachable at capacity_starts = %d, with +£%sm a year (P = %.1f%%; --set capacity_starts=%d --set envelope_uplift_m=%s)",
					g.CapacityNeeded, format.Thousands(g.CapacityUplift), 100*g.CapacityP, g.CapacityNeeded, strconv.FormatFloat(g.CapacityUplift, 'f', -1, 64))
			}
		}
		return line + " (" + runs + ")"
	}
	set := "--set " + g.Lever + "=" + strconv.FormatFloat(g.Value, 'f', -1, 64)
	if capacity {
		return fmt.Sprintf("%s: to reach %s: capacity_starts = %.0f a year (P = %.1f%%; %s reproduces it; %s)",
			sc.Name, goal, g.Value, 100*g.P, set, runs)
	}
	return fmt.Sprintf("%s: to reach %s: +£%sm a year on the national envelope (P = %.1f%%; %s reproduces it; %s)",
		sc.Name, goal, format.Thousands(math.Ceil(g.Value)), 100*g.P, set, runs)
}

// percent writes a probability as a percentage without needless decimals.
func percent(p float64) string {
	return fmt.Sprintf("%.4g%%", 100*p)
}
