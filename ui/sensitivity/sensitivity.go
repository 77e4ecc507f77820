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
	ctx  *common.Context
	keys keyMap
	w, h int
	// analyses holds the analysis of each run, or why it failed, so that
	// neither is repeated unasked.
	analyses *common.RunAnalysis[*forecast.SensitivityResult]
}

// New returns the Sensitivity screen.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeys()}
	m.analyses = common.NewRunAnalysis(ctx, m.work)
	ctx.Analysed(func(res *forecast.Result, into *common.Analyses) {
		into.Sensitivity, _ = m.analyses.Value(res)
	})
	return m
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
	if msg, ok := msg.(tea.KeyMsg); ok {
		if key.Matches(msg, m.keys.Rerun) {
			return m, m.analyses.Rerun()
		}
		return m, nil
	}
	// The analysis's outcome and spinner ticks.
	return m, m.analyses.Update(msg)
}

// current returns the analysis of the shown run, or nil.
func (m *Model) current() *forecast.SensitivityResult {
	out, _ := m.analyses.Current()
	return out
}

// work is the analysis of res.
func (m *Model) work(res *forecast.Result) common.Work[*forecast.SensitivityResult] {
	in, sc, workers := m.ctx.Inputs, res.Scenario.Clone(), m.ctx.Workers
	return func(ctx context.Context, progress func(done, total int)) (*forecast.SensitivityResult, error) {
		return forecast.Sensitivity(ctx, in, sc, res, forecast.Options{Workers: workers, Progress: progress})
	}
}
