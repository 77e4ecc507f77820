package ui

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"corecast/forecast"
	"corecast/model"
)

// TestSensitivityTornado opens the Sensitivity screen and finds the input
// with the largest swing as the tornado's first bar.
func TestSensitivityTornado(t *testing.T) {
	in, sc := sample(t), testScenario()
	want, err := forecast.Sensitivity(context.Background(), in, sc, nil, forecast.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	tm := start(t, 80, 24)
	press(tm, "5")
	waitFor(t, tm, "Spearman")
	v := finish(t, tm).View()
	if row := rowAfter(v, "Swing"); !strings.HasPrefix(row, want.Bars[0].Input+" ") {
		t.Errorf("first tornado bar is %q, want %s:\n%s", row, want.Bars[0].Input, v)
	}
}

// TestGoalSeekLine sees the goal seek's answer on the Overview: with the
// baseline's capacity no uplift reaches 80%, and the line says what binds.
func TestGoalSeekLine(t *testing.T) {
	v := finish(t, start(t, 80, 24)).View()
	for _, s := range []string{"To reach core by 2023-24 with 80% confidence: no uplift is enough", "delivery", "capacity binds", "a applies both"} {
		if !strings.Contains(v, s) {
			t.Errorf("the Overview lacks %q:\n%s", s, v)
		}
	}
}

// TestApplyAnswer applies the Overview's answer with a: the phased table
// becomes the scenario's whole uplift, year by year, and the recomputed
// P(all core) is about the goal.
func TestApplyAnswer(t *testing.T) {
	sc := testScenario()
	sc.CapacityStarts = 200                                              // so that money, not capacity, binds
	sc.EnvelopeUpliftByYear = map[model.FinancialYear]float64{2026: 970} // replaced, not kept
	in := sample(t)
	ph, err := forecast.GoalSeekPhased(context.Background(), in, sc, 0.8, 1, forecast.ObjectiveTotal, forecast.Options{Workers: 2})
	if err != nil || !ph.Reached {
		t.Fatalf("goal seek: %v, reached %v", err, ph != nil && ph.Reached)
	}
	want, _ := ph.Answer(sc)
	tm := startWith(t, 80, 24, in, []model.Scenario{sc})
	press(tm, "a")
	waitForAll(t, tm, "recomputing", "vs previous run")
	m := finish(t, tm)
	if got := m.ctx.Scenario(); !maps.Equal(got.EnvelopeUpliftByYear, want.EnvelopeUpliftByYear) || got.EnvelopeUpliftM != 0 {
		t.Errorf("uplift after applying: %v and %v a year, want the table %v", got.EnvelopeUpliftByYear, got.EnvelopeUpliftM, want.EnvelopeUpliftByYear)
	}
	// Within a Monte Carlo error of the goal: the goal seek's own runs and a
	// forecast of the scenario with the uplift need not agree to the draw.
	if p := m.ctx.Result().PAllCoreByTarget; p.P < 0.8-2*p.SE {
		t.Errorf("P(all core) is %.3f with the table applied, want about 0.8", p.P)
	}
}

// TestApplyCapacityAndMoney applies, where no uplift is enough, the
// capacity and uplift that reach the goal, as one answer.
func TestApplyCapacityAndMoney(t *testing.T) {
	sc, in := testScenario(), sample(t)
	g, err := forecast.GoalSeekUplift(context.Background(), in, sc, 0.8, 1, forecast.Options{Workers: 2})
	if err != nil || g.Reached || g.CapacityNeeded == 0 {
		t.Fatalf("goal seek: %v, %+v", err, g)
	}
	tm := startWith(t, 80, 24, in, []model.Scenario{sc})
	press(tm, "a")
	waitForAll(t, tm, "recomputing", "vs previous run")
	got := finish(t, tm).ctx.Scenario()
	if got.CapacityStarts != g.CapacityNeeded || got.EnvelopeUpliftM != g.CapacityUplift {
		t.Errorf("after applying: capacity %d, uplift %g; want %d and %g", got.CapacityStarts, got.EnvelopeUpliftM, g.CapacityNeeded, g.CapacityUplift)
	}
}

// TestCompareDuplicate compares a scenario with its duplicate: every
// difference is zero, with zero Monte Carlo error.
func TestCompareDuplicate(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "v")
	waitFor(t, tm, "Comparing needs two scenarios")
	press(tm, "c")
	waitForAll(t, tm, "Duplicated as", "ran in (fixed)") // the copy is added and run
	press(tm, "v")
	waitFor(t, tm, "Same seed")
	v := finish(t, tm).View()
	row := rowAfter(v, "± s.e.")
	for _, s := range []string{"Total cost", " £0.0m", "±£0.0m"} {
		if !strings.Contains(row, s) {
			t.Errorf("first comparison row %q lacks %q:\n%s", row, s, v)
		}
	}
}

