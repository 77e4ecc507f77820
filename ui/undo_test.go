package ui

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
	"corecast/ui/common"
)

// downsTo returns the down presses that take the Scenario screen's cursor
// from name to the key: the screen lists name, the distributions, then the
// plain values in TOML order.
func downsTo(t *testing.T, key string) []string {
	t.Helper()
	var order []string
	for _, k := range model.ScalarKeys() {
		order = append(order, k.Name)
		if k.Name == "name" {
			for _, d := range model.DistributionKeys() {
				order = append(order, d.Name)
			}
		}
	}
	for i, name := range order {
		if name == key {
			out := make([]string, i)
			for j := range out {
				out[j] = "down"
			}
			return out
		}
	}
	t.Fatalf("no key %s on the Scenario screen", key)
	return nil
}

// moneyBinds is the test scenario with capacity enough that money, not
// capacity, binds: the Overview's answer and the Frontier's phased table
// are then a table by year.
func moneyBinds() model.Scenario {
	sc := testScenario()
	sc.CapacityStarts = 200
	return sc
}

// TestOverviewApplyUndo applies the Overview's answer with a, and u takes
// the scenario back exactly as it was.
func TestOverviewApplyUndo(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		sc := moneyBinds()
		tm := startWith(t, size[0], size[1], sample(t), []model.Scenario{sc})
		press(tm, "a")
		waitFor(t, tm, "recomputing")
		press(tm, "u")
		waitForText(t, tm, "Undid the goal seek's answer (ctrl+r redoes it).")
		m := finish(t, tm)
		if got := *m.ctx.Scenario(); !common.Same(got, sc) {
			t.Errorf("%dx%d: after a and u the uplift is %v and %v by year, capacity %d; want the scenario as it was",
				size[0], size[1], got.EnvelopeUpliftM, got.EnvelopeUpliftByYear, got.CapacityStarts)
		}
	}
}

// TestOverviewApplyRedo applies the answer, undoes it on the Scenario
// screen (one history for every screen), and ctrl+r on the Overview
// applies it again: the same table is back, year by year.
func TestOverviewApplyRedo(t *testing.T) {
	tm := startWith(t, 80, 24, sample(t), []model.Scenario{moneyBinds()})
	press(tm, "a")
	waitForAll(t, tm, "recomputing", "vs previous run")
	press(tm, "2", "u")
	waitFor(t, tm, "Undid the goal seek's answer")
	press(tm, "1")
	tm.Send(ctrlR())
	waitForText(t, tm, "Redid the goal seek's answer.")
	m := finish(t, tm)
	steps := m.ctx.History.Steps(0)
	if len(steps) != 1 {
		t.Fatalf("%d steps after a, u and ctrl+r, want 1", len(steps))
	}
	got := m.ctx.Scenario()
	if !got.UpliftIsTable() || !maps.Equal(got.EnvelopeUpliftByYear, steps[0].After.EnvelopeUpliftByYear) {
		t.Errorf("after a, u and ctrl+r the uplift is %v and %v by year: want the answer's table %v",
			got.EnvelopeUpliftM, got.EnvelopeUpliftByYear, steps[0].After.EnvelopeUpliftByYear)
	}
}

// TestFrontierPhasedUndo applies the Frontier's phased table with p; u on
// the Frontier takes it back exactly, and ctrl+r brings the same table
// back.
func TestFrontierPhasedUndo(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		sc := moneyBinds()
		tm := startWith(t, size[0], size[1], sample(t), []model.Scenario{sc})
		press(tm, "6")
		waitFor(t, tm, "Phased for P")
		press(tm, "p")
		waitFor(t, tm, "Applied the phased uplift by year")
		press(tm, "u")
		waitFor(t, tm, "Undid the phased uplift by year")
		m := finish(t, tm)
		if got := *m.ctx.Scenario(); !common.Same(got, sc) {
			t.Errorf("%dx%d: after p and u the uplift is %v and %v by year; want the scenario as it was",
				size[0], size[1], got.EnvelopeUpliftM, got.EnvelopeUpliftByYear)
		}
	}
}

// TestFrontierPhasedRedo: p, u, then ctrl+r gives the table p gave.
func TestFrontierPhasedRedo(t *testing.T) {
	tm := startWith(t, 120, 40, sample(t), []model.Scenario{moneyBinds()})
	press(tm, "6")
	waitFor(t, tm, "Phased for P")
	press(tm, "p")
	waitFor(t, tm, "Applied the phased uplift by year")
	press(tm, "u")
	waitFor(t, tm, "Undid the phased uplift by year")
	tm.Send(ctrlR())
	waitFor(t, tm, "Redid the phased uplift by year")
	m := finish(t, tm)
	steps := m.ctx.History.Steps(0)
	if len(steps) != 1 {
		t.Fatalf("%d steps after p, u and ctrl+r, want 1", len(steps))
	}
	if got := m.ctx.Scenario(); !maps.Equal(got.EnvelopeUpliftByYear, steps[0].After.EnvelopeUpliftByYear) || !got.UpliftIsTable() {
		t.Errorf("after ctrl+r the uplift is %v by year, want the table applied, %v", got.EnvelopeUpliftByYear, steps[0].After.EnvelopeUpliftByYear)
	}
}

