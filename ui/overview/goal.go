package overview

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
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

// goal seeks, after each finished run, the national envelope uplift that
// gets every trust core by the target year with the chosen confidence.
type goal struct {
	choice int     // index into goalChoices
	typed  float64 // a confidence typed with G, which wins over choice; 0 when none
	seeks  *common.Analysis[goalKey, *forecast.GoalSeekResult]
}

func newGoal() goal {
	return goal{choice: defaultGoal, seeks: common.NewAnalysis[goalKey, *forecast.GoalSeekResult]()}
}

// p is the confidence sought.
func (g *goal) p() float64 {
	if g.typed > 0 {
		return g.typed
	}
	return goalChoices[g.choice]
}

// parseConfidence reads a typed confidence: a percentage ("85", "87.5%")
// or a probability ("0.85"), strictly between 0 and 1.
func parseConfidence(text string) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not a confidence: type a percentage such as 85", text)
	}
	if v >= 1 || strings.HasSuffix(strings.TrimSpace(text), "%") {
		v /= 100
	}
	if !(v > 0 && v < 1) {
		return 0, fmt.Errorf("%q: want a confidence above 0%% and below 100%%", text)
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
	in, sc := m.ctx.Inputs, k.res.Scenario.Clone()
	opts := forecast.Options{Workers: m.ctx.Workers}
	return m.goal.seeks.Ensure(k, func(ctx context.Context, _ func(done, total int)) (*forecast.GoalSeekResult, error) {
		return forecast.GoalSeekUplift(ctx, in, sc, k.p, goalTolerance, opts)
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

// uplift is the answer rounded up to the whole £m it is shown and applied
// in; rounding up keeps P at or above the goal.
func uplift(a *forecast.GoalSeekResult) float64 { return math.Ceil(a.Value - 1e-9) }

// apply sets the scenario's envelope_uplift_m to the answer, which
// recomputes the forecast.
func (m *Model) apply() tea.Cmd {
	a, _ := m.goal.seeks.Value(m.goalKey())
	sc := m.ctx.Scenario()
	switch {
	case a == nil:
		m.note = "The goal seek has not finished yet."
		return nil
	case !a.Reached:
		m.note = "Nothing to apply: no envelope uplift reaches the goal."
		return nil
	case uplift(a) == sc.EnvelopeUpliftM && !sc.UpliftIsTable():
		m.note = "The scenario already has this uplift."
		return nil
	}
	next := sc.Clone()
	v := strconv.FormatFloat(uplift(a), 'f', -1, 64)
	if err := next.SetValue("envelope_uplift_m", model.Value{Num: uplift(a)}); err != nil {
		m.note = err.Error()
		return nil
	}
	if err := next.Validate(); err != nil {
		m.note = err.Error()
		return nil
	}
	*sc = next
	m.note = "Applied: envelope_uplift_m = " + v + " in " + sc.Name + "; recomputing."
	return func() tea.Msg { return common.ScenarioEditedMsg{} }
}