// TestCompareListsDifferingInputs: the comparison names the inputs that
// differ between the scenarios, with each one's value, under the figures.
func TestCompareListsDifferingInputs(t *testing.T) {
	other := testScenario()
	other.Name = "Faster"
	other.CapacityStarts = 150
	tm := startWith(t, 120, 40, sample(t), []model.Scenario{testScenario(), other})
	press(tm, "2", "v")
	waitFor(t, tm, "Inputs that differ")
	v := finish(t, tm).View()
	row := rowAfter(v, "Inputs that differ")
	for _, s := range []string{"capacity_starts", "80", "150"} {
		if !strings.Contains(row, s) {
			t.Errorf("row %q lacks %q:\n%s", row, s, v)
		}
	}
}

// TestCalibrate adds the Calibrated scenario from the sample's past
// funding and shows the fit.
func TestCalibrate(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "C")
	waitForAll(t, tm, "Added scenario", "ran in (fixed)")
	m := finish(t, tm)
	if n, name := len(m.ctx.Scenarios), m.ctx.Scenario().Name; n != 2 || name != "Calibrated" {
		t.Errorf("%d scenarios, current %q: want the Calibrated scenario added and current", n, name)
	}
	if v := m.View(); !strings.Contains(v, "R²") || !strings.Contains(v, "a.acute") {
		t.Errorf("the fit is not shown:\n%s", v)
	}
}

// TestCalibrateTooFewTrusts refuses to calibrate when no trust has a
// previous maturity, says why, and adds no scenario.
func TestCalibrateTooFewTrusts(t *testing.T) {
	in := sample(t)
	for i := range in.Trusts {
		in.Trusts[i].HasMaturityPrev = false
	}
	tm := startWith(t, 80, 24, in, []model.Scenario{testScenario()})
	press(tm, "2", "C")
	waitFor(t, tm, "Calibration could not run")
	m := finish(t, tm)
	if n := len(m.ctx.Scenarios); n != 1 {
		t.Errorf("%d scenarios after a failed calibration, want 1", n)
	}
	if v := m.View(); !strings.Contains(v, "calibration needs at least") {
		t.Errorf("the reason is not shown:\n%s", v)
	}
}

// TestViews compares the comparison and calibration views at 80×24 and
// 120×40 with their golden files.
func TestViews(t *testing.T) {
	// Each view is opened by keys, the first group's effect awaited before
	// the second is sent, and shown once everything it waits for is done.
	views := []struct {
		name        string
		keys, then  []string
		first, wait []string
	}{
		{"compare", []string{"2", "c"}, []string{"v"}, []string{"Duplicated as", "ran in (fixed)"}, []string{"Same seed"}},
		{"calibration", []string{"2", "C"}, nil, nil, []string{"Added scenario", "ran in (fixed)"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, vw := range views {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], vw.name), func(t *testing.T) {
				tm := start(t, size[0], size[1])
				press(tm, vw.keys...)
				if vw.first != nil {
					waitForAll(t, tm, vw.first...)
				}
				press(tm, vw.then...)
				waitForAll(t, tm, vw.wait...)
				v := finish(t, tm).View()
				if w := lipgloss.Width(v); w > size[0] {
					t.Errorf("view is %d cells wide, more than the terminal's %d", w, size[0])
				}
				golden.RequireEqual(t, []byte(lines(v)))
			})
		}
	}
}

// rowAfter returns the line after the first line containing s.
func rowAfter(v, s string) string {
	ls := strings.Split(v, "\n")
	for i, l := range ls {
		if strings.Contains(l, s) && i+1 < len(ls) {
			return ls[i+1]
		}
	}
	return ""
}

// TestTypedConfidence types a confidence with G: the goal seek answers for
// it; a confidence of 100% is refused with the reason.
func TestTypedConfidence(t *testing.T) {
	tm := start(t, 120, 40)
	press(tm, "G", "backspace", "backspace", "1", "0", "0", "enter")
	waitFor(t, tm, "below 100%")
	press(tm, "esc", "G", "backspace", "backspace", "3", "7", ".", "5", "enter")
	waitFor(t, tm, "with 37.5% confidence")
	m := finish(t, tm)
	if got := m.screens[OverviewScreen].(interface{ View() string }).View(); !strings.Contains(got, "37.5% confidence") {
		t.Errorf("the Overview does not answer for 37.5%%:\n%s", got)
	}
}
