package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
)

// TestExportCarriesAnalyses runs the sensitivity and the frontier on their
// screens (the Overview's goal seek runs after every run), exports, and
// reads back their sheets: the same numbers as the screens hold, and a
// Brief that gives the answer.
func TestExportCarriesAnalyses(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 120, 40, WithWorkDir(dir))
	press(tm, "5")
	waitFor(t, tm, "Spearman")
	press(tm, "6")
	waitFor(t, tm, "Price of confidence")
	press(tm, "7")
	waitFor(t, tm, "with its sensitivity, goal seek (P ≥ 80.0%) and frontier")
	press(tm, "enter")
	waitFor(t, tm, "Wrote")
	m := finish(t, tm)
	a := m.ctx.AnalysesOf(m.ctx.Result())
	if a.Sensitivity == nil || a.Frontier == nil || a.Phased == nil || len(a.GoalSeek) != 1 || len(a.Investment) == 0 {
		t.Fatalf("the screens hold %+v", a)
	}
	f := openXLSX(t, filepath.Join(dir, "corecast-baseline.xlsx"))

	tornado := sheetTable(t, f, "Sensitivity", "need_at_p10_m")
	if len(tornado) != len(a.Sensitivity.Bars) {
		t.Fatalf("Sensitivity: %d tornado rows, the screen has %d bars", len(tornado), len(a.Sensitivity.Bars))
	}
	for j, b := range a.Sensitivity.Bars {
		r := tornado[j]
		if r["input"] != b.Input || !near(t, r["need_at_p10_m"], b.NeedLow) || !near(t, r["need_at_p90_m"], b.NeedHigh) {
			t.Errorf("Sensitivity row %d is %v; the screen's bar is %s %g–%g", j+1, r, b.Input, b.NeedLow, b.NeedHigh)
		}
	}

	g := a.GoalSeek[0]
	seeks := sheetTable(t, f, "GoalSeek", "best_value")
	if len(seeks) != 1 || !near(t, seeks[0]["goal"], g.Goal) || !near(t, seeks[0]["p"], g.P) {
		t.Errorf("GoalSeek rows %v; the Overview's answer has goal %g, P %g", seeks, g.Goal, g.P)
	}
	money := sheetTable(t, f, "InvestmentNeeded", "uplift_m")
	for _, iv := range a.Investment {
		i := slices.IndexFunc(money, func(r map[string]string) bool {
			return r["answer"] == iv.Answer && r["year"] == iv.Years[0].Year.String()
		})
		if i < 0 || !near(t, money[i]["uplift_m"], iv.Years[0].UpliftM) || !near(t, money[i]["national_spend_mean_m"], iv.Years[0].NationalSpendMeanM) {
			t.Errorf("InvestmentNeeded lacks the %s answer's %s as the Overview has it", iv.Answer, iv.Years[0].Year)
		}
	}

	fr := a.Frontier
	grid := sheetTable(t, f, "Frontier", "uplift_m")
	if len(grid) != len(fr.Capacities)*len(fr.Uplifts) {
		t.Fatalf("Frontier: %d grid rows, the screen's grid has %d×%d", len(grid), len(fr.Capacities), len(fr.Uplifts))
	}
	for i, r := range grid {
		c, u := i/len(fr.Uplifts), i%len(fr.Uplifts)
		if r["capacity_starts"] != fmt.Sprint(fr.Capacities[c]) || !near(t, r["uplift_m"], fr.Uplifts[u]) || !near(t, r["p_all_core"], fr.P[c][u]) {
			t.Errorf("Frontier row %d is %v; the screen has P %g at %d starts, +£%gm", i, r, fr.P[c][u], fr.Capacities[c], fr.Uplifts[u])
		}
	}

	for _, r := range sheetTable(t, f, "Brief", "text") {
		if r["item"] == "Answer" && (strings.Contains(r["text"], "no goal seek was run") || strings.Contains(r["text"], "Not given")) {
			t.Errorf("the Brief gives no answer: %s", r["text"])
		}
	}
}

