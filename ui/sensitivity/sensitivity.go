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
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/ui/common"
)

// Model is the Sensitivity screen.
type Model struct {
	ctx     *common.Context
	keys    keyMap
	w, h    int
	active  bool
	spinner spinner.Model

	job    common.Job
	jobFor *forecast.Result // the run the job in flight analyses
	// done holds the analysis of each run, and failed the error of a run
	// whose analysis failed, so that neither is repeated unasked.
	done   map[*forecast.Result]*forecast.SensitivityResult
	failed map[*forecast.Result]error
}

// doneMsg carries a finished (failed or cancelled) analysis.
type doneMsg struct {
	id  int
	res *forecast.Result
	out *forecast.SensitivityResult
	err error
}

// New returns the Sensitivity screen.
func New(ctx *common.Context) *Model {
	return &Model{
		ctx: ctx, keys: newKeys(),
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		done:    map[*forecast.Result]*forecast.SensitivityResult{},
		failed:  map[*forecast.Result]error{},
	}
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
		if m.job.Running() && m.jobFor != m.ctx.Result() {
			m.job.Stop()
		}
		return m, m.ensure()
	case common.RunStartedMsg, common.StopMsg:
		m.job.Stop()
	case doneMsg:
		if !m.job.Finish(msg.id) {
			return m, nil
		}
		switch {
		case msg.err == nil:
			m.done[msg.res] = msg.out
		case !isCanceled(msg.err):
			m.failed[msg.res] = msg.err
		}
	case spinner.TickMsg:
		if !m.job.Running() {
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Rerun) {
			return m, m.rerun()
		}
	}
	return m, nil
}

// current returns the analysis of the shown run, or nil.
func (m *Model) current() *forecast.SensitivityResult { return m.done[m.ctx.Result()] }

// ensure starts the analysis of the shown run if the screen is shown and the
// run has none yet. While a run is in flight it waits for that run instead.
func (m *Model) ensure() tea.Cmd {
	res := m.ctx.Result()
	switch {
	case !m.active, res == nil, m.ctx.Running, m.done[res] != nil, m.failed[res] != nil:
		return nil
	case m.job.Running() && m.jobFor == res:
		return nil
	}
	return m.start(res)
}

// rerun analyses the shown run again, even if it has been analysed.
func (m *Model) rerun() tea.Cmd {
	res := m.ctx.Result()
	if res == nil || m.ctx.Running {
		return nil
	}
	delete(m.done, res)
	delete(m.failed, res)
	return m.start(res)
}

// start runs the analysis of res in a Cmd.
func (m *Model) start(res *forecast.Result) tea.Cmd {
	ctx, id := m.job.Start()
	m.jobFor = res
	in, sc, prog := m.ctx.Inputs, res.Scenario.Clone(), m.job.Progress
	opts := forecast.Options{Workers: m.ctx.Workers, Progress: prog.Set}
	run := func() tea.Msg {
		out, err := common.Safely(func() (*forecast.SensitivityResult, error) {
			return forecast.Sensitivity(ctx, in, sc, res, opts)
		})
		return doneMsg{id: id, res: res, out: out, err: err}
	}
	return tea.Batch(run, m.spinner.Tick)
}

// prune forgets analyses of runs no scenario shows any more.
func (m *Model) prune() {
	kept := map[*forecast.Result]bool{}
	for _, r := range m.ctx.Results {
		kept[r] = true
	}
	for r := range m.done {
		if !kept[r] {
			delete(m.done, r)
		}
	}
	for r := range m.failed {
		if !kept[r] {
			delete(m.failed, r)
		}
	}
}
