// Package overview is the first screen: the answer to "how much, and by
// when" as headline figures with their P10–P90 ranges and changes since the
// previous run, the national envelope uplift that would get every trust
// core by the target year with a chosen confidence (a goal seek, DESIGN §7,
// run in the background after each run), then the fan chart of trusts core
// by year, spend by year and the distribution of total need.
package overview

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/ui/common"
)

// Model is the Overview screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	w, h int
	goal goal
	// note reports the outcome of the last key, until the next result.
	note string
}

// New returns the Overview screen.
func New(ctx *common.Context) *Model { return &Model{ctx: ctx, keys: newKeys(), goal: newGoal()} }

// Init does nothing: the root starts the runs.
func (m *Model) Init() tea.Cmd { return nil }

// Update runs the goal seek after each run, cancels it when a new run
// starts, and handles the goal keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ResultShownMsg:
		m.note = ""
		m.pruneGoals()
		if m.goal.seeks.Running() && !m.goal.seeks.RunningFor(m.goalKey()) {
			m.goal.seeks.Cancel()
		}
		return m, m.ensureGoal()
	case common.RunStartedMsg, common.StopMsg:
		m.goal.seeks.Cancel()
	case tea.KeyMsg:
		m.note = ""
		switch {
		case key.Matches(msg, m.keys.Goal):
			m.goal.choice = (m.goal.choice + 1) % len(goalChoices)
			return m, m.ensureGoal()
		case key.Matches(msg, m.keys.Apply):
			return m, m.apply()
		}
		return m, nil
	}
	// The goal seek's outcome and spinner ticks.
	return m, m.goal.seeks.Update(msg)
}

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the screen has no sub-views.
func (m *Model) Nested() bool { return false }

// View draws the headline figures above the charts.
func (m *Model) View() string {
	res := m.ctx.Result()
	st := m.ctx.Styles
	if res == nil {
		msg := "Running the first forecast…"
		if err := m.ctx.RunErr(); err != nil {
			msg = "The forecast could not run: " + err.Error()
		}
		return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, st.Subtle.Render(msg))
	}
	head := headline(m.ctx, res, m.ctx.Previous, m.w) + "\n" + m.goalView(res, m.w)
	rest := m.h - lipgloss.Height(head) - 1
	if rest < 6 {
		return head
	}
	return lipgloss.JoinVertical(lipgloss.Left, head, "", chartsView(m.ctx, res, m.w, rest))
}
