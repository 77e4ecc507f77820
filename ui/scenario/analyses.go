package scenario

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/ui/common"
)

// openCompare opens the comparison of every scenario with the current one.
func (m *Model) openCompare() tea.Cmd {
	if len(m.ctx.Scenarios) < 2 {
		m.say("Comparing needs two scenarios: c duplicates this one, n makes a new one.", true)
		return nil
	}
	m.mode, m.sub = viewing, m.compare
	return m.compare.Open()
}

// calibrate fits the cost model to the inputs' past funding in the
// background; the view opens at once and shows the fit, or why there is
// none, when done.
func (m *Model) calibrate() tea.Cmd {
	in, base := m.ctx.Inputs, m.ctx.Scenario().Clone()
	m.fitFrom = base.Clone()
	m.mode, m.sub = viewing, m.calib
	m.calib.Show(nil, "", nil)
	return m.fit.Start(func(context.Context, func(done, total int)) (*forecast.Calibration, error) {
		return forecast.Calibrate(in, base)
	})
}

// calibrated shows the latest calibration and adds its scenario, which
// becomes the current one and is run. The calibration is the new
// scenario's first step, from a copy of the scenario it was fitted to: u
// takes the fit back and leaves the copy (scenarios are never removed),
// ctrl+r brings it back, and the values it changed are marked.
func (m *Model) calibrated(msg common.JobDone[*forecast.Calibration]) tea.Cmd {
	if !m.fit.Done(msg) {
		return nil
	}
	if msg.Err != nil {
		m.calib.Show(nil, "", msg.Err)
		return nil
	}
	sc := msg.Value.Scenario.Clone()
	sc.Name = m.freeName(sc.Name)
	m.calib.Show(msg.Value, sc.Name, nil)
	m.say("Added "+sc.Name+" from the calibration; u takes the fit back.", false)
	from := m.fitFrom.Clone()
	return func() tea.Msg { return common.ScenarioAddedMsg{Scenario: sc, From: &from, What: "the calibration"} }
}

// subKey handles keys while a sub-view is shown: esc closes it (cancelling
// the comparison's runs), the rest are the sub-view's.
func (m *Model) subKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Cancel) {
		if m.sub == common.Component(m.compare) {
			m.compare.Close()
		}
		m.mode, m.sub = browse, nil
		return nil
	}
	_, cmd := m.sub.Update(msg)
	return cmd
}
