package ui

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/ui/common"
	"corecast/ui/keys"
)

// Update routes messages: keys to the active screen unless they are global,
// run lifecycle to the runner, everything else to every screen (a screen may
// be waiting for its own background work while another is shown).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.quitUpdate(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.KeyMsg:
		cmd := m.handleKey(msg)
		m.sources.note(m.ctx.Scenarios) // every change to a scenario starts with a key
		return m, cmd
	case common.ScenarioEditedMsg:
		m.sources.note(m.ctx.Scenarios)
		return m, m.runner.edited()
	case debounceMsg:
		if !m.runner.due(msg) {
			return m, nil
		}
		if res := m.ctx.Result(); res != nil && m.runner.sameRun(res.Scenario, *m.ctx.Scenario()) {
			return m, nil // back to the figures shown, as when a part-typed value is taken back
		}
		return m, m.startRun()
	case common.ScenarioAddedMsg:
		m.ctx.Add(msg.Scenario, msg.From, msg.What)
		m.sources.note(m.ctx.Scenarios)
		return m, tea.Batch(m.broadcast(common.ScenarioSwitchedMsg{}), m.startRun())
	case common.ScenarioSwitchedMsg:
		return m, m.switched()
	case runDoneMsg:
		return m, m.runDone(msg)
	case filesSavedMsg:
		return m, m.saved(msg)
	case inputLoadedMsg:
		return m, m.inputLoaded(msg)
	case scenarioReadMsg:
		return m, m.scenarioRead(msg)
	case completedMsg:
		m.opening.completed(msg)
		m.layout()
		return m, nil
	}
	return m, m.broadcast(msg)
}

// handleKey applies global keys and passes the rest to the active screen.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	g := m.ctx.Keys
	child := m.screens[m.active]
	if m.quitting.asking {
		return m.quitKey(msg)
	}
	if m.opening.active && !key.Matches(msg, keys.ForceQuit()) {
		return m.openKey(msg)
	}
	if key.Matches(msg, keys.ForceQuit()) {
		return m.askQuit()
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !child.Capturing() {
		return m.splitRunes(msg.Runes)
	}
	if !child.Capturing() {
		switch {
		case key.Matches(msg, g.Quit):
			return m.askQuit()
		case key.Matches(msg, g.Help):
			m.help.ShowAll = !m.help.ShowAll
			m.layout()
			return nil
		case key.Matches(msg, g.Next):
			return m.show((m.active + 1) % numScreens)
		case key.Matches(msg, g.Prev):
			return m.show((m.active + numScreens - 1) % numScreens)
		case key.Matches(msg, g.Screens):
			return m.show(Screen(msg.Runes[0] - '1'))
		case key.Matches(msg, g.Back) && !child.Nested() && m.active != OverviewScreen:
			return m.show(OverviewScreen)
		case key.Matches(msg, g.Open) && m.cfg.loadInput != nil:
			return m.askOpen()
		}
	}
	_, cmd := child.Update(msg)
	m.layout() // a screen's help may change length with its state
	return cmd
}

// splitRunes handles keys typed faster than the terminal is read, which
// arrive together as one message ("2w"), one at a time, as typed. Once a
// text field takes the focus, the rest is text for it.
func (m *Model) splitRunes(rs []rune) tea.Cmd {
	var cmds []tea.Cmd
	for i, r := range rs {
		if m.screens[m.active].Capturing() {
			cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: rs[i:]}))
			break
		}
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
	return tea.Batch(cmds...)
}

// show makes s the active screen, telling the screen left and the screen
// shown, so that a screen can start its own work only when it is looked at.
func (m *Model) show(s Screen) tea.Cmd {
	if s < 0 || s >= numScreens || s == m.active {
		return nil
	}
	_, left := m.screens[m.active].Update(common.FocusMsg{Active: false})
	m.active = s
	m.layout()
	_, shown := m.screens[s].Update(common.FocusMsg{Active: true})
	return tea.Batch(left, shown)
}

// quit stops background work and ends the program, whatever is unsaved.
func (m *Model) quit() tea.Cmd {
	m.stop()
	return tea.Quit
}

// stop cancels any run, analysis and file write in flight. Writes still
// have to remove their temporary files; Run waits for that.
func (m *Model) stop() {
	if m.watch != nil {
		m.watch.close()
	}
	m.runner.stop()
	m.broadcast(common.StopMsg{})
	m.writes.stop()
}

// startRun starts a forecast of the current scenario and the spinner, and
// tells the screens, whose analyses of the current result are now stale.
func (m *Model) startRun() tea.Cmd {
	m.setRunErr(m.ctx.Current, nil)
	return tea.Batch(m.runner.start(), m.status.Start(), m.broadcast(common.RunStartedMsg{}))
}

// switched shows the new current scenario's cached result, or computes one.
func (m *Model) switched() tea.Cmd {
	if res := m.ctx.Result(); res != nil {
		m.runner.stop()
		m.ctx.Running = false
		return m.resultShown()
	}
	return m.startRun()
}

// runDone stores a finished run if it is the latest, with the scenario it
// ran, which need not be the current one any more. A forecast that is not
// the runner's latest may be a screen's own: the screens get it.
func (m *Model) runDone(msg runDoneMsg) tea.Cmd {
	if !m.runner.finished(msg) {
		return m.broadcast(msg)
	}
	scenario := m.ctx.RunScenario
	if msg.Err == nil && scenario < len(m.ctx.Scenarios) && !m.runner.sameRun(msg.Value.Scenario, m.ctx.Scenarios[scenario]) {
		// It finished as an edit cancelled it: it is of a scenario that is
		// no more, and the edit's own run follows.
		return nil
	}
	if msg.Err != nil {
		if !errors.Is(msg.Err, context.Canceled) {
			m.setRunErr(scenario, msg.Err)
		}
		return nil
	}
	m.setRunErr(scenario, nil)
	if scenario < len(m.ctx.Results) {
		m.ctx.Results[scenario] = msg.Value
	}
	return m.resultShown()
}

// setRunErr records how scenario i's latest run ended.
func (m *Model) setRunErr(i int, err error) {
	if i < len(m.ctx.RunErrs) {
		m.ctx.RunErrs[i] = err
	}
}

// resultShown records what the screens now show, keeping the result shown
// before it for deltas, and tells the screens to rebuild.
func (m *Model) resultShown() tea.Cmd {
	res := m.ctx.Result()
	if res != nil && res != m.shown {
		if m.shown != nil {
			m.ctx.Previous = m.shown
		}
		m.shown = res
	}
	return m.broadcast(common.ResultShownMsg{})
}

// broadcast sends msg to every screen and the status bar.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.status.Update(msg)}
	for _, s := range m.screens {
		_, cmd := s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
