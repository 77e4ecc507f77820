package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/common"
)

// runner starts forecasts of the current scenario in the background, one
// at a time, on a common.Job: starting a run cancels the one in flight, and
// a finished run is used only if it is the latest, so results never arrive
// out of order. Edits are debounced, and an edit cancels the run in flight,
// which is of the scenario before it.
type runner struct {
	ctx      *common.Context
	workers  int
	debounce time.Duration
	job      common.Job[*forecast.Result]
	editSeq  int // of the latest edit, for the debounce
	// started, when set, is told the scenario of every run started.
	started func(model.Scenario)
	// precision, when its Target is above 0, runs each scenario from its
	// iterations up, doubling, to that precision (forecast.RunToPrecision).
	precision forecast.Precision
}

// debounceMsg fires a debounce period after edit seq.
type debounceMsg struct{ seq int }

// runDoneMsg carries a finished (or failed, or cancelled) run.
type runDoneMsg = common.JobDone[*forecast.Result]

func newRunner(ctx *common.Context, cfg config) runner {
	return runner{ctx: ctx, workers: cfg.workers, debounce: cfg.debounce, started: cfg.runStarted, precision: cfg.precision}
}

// edited schedules a run a debounce period from now; a later edit
// supersedes it. The run in flight is of the scenario as it was before the
// edit — a value part-typed, say — so it is cancelled: its figures must not
// be shown as the new value's.
func (r *runner) edited() tea.Cmd {
	r.job.Cancel()
	r.editSeq++
	seq := r.editSeq
	if r.debounce <= 0 {
		return func() tea.Msg { return debounceMsg{seq: seq} }
	}
	return tea.Tick(r.debounce, func(time.Time) tea.Msg { return debounceMsg{seq: seq} })
}

// due reports whether a debounce message belongs to the latest edit.
func (r *runner) due(m debounceMsg) bool { return m.seq == r.editSeq }

// start cancels any run in flight and starts one for the current scenario,
// which the context records as the scenario running.
func (r *runner) start() tea.Cmd {
	sc, in, workers := r.ctx.Scenario().Clone(), r.ctx.Inputs, r.workers
	if r.started != nil {
		r.started(sc.Clone())
	}
	prec := r.precision
	cmd := r.job.Start(func(ctx context.Context, progress func(done, total int)) (*forecast.Result, error) {
		opts := forecast.Options{Workers: workers, Progress: progress}
		if prec.Target > 0 {
			return forecast.RunToPrecision(ctx, in, sc, prec, opts, nil)
		}
		return forecast.Run(ctx, in, sc, opts)
	})
	r.ctx.Progress = r.job.Progress()
	r.ctx.Running = true
	r.ctx.RunScenario = r.ctx.Current
	return cmd
}

// sameRun reports whether a and b give the same forecast: they differ at
// most in name — and, when runs go to a precision, in iterations, which
// the run chose. The values are compared as common.Same compares them
// (the one comparison of scenarios: NaN equal to NaN, correlations in any
// order, sources no part of a value).
func (r *runner) sameRun(a, b model.Scenario) bool {
	a.Name, b.Name = "", ""
	if r.precision.Target > 0 {
		a.Iterations, b.Iterations = 0, 0
	}
	return common.Same(a, b)
}

// stop cancels the run in flight, if any.
func (r *runner) stop() { r.job.Cancel() }

// finished reports whether msg is the latest run, and clears the running
// state if so. The run was of the scenario ctx.RunScenario.
func (r *runner) finished(msg runDoneMsg) bool {
	if !r.job.Done(msg) {
		return false
	}
	r.ctx.Running = false
	return true
}
