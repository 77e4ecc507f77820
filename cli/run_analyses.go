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

// Goal-seek levers as --goal-lever names them: report's names, as the
// Manifest records them, and both.
const (
	leverEnvelope = report.LeverEnvelope
	leverCapacity = report.LeverCapacity
	leverBoth     = "both"
	leverPhased   = report.LeverPhased
)

// analysisFlags are the flags of corecast run that add the analyses of
// DESIGN §7 to each scenario's run.
type analysisFlags struct {
	sensitivity bool
	goalSeek    bool
	goalP       float64
	goalLever   string
	goalTol     float64
	goalObj     string
	frontier    bool
	front       forecast.FrontierOptions
}

// register adds the analysis flags to cmd.
func (a *analysisFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&a.sensitivity, "sensitivity", false, "add a sensitivity analysis (tornado and rank correlations) of each scenario")
	fl.BoolVar(&a.goalSeek, "goal-seek", false, "find the least national envelope uplift (or capacity) giving P(all core by target) ≥ --goal-p")
	fl.Float64Var(&a.goalP, "goal-p", 0.8, "probability the goal seek aims for, in (0, 1]")
	fl.StringVar(&a.goalLever, "goal-lever", leverEnvelope, "what the goal seek changes: envelope (envelope_uplift_m), capacity (capacity_starts), both, or phased (the uplift year by year)")
	fl.Float64Var(&a.goalTol, "goal-tolerance", 1, "precision of the envelope uplift the goal seek finds, £m")
	fl.StringVar(&a.goalObj, "goal-objective", forecast.ObjectiveTotal, "what the phased goal seek makes least: total or pv (present value)")
	fl.BoolVar(&a.frontier, "frontier", false, "add the investment frontier (P over uplift × capacity) and the price of confidence")
	fl.Float64Var(&a.front.UpliftMax, "frontier-uplift-max", 0, "largest uniform uplift on the frontier's grid, £m a year (default: where P stops rising)")
	fl.IntVar(&a.front.UpliftSteps, "frontier-uplift-steps", 16, "uplift points on the frontier's grid")
	fl.IntVar(&a.front.CapacityMin, "frontier-capacity-min", 40, "smallest capacity_starts on the frontier's grid")
	fl.IntVar(&a.front.CapacityMax, "frontier-capacity-max", 320, "largest capacity_starts on the frontier's grid")
	fl.IntVar(&a.front.CapacitySteps, "frontier-capacity-steps", 8, "capacity points on the frontier's grid")
}

// check validates the analysis flags as a usage error.
func (a *analysisFlags) check(cmd *cobra.Command) error {
	if !a.frontier {
		for _, name := range []string{"frontier-uplift-max", "frontier-uplift-steps", "frontier-capacity-min", "frontier-capacity-max", "frontier-capacity-steps"} {
			if cmd.Flags().Changed(name) {
				return fmt.Errorf("--%s applies only with --frontier", name)
			}
		}
	} else if err := a.checkFrontier(); err != nil {
		return err
	}
	if !a.goalSeek {
		for _, name := range []string{"goal-lever", "goal-tolerance", "goal-objective"} {
			if cmd.Flags().Changed(name) {
				return fmt.Errorf("--%s applies only with --goal-seek", name)
			}
		}
		if cmd.Flags().Changed("goal-p") && !a.frontier {
			return fmt.Errorf("--goal-p applies only with --goal-seek or --frontier")
		}
		return a.checkP()
	}
	if a.goalObj != forecast.ObjectiveTotal && a.goalObj != forecast.ObjectivePV {
		return fmt.Errorf("--goal-objective %q: want total or pv", a.goalObj)
	}
	if cmd.Flags().Changed("goal-objective") && a.goalLever != leverPhased {
		return fmt.Errorf("--goal-objective applies only with --goal-lever phased")
	}
	if err := a.checkP(); err != nil {
		return err
	}
	if !(a.goalTol > 0) || math.IsInf(a.goalTol, 0) {
		return fmt.Errorf("--goal-tolerance %g: want an amount in £m above 0, e.g. 1", a.goalTol)
	}
	switch a.goalLever {
	case leverEnvelope, leverCapacity, leverBoth, leverPhased:
		return nil
	}
	return fmt.Errorf("--goal-lever %q: want envelope, capacity, both or phased", a.goalLever)
}

// checkP checks the goal probability: any p in (0, 1).
func (a *analysisFlags) checkP() error {
	if !(a.goalP > 0 && a.goalP < 1) {
		return fmt.Errorf("--goal-p %g: want a probability above 0 and below 1, e.g. 0.8", a.goalP)
	}
	return nil
}

