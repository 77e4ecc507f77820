// Package overview is the first screen: the answer to "how much, and by
// when" as headline figures with their P10–P90 ranges and changes since the
// previous run, then the fan chart of trusts core by year, spend by year and
// the distribution of total need.
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
	w, h int
}

// New returns the Overview screen.
func New(ctx *common.Context) *Model { return &Model{ctx: ctx} }

// Init does nothing: the root starts the runs.
func (m *Model) Init() tea.Cmd { return nil }

// Update does nothing: the screen is drawn from the shared context.
func (m *Model) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: the screen takes no text.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the screen has no sub-views.
func (m *Model) Nested() bool { return false }

// ShortHelp implements help.KeyMap: only the global keys apply here.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.ctx.Keys.Screens, m.ctx.Keys.Next}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return nil }

// View draws the headline figures above the charts.
func (m *Model) View() string {
	res := m.ctx.Result()
	st := m.ctx.Styles
	if res == nil {
		msg := "Running the first forecast…"
		if m.ctx.RunErr != nil {
			msg = "The forecast could not run: " + m.ctx.RunErr.Error()
		}
		return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, st.Subtle.Render(msg))
	}
	head := headline(m.ctx, res, m.ctx.Previous, m.w)
	rest := m.h - lipgloss.Height(head) - 1
	if rest < 6 {
		return head
	}
	return lipgloss.JoinVertical(lipgloss.Left, head, "", chartsView(m.ctx, res, m.w, rest))
}
