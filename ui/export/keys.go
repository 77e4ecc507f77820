package export

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Export screen's own bindings.
type keyMap struct {
	Write, EditPath, Format, Done, Cancel, Yes, No key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Write:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "export")),
		EditPath: key.NewBinding(key.WithKeys("e", "p"), key.WithHelp("e", "edit path")),
		Format:   key.NewBinding(key.WithKeys("left", "right", "h", "l", "f"), key.WithHelp("←/→", "format")),
		Done:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "overwrite")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep the file")),
	}
}

// ShortHelp implements help.KeyMap for the screen's state.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.state {
	case editing:
		return []key.Binding{k.Done, k.Cancel}
	case confirming:
		return []key.Binding{k.Yes, k.No}
	case writing:
		return []key.Binding{k.Cancel}
	}
	return []key.Binding{k.Write, k.Format, k.EditPath}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