// checkFrontier checks the frontier's grid.
func (a *analysisFlags) checkFrontier() error {
	f := a.front
	switch {
	case f.UpliftMax < 0 || math.IsNaN(f.UpliftMax) || math.IsInf(f.UpliftMax, 0):
		return fmt.Errorf("--frontier-uplift-max %g: want £m a year, 0 or more (0 finds where P stops rising)", f.UpliftMax)
	case f.UpliftSteps < 2 || f.UpliftSteps > 200:
		return fmt.Errorf("--frontier-uplift-steps %d: want 2 to 200", f.UpliftSteps)
	case f.CapacitySteps < 1 || f.CapacitySteps > 100:
		return fmt.Errorf("--frontier-capacity-steps %d: want 1 to 100", f.CapacitySteps)
	case f.CapacityMin < 1 || f.CapacityMax > 100_000 || f.CapacityMax < f.CapacityMin:
		return fmt.Errorf("--frontier-capacity-min %d and --frontier-capacity-max %d: want 1 ≤ min ≤ max ≤ 100,000", f.CapacityMin, f.CapacityMax)
	}
	return nil
}

// args are the analysis flags as a command line reproducing them.
func (a *analysisFlags) args() []string {
	var out []string
	if a.sensitivity {
		out = append(out, "--sensitivity")
	}
	goalP := "--goal-p " + strconv.FormatFloat(a.goalP, 'g', -1, 64)
	if a.goalSeek {
		out = append(out, "--goal-seek", goalP, "--goal-lever "+a.goalLever, "--goal-tolerance "+strconv.FormatFloat(a.goalTol, 'g', -1, 64))
		if a.goalLever == leverPhased {
			out = append(out, "--goal-objective "+a.goalObj)
		}
	}
	if a.frontier {
		f := a.front
		out = append(out, "--frontier")
		if !a.goalSeek {
			out = append(out, goalP)
		}
		out = append(out, "--frontier-uplift-max "+strconv.FormatFloat(f.UpliftMax, 'g', -1, 64),
			"--frontier-uplift-steps "+strconv.Itoa(f.UpliftSteps), "--frontier-capacity-min "+strconv.Itoa(f.CapacityMin),
			"--frontier-capacity-max "+strconv.Itoa(f.CapacityMax), "--frontier-capacity-steps "+strconv.Itoa(f.CapacitySteps))
	}
	return out
}

// settings are the analyses the flags ask for, as report records them.
func (a *analysisFlags) settings() report.Analyses {
	var set report.Analyses
	set.Sensitivity = a.sensitivity
	if a.frontier {
		fo := a.front
		fo.Goal = a.goalP
		set.Frontier = &fo
	}
	if !a.goalSeek {
		return set
	}
	switch a.goalLever {
	case leverPhased:
		set.GoalSeeks = append(set.GoalSeeks, report.GoalSeek{Lever: report.LeverPhased, P: a.goalP, ToleranceM: a.goalTol, Objective: a.goalObj})
	case leverBoth:
		set.GoalSeeks = append(set.GoalSeeks, report.GoalSeek{Lever: report.LeverEnvelope, P: a.goalP, ToleranceM: a.goalTol},
			report.GoalSeek{Lever: report.LeverCapacity, P: a.goalP})
	case leverCapacity:
		set.GoalSeeks = append(set.GoalSeeks, report.GoalSeek{Lever: report.LeverCapacity, P: a.goalP})
	default:
		set.GoalSeeks = append(set.GoalSeeks, report.GoalSeek{Lever: report.LeverEnvelope, P: a.goalP, ToleranceM: a.goalTol})
	}
	return set
}

// analyse runs the requested analyses of scenario sc on run, whose Result
// is sc's own run, records them on run with every goal seek's answer as
// money by year, and writes a line on each to notes. The analyses are
// computed by report, as corecast verify computes them again.
func (a *analysisFlags) analyse(ctx context.Context, in model.Inputs, sc model.Scenario, run *report.Run,
	opts forecast.Options, bar *progressBar, notes io.Writer) error {
	err := a.settings().Apply(ctx, in, run, opts, func(label string, done, total int) { bar.show(label+" "+sc.Name, done, total) })
	bar.clear()
	if err != nil {
		return err
	}
	if err := report.InvestEveryAnswer(ctx, in, run, opts); err != nil {
		return err
	}
	if run.Sensitivity != nil {
		fmt.Fprintln(notes, sensitivityLine(sc, run.Sensitivity))
	}
	if run.Frontier != nil {
		fmt.Fprintln(notes, frontierLine(sc, run.Frontier))
	}
	if ph := run.Phased; ph != nil {
		fmt.Fprintln(notes, phasedLine(sc, ph, investmentOf(run, report.AnswerPhased), investmentOf(run, report.AnswerName(ph.Uniform))))
		return nil
	}
	for _, g := range run.GoalSeek {
		fmt.Fprintln(notes, goalSeekLine(sc, g, investmentOf(run, report.AnswerName(g))))
	}
	return nil
}

