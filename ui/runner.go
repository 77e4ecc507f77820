package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/common"
)

// runner starts forecasts in the background, one at a time: starting a run
// cancels the one in flight, and a finished run is used only if it is the
// latest, so results never arrive out of order.
type runner struct {
	ctx      *common.Context
	workers  int
	debounce time.Duration
	cancel   context.CancelFunc
	runID    int // of the latest run started
	editSeq  int // of the latest edit, for the debounce
}

// debounceMsg fires a debounce period after edit seq.
type debounceMsg struct{ seq int }

// runDoneMsg carries a finished (or failed, or cancelled) run.
type runDoneMsg struct {
	id       int
	scenario int
	res      *forecast.Result
	err      error
}

func newRunner(ctx *common.Context, cfg config) runner {
	return runner{ctx: ctx, workers: cfg.workers, debounce: cfg.debounce}
}

// edited schedules a run a debounce period from now; a later edit
// supersedes it.
func (r *runner) edited() tea.Cmd {
	r.editSeq++
	seq := r.editSeq
	if r.debounce <= 0 {
		return func() tea.Msg { return debounceMsg{seq: seq} }
	}
	return tea.Tick(r.debounce, func(time.Time) tea.Msg { return debounceMsg{seq: seq} })
}

// due reports whether a debounce message belongs to the latest edit.
func (r *runner) due(m debounceMsg) bool { return m.seq == r.editSeq }

// start cancels any run in flight and starts one for the current scenario.
func (r *runner) start() tea.Cmd {
	r.stop()
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.runID++
	id, idx := r.runID, r.ctx.Current
	sc := r.ctx.Scenario().Clone()
	in := r.ctx.Inputs
	prog := &common.Progress{}
	r.ctx.Progress = prog
	r.ctx.Running = true
	r.ctx.RunScenario = idx
	workers := r.workers
	return func() tea.Msg {
		res, err := runSafely(ctx, in, sc, forecast.Options{Workers: workers, Progress: prog.Set})
		return runDoneMsg{id: id, scenario: idx, res: res, err: err}
	}
}

// stop cancels the run in flight, if any.
func (r *runner) stop() {
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
}

// finished reports whether msg is the latest run, and clears the running
// state if so.
func (r *runner) finished(msg runDoneMsg) bool {
	if msg.id != r.runID {
		return false
	}
	r.ctx.Running = false
	r.cancel = nil
	return true
}

// runSafely runs the forecast, turning a panic in it into an error so that
// one bad scenario cannot take the terminal down with it.
func runSafely(ctx context.Context, in model.Inputs, sc model.Scenario, opts forecast.Options) (res *forecast.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, panicError{p}
		}
	}()
	return forecast.Run(ctx, in, sc, opts)
}
