package overview

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Overview's own bindings.
type keyMap struct {
	Goal, Apply key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Goal:  key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "goal confidence")),
		Apply: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "apply uplift")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Goal, m.keys.Apply, m.ctx.Keys.Screens}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Goal, m.keys.Apply}}
}
