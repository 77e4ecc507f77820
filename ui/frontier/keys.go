package frontier

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Frontier screen's own bindings.
type keyMap struct {
	Up, Down, Left, Right, Apply, Phased, Rerun key.Binding
}

func newKeys() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:     b([]string{"up", "k"}, "↑/k", "less capacity"),
		Down:   b([]string{"down", "j"}, "↓/j", "more capacity"),
		Left:   b([]string{"left", "h"}, "←/h", "less money"),
		Right:  b([]string{"right", "l"}, "→/l", "more money"),
		Apply:  b([]string{"a"}, "a", "apply point"),
		Phased: b([]string{"p"}, "p", "apply phased"),
		Rerun:  b([]string{"r"}, "r", "re-run"),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Left, m.keys.Up, m.keys.Apply, m.keys.Phased, m.ctx.Keys.Undo, m.keys.Rerun}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.Apply, k.Phased, m.ctx.Keys.Undo, m.ctx.Keys.Redo, k.Rerun}}
}
