package compare

import "github.com/charmbracelet/bubbles/key"

// keyMap are the comparison view's own bindings.
type keyMap struct {
	Left, Right, Rerun, Close key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "more scenarios")),
		Right: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "more scenarios")),
		Rerun: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run again")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if len(m.names) > 1+m.fit() {
		return []key.Binding{m.keys.Left, m.keys.Rerun, m.keys.Close}
	}
	return []key.Binding{m.keys.Rerun, m.keys.Close}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
