// Package overview is the first screen: the answer to "how much, and by
// when" as headline figures with their P10–P90 ranges and changes since the
// previous run, the national envelope uplift that would get every trust
// core by the target year with a chosen confidence (a goal seek, DESIGN §7,
// run in the background after each run), then the fan chart of trusts core
// by year, spend by year and the distribution of total need: its histogram,
// or (c) the S-curves of the budget figures.
package overview

import (
	"strconv"

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
	// typing is set while a confidence is typed into input (G).
	typing bool
	input  common.Input
	// need is the chart of need shown: the histogram or an S-curve (c).
	need needChart
}

// New returns the Overview screen.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeys(), goal: newGoal()}
	ctx.Analysed(m.exportGoal)
	return m
}

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
		if m.typing {
			return m, m.typeKey(msg)
		}
		switch {
		case key.Matches(msg, m.keys.Goal):
			m.goal.typed = 0
			m.goal.choice = (m.goal.choice + 1) % len(goalChoices)
			return m, m.ensureGoal()
		case key.Matches(msg, m.keys.Type):
			return m, m.startTyping()
		case key.Matches(msg, m.keys.Apply):
			return m, m.apply()
		case key.Matches(msg, m.ctx.Keys.Undo):
			var cmd tea.Cmd
			m.note, cmd = m.ctx.Undo()
			return m, cmd
		case key.Matches(msg, m.ctx.Keys.Redo):
			var cmd tea.Cmd
			m.note, cmd = m.ctx.Redo()
			return m, cmd
		case key.Matches(msg, m.keys.Chart):
			m.need.next()
			return m, nil
		}
		return m, nil
	}
	// The goal seek's outcome and spinner ticks.
	return m, m.goal.seeks.Update(msg)
}

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: true while a confidence is typed.
func (m *Model) Capturing() bool { return m.typing }

// Nested implements common.Component: the confidence field is closed by esc.
func (m *Model) Nested() bool { return m.typing }

// startTyping opens the confidence field, holding the current confidence.
func (m *Model) startTyping() tea.Cmd {
	m.input = common.NewInput()
	m.input.Prompt = "Confidence: "
	m.input.Offer(strconv.FormatFloat(100*m.goal.p(), 'f', -1, 64))
	m.input.CharLimit = 12
	m.input.Width = 8
	m.typing = true
	return m.input.Focus()
}

// typeKey handles keys while a confidence is typed: enter seeks it, esc
// closes the field.
func (m *Model) typeKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.typing = false
		return nil
	case key.Matches(msg, m.keys.Accept):
		p, err := parseConfidence(m.input.Value())
		if err != nil {
			m.note = err.Error()
			m.input.Select() // the next key typed replaces what was refused
			return nil
		}
		m.typing = false
		m.goal.typed = p
		return m.ensureGoal()
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

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
	if v := verdictView(st, res.Hindcast, m.w); v != "" {
		head += "\n" + v
	}
	rest := m.h - lipgloss.Height(head) - 1
	if rest < 6 {
		return head
	}
	return lipgloss.JoinVertical(lipgloss.Left, head, "", chartsView(m.ctx, res, &m.need, m.w, rest))
}
