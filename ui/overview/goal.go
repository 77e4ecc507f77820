package overview

import (
	"context"
	"fmt"
	"maps"
	"math"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
	"corecast/report"
	"corecast/ui/common"
)

// goalChoices are the confidence levels g steps through; 80% is DESIGN §7's
// default.
var goalChoices = [...]float64{0.5, 0.8, 0.9, 0.95}

// defaultGoal indexes goalChoices.
const defaultGoal = 1

// goalTolerance is the precision of the uplift, £m a year: finer than the
// whole £m it is shown and applied in.
const goalTolerance = 1.0

// goalKey names one goal seek: a run and a confidence level.
type goalKey struct {
	res *forecast.Result
	p   float64
}

// goal seeks, after each finished run, the national money by year that
// gets every trust core by the target year with the chosen confidence.
type goal struct {
	choice int     // index into goalChoices
	typed  float64 // a confidence typed with G, which wins over choice; 0 when none
	seeks  *common.Analysis[goalKey, *goalAnswer]
}

// goalAnswer is the Overview's answer (DESIGN §7, "The answer is money by
// year"): the phased uplift with the least money over base_year …
// target_year, the uniform one beside it, and each as money by year from
// its own run. When no uplift reaches the goal, Uniform says what binds and
// Pair is the capacity-and-money answer that would reach it, if any.
type goalAnswer struct {
	Phased       *forecast.PhasedResult
	Uniform      *forecast.GoalSeekResult
	PhasedMoney  *forecast.Investment // nil when the goal is out of reach
	UniformMoney *forecast.Investment // nil when the goal is out of reach
	Pair         *forecast.Investment // the capacity-and-money answer, when out of reach
}

func newGoal() goal {
	return goal{choice: defaultGoal, seeks: common.NewAnalysis[goalKey, *goalAnswer]()}
}

// seekGoal finds the Overview's answer for run res at confidence p.
func seekGoal(ctx context.Context, in model.Inputs, res *forecast.Result, p float64, opts forecast.Options) (*goalAnswer, error) {
	sc := res.Scenario.Clone()
	ph, err := forecast.GoalSeekPhased(ctx, in, sc, p, goalTolerance, forecast.ObjectiveTotal, opts)
	if err != nil {
		return nil, err
	}
	a := &goalAnswer{Phased: ph, Uniform: ph.Uniform}
	money := func(answer func(model.Scenario) (model.Scenario, bool), name string) (*forecast.Investment, error) {
		next, ok := answer(sc)
		if !ok {
			return nil, nil
		}
		return forecast.InvestmentNeeded(ctx, in, res, next, name, opts)
	}
	if ph.Reached {
		if a.PhasedMoney, err = money(ph.Answer, report.AnswerPhased); err != nil {
			return nil, err
		}
		a.UniformMoney, err = money(ph.Uniform.Answer, report.AnswerUniform)
		return a, err
	}
	a.Pair, err = money(ph.Uniform.Answer, report.AnswerPair)
	return a, err
}

// exportGoal puts into an export the answer shown for run res, at the
// confidence chosen, as a batch run's phased goal seek records it: the
// phased search with its uniform answer, and each as money by year.
func (m *Model) exportGoal(res *forecast.Result, into *common.Analyses) {
	a, ok := m.goal.seeks.Value(goalKey{res, m.goal.p()})
	if !ok {
		return
	}
	into.Phased, into.GoalSeek = a.Phased, []*forecast.GoalSeekResult{a.Uniform}
	for _, iv := range []*forecast.Investment{a.PhasedMoney, a.UniformMoney, a.Pair} {
		if iv != nil {
			into.Investment = append(into.Investment, iv)
		}
	}
}

// p is the confidence sought.
func (g *goal) p() float64 {
	if g.typed > 0 {
		return g.typed
	}
	return goalChoices[g.choice]
}