// writeScenario writes a scenario file into dir and reads it back as the
// program would be given it.
func writeScenario(t *testing.T, dir, name, text string) model.Scenario {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := data.LoadScenarioTOML(path)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestResetAsLoadedAndDefault loads a scenario whose capacity is 120 (the
// default is 80), types 150, then d gives 120 back, D gives 80, and u
// undoes the reset, each a step.
func TestResetAsLoadedAndDefault(t *testing.T) {
	dir := t.TempDir()
	sc := writeScenario(t, dir, "wide.toml", "name = \"Wide\"\niterations = 500\ncapacity_starts = 120\n")
	tm := startWith(t, 80, 24, sample(t), []model.Scenario{sc}, WithWorkDir(dir))
	press(tm, "2")
	press(tm, downsTo(t, "capacity_starts")...)
	press(tm, "enter", "1", "5", "0", "enter")
	waitFor(t, tm, "Changed capacity_starts")
	press(tm, "d")
	waitFor(t, tm, "capacity_starts reset to 120, its value as loaded")
	press(tm, "D")
	waitFor(t, tm, "capacity_starts reset to 80, its default")
	press(tm, "u")
	waitFor(t, tm, "Undid the reset of capacity_starts to 80")
	press(tm, "u")
	waitFor(t, tm, "Undid the reset of capacity_starts to 120")
	press(tm, "u")
	waitFor(t, tm, "Undid the change to capacity_starts")
	press(tm, "d")
	waitFor(t, tm, "capacity_starts is already 120, its value as loaded")
	m := finish(t, tm)
	if got := m.ctx.Scenario().CapacityStarts; got != 120 {
		t.Errorf("capacity_starts is %d, want 120 as loaded", got)
	}
}

// TestResetDefaultThenAsLoaded: D then d at 120×40, where the marker on
// the changed value shows and goes.
func TestResetDefaultThenAsLoaded(t *testing.T) {
	dir := t.TempDir()
	sc := writeScenario(t, dir, "wide.toml", "name = \"Wide\"\niterations = 500\ncapacity_starts = 120\n")
	tm := startWith(t, 120, 40, sample(t), []model.Scenario{sc}, WithWorkDir(dir))
	press(tm, "2")
	press(tm, downsTo(t, "capacity_starts")...)
	press(tm, "D")
	waitForAll(t, tm, "capacity_starts reset to 80, its default", "capacity_starts*")
	press(tm, "d")
	waitFor(t, tm, "capacity_starts reset to 120, its value as loaded")
	m := finish(t, tm)
	if got := m.ctx.Scenario(); got.CapacityStarts != 120 || !common.Same(*got, sc) {
		t.Errorf("capacity_starts is %d after D and d, want 120 and the scenario as loaded", got.CapacityStarts)
	}
}

// TestCalibrationUndo: the calibration is the first step of the scenario
// it adds; u takes the fit back, leaving a copy of the scenario it was
// fitted to under the new name, and ctrl+r brings the fit back.
func TestCalibrationUndo(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "C")
	waitForAll(t, tm, "Added scenario", "ran in (fixed)")
	press(tm, "esc", "u")
	waitFor(t, tm, "Undid the calibration")
	m := finish(t, tm)
	got := *m.ctx.Scenario()
	want := testScenario()
	want.Name = got.Name
	if got.Name != "Calibrated" || !common.Same(got, want) {
		t.Errorf("after u the current scenario is %q with unit_cost.acute %s: want Calibrated as the baseline was", got.Name, got.UnitCost[model.Acute])
	}
	if len(m.ctx.Scenarios) != 2 {
		t.Errorf("%d scenarios after undoing the calibration, want 2 (scenarios are not removed)", len(m.ctx.Scenarios))
	}
}

// TestCorrelationUndo: a correlation set in the matrix is one step.
func TestCorrelationUndo(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "x", "right", "right", "right", "right", "right", "enter", "0", ".", "2", "enter")
	waitFor(t, tm, "set to 0.2; u undoes it")
	press(tm, "esc", "u")
	waitFor(t, tm, "Undid the correlation of unit_cost.acute and optimism_bias")
	m := finish(t, tm)
	if got := *m.ctx.Scenario(); !common.Same(got, testScenario()) {
		t.Errorf("correlations after u are %v, want the defaults", got.Correlations)
	}
}

// TestStaleApplyNoteDropped: after p on the Frontier and u on the
// Overview, the Frontier no longer says it applied the table.
func TestStaleApplyNoteDropped(t *testing.T) {
	tm := startWith(t, 80, 24, sample(t), []model.Scenario{moneyBinds()})
	press(tm, "6")
	waitFor(t, tm, "Phased for P")
	press(tm, "p")
	waitFor(t, tm, "Applied the phased uplift by year")
	press(tm, "1", "u")
	waitForText(t, tm, "Undid the phased uplift by year")
	press(tm, "6")
	waitFor(t, tm, "Phased for P")
	v := finish(t, tm).View()
	if strings.Contains(v, "Applied") {
		t.Errorf("the Frontier still says it applied the table after u undid it:\n%s", v)
	}
}
