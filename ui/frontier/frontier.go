// Package frontier is the Frontier screen (DESIGN §7, §8): money and
// delivery capacity together. A heat map shows P(all trusts core by the
// target year) over uniform uplift × capacity_starts, with the cells that
// reach the goal marked; beside it, the frontier line (the least uplift for
// the goal at each capacity), the price of confidence at the scenario's
// capacity, and the phased goal seek's uplift by year against the uniform
// answer. a applies the grid point under the cursor to the scenario, p the
// phased table, each as one step that u undoes.
//
// The analysis re-runs only the schedule of draws made once, a few hundred
// times, so it runs in a tea.Cmd when the screen is looked at, is kept per
// run, and is cancelled by a new run.
package frontier

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/common"
)

// goal is the confidence the frontier line and the phased goal seek aim for.
const goal = 0.8

// outcome is the screen's analysis of one run.
type outcome struct {
	frontier *forecast.FrontierResult
	phased   *forecast.PhasedResult
}

// Model is the Frontier screen.
type Model struct {
	ctx      *common.Context
	keys     keyMap
	w, h     int
	row, col int // the grid cell under the cursor: capacity, uplift
	// note reports the outcome of the last key; noteSeq is the history's
	// Seq when it was set, for dropping it once a change made on another
	// screen has made it stale.
	note     string
	noteSeq  int
	analyses *common.RunAnalysis[outcome]
}

// New returns the Frontier screen.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeys()}
	m.analyses = common.NewRunAnalysis(ctx, m.work)
	// The grid goes into an export; the phased table there is the
	// Overview's, which has its money by year.
	ctx.Analysed(func(res *forecast.Result, into *common.Analyses) {
		out, _ := m.analyses.Value(res)
		into.Frontier = out.frontier
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
// cancels it when a new run starts, moves the cursor and applies choices.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.key(msg)
	case common.FocusMsg:
		if msg.Active && m.noteSeq != m.ctx.History.Seq() {
			m.say("") // "Applied …; u undoes it" may be undone by now
		}
	}
	return m, m.analyses.Update(msg)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	out := m.current()
	switch {
	case key.Matches(msg, k.Rerun):
		return m.analyses.Rerun()
	case key.Matches(msg, m.ctx.Keys.Undo):
		note, cmd := m.ctx.Undo()
		m.say(note)
		return cmd
	case key.Matches(msg, m.ctx.Keys.Redo):
		note, cmd := m.ctx.Redo()
		m.say(note)
		return cmd
	case out.frontier == nil:
		return nil
	case key.Matches(msg, k.Up):
		m.row = max(m.row-1, 0)
	case key.Matches(msg, k.Down):
		m.row = min(m.row+1, len(out.frontier.Capacities)-1)
	case key.Matches(msg, k.Left):
		m.col = max(m.col-1, 0)
	case key.Matches(msg, k.Right):
		m.col = min(m.col+1, len(out.frontier.Uplifts)-1)
	case key.Matches(msg, k.Apply):
		f := out.frontier
		return m.apply(func(sc *model.Scenario) error {
			if err := sc.SetValue(model.KeyCapacityStarts, model.Value{Int: int64(f.Capacities[m.row])}); err != nil {
				return err
			}
			return sc.SetValue(model.KeyEnvelopeUplift, model.Value{Num: f.Uplifts[m.col]})
		}, "capacity_starts and envelope_uplift_m from the grid")
	case key.Matches(msg, k.Phased):
		ph := out.phased
		if ph == nil || !ph.Reached {
			m.say("No phased table to apply: no uplift reaches the goal at this capacity.")
			return nil
		}
		return m.apply(func(sc *model.Scenario) error { return sc.SetAll(ph.SetLines()) }, "the phased uplift by year")
	}
	return nil
}

// apply changes a copy of the scenario and, if valid, makes it current and
// asks for a recompute, as one step of the scenario's history.
func (m *Model) apply(change func(*model.Scenario) error, what string) tea.Cmd {
	next := m.ctx.Scenario().Clone()
	if err := change(&next); err != nil {
		m.say(err.Error())
		return nil
	}
	if err := next.Validate(); err != nil {
		m.say(err.Error())
		return nil
	}
	next.SourceChanges(*m.ctx.Scenario(), model.Source{Kind: model.FromAnalysis, Detail: "the Frontier (" + what + ")"})
	cmd := m.ctx.Change(what, next)
	m.say("Applied " + what + " to " + next.Name + "; recomputing (u undoes it).")
	return cmd
}

// say sets the note line.
func (m *Model) say(text string) { m.note, m.noteSeq = text, m.ctx.History.Seq() }

// current returns the analysis of the shown run, or an empty outcome.
func (m *Model) current() outcome {
	out, _ := m.analyses.Current()
	return out
}

// work is the analysis of res: the frontier with its price of confidence,
// then the phased goal seek.
func (m *Model) work(res *forecast.Result) common.Work[outcome] {
	in, sc, workers := m.ctx.Inputs, res.Scenario.Clone(), m.ctx.Workers
	return func(ctx context.Context, progress func(done, total int)) (outcome, error) {
		// The frontier's rows fill the first half of the bar, row by
		// row; the phased goal seek, whose length is not known ahead, the
		// second.
		opts := forecast.Options{Workers: workers, Progress: func(done, total int) { progress(done, 2*total) }}
		f, err := forecast.Frontier(ctx, in, sc, forecast.FrontierOptions{Goal: goal}, opts)
		if err != nil {
			return outcome{}, err
		}
		opts.Progress = nil
		progress(1, 2)
		ph, err := forecast.GoalSeekPhased(ctx, in, sc, goal, 10, forecast.ObjectiveTotal, opts)
		if err != nil {
			return outcome{}, err
		}
		progress(2, 2)
		return outcome{frontier: f, phased: ph}, nil
	}
}