// parseConfidence reads a typed confidence as it is meant (DESIGN §8): a
// percentage ("90", "87.5", "90%") or a fraction ("0.9"). A bare 1 could be
// either 1% or 100%, and 100% cannot be sought, so it is refused; so is
// anything from 100% up, or not above 0.
func parseConfidence(text string) (float64, error) {
	t := strings.TrimSpace(text)
	pct := strings.HasSuffix(t, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, fmt.Errorf("%q is not a confidence: type a percentage such as 90 or 87.5%%, or a fraction such as 0.9", t)
	case v == 1 && !pct:
		return 0, fmt.Errorf("%q is ambiguous, 1%% or 100%%, and 100%% is not possible: type 99 or 0.99 for 99%%, or 1%% for 1%%", t)
	case pct || v > 1:
		v /= 100
	}
	if !(v > 0 && v < 1) {
		return 0, fmt.Errorf("%q: want a confidence above 0%% and below 100%%, such as 90", t)
	}
	return v, nil
}

// key is the goal seek of the shown run at the chosen confidence.
func (m *Model) goalKey() goalKey { return goalKey{m.ctx.Result(), m.goal.p()} }

// ensureGoal starts the goal seek of the shown run unless it is done, in
// flight, or a new run is coming.
func (m *Model) ensureGoal() tea.Cmd {
	k := m.goalKey()
	if k.res == nil || m.ctx.Running {
		return nil
	}
	in := m.ctx.Inputs
	opts := forecast.Options{Workers: m.ctx.Workers}
	return m.goal.seeks.Ensure(k, func(ctx context.Context, _ func(done, total int)) (*goalAnswer, error) {
		return seekGoal(ctx, in, k.res, k.p, opts)
	})
}

// pruneGoals forgets answers for runs no scenario shows any more.
func (m *Model) pruneGoals() {
	kept := map[*forecast.Result]bool{}
	for _, r := range m.ctx.Results {
		kept[r] = true
	}
	m.goal.seeks.Prune(func(k goalKey) bool { return kept[k.res] })
}

// apply sets the scenario to the answer shown first — the phased table
// (replacing the whole uplift), or when no uplift is enough the capacity
// and uplift that would reach the goal, both in one step of the
// scenario's history, which u undoes — and recomputes the forecast.
func (m *Model) apply() tea.Cmd {
	a, _ := m.goal.seeks.Value(m.goalKey())
	sc := m.ctx.Scenario()
	if a == nil {
		m.note = "The goal seek has not finished yet."
		return nil
	}
	next, ok := a.Phased.Answer(*sc)
	what := "the uplift by year"
	if !a.Phased.Reached {
		next, ok = a.Uniform.Answer(*sc)
		what = fmt.Sprintf("capacity_starts = %d and envelope_uplift_m = %s", a.Uniform.CapacityNeeded, format.Thousands(a.Uniform.CapacityUplift))
	}
	switch {
	case !ok:
		m.note = "Nothing to apply: " + report.WhatBinds(a.Uniform, *sc) + "."
		return nil
	case sameAnswer(next, *sc):
		m.note = "The scenario already has this answer."
		return nil
	}
	if err := next.Validate(); err != nil {
		m.note = err.Error()
		return nil
	}
	next.SourceChanges(*sc, model.Source{Kind: model.FromAnalysis, Detail: "the Overview's goal seek for " + format.Percent(a.Phased.Goal) + " confidence"})
	m.note = "Applied " + what + " to " + sc.Name + "; recomputing (u undoes it)."
	return m.ctx.Change("the goal seek's answer", next)
}

// sameAnswer reports whether a and b have the same capacity and uplift.
func sameAnswer(a, b model.Scenario) bool {
	return a.CapacityStarts == b.CapacityStarts && a.EnvelopeUpliftM == b.EnvelopeUpliftM && maps.Equal(a.EnvelopeUpliftByYear, b.EnvelopeUpliftByYear)
}
