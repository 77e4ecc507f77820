package overview

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Overview's own bindings.
type keyMap struct {
	Goal, Type, Apply, Chart, Accept, Cancel key.Binding
}

func newKeys() keyMap {
	return keyMap{
		Goal:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "50/80/90/95%")),
		Type:   key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "type confidence")),
		Apply:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "apply answer")),
		Chart:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "S-curve")),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "seek")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.typing {
		return []key.Binding{m.keys.Accept, m.keys.Cancel}
	}
	return []key.Binding{m.keys.Goal, m.keys.Type, m.keys.Apply, m.ctx.Keys.Undo, m.keys.Chart, m.ctx.Keys.Screens}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	if m.typing {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{m.keys.Goal, m.keys.Type, m.keys.Apply, m.ctx.Keys.Undo, m.ctx.Keys.Redo, m.keys.Chart}, definitions()}
}

// definitions say what the headline figures are, shown with the full help
// (?): each is a binding with no key that can be typed, so help lists it.
func definitions() []key.Binding {
	def := func(name, meaning string) key.Binding {
		return key.NewBinding(key.WithKeys("\x00"+name), key.WithHelp(name, meaning))
	}
	return []key.Binding{
		def("total cost", "every trust's cost to reach core"),
		def("total need", "cost less funding already counted"),
		def("national need", "(1 − local_share) × need"),
		def("total programme", "funding counted + total need"),
	}
}
