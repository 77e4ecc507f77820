// Package compare is the scenario comparison view (DESIGN §7): every
// scenario run with the baseline's seed and iteration count, so that the
// runs share their random numbers, and each headline figure shown side by
// side with its difference from the baseline and the Monte Carlo standard
// error of that difference (forecast.Compare).
//
// The Scenario screen opens it; the runs happen in one tea.Cmd, off the
// update loop, and closing the view cancels them.
package compare

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/common"
)

// Model is the comparison view, a common.Component.
type Model struct {
	ctx     *common.Context
	keys    keyMap
	w, h    int
	spinner spinner.Model
	job     common.Job[[]*forecast.Result]

	base  int // the baseline's index in the scenarios compared
	names []string
	// results are the runs, in scenario order; diffs[i] compares the
	// baseline with scenario i (nil for the baseline itself).
	results []*forecast.Result
	diffs   [][]forecast.Difference
	err     error
	first   int // the first other scenario shown, when not all fit
}

var _ common.Component = (*Model)(nil)

// New returns the comparison view, closed.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx, keys: newKeys(), spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// Init implements tea.Model: the view starts its runs when opened.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: the view takes no text.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the view is itself a sub-view, which
// esc closes.
func (m *Model) Nested() bool { return true }

// Open compares every scenario with the current one, running them all with
// its seed and iteration count.
func (m *Model) Open() tea.Cmd {
	base := m.ctx.Scenario()
	scs := make([]model.Scenario, len(m.ctx.Scenarios))
	m.names = make([]string, len(scs))
	for i, s := range m.ctx.Scenarios {
		scs[i] = s.Clone()
		scs[i].Seed, scs[i].Iterations = base.Seed, base.Iterations
		m.names[i] = s.Name
	}
	m.base, m.first = m.ctx.Current, 0
	m.results, m.diffs, m.err = nil, nil, nil
	in, workers := m.ctx.Inputs, m.ctx.Workers
	run := m.job.Start(func(ctx context.Context, progress func(done, total int)) ([]*forecast.Result, error) {
		return runAll(ctx, in, scs, workers, progress)
	})
	return tea.Batch(run, m.spinner.Tick)
}

// runAll runs the scenarios one after another, each with every worker.
func runAll(ctx context.Context, in model.Inputs, scs []model.Scenario, workers int, progress func(done, total int)) ([]*forecast.Result, error) {
	out := make([]*forecast.Result, len(scs))
	for i, sc := range scs {
		opts := forecast.Options{Workers: workers, Progress: func(done, total int) {
			progress(i*total+done, len(scs)*total)
		}}
		res, err := forecast.Run(ctx, in, sc, opts)
		if err != nil {
			return nil, err
		}
		out[i] = res
	}
	return out, nil
}

// Close cancels the runs in flight.
func (m *Model) Close() { m.job.Cancel() }

// Update takes the runs' outcome, turns the spinner and handles keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.JobDone[[]*forecast.Result]:
		if m.job.Done(msg) {
			m.done(msg.Value, msg.Err)
		}
	case spinner.TickMsg:
		if !m.job.Running() {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case common.StopMsg:
		m.job.Cancel()
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Rerun):
			return m, m.Open()
		case key.Matches(msg, m.keys.Left):
			m.first = max(m.first-1, 0)
		case key.Matches(msg, m.keys.Right):
			m.first = min(m.first+1, max(len(m.names)-2, 0))
		}
	}
	return m, nil
}

// done compares the baseline's run with each other scenario's.
func (m *Model) done(results []*forecast.Result, err error) {
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			m.err = err
		}
		return
	}
	m.results = results
	m.diffs = make([][]forecast.Difference, len(results))
	for i, r := range results {
		if i != m.base {
			m.diffs[i] = forecast.Compare(results[m.base], r)
		}
	}
}

// Diffs returns the differences of scenario i from the baseline, nil
// until the runs finish.
func (m *Model) Diffs(i int) []forecast.Difference {
	if i < 0 || i >= len(m.diffs) {
		return nil
	}
	return m.diffs[i]
}
