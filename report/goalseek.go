package report

import (
	"corecast/forecast"
	"fmt"
	"math"
	"strconv"
)

// goalSeekNotes explain the GoalSeek sheet.
var goalSeekNotes = []string{
	"Goal seek: the smallest value of the lever that gives P(all trusts core by target_year) ≥ goal. envelope_uplift_m is £m a year added to every year's national envelope, searched from 0 whatever the scenario's own uplift; capacity_starts is the most trusts that can start deployment in a year.",
	"Every trial uses the scenario's seed and iterations, so the draws are common random numbers and P moves only because the lever does. The uplift is bracketed by doubling and bisected until the bracket is narrower than tolerance_m; capacity is searched over whole starts.",
	"answer states it as money: an uplift is headroom, not spend, so it gives the headroom over the plan's window and the national spend the answer brings into it (the InvestmentNeeded sheet sets it out year by year).",
	"To reproduce: add the reproduce text (e.g. --set envelope_uplift_m=X) to the command in the Manifest; the run's P(all core) is then p. When reached is no, no value of the lever reaches the goal: binding says what stops it and p is the highest P any value gives; best_value is the least uplift that gives it, capacity_needed the least capacity_starts at which the goal becomes reachable and capacity_uplift_m the least uplift that reaches it there (P capacity_p; the reproduce text sets both).",
}

// goalSeekSheet lists the goal-seek answers of every run that has any. It
// applies only when some run has one.
func goalSeekSheet(b *book) *sheet {
	total := 0
	for _, r := range b.runs {
		total += len(r.GoalSeek)
	}
	if total == 0 {
		return nil
	}
	cols := []column{{name: "lever"}, {name: "target_year"}, {name: "reached"}, {name: "goal", kind: kPercent}, {name: "p", kind: kPercent},
		{name: "value", kind: kNumber}, {name: "unit"}, {name: "reproduce"}, {name: "evaluations", kind: kCount}, {name: "iterations", kind: kCount},
		{name: "tolerance_m", kind: kMoney}, {name: "best_value", kind: kMoney}, {name: "capacity_needed", kind: kCount},
		{name: "capacity_uplift_m", kind: kMoney}, {name: "capacity_p", kind: kPercent}, {name: "binding", wrap: true}, {name: "answer", wrap: true}}
	t, _ := b.stacked("goal_seek", cols,
		func(k int) int { return len(b.runs[k].GoalSeek) },
		func(k, j int, dst []any) {
			g := b.runs[k].GoalSeek[j]
			unit, valueKind := "£m a year", kMoney
			tolerance := g.ToleranceM
			if g.Lever == forecast.LeverCapacity {
				unit, valueKind, tolerance = "starts a year", kCount, math.NaN()
			}
			value, reached, reproduce := math.NaN(), "no", ""
			if g.Reached {
				value, reached = g.Value, "yes"
				reproduce = "--set " + g.Lever + "=" + strconv.FormatFloat(g.Value, 'f', -1, 64)
			}
			best, capNeeded, capUplift, capP := math.NaN(), any(nil), math.NaN(), math.NaN()
			if !g.Reached && g.Lever == forecast.LeverEnvelope {
				best = g.BestValue
				if g.CapacityNeeded > 0 {
					capNeeded, capUplift, capP = g.CapacityNeeded, g.CapacityUplift, g.CapacityP
					reproduce = fmt.Sprintf("--set capacity_starts=%d --set envelope_uplift_m=%s", g.CapacityNeeded, strconv.FormatFloat(g.CapacityUplift, 'f', -1, 64))
				}
			}
			copy(dst, []any{g.Lever, b.runs[k].Result.Scenario.TargetYear.String(), reached, g.Goal, g.P,
				cell{value, valueKind}, unit, reproduce, g.Evaluations, g.Iterations, tolerance, best, capNeeded, capUplift, capP, WhatBinds(g, b.runs[k].Result.Scenario),
				GoalSeekAnswer(g, InvestmentFor(b.runs[k], g), b.runs[k].Result.Scenario)})
		})
	return &sheet{name: SheetGoalSeek, notes: goalSeekNotes, tables: []*table{t}}
}