// TestExportLeavesOutStaleAnalyses runs the sensitivity, then changes the
// scenario: the export of the new run has no Sensitivity sheet (its
// analysis was of the old run) but the goal seek of the new run.
func TestExportLeavesOutStaleAnalyses(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 120, 40, WithWorkDir(dir))
	press(tm, "5")
	waitFor(t, tm, "Spearman")
	press(tm, append(append([]string{"2"}, toIterations...), "enter", "4", "0", "0", "enter")...)
	waitFor(t, tm, "Changed iterations")
	press(tm, "7")
	// The contents name the new run once it is shown, and its goal seek
	// once that has finished.
	waitFor(t, tm, "(400 iterations, seed 2020) with its goal seek")
	press(tm, "enter")
	waitFor(t, tm, "Wrote")
	finish(t, tm)
	f := openXLSX(t, filepath.Join(dir, "corecast-baseline.xlsx"))
	if slices.Contains(f.GetSheetList(), "Sensitivity") {
		t.Error("the export holds the sensitivity of the run before the change")
	}
	seeks := sheetTable(t, f, "GoalSeek", "best_value")
	if len(seeks) != 1 || seeks[0]["iterations"] != "400" {
		t.Errorf("GoalSeek rows %v, want one of the 400-iteration run", seeks)
	}
}

// toIterations moves the Scenario screen's cursor from the name to
// iterations: past the ten distributions and four plain keys.
var toIterations = slices.Repeat([]string{"down"}, 15)

// TestAssumptionsSourcesTUI loads a scenario from a file, applies the
// Overview's answer with a and types iterations on the Scenario screen,
// then exports: the Assumptions sheet sources each value truly and a note
// says what was changed in the TUI.
func TestAssumptionsSourcesTUI(t *testing.T) {
	sc, err := data.ParseScenarioTOML("scenarios/wide.toml", []byte("name = \"Wide\"\ncapacity_starts = 250\niterations = 500\n"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tm := startWith(t, 120, 40, sample(t), []model.Scenario{sc}, WithWorkDir(dir))
	press(tm, "a")
	waitForAll(t, tm, "recomputing", "vs previous run")
	press(tm, append(append([]string{"2"}, toIterations...), "enter", "4", "0", "0", "enter")...)
	waitFor(t, tm, "Changed iterations")
	press(tm, "7")
	waitFor(t, tm, "(400 iterations")
	press(tm, "enter")
	waitFor(t, tm, "Wrote")
	m := finish(t, tm)
	f := openXLSX(t, filepath.Join(dir, "corecast-wide.xlsx"))
	got := map[string][2]string{}
	for _, r := range sheetTable(t, f, "Assumptions", "changed") {
		got[r["key"]] = [2]string{r["source"], r["changed"]}
	}
	goal := "applied in the TUI from the Overview's goal seek for 80.0% confidence"
	capacity := [2]string{"scenario file wide.toml", "yes"}
	if m.ctx.Scenario().CapacityStarts != 250 { // the answer needed more capacity too
		capacity[0] = goal
	}
	for key, want := range map[string][2]string{
		"name":              {"scenario file wide.toml", "yes"},
		"capacity_starts":   capacity,
		"envelope_uplift_m": {goal, "yes"},
		"iterations":        {"set in the TUI", "yes"},
		"seed":              {"corecast default (README, Scenario keys)", "no"},
	} {
		if got[key] != want {
			t.Errorf("Assumptions %s: %q, want %q", key, got[key], want)
		}
	}
	for _, sheet := range []string{"Assumptions", "Manifest"} {
		rows, _ := f.GetRows(sheet)
		var notes []string
		for _, r := range rows {
			if len(r) == 1 {
				notes = append(notes, r[0])
			}
		}
		if !slices.ContainsFunc(notes, func(n string) bool {
			return strings.Contains(n, "Wide was changed in the TUI after it was loaded") && strings.Contains(n, "iterations (set by hand)")
		}) {
			t.Errorf("no note on the %s sheet says what was changed in the TUI: %q", sheet, notes)
		}
	}
}
