// Package calibration is the view of a calibration (DESIGN §7): the fit of
// past funding to the cost model — coefficients with standard errors, R²,
// the number of trusts and the notes — or, when too few trusts qualify, the
// reason. The Scenario screen runs the calibration and opens this view.
package calibration

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/ui/common"
)

// Model is the calibration view, a common.Component.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	w, h   int
	cal    *forecast.Calibration
	err    error
	added  string // the name the calibrated scenario was added under
	offset int    // first line shown, when the view is taller than its area
}

var _ common.Component = (*Model)(nil)

// New returns the view, empty.
func New(ctx *common.Context) *Model { return &Model{ctx: ctx, keys: newKeys()} }

// Init implements tea.Model: the Scenario screen runs the calibration.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing implements common.Component: the view takes no text.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the view is itself a sub-view, which
// esc closes.
func (m *Model) Nested() bool { return true }

// Show sets what the view shows: a calibration and the name of the
// scenario made from it, or the error that stopped it.
func (m *Model) Show(cal *forecast.Calibration, added string, err error) {
	m.cal, m.added, m.err, m.offset = cal, added, err, 0
}

// Update scrolls the view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	n := len(m.lines())
	switch {
	case key.Matches(k, m.keys.Up):
		m.offset = max(m.offset-1, 0)
	case key.Matches(k, m.keys.Down):
		m.offset = max(min(m.offset+1, n-m.h), 0)
	}
	return m, nil
}

// keyMap are the view's own bindings.
type keyMap struct {
	Up, Down, Close key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "scroll")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "scroll")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if len(m.lines()) > m.h {
		return []key.Binding{m.keys.Up, m.keys.Close}
	}
	return []key.Binding{m.keys.Close}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
