package scenario

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/format"
	"corecast/model"
	"corecast/ui/common"
)

// kindFocus is the focus index of a distribution's kind selector.
const kindFocus = -1

// startEdit opens the cursor row for editing.
func (m *Model) startEdit() tea.Cmd {
	f := m.fields[m.cursor]
	sc := m.ctx.Scenario()
	m.before = sc.Clone()
	m.dirty = false
	m.problem = ""
	m.say("", false)
	if f.choices != nil {
		m.mode = editChoice
		return nil
	}
	m.fresh = true
	if !f.dist {
		v, _ := sc.Get(f.key)
		in := m.newInput(v, max(32, len(v)+2))
		in.CursorEnd()
		m.inputs = nil
		m.inputs = append(m.inputs, in)
		m.focus = 0
		m.mode = editText
		return m.inputs[0].Focus()
	}
	m.mode = editDist
	m.draft = *f.distIn(sc)
	m.loadParams(m.draft)
	m.focus = 0
	return m.inputs[0].Focus()
}

// freshKey applies the spreadsheet rule to the field that has just taken
// the focus: a character typed replaces its value, backspace or delete
// clears it, and a key that moves the cursor starts editing the value in
// place. It reports whether the key was used up.
func (m *Model) freshKey(msg tea.KeyMsg) bool {
	if !m.fresh || m.focus < 0 || m.focus >= len(m.inputs) {
		return false
	}
	m.fresh = false
	in := &m.inputs[m.focus]
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		in.SetValue("")
	case tea.KeyBackspace, tea.KeyDelete:
		in.SetValue("")
		return true
	}
	return false
}

// loadParams makes one text field per parameter of d.
func (m *Model) loadParams(d model.Distribution) {
	m.params = paramNames(d)
	m.inputs = m.inputs[:0]
	for _, p := range m.params {
		v, _ := d.Param(p)
		text := format.Param(v)
		m.inputs = append(m.inputs, m.newInput(text, max(7, len(text)+1)))
	}
}

// editKey handles keys while a value or a distribution is being edited.
func (m *Model) editKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		return m.revert()
	case key.Matches(msg, k.Commit):
		if m.problem != "" {
			return nil // keep the field open until what is typed is valid
		}
		m.mode = browse
		m.inputs = nil
		f := m.fields[m.cursor]
		if f.key == "name" {
			if m.ctx.Record("the rename to "+m.ctx.Scenario().Name, m.before) {
				m.say("Renamed "+m.before.Name+" to "+m.ctx.Scenario().Name+"; u undoes it.", false)
			}
			return nil
		}
		if m.ctx.Record("the change to "+f.key, m.before) {
			m.say("Changed "+f.key+"; u undoes it.", false)
		} else {
			m.say(f.key+" is as it was: nothing to undo.", false)
		}
		return nil
	}
	if m.mode == editChoice {
		if key.Matches(msg, k.Left) || key.Matches(msg, k.Right) {
			return m.stepChoice(key.Matches(msg, k.Left))
		}
		return nil
	}
	if m.mode == editDist {
		switch {
		case key.Matches(msg, k.NextParam):
			return m.moveFocus(1)
		case key.Matches(msg, k.PrevParam):
			return m.moveFocus(-1)
		case m.focus == kindFocus && (key.Matches(msg, k.Left) || key.Matches(msg, k.Right)):
			return m.changeKind(key.Matches(msg, k.Left))
		case m.focus == kindFocus:
			return nil
		}
	}
	if m.freshKey(msg) {
		return m.typed()
	}
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	return tea.Batch(cmd, m.typed())
}

// stepChoice moves a choice one along and applies it.
func (m *Model) stepChoice(back bool) tea.Cmd {
	f := m.fields[m.cursor]
	cur, _ := m.ctx.Scenario().Get(f.key)
	cmd := m.apply(f.key, cycle(f.choices, cur, back))
	if cmd != nil {
		m.dirty = true
	}
	return cmd
}

