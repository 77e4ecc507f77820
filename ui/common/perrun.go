package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
)

// RunAnalysis is a screen's analysis of the shown run, such as the
// Sensitivity screen's tornado or the Frontier screen's grid: it runs when
// the screen is shown and its run has none yet (never while a forecast is
// in flight, whose result would make it stale), is kept per run and
// forgotten with the run, and is cancelled by a new forecast or the end of
// the program. A screen hands it every message and reads its outcome.
type RunAnalysis[T any] struct {
	*Analysis[*forecast.Result, T]
	ctx    *Context
	active bool
	work   func(res *forecast.Result) Work[T]
}

// NewRunAnalysis returns the analysis that work makes of a run.
func NewRunAnalysis[T any](ctx *Context, work func(res *forecast.Result) Work[T]) *RunAnalysis[T] {
	return &RunAnalysis[T]{Analysis: NewAnalysis[*forecast.Result, T](), ctx: ctx, work: work}
}

// Update starts, cancels, prunes and takes the outcome of the analysis as
// msg requires; other messages pass through untouched.
func (a *RunAnalysis[T]) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case FocusMsg:
		a.active = msg.Active
		return a.Ensure()
	case ResultShownMsg:
		a.prune()
		if a.Running() && !a.RunningFor(a.ctx.Result()) {
			a.Cancel()
		}
		return a.Ensure()
	case RunStartedMsg, StopMsg:
		a.Cancel()
		return nil
	}
	return a.Analysis.Update(msg)
}

// Current returns the analysis of the shown run, if it has one.
func (a *RunAnalysis[T]) Current() (T, bool) { return a.Value(a.ctx.Result()) }

// Ensure starts the analysis of the shown run if the screen is shown and
// the run has none yet.
func (a *RunAnalysis[T]) Ensure() tea.Cmd {
	res := a.ctx.Result()
	if !a.active || res == nil || a.ctx.Running {
		return nil
	}
	return a.Analysis.Ensure(res, a.work(res))
}

// Rerun analyses the shown run again, even if it has been analysed.
func (a *RunAnalysis[T]) Rerun() tea.Cmd {
	res := a.ctx.Result()
	if res == nil || a.ctx.Running {
		return nil
	}
	return a.Analysis.Rerun(res, a.work(res))
}

// prune forgets analyses of runs no scenario shows any more.
func (a *RunAnalysis[T]) prune() {
	kept := map[*forecast.Result]bool{}
	for _, r := range a.ctx.Results {
		kept[r] = true
	}
	a.Prune(func(r *forecast.Result) bool { return kept[r] })
}
