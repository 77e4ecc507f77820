package overview

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Overview's own bindings.
type keyMap struct {
	Goal, Type, Apply, Accept, Cancel key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Goal:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "50/80/90/95%")),
		Type:   key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "type confidence")),
		Apply:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "apply uplift")),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "seek")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.typing {
		return []key.Binding{m.keys.Accept, m.keys.Cancel}
	}
	return []key.Binding{m.keys.Goal, m.keys.Type, m.keys.Apply, m.ctx.Keys.Screens}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	if m.typing {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{m.keys.Goal, m.keys.Type, m.keys.Apply}}
}