// investmentOf is the run's answer of the given name as money by year, or
// nil when it has none.
func investmentOf(run *report.Run, name string) *forecast.Investment {
	for _, iv := range run.Investment {
		if iv.Answer == name {
			return iv
		}
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

// goalSeekLine states a goal-seek answer in one line, with the money it
// means over the plan's window when iv (the answer's run) is known, e.g.
// "Baseline: to reach P ≥ 80% by 2023-24: +£771m a year on the national
// envelope, £3.86bn over 2019-20 to 2023-24 of headroom, which brings
// £1.20bn more national spend into 2019-20 to 2023-24 (P = 80.3%; …)".
func goalSeekLine(sc model.Scenario, g *forecast.GoalSeekResult, iv *forecast.Investment) string {
	goal := fmt.Sprintf("P ≥ %s by %s", format.Confidence(g.Goal), sc.TargetYear)
	runs := fmt.Sprintf("%d runs in %.2f s", g.Evaluations, g.Elapsed.Seconds())
	capacity := g.Lever == forecast.LeverCapacity
	if !g.Reached {
		what := "envelope uplift"
		if capacity {
			what = "capacity"
		}
		line := fmt.Sprintf("%s: no %s reaches %s: the most any gives is P = %.1f%%: %s",
			sc.Name, what, goal, 100*g.P, report.WhatBinds(g, sc))
		if !capacity {
			line += fmt.Sprintf("; +£%sm a year gives that %.1f%% (--set envelope_uplift_m=%s)",
				format.Thousands(g.BestValue), 100*g.P, strconv.FormatFloat(g.BestValue, 'f', -1, 64))
			if g.CapacityNeeded > 0 {
				line += fmt.Sprintf("; the goal becomes reachable at %d starts a year with +£%sm a year (P = %.1f%%; --set capacity_starts=%d --set envelope_uplift_m=%s)",
					g.CapacityNeeded, format.Thousands(g.CapacityUplift), 100*g.CapacityP, g.CapacityNeeded, strconv.FormatFloat(g.CapacityUplift, 'f', -1, 64))
				if h := report.Headroom(iv); h != "" {
					line += ", " + h
				}
				line += report.SpendClause(iv)
			}
		}
		return line + " (" + runs + ")"
	}
	set := "--set " + g.Lever + "=" + strconv.FormatFloat(g.Value, 'f', -1, 64)
	return fmt.Sprintf("%s: to reach %s: %s (P = %.1f%%; %s reproduces it; %s)",
		sc.Name, goal, report.GoalSeekAnswer(g, iv, sc), 100*g.P, set, runs)
}

// frontierLine summarises the frontier: the price of the goal at the
// scenario's capacity and the ceiling there, and the frontier line.
func frontierLine(sc model.Scenario, f *forecast.FrontierResult) string {
	var line []string
	for _, pt := range f.Line {
		if pt.Reached {
			line = append(line, fmt.Sprintf("%d starts: +£%sm", pt.Capacity, format.Thousands(pt.Uplift)))
		} else {
			line = append(line, fmt.Sprintf("%d starts: none (at most %.1f%%)", pt.Capacity, 100*pt.P))
		}
	}
	price := ""
	for _, pp := range f.Price {
		if pp.Goal == f.Goal || math.Abs(pp.Goal-f.Goal) < 1e-9 {
			if pp.Reached {
				price = fmt.Sprintf("at %d starts a year, P ≥ %s needs +£%sm a year; ", f.Capacity, format.Confidence(f.Goal), format.Thousands(pp.Uplift))
			}
		}
	}
	ceiling := fmt.Sprintf("no uplift takes P above %.1f%% at %d starts (reached from +£%sm)", 100*f.Ceiling, f.Capacity, format.Thousands(f.CeilingUplift))
	if f.Ceiling >= 1 {
		ceiling = fmt.Sprintf("at %d starts P reaches 100%% from +£%sm", f.Capacity, format.Thousands(f.CeilingUplift))
	}
	return fmt.Sprintf("%s: frontier: %s%s; least uplift for P ≥ %s by capacity: %s (%d runs of %s iterations in %.2f s)",
		sc.Name, price, ceiling, format.Confidence(f.Goal), strings.Join(line, ", "),
		f.Evaluations, format.Thousands(float64(f.Iterations)), f.Elapsed.Seconds())
}

// phasedLine states the phased goal seek's answer as money by year beside
// the uniform one over the same years, with the --set lines that
// reproduce it; phased and uniform are the answers' runs.
func phasedLine(sc model.Scenario, ph *forecast.PhasedResult, phased, uniform *forecast.Investment) string {
	if !ph.Reached {
		return goalSeekLine(sc, ph.Uniform, uniform) + "; so no phasing reaches it either"
	}
	sets := make([]string, 0, len(ph.Years))
	for _, l := range ph.SetLines() {
		sets = append(sets, "--set "+l)
	}
	capped := ""
	if ph.Capped {
		capped = fmt.Sprintf("; the search stopped at its limit after %s runs, before settling (a coarser --goal-tolerance lets it finish)", format.Thousands(float64(ph.Evaluations)))
	}
	first, last := ph.Years[0], ph.Years[len(ph.Years)-1]
	return fmt.Sprintf("%s: to reach P ≥ %s by %s (phased, least %s): %s (phased: P = %.1f%%, PV %s); that saves %s on the uniform answer over %s to %s (PV %s)%s; reproduce with %s",
		sc.Name, format.Confidence(ph.Goal), sc.TargetYear, ph.Objective, report.PhasedAnswer(ph, phased), 100*ph.P, format.Money(ph.PV),
		format.Money(ph.UniformTotal-ph.Total), first, last, format.Money(ph.UniformPV-ph.PV), capped, strings.Join(sets, " "))
}
