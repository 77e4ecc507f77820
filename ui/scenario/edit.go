package scenario

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
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
	if !f.dist {
		v, _ := sc.Get(f.key)
		in := m.newInput(v, 32)
		in.CursorEnd()
		m.inputs = nil
		m.inputs = append(m.inputs, in)
		m.focus = 0
		m.mode = editText
		return m.inputs[0].Focus()
	}
	m.mode = editDist
	m.loadParams(*f.distIn(sc))
	m.focus = 0
	return m.inputs[0].Focus()
}

// loadParams makes one text field per parameter of d.
func (m *Model) loadParams(d model.Distribution) {
	m.params = paramNames(d)
	m.inputs = m.inputs[:0]
	for _, p := range m.params {
		v, _ := d.Param(p)
		m.inputs = append(m.inputs, m.newInput(num(v), 6))
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
		if m.dirty {
			m.say("Changed "+m.fields[m.cursor].key+"; the figures follow the edit.", false)
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
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	return tea.Batch(cmd, m.typed())
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
		return m.inputs[m.focus].Focus()
	}
	return nil
}

// changeKind switches the distribution to the next or previous family,
// carrying its range over, and applies it.
func (m *Model) changeKind(back bool) tea.Cmd {
	f := m.fields[m.cursor]
	d := *f.distIn(m.ctx.Scenario())
	var kinds []string
	for _, k := range model.DistKinds() {
		kinds = append(kinds, string(k))
	}
	next := model.DistKind(cycle(kinds, string(d.Kind), back))
	nd := d.WithKind(next)
	m.loadParams(nd)
	return m.applyDist(nd)
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
	d := model.NewDistribution(f.distIn(m.ctx.Scenario()).Kind)
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

// applyDist puts d into a copy of the scenario and applies it if valid.
func (m *Model) applyDist(d model.Distribution) tea.Cmd {
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
	return edited
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
		return edited
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
