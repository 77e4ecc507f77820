package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"corecast/model"
	"corecast/ui/common"
)

// twoScenarioModel builds the root model on scenarios A and B, with A's
// first forecast run and shown, and the Scenario screen active (it shows a
// failed run too).
func twoScenarioModel(t *testing.T) *Model {
	t.Helper()
	a, b := testScenario(), testScenario()
	a.Name, b.Name = "Alpha", "Beta"
	m, err := New(sample(t), []model.Scenario{a, b}, WithWorkers(2), WithWorkDir("/analysis"),
		WithStartScreen(ScenarioScreen), WithElapsedFormat(func(time.Duration) string { return "(fixed)" }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.stop)
	m.Update(m.runner.start()().(runDoneMsg))
	if m.ctx.Results[0] == nil {
		t.Fatal("the first forecast did not finish")
	}
	return m
}

// switchTo makes scenario i current as the Scenario screen does.
func switchTo(m *Model, i int) {
	m.ctx.Current = i
	m.Update(common.ScenarioSwitchedMsg{})
}

// failed reports whether the view says a run failed, in the status bar or on
// the Scenario screen.
func failed(v string) bool {
	return strings.Contains(v, "run failed") || strings.Contains(v, "Run failed")
}

// TestRunFailureShownWithItsScenario fails Beta's run, then goes back to
// Alpha: the failure is shown only while Beta is current.
func TestRunFailureShownWithItsScenario(t *testing.T) {
	m := twoScenarioModel(t)
	switchTo(m, 1) // Beta has no result yet, so its run starts
	m.Update(m.runner.job.Outcome(nil, errors.New("boom")))
	if v := m.View(); !failed(v) || !strings.Contains(v, "Beta") {
		t.Fatalf("Beta's failure is not shown with Beta:\n%s", v)
	}
	switchTo(m, 0)
	if v := m.View(); failed(v) || !strings.Contains(v, "Alpha") || !strings.Contains(v, "ran in (fixed)") {
		t.Errorf("Alpha shows Beta's failure, or not its own result:\n%s", v)
	}
}

// TestLateFailureStaysWithItsScenario switches from Alpha, while its run is
// in flight, to Beta, which has a result; Alpha's run then fails. Beta shows
// neither Alpha's run nor its failure; Alpha shows the failure.
func TestLateFailureStaysWithItsScenario(t *testing.T) {
	m := twoScenarioModel(t)
	m.ctx.Results[1] = m.ctx.Results[0] // as if Beta had run too
	m.runner.debounce = 0
	m.ctx.Scenarios[0].CapacityStarts++
	m.Update(m.runner.edited()()) // an edit of Alpha starts its run
	if !m.ctx.Running || m.ctx.RunScenario != 0 {
		t.Fatal("no run of Alpha in flight")
	}
	// Alpha's run will fail; the frame drawn before the switch is handled
	// shows Beta.
	failure := m.runner.job.Outcome(nil, errors.New("boom"))
	m.ctx.Current = 1
	if s := m.status.View(); strings.Contains(s, "running") || !strings.Contains(s, "Beta") {
		t.Errorf("Beta's status shows Alpha's run: %q", s)
	}
	m.Update(common.ScenarioSwitchedMsg{})
	m.Update(failure)
	if v := m.View(); failed(v) {
		t.Errorf("Beta shows Alpha's failure:\n%s", v)
	}
	switchTo(m, 0)
	if v := m.View(); !failed(v) {
		t.Errorf("Alpha does not show its failure:\n%s", v)
	}
}
