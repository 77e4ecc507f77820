package ui

import (
	"strings"
	"testing"
)

// The Scenario screen lists name, the distributions (size_elasticity,
// optimism_bias, ...), then the plain values; these count the down presses.
var (
	toOptimismBias = []string{"down", "down"}
	toSampling     = []string{"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}
)

// A stray arrow outside edit mode changes nothing.
func TestStrayArrowChangesNothing(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, append(append([]string{"2"}, toOptimismBias...), "right", "right", "left")...)
	waitFor(t, tm, "enter edits optimism_bias")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.String(); got != testScenario().OptimismBias.String() {
		t.Errorf("optimism_bias is %s after stray arrows, want %s", got, testScenario().OptimismBias)
	}
}

// The first key typed in a field replaces its value, as in a spreadsheet;
// undo then restores the headline exactly, and redo brings the edit back.
func TestEditReplacesThenUndoRestores(t *testing.T) {
	tm := start(t, 80, 24)
	keys := append(append([]string{"2"}, toOptimismBias...), "enter", "tab", "tab", "0", ".", "6", "enter")
	press(tm, keys...)
	waitFor(t, tm, "u undoes it")
	press(tm, "u")
	waitFor(t, tm, "Undid the change to optimism_bias")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.String(); got != testScenario().OptimismBias.String() {
		t.Fatalf("after undo optimism_bias is %s, want %s", got, testScenario().OptimismBias)
	}
}

// Redo applies the edit undone; the changed value is starred.
func TestRedoAndMarker(t *testing.T) {
	tm := start(t, 120, 40)
	keys := append(append([]string{"2"}, toOptimismBias...), "enter", "tab", "tab", "0", ".", "6", "enter", "u")
	press(tm, keys...)
	waitFor(t, tm, "Undid the change")
	tm.Send(ctrlR())
	waitFor(t, tm, "Redid the change to optimism_bias")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.Mode; got != 0.6 {
		t.Fatalf("after redo the mode is %g, want 0.6", got)
	}
	if v := m.View(); !strings.Contains(v, "optimism_bias*") {
		t.Errorf("no marker on the changed value:\n%s", v)
	}
}

// Stepping a distribution's kind away and back returns exactly to it, and
// is no step of the history; a kind that keeps its mean and sd is applied.
func TestKindRoundTrip(t *testing.T) {
	tm := start(t, 80, 24)
	keys := append(append([]string{"2"}, toOptimismBias...), "enter", "right", "right", "left", "left", "enter")
	press(tm, keys...)
	waitFor(t, tm, "as it was: nothing to undo")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.String(); got != testScenario().OptimismBias.String() {
		t.Errorf("after the kinds and back, optimism_bias is %s, want %s", got, testScenario().OptimismBias)
	}
}

// Choices change only in edit mode, with ←/→, and undo takes them back; D
// resets a value to its default.
func TestChoiceEditAndReset(t *testing.T) {
	tm := start(t, 120, 40)
	keys := append(append([]string{"2"}, toSampling...), "enter", "right", "enter")
	press(tm, keys...)
	waitFor(t, tm, "Changed sampling")
	press(tm, "D")
	waitFor(t, tm, "sampling reset to lhs, its default")
	m := finish(t, tm)
	if got := m.ctx.Scenario().Sampling; got != "lhs" {
		t.Errorf("sampling is %s after reset, want lhs", got)
	}
}

// The Frontier screen's a applies the grid point under the cursor.
func TestFrontierApplyPoint(t *testing.T) {
	tm := start(t, 120, 40)
	press(tm, "6")
	waitFor(t, tm, "Price of confidence")
	press(tm, "down", "down", "down", "right", "right", "right", "right", "a")
	waitFor(t, tm, "Applied capacity_starts and envelope_uplift_m")
	m := finish(t, tm)
	sc := m.ctx.Scenario()
	if sc.CapacityStarts != 160 || !(sc.EnvelopeUpliftM > 0) {
		t.Errorf("after applying: capacity %d, uplift %v", sc.CapacityStarts, sc.EnvelopeUpliftM)
	}
}

// Correlations are edited in a matrix on the Scenario screen: a set that is
// not positive definite is explained and not used; a valid one is applied
// and u undoes it.
func TestCorrelationMatrix(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "x", "right", "right", "right", "right", "right", "enter", "0", ".", "9", "9", "enter")
	waitFor(t, tm, "not positive definite")
	press(tm, "0", ".", "2", "enter")
	waitFor(t, tm, "set to 0.2; u undoes it")
	m := finish(t, tm)
	found := false
	for _, c := range m.ctx.Scenario().Correlations {
		if c.A == "unit_cost.acute" && c.B == "optimism_bias" && c.Rho == 0.2 {
			found = true
		}
	}
	if !found {
		t.Errorf("correlations %v lack unit_cost.acute ~ optimism_bias 0.2", m.ctx.Scenario().Correlations)
	}
}
