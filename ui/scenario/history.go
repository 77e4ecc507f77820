package scenario

import (
	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
)

// edit is one committed change to a scenario: the scenario before and after
// it, and the key changed, for undo and redo.
type edit struct {
	key           string
	before, after model.Scenario
}

// history holds the committed edits of every scenario, by index in the
// context's list (scenarios are only ever added, so indices are stable), and
// each scenario as first loaded or made, for the marker on changed values.
type history struct {
	undo, redo map[int][]edit
	loaded     map[int]model.Scenario
}

func newHistory() history {
	return history{undo: map[int][]edit{}, redo: map[int][]edit{}, loaded: map[int]model.Scenario{}}
}

// commit records an edit of scenario i; a new edit clears what could be redone.
func (h *history) commit(i int, e edit) {
	h.undo[i] = append(h.undo[i], e)
	h.redo[i] = nil
}

// asLoaded returns scenario i as it was when first seen here: as loaded from
// its file, or as made by new, copy or calibrate.
func (h *history) asLoaded(i int, current model.Scenario) model.Scenario {
	if s, ok := h.loaded[i]; ok {
		return s
	}
	h.loaded[i] = current.Clone()
	return h.loaded[i]
}

// undoEdit restores the current scenario to before its last committed edit.
func (m *Model) undoEdit() tea.Cmd {
	e, ok := move(m.hist.undo, m.hist.redo, m.ctx.Current)
	if !ok {
		m.say("Nothing to undo.", false)
		return nil
	}
	*m.ctx.Scenario() = e.before.Clone()
	m.say("Undid the change to "+e.key+" (ctrl+r redoes it).", false)
	return edited
}

// redoEdit applies again the last edit undone.
func (m *Model) redoEdit() tea.Cmd {
	e, ok := move(m.hist.redo, m.hist.undo, m.ctx.Current)
	if !ok {
		m.say("Nothing to redo.", false)
		return nil
	}
	*m.ctx.Scenario() = e.after.Clone()
	m.say("Redid the change to "+e.key+".", false)
	return edited
}

// move takes scenario i's last edit off stack from and puts it on stack to:
// undo moves an edit from the undo stack to the redo stack, redo back.
func move(from, to map[int][]edit, i int) (edit, bool) {
	st := from[i]
	if len(st) == 0 {
		return edit{}, false
	}
	e := st[len(st)-1]
	from[i] = st[:len(st)-1]
	to[i] = append(to[i], e)
	return e, true
}

// resetToDefault sets the selected value to its default, as a committed
// edit that u undoes.
func (m *Model) resetToDefault(f field) tea.Cmd {
	if f.key == "name" {
		m.say("A name has no default; R renames.", false)
		return nil
	}
	def := model.DefaultScenario()
	v, k, err := def.Value(f.key)
	if err != nil {
		m.say(err.Error(), true)
		return nil
	}
	before := m.ctx.Scenario().Clone()
	next := before.Clone()
	if err := k.SetValue(&next, v); err != nil {
		m.say(err.Error(), true)
		return nil
	}
	if f.value(&next) == f.value(&before) {
		m.say(f.key+" already has its default, "+f.value(&def)+".", false)
		return nil
	}
	if err := next.Validate(); err != nil {
		m.say("The default of "+f.key+" does not fit the rest of the scenario: "+err.Error(), true)
		return nil
	}
	*m.ctx.Scenario() = next
	m.hist.commit(m.ctx.Current, edit{key: f.key, before: before, after: next.Clone()})
	m.say(f.key+" reset to its default, "+f.value(&next)+" (u undoes).", false)
	return edited
}
