package scenario

import (
	"fmt"
	"strconv"
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
	if !f.dist {
		v, _ := sc.Get(f.key)
		m.inputs = []common.Input{m.newInput(v, max(32, len(v)+2))}
		m.focus = 0
		m.mode = editText
		return m.inputs[0].Focus()
	}
	m.mode = editDist
	m.draft = *f.distIn(sc)
	m.loadParams(m.draft)
	// The kind has the focus first, as the footer's "←/→ kind" says.
	m.focus = kindFocus
	return nil
}

// loadParams makes one text field per parameter of d.
func (m *Model) loadParams(d model.Distribution) { m.loadParamsAs(d, format.Param) }

// loadParamsAs makes one text field per parameter of d, written by text.
func (m *Model) loadParamsAs(d model.Distribution, text func(float64) string) {
	m.params = paramNames(d)
	m.inputs = m.inputs[:0]
	for _, p := range m.params {
		v, _ := d.Param(p)
		t := text(v)
		m.inputs = append(m.inputs, m.newInput(t, max(7, len(t)+1)))
	}
}

// converted writes a parameter of a distribution a kind change made, to
// four significant figures: the fields then fit an 80-column row, while
// the scenario keeps the parameters that hold the mean and sd exactly,
// unless one is typed.
func converted(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

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
		case m.focus == kindFocus && msg.Type == tea.KeyRunes && len(m.inputs) > 0:
			// A number typed on the kind is meant for the first parameter.
			m.focus = 0
			m.inputs[0].Select()
			return tea.Batch(m.inputs[0].Focus(), m.editKey(msg))
		case m.focus == kindFocus:
			return nil
		}
	}
	was := m.inputs[m.focus].Value()
	var cmd tea.Cmd
	m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
	if m.inputs[m.focus].Value() == was {
		return cmd // the cursor moved: nothing new to check or run
	}
	m.say("", false) // what a kind change did is no longer what is shown
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
		m.inputs[m.focus].Select()
		return m.inputs[m.focus].Focus()
	}
	return nil
}

// changeKind switches the distribution to the next or previous family and
// applies it. The new one keeps the mean and sd of the distribution as it
// was when editing began, within the input's domain
// (model.Distribution.ConvertTo), so stepping through the kinds and back
// returns exactly to it; the note says what the change kept, or which
// moment moved and by how much. When the new kind cannot be made from it,
// it says so and the figures stay as they were until the parameters are
// typed.
func (m *Model) changeKind(back bool) tea.Cmd {
	f := m.fields[m.cursor]
	var kinds []string
	for _, k := range model.DistKinds() {
		kinds = append(kinds, string(k))
	}
	next := model.DistKind(cycle(kinds, string(m.draft.Kind), back))
	orig := *f.distIn(&m.before)
	k, _ := model.LookupDistribution(f.key)
	conv, err := orig.ConvertTo(next, k.Domain)
	m.say("", false)
	if err != nil {
		m.draft = orig.WithKind(next)
		m.loadParams(m.draft)
		m.problem = f.key + ": " + err.Error()
		return m.unapply()
	}
	m.loadParamsAs(conv.Dist, converted)
	if cmd := m.applyDist(conv.Dist); cmd != nil {
		m.sayKind(orig.Kind, conv)
		return cmd
	}
	m.problem = "cannot keep the mean and sd of " + orig.String() + " as a " + string(next) + ": " + m.problem
	return m.unapply()
}

// sayKind tells what a change of kind did to the mean and sd.
func (m *Model) sayKind(from model.DistKind, c model.Conversion) {
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }
	head := string(from) + " → " + string(c.Dist.Kind)
	switch {
	case from == c.Dist.Kind:
		m.say("Back to "+c.Dist.String()+", as it was.", false)
	case c.Kept():
		m.say(head+" keeps mean "+g(c.Mean)+" and sd "+g(c.SD)+".", false)
	default:
		msg := head + ": " + c.Change()
		if c.Why != "" {
			msg += ", " + c.Why
		}
		if c.Change() != "" && !strings.HasPrefix(c.Change(), "mean") {
			msg += "; mean " + g(c.Mean) + " kept"
		}
		m.say(msg+".", true)
	}
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
		if cmd == nil {
			return m.unapply()
		}
		m.dirty = true
		return cmd
	}
	d := model.NewDistribution(m.draft.Kind)
	for i, p := range m.params {
		k, err := model.LookupKey(f.key+"."+p, nil)
		if err != nil {
			m.problem = err.Error()
			return m.unapply()
		}
		v, err := k.Parse(m.inputs[i].Value())
		if err != nil {
			m.problem = err.Error()
			return m.unapply()
		}
		_ = d.SetParam(p, v.Num) // p comes from the kind's own parameter names
	}
	if cmd := m.applyDist(d); cmd != nil {
		return cmd
	}
	return m.unapply()
}

// unapply puts the input being edited back as it was when editing began,
// while what is typed is not valid: the scenario holds only values typed in
// full, so the figures are never those of a part-typed one (the "15" of
// "150" on the way to "-5"). It asks for a recompute only when the input
// had taken a typed value; the root then drops the run of that value.
func (m *Model) unapply() tea.Cmd {
	sc := m.ctx.Scenario()
	if fmt.Sprint(*sc) == fmt.Sprint(m.before) {
		return nil
	}
	*sc = m.before.Clone()
	return common.Edited
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
