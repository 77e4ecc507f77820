// Package sensitivity is the Sensitivity screen (DESIGN §7): which inputs
// drive the forecast. A tornado shows mean total need with each
// scenario-level input at its P10 and its P90, the others at their P50,
// with its swing in £ and in P(all core by the target year); a table ranks
// the inputs by their Spearman correlation, across the run's iterations,
// with total need and with the number of trusts core by the target year.
//
// The analysis takes one simulation per bar end, so it runs in a tea.Cmd
// and only when the screen is looked at: on opening the screen after the
// scenario changed, or on r. Its outcome is kept per run, and a new run
// cancels an analysis in flight.
package sensitivity

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/ui/common"
)

// Model is the Sensitivity screen.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	w, h   int
	active bool
	// analyses holds the analysis of each run, or why it failed, so that
	// neither is repeated unasked.
	analyses *common.Analysis[*forecast.Result, *forecast.SensitivityResult]
}

// New returns the Sensitivity screen.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx, keys: newKeys(), analyses: common.NewAnalysis[*forecast.Result, *forecast.SensitivityResult]()}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the screen has no sub-views.
func (m *Model) Nested() bool { return false }

// Update starts the analysis when the screen is shown or its run changes,
// cancels it when a new run starts, and takes its outcome.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.FocusMsg:
		m.active = msg.Active
		return m, m.ensure()
	case common.ResultShownMsg:
		m.prune()
		if m.analyses.Running() && !m.analyses.RunningFor(m.ctx.Result()) {
			m.analyses.Cancel()
		}
		return m, m.ensure()
	case common.RunStartedMsg, common.StopMsg:
		m.analyses.Cancel()
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Rerun) {
			return m, m.rerun()
		}
		return m, nil
	}
	// The analysis's outcome and spinner ticks.
	return m, m.analyses.Update(msg)
}

// current returns the analysis of the shown run, or nil.
func (m *Model) current() *forecast.SensitivityResult {
	out, _ := m.analyses.Value(m.ctx.Result())
	return out
}

// ensure starts the analysis of the shown run if the screen is shown and the
// run has none yet. While a run is in flight it waits for that run instead.
func (m *Model) ensure() tea.Cmd {
	res := m.ctx.Result()
	if !m.active || res == nil || m.ctx.Running {
		return nil
	}
	return m.analyses.Ensure(res, m.work(res))
}

// rerun analyses the shown run again, even if it has been analysed.
func (m *Model) rerun() tea.Cmd {
	res := m.ctx.Result()
	if res == nil || m.ctx.Running {
		return nil
	}
	return m.analyses.Rerun(res, m.work(res))
}

// work is the analysis of res.
func (m *Model) work(res *forecast.Result) common.Work[*forecast.SensitivityResult] {
	in, sc, workers := m.ctx.Inputs, res.Scenario.Clone(), m.ctx.Workers
	return func(ctx context.Context, progress func(done, total int)) (*forecast.SensitivityResult, error) {
		return forecast.Sensitivity(ctx, in, sc, res, forecast.Options{Workers: workers, Progress: progress})
	}
}

// prune forgets analyses of runs no scenario shows any more.
func (m *Model) prune() {
	kept := map[*forecast.Result]bool{}
	for _, r := range m.ctx.Results {
		kept[r] = true
	}
	m.analyses.Prune(func(r *forecast.Result) bool { return kept[r] })
}
