package report

import (
	"archive/zip"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"corecast/forecast"
)

// columnOf returns a lookup of a header's column positions that fails the test
// on an unknown name.
func columnOf(t *testing.T, header []string) func(string) int {
	t.Helper()
	return func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %s in %v", name, header)
		}
		return i
	}
}

func TestSensitivitySheetEqualsEngine(t *testing.T) {
	runs := analysedRuns(t, 200)
	f, path := openBook(t, runs)
	sheets := f.GetSheetList()
	if want := []string{SheetBrief, SheetSummary, SheetComparison, SheetSensitivity, SheetGoalSeek, SheetInvestment, SheetFrontier, SheetHindcast, SheetByYear}; !slices.Equal(sheets[:len(want)], want) {
		t.Fatalf("sheets %v: want %v first", sheets, want)
	}
	header, rows := sheetTable(t, f, SheetSensitivity, 0)
	col := columnOf(t, header)
	i := 0
	for _, r := range runs {
		s := r.Sensitivity
		for j, bar := range s.Bars {
			row := rows[i]
			i++
			if row[col("scenario")] != r.Result.Scenario.Name || row[col("input")] != bar.Input || row[col("rank")] != strconv.Itoa(j+1) {
				t.Fatalf("tornado row %d is %v, want %s %s", i, row[:3], r.Result.Scenario.Name, bar.Input)
			}
			for _, c := range []struct {
				name string
				want float64
			}{{"p10_value", bar.Low}, {"p90_value", bar.High}, {"need_at_p10_m", bar.NeedLow}, {"need_at_p90_m", bar.NeedHigh},
				{"need_swing_m", bar.NeedSwing()}, {"change_at_p10_m", bar.NeedLow - s.BaseNeed}, {"change_at_p90_m", bar.NeedHigh - s.BaseNeed},
				{"base_need_m", s.BaseNeed}, {"p_all_core_at_p10", bar.PCoreLow}, {"p_all_core_at_p90", bar.PCoreHigh}} {
				if got := num(t, row[col(c.name)]); !sameNumber(got, c.want) {
					t.Errorf("%s %s %s = %v, engine %v", r.Result.Scenario.Name, bar.Input, c.name, got, c.want)
				}
			}
		}
	}
	if i != len(rows) {
		t.Errorf("%d tornado rows, engine has %d bars", len(rows), i)
	}
	header, rows = sheetTable(t, f, SheetSensitivity, 1)
	col = columnOf(t, header)
	if want := len(runs[0].Sensitivity.Ranks) + len(runs[1].Sensitivity.Ranks); len(rows) != want {
		t.Fatalf("%d rank rows, want %d", len(rows), want)
	}
	for j, rk := range runs[0].Sensitivity.Ranks {
		row := rows[j]
		if row[col("input")] != rk.Input || !sameNumber(num(t, row[col("rho_total_need")]), rk.RhoNeed) || !sameNumber(num(t, row[col("rho_core_by_target")]), rk.RhoCore) {
			t.Errorf("rank row %d is %v, engine %+v", j+1, row, rk)
		}
	}
	bars := 0
	for _, xml := range chartParts(t, path) {
		if strings.Contains(xml, `barDir val="bar"`) {
			bars++
		}
	}
	if bars != len(runs) {
		t.Errorf("%d horizontal bar charts, want one tornado per run", bars)
	}
}

// chartParts returns the XML of every chart part of a workbook.
func chartParts(t *testing.T, path string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var out []string
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/charts/chart") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestGoalSeekSheetEqualsEngine(t *testing.T) {
	run := analysed(t, testRun(t, testScenario(t, "Baseline", 300)))
	unreachable := analysed(t, testRun(t, testScenario(t, "Slow", 300, "deploy_years.dist=fixed", "deploy_years.value=6")))
	runs := []Run{run, unreachable}
	f, _ := openBook(t, runs)
	header, rows := sheetTable(t, f, SheetGoalSeek, 0)
	col := columnOf(t, header)
	if len(rows) != 4 {
		t.Fatalf("%d goal seek rows, want 4", len(rows))
	}
	i := 0
	for _, r := range runs {
		for _, g := range r.GoalSeek {
			row := rows[i]
			i++
			if row[col("lever")] != g.Lever || row[col("reached")] != map[bool]string{true: "yes", false: "no"}[g.Reached] {
				t.Fatalf("row %d is %v, engine %+v", i, row, g)
			}
			if got := num(t, row[col("p")]); !sameNumber(got, g.P) {
				t.Errorf("row %d p = %v, engine %v", i, got, g.P)
			}
			if got := num(t, row[col("evaluations")]); got != float64(g.Evaluations) {
				t.Errorf("row %d evaluations = %v, engine %d", i, got, g.Evaluations)
			}
			if !g.Reached {
				if why := WhatBinds(g, r.Result.Scenario); row[col("binding")] != why || why == "" || len(row) > col("value") && row[col("value")] != "" {
					t.Errorf("unreached row %d: %v", i, row)
				}
				continue
			}
			value := num(t, row[col("value")])
			want := "--set " + g.Lever + "=" + strconv.FormatFloat(g.Value, 'f', -1, 64)
			if !sameNumber(value, g.Value) || row[col("reproduce")] != want {
				t.Errorf("row %d value %v reproduce %q, engine %v", i, value, row[col("reproduce")], g.Value)
			}
		}
	}
	if runs[0].GoalSeek[0].Reached == runs[1].GoalSeek[0].Reached {
		t.Errorf("want one reachable and one unreachable uplift, got %+v and %+v", runs[0].GoalSeek[0], runs[1].GoalSeek[0])
	}
}

// TestComparisonIsPaired checks the Comparison sheet carries forecast.Compare:
// paired errors for runs with the same seed, unpaired for another seed.
func TestComparisonIsPaired(t *testing.T) {
	runs := append(twoRuns(t, 300), testRun(t, testScenario(t, "Other seed", 300, "seed=8")))
	f, _ := openBook(t, runs)
	header, rows := sheetTable(t, f, SheetComparison, 0)
	col := columnOf(t, header)
	i := 0
	for k := 1; k < len(runs); k++ {
		for _, d := range forecast.Compare(runs[0].Result, runs[k].Result) {
			row := rows[i]
			i++
			paired := map[bool]string{true: "yes", false: "no"}[d.Paired]
			if row[col("measure")] != d.Key || row[col("paired")] != paired || d.Paired != (k == 1) {
				t.Fatalf("row %d is %v, want %s paired %s", i, row, d.Key, paired)
			}
			for _, c := range []struct {
				name string
				want float64
			}{{"value", d.B}, {"first_value", d.A}, {"difference", d.Diff}, {"difference_mc_se", d.SE}} {
				if got := num(t, row[col(c.name)]); !sameNumber(got, c.want) {
					t.Errorf("run %d %s %s = %v, engine %v", k, d.Key, c.name, got, c.want)
				}
			}
		}
	}
	if i != len(rows) {
		t.Errorf("%d comparison rows, want %d", len(rows), i)
	}
}
