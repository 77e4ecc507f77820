// Package statusbar draws the line at the foot of every screen: scenario
// name, iterations, seed, how long the last run took, and a spinner with
// progress while a run is in flight.
package statusbar

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/format"
	"corecast/ui/common"
)

// Model is the status bar.
type Model struct {
	ctx      *common.Context
	spinner  spinner.Model
	spinning bool
}

// New returns a status bar reading ctx.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx, spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// Start begins the spinner if it is not already turning.
func (m *Model) Start() tea.Cmd {
	if m.spinning {
		return nil
	}
	m.spinning = true
	return m.spinner.Tick
}

// Update advances the spinner while a run is in flight and lets it stop
// otherwise, so an idle program sends no ticks.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	tick, ok := msg.(spinner.TickMsg)
	if !ok {
		return nil
	}
	if !m.ctx.Running {
		m.spinning = false
		return nil
	}
	var cmd tea.Cmd
	m.spinner, cmd = m.spinner.Update(tick)
	return cmd
}

// View renders the bar across the full width.
func (m *Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	sc := c.Scenario()
	name := st.StatusName.Render(truncate(sc.Name, 24))
	// A run to a precision chooses its own iterations: the result's are
	// the figures'.
	iterations := format.Int(sc.Iterations) + " iterations"
	if res := c.Result(); res != nil && res.Iterations != sc.Iterations {
		iterations = format.Int(res.Iterations) + " iterations (to a precision)"
	}
	facts := []string{iterations, fmt.Sprintf("seed %d", sc.Seed)}
	if res := c.Result(); res != nil && c.FormatElapsed != nil {
		facts = append(facts, "ran in "+c.FormatElapsed(res.Elapsed))
	}
	left := name + st.StatusBar.Render(" "+strings.Join(facts, " · ")+" ")
	// The input is named when there is room: which workbook the figures
	// come from is part of reading them.
	if c.InputName != "" {
		input := st.StatusBar.Render("· " + truncate(c.InputName, 40) + " ")
		if lipgloss.Width(left)+lipgloss.Width(input)+18 <= c.Width {
			left += input
		}
	}
	var right string
	switch {
	case c.RunningCurrent():
		right = st.StatusRun.Render(fmt.Sprintf(" %s running %3.0f%% ", m.spinner.View(), 100*c.Progress.Fraction()))
	case c.RunErr() != nil:
		right = st.StatusError.Render(" run failed: see Scenario ")
	}
	gap := c.Width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 0 {
		return lipgloss.NewStyle().MaxWidth(c.Width).Render(left + right)
	}
	return left + st.StatusBar.Render(strings.Repeat(" ", gap)) + right
}

// truncate shortens s to n cells with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