// moveFocus moves between the kind selector and the parameter fields.
func (m *Model) moveFocus(d int) tea.Cmd {
	n := len(m.inputs) + 1 // the kind selector and each parameter
	pos := (m.focus + 1 + d + n) % n
	if m.focus >= 0 {
		m.inputs[m.focus].Blur()
	}
	m.focus = pos - 1
	if m.focus >= 0 {
		m.inputs[m.focus].CursorEnd()
		m.fresh = true
		return m.inputs[m.focus].Focus()
	}
	return nil
}

// changeKind switches the distribution to the next or previous family and
// applies it. The new one keeps the centre and spread of the distribution as
// it was when editing began (model.Distribution.ConvertTo), so stepping
// through the kinds and back returns exactly to it; when the new kind cannot
// keep them, it says so and the figures stay as they were until the
// parameters are typed.
func (m *Model) changeKind(back bool) tea.Cmd {
	f := m.fields[m.cursor]
	var kinds []string
	for _, k := range model.DistKinds() {
		kinds = append(kinds, string(k))
	}
	next := model.DistKind(cycle(kinds, string(m.draft.Kind), back))
	orig := *f.distIn(&m.before)
	nd, err := orig.ConvertTo(next)
	if err != nil {
		m.draft = orig.WithKind(next)
		m.loadParams(m.draft)
		m.problem = f.key + ": " + err.Error()
		return nil
	}
	m.loadParams(nd)
	cmd := m.applyDist(nd)
	if cmd == nil {
		// The kind keeps the centre and spread but leaves the input's domain.
		m.problem = "cannot keep the centre and spread of " + orig.String() + " as a " + string(next) + ": " + m.problem
	}
	return cmd
}

// typed validates what is in the fields and applies it when valid.
func (m *Model) typed() tea.Cmd {
	f := m.fields[m.cursor]
	if m.mode == editText {
		if f.key == "name" {
			name := strings.TrimSpace(m.inputs[0].Value())
			if name == "" {
				m.problem = "name: a scenario needs a name"
				return nil
			}
			m.problem = ""
			m.ctx.Scenario().Name = name
			return nil // a name changes no figure: nothing to recompute
		}
		cmd := m.apply(f.key, m.inputs[0].Value())
		if cmd != nil {
			m.dirty = true
		}
		return cmd
	}
	d := model.NewDistribution(m.draft.Kind)
	for i, p := range m.params {
		k, err := model.LookupKey(f.key+"."+p, nil)
		if err != nil {
			m.problem = err.Error()
			return nil
		}
		v, err := k.Parse(m.inputs[i].Value())
		if err != nil {
			m.problem = err.Error()
			return nil
		}
		_ = d.SetParam(p, v.Num) // p comes from the kind's own parameter names
	}
	return m.applyDist(d)
}

// applyDist makes d the draft and, if the scenario is valid with it, puts
// it into the scenario.
func (m *Model) applyDist(d model.Distribution) tea.Cmd {
	m.draft = d
	f := m.fields[m.cursor]
	sc := m.ctx.Scenario().Clone()
	*f.distIn(&sc) = d
	if err := sc.Validate(); err != nil {
		m.problem = err.Error()
		return nil
	}
	m.problem = ""
	m.dirty = true
	*m.ctx.Scenario() = sc
	return common.Edited
}

// revert ends editing and restores the value from before it began.
func (m *Model) revert() tea.Cmd {
	m.mode = browse
	m.inputs = nil
	m.problem = ""
	name := m.ctx.Scenario().Name
	*m.ctx.Scenario() = m.before
	if m.dirty {
		m.dirty = false
		m.say("Edit undone.", false)
		return common.Edited
	}
	if name != m.before.Name {
		m.say("Rename undone.", false)
	}
	return nil
}

// cancelEdit drops an edit without touching the scenario, when the scenario
// being edited is no longer the current one.
func (m *Model) cancelEdit() {
	if m.mode == editText || m.mode == editDist {
		m.mode = browse
		m.inputs = nil
		m.problem = ""
	}
}
