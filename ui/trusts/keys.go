package trusts

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Trusts screen's own bindings.
type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom          key.Binding
	Sort, Reverse, Filter, Open, Clear, Accept, Data key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by next column")),
		Reverse:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reverse order")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Data:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "data notes")),
	}
}

// ShortHelp implements help.KeyMap for the screen's current state.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.filter.Focused():
		return []key.Binding{k.Accept, k.Clear}
	case m.showing:
		return m.data.ShortHelp()
	case m.detail != nil:
		return []key.Binding{m.ctx.Keys.Back}
	case m.filter.Value() != "":
		return []key.Binding{k.Open, k.Sort, k.Reverse, k.Filter, k.Clear}
	}
	return []key.Binding{k.Open, k.Sort, k.Reverse, k.Filter, k.Data}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.showing {
		return m.data.FullHelp()
	}
	if m.filter.Focused() || m.detail != nil {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Filter, k.Clear, k.Sort, k.Reverse, k.Data}}
}
