package scenario

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/model"
	"corecast/ui/common"
)

// browseKey moves through the list, starts edits and manages scenarios.
func (m *Model) browseKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	f := m.fields[m.cursor]
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, len(m.fields)-1)
	case key.Matches(msg, k.Edit):
		return m.startEdit()
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		// Values change only in edit mode: a stray arrow must not move one.
		m.say("enter edits "+f.key+"; ←/→ then change it.", false)
		return nil
	case key.Matches(msg, m.ctx.Keys.Undo):
		return m.undoEdit()
	case key.Matches(msg, m.ctx.Keys.Redo):
		return m.redoEdit()
	case key.Matches(msg, k.Reset), key.Matches(msg, k.ResetDefault):
		return m.reset(f, key.Matches(msg, k.ResetDefault))
	case key.Matches(msg, k.Correlations):
		return m.openCorr()
	case key.Matches(msg, k.PrevScenario), key.Matches(msg, k.NextScenario):
		n := len(m.ctx.Scenarios)
		if n < 2 {
			m.say("Only one scenario: n makes a new one, c duplicates this one.", false)
			return nil
		}
		d := 1
		if key.Matches(msg, k.PrevScenario) {
			d = n - 1
		}
		m.ctx.Current = (m.ctx.Current + d) % n
		m.say("", false)
		return func() tea.Msg { return common.ScenarioSwitchedMsg{} }
	case key.Matches(msg, k.New):
		sc := model.DefaultScenario()
		sc.Name = m.freeName("Scenario")
		m.say("New scenario "+sc.Name+" with the default values.", false)
		return added(sc)
	case key.Matches(msg, k.Copy):
		sc := m.ctx.Scenario().Clone()
		sc.Name = m.freeName(sc.Name + " copy")
		m.say("Duplicated as "+sc.Name+"; edits now change the copy.", false)
		return added(sc)
	case key.Matches(msg, k.Rename):
		m.cursor = 0 // name is the first key
		m.scroll()
		return m.startEdit()
	case key.Matches(msg, k.Load):
		return m.askFile(opening)
	case key.Matches(msg, k.Save):
		return m.askFile(writing)
	case key.Matches(msg, k.SaveProject):
		return m.askFile(projecting)
	case key.Matches(msg, k.Compare):
		return m.openCompare()
	case key.Matches(msg, k.Calibrate):
		return m.calibrate()
	}
	m.scroll()
	return nil
}

// apply sets one key on a copy of the scenario and, if the whole scenario is
// then valid, makes the copy current and asks for a recompute. It returns
// nil and records the problem otherwise.
func (m *Model) apply(key, value string) tea.Cmd {
	sc := m.ctx.Scenario().Clone()
	if err := sc.Set(key, value); err != nil {
		m.problem = err.Error()
		return nil
	}
	if err := sc.Validate(); err != nil {
		m.problem = err.Error()
		return nil
	}
	m.problem = ""
	*m.ctx.Scenario() = sc
	return common.Edited
}

func added(sc model.Scenario) tea.Cmd {
	return func() tea.Msg { return common.ScenarioAddedMsg{Scenario: sc} }
}

// freeName returns base, or base with a number, unused by any scenario.
func (m *Model) freeName(base string) string {
	used := map[string]bool{}
	for _, s := range m.ctx.Scenarios {
		used[s.Name] = true
	}
	if !used[base] {
		return base
	}
	for i := 2; ; i++ {
		if n := fmt.Sprintf("%s %d", base, i); !used[n] {
			return n
		}
	}
}
