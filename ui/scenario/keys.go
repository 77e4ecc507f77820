package scenario

import "github.com/charmbracelet/bubbles/key"

// keyMap are the Scenario screen's own bindings.
type keyMap struct {
	Up, Down, Edit, Left, Right          key.Binding
	PrevScenario, NextScenario           key.Binding
	New, Copy, Rename, Load, Save        key.Binding
	SaveProject                          key.Binding
	NextParam, PrevParam, Commit, Cancel key.Binding
	Yes, No                              key.Binding
	Compare, Calibrate                   key.Binding
	Reset, ResetDefault, Correlations    key.Binding
	// Switch stands for [ and ] together in the short help, for room.
	Switch key.Binding
}

func newKeys() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Up:           b([]string{"up", "k"}, "↑/k", "up"),
		Down:         b([]string{"down", "j"}, "↓/j", "down"),
		Edit:         b([]string{"enter"}, "enter", "edit"),
		Left:         b([]string{"left", "h"}, "←", "previous choice"),
		Right:        b([]string{"right", "l"}, "→", "next choice"),
		PrevScenario: b([]string{"["}, "[", "previous scenario"),
		NextScenario: b([]string{"]"}, "]", "next scenario"),
		New:          b([]string{"n"}, "n", "new scenario"),
		Copy:         b([]string{"c"}, "c", "copy"),
		Rename:       b([]string{"R"}, "R", "rename"),
		Load:         b([]string{"o"}, "o", "open TOML"),
		Save:         b([]string{"w"}, "w", "write TOML"),
		SaveProject:  b([]string{"W"}, "W", "write project"),
		NextParam:    b([]string{"tab", "down"}, "tab", "next field"),
		PrevParam:    b([]string{"shift+tab", "up"}, "shift+tab", "previous field"),
		Commit:       b([]string{"enter"}, "enter", "done"),
		Cancel:       b([]string{"esc"}, "esc", "undo edit"),
		Yes:          b([]string{"y"}, "y", "overwrite"),
		No:           b([]string{"n", "esc"}, "n", "keep file"),
		Compare:      b([]string{"v"}, "v", "compare"),
		Switch:       b([]string{"[", "]"}, "[/]", "switch"),
		Calibrate:    b([]string{"C"}, "C", "calibrate"),
		Reset:        b([]string{"d"}, "d", "as loaded"),
		ResetDefault: b([]string{"D"}, "D", "default"),
		Correlations: b([]string{"x"}, "x", "correlations"),
	}
}

// ShortHelp implements help.KeyMap for the screen's current mode.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.mode {
	case editDist:
		// ←/→ change the kind only while it has the focus; in a parameter
		// they move the cursor.
		if m.focus == kindFocus {
			kind := k.Left
			kind.SetHelp("←/→", "kind")
			params := k.NextParam
			params.SetHelp("tab", "parameters")
			return []key.Binding{kind, params, k.Commit, k.Cancel}
		}
		return []key.Binding{k.NextParam, k.PrevParam, k.Commit, k.Cancel}
	case editText:
		return []key.Binding{k.Commit, k.Cancel}
	case editChoice:
		choice := k.Left
		choice.SetHelp("←/→", "choose")
		return []key.Binding{choice, k.Commit, k.Cancel}
	case askPath:
		c := k.Cancel
		c.SetHelp("esc", "cancel")
		return []key.Binding{k.Commit, c}
	case confirm:
		return []key.Binding{k.Yes, k.No}
	case correlating:
		if m.corr.typing {
			return []key.Binding{k.Commit, k.Cancel}
		}
		move := k.Left
		move.SetHelp("arrows", "move")
		edit := k.Edit
		edit.SetHelp("enter", "edit pair")
		return []key.Binding{move, edit, m.ctx.Keys.Back}
	case viewing:
		return m.sub.ShortHelp()
	}
	return []key.Binding{k.Edit, m.ctx.Keys.Undo, k.Reset, k.ResetDefault, k.Switch, k.Copy, k.Compare}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	switch {
	case m.mode == viewing:
		return m.sub.FullHelp()
	case m.mode != browse:
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Edit, m.ctx.Keys.Undo, m.ctx.Keys.Redo, k.Reset, k.ResetDefault},
		{k.PrevScenario, k.NextScenario, k.New, k.Copy, k.Rename},
		{k.Load, k.Save, k.Compare, k.Calibrate, k.Correlations},
	}
}
