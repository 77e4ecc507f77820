package scenario

import (
	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
)

// The steps of undo and redo are kept in the shared context
// (common.History), where the Overview and Frontier record their applied
// answers too, so that u here undoes them as well.

// undoEdit restores the current scenario to before its latest step.
func (m *Model) undoEdit() tea.Cmd {
	note, cmd := m.ctx.Undo()
	m.say(note, false)
	return cmd
}

// redoEdit makes again the step last undone.
func (m *Model) redoEdit() tea.Cmd {
	note, cmd := m.ctx.Redo()
	m.say(note, false)
	return cmd
}

// reset sets the selected value to its value in the scenario as loaded
// (d), or to the program's default (D), as one step that u undoes.
func (m *Model) reset(f field, toDefault bool) tea.Cmd {
	from, as := m.ctx.Loaded(), "its value as loaded"
	if toDefault {
		if f.key == "name" {
			m.say("A name has no default; R renames.", false)
			return nil
		}
		from, as = model.DefaultScenario(), "its default"
	}
	v, _, err := from.Value(f.key)
	if err != nil {
		m.say(err.Error(), true)
		return nil
	}
	cur := m.ctx.Scenario()
	next := cur.Clone()
	if err := next.SetValue(f.key, v); err != nil {
		m.say(err.Error(), true)
		return nil
	}
	val := f.text(&next)
	if val == f.text(cur) {
		m.say(f.key+" is already "+val+", "+as+".", false)
		return nil
	}
	if err := next.Validate(); err != nil {
		m.say(f.key+" "+val+", "+as+", does not fit the rest of the scenario: "+err.Error(), true)
		return nil
	}
	cmd := m.ctx.Change("the reset of "+f.key+" to "+val, next)
	m.say(f.key+" reset to "+val+", "+as+" (u undoes it).", false)
	return cmd
}
