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
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Rerun}, explanations()}
}

// explanations say, with the full help (?), why the tornado and the rank
// table can rank the inputs differently: each is a binding with no key that
// can be typed, so help lists it.
func explanations() []key.Binding {
	def := func(name, meaning string) key.Binding {
		return key.NewBinding(key.WithKeys("\x00"+name), key.WithHelp(name, meaning))
	}
	return []key.Binding{
		def("tornado", "one input at P10 or P90, the rest at P50"),
		def("its base", "every input at P50: not the Overview's mean"),
		def("Spearman", "all inputs drawn together, across iterations"),
		def("so", "a skewed input can rank higher in one than the other"),
	}
}
