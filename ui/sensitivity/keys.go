package sensitivity

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Sensitivity screen's own bindings.
type keyMap struct {
	Rerun key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Rerun: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "re-run analysis")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Rerun, m.ctx.Keys.Screens}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{{m.keys.Rerun}} }
