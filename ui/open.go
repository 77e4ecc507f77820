package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"corecast/internal/safetext"
	"corecast/ui/common"
)

// opening is the O prompt: the path of another workbook or CSV directory
// to read the inputs from, with tab completing it.
type opening struct {
	active  bool
	loading bool // a reading started by O is in flight
	field   common.Input
	// seq numbers completions asked, so that only the latest is used.
	seq int
	// choices are the names the last completion matched, when several did.
	choices []string
}

// completedMsg carries a completion of the path typed as from.
type completedMsg struct {
	seq      int
	from, to string
	choices  []string
}

// openKeys are the prompt's keys.
var openKeys = struct{ Complete, Open, Cancel key.Binding }{
	Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
	Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

func newOpening() opening {
	return opening{field: common.NewInput()}
}

// askOpen shows the prompt, offering the input open now.
func (m *Model) askOpen() tea.Cmd {
	o := &m.opening
	o.active, o.choices = true, nil
	o.field.Offer(m.cfg.inputPath)
	o.field.Width = max(m.ctx.Width-40, 20)
	m.layout()
	return o.field.Focus()
}

// openKey edits the path: tab completes it off the update loop, enter
// reads the inputs there, esc closes the prompt.
func (m *Model) openKey(msg tea.KeyMsg) tea.Cmd {
	o := &m.opening
	switch {
	case key.Matches(msg, openKeys.Cancel):
		m.closeOpen()
		return nil
	case key.Matches(msg, openKeys.Open):
		path := strings.TrimSpace(o.field.Value())
		m.closeOpen()
		if path == "" {
			return nil
		}
		o.loading = true
		m.setNotice("Opening " + safetext.Line(path) + "…")
		return m.readInput(m.ctx.Resolve(path), true)
	case key.Matches(msg, openKeys.Complete):
		o.seq++
		seq, from, dir := o.seq, o.field.Value(), m.ctx.WorkDir
		return func() tea.Msg {
			to, choices := completePath(dir, from)
			return completedMsg{seq: seq, from: from, to: to, choices: choices}
		}
	}
	var cmd tea.Cmd
	o.field, cmd = o.field.Update(msg)
	o.choices = nil
	m.layout()
	return cmd
}

// completed puts a completion in the field, if nothing was typed since it
// was asked for; the text is then the user's to edit, not to replace.
func (o *opening) completed(msg completedMsg) {
	if !o.active || msg.seq != o.seq || o.field.Value() != msg.from {
		return
	}
	o.field.SetValue(msg.to)
	o.field.CursorEnd()
	o.field.Keep()
	o.choices = nil
	if len(msg.choices) > 1 {
		o.choices = msg.choices
	}
}

// closeOpen hides the prompt.
func (m *Model) closeOpen() {
	m.opening.active = false
	m.opening.field.Blur()
	m.layout()
}

// openView is the prompt, in place of the help line, with the names a
// completion matched under it.
func (m *Model) openView() string {
	st, o := m.ctx.Styles, m.opening
	line := st.Label.Render("Open workbook or CSV directory: ") + o.field.View()
	hint := st.Key.Render("tab completes · enter opens · esc cancels")
	if len(o.choices) > 0 {
		hint = st.Subtle.Render(safetext.Line(strings.Join(o.choices, "  ")))
	}
	return lipgloss.NewStyle().MaxWidth(max(m.ctx.Width, 20)).Render(line + "\n" + hint)
}
