// Package datanotes is the Data view: what the loaded workbook holds and
// every note on how it was read (a percentage read as points, £000 divided
// to £m, a formula calculated, a Totals row skipped), so that an analyst sees
// each conversion before trusting a number.
package datanotes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/format"
	"corecast/report"
	"corecast/ui/common"
)

// Model is the Data view, scrolled with the arrow and page keys.
type Model struct {
	ctx  *common.Context
	keys keyMap
	vp   viewport.Model
}

type keyMap struct {
	Up, Down, PageUp, PageDown key.Binding
}

// New returns the Data view of the context's inputs.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx, vp: viewport.New(0, 0), keys: keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn", "page down")),
	}}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize implements common.Component.
func (m *Model) SetSize(w, h int) {
	m.vp.Width, m.vp.Height = w, max(h-2, 1)
	m.vp.SetContent(m.body(w))
}

// Capturing implements common.Component: the view has no text field.
func (m *Model) Capturing() bool { return false }

// Nested implements common.Component: the view is itself a sub-view.
func (m *Model) Nested() bool { return true }

// Update scrolls the notes.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.Up, m.ctx.Keys.Back}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.ctx.Keys.Back}}
}

// View shows the title, then the scrolled notes.
func (m *Model) View() string {
	st := m.ctx.Styles
	in := m.ctx.Inputs
	national := 0
	for _, f := range in.Funding {
		if f.IsNational() {
			national++
		}
	}
	title := st.Title.Render("Data: " + m.ctx.InputName)
	facts := st.Subtle.Render(fmt.Sprintf("%d trusts, %d funding rows (%d national envelope)", len(in.Trusts), len(in.Funding)-national, national))
	return lipgloss.JoinVertical(lipgloss.Left, title+"  "+facts, "", m.vp.View())
}

// body lists the problems of a reading that was refused and what the
// latest reading changed, then the import notes, each wrapped to the
// width.
func (m *Model) body(w int) string {
	st := m.ctx.Styles
	wrap := lipgloss.NewStyle().Width(max(w-2, 20))
	var lines []string
	list := func(head string, items []string) {
		lines = append(lines, head)
		for _, n := range items {
			lines = append(lines, wrap.Render("• "+strings.TrimSpace(n)))
		}
		lines = append(lines, "")
	}
	if ps := m.ctx.InputProblems; len(ps) > 0 {
		list(st.Bad.Render(format.Nouns(len(ps), "problem")+" in the input as last read, so the inputs read before it are kept:"), ps)
	}
	if cs := m.ctx.InputChanges; len(cs) > 0 {
		list(st.Label.Render("What the latest reading of the input changed:"), cs)
	}
	notes := m.ctx.ImportNotes
	// The shown run's own notes on its inputs (a planned NATIONAL row that
	// sets no envelope) depend on the scenario, so they come with it.
	if res := m.ctx.Result(); res != nil {
		notes = append(slices.Clip(notes), report.UncountedNotes(res)...)
	}
	if len(notes) == 0 {
		lines = append(lines, st.Subtle.Render("Every value was read as written: no conversions, no rows skipped, nothing hidden."))
		return strings.Join(lines, "\n")
	}
	list(st.Label.Render(format.Nouns(len(notes), "note")+" on how the inputs were read:"), notes)
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
