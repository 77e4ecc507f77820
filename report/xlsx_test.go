package report

import (
	"archive/zip"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/forecast"
	"corecast/model"
)

// openBook writes runs to a new workbook and opens it.
func openBook(t *testing.T, runs []Run) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "results.xlsx")
	if err := WriteXLSX(context.Background(), path, runs, Options{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

// sheetTable reads the table whose header row starts with "scenario" (or
// "field") on a sheet: its header and the raw rows below it, up to the
// first blank row.
func sheetTable(t *testing.T, f *excelize.File, sheet string, skip int) (header []string, rows [][]string) {
	t.Helper()
	all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, r := range all {
		if len(r) > 0 && (r[0] == "scenario" || r[0] == "field" || r[0] == "input_file") {
			if found < skip {
				found++
				continue
			}
			header = r
			for _, d := range all[i+1:] {
				if len(d) == 0 || d[0] == "" {
					break
				}
				rows = append(rows, d)
			}
			return header, rows
		}
	}
	t.Fatalf("sheet %s: no table header found", sheet)
	return nil, nil
}

// sameNumber reports whether a workbook number is the engine's, to the last
// bit: the workbook writes every digit a float64 needs.
func sameNumber(got, want float64) bool {
	return got == want
}

// num parses a raw cell.
func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("cell %q is not a number", s)
	}
	return v
}

func TestWorkbookSheetsAndHeaders(t *testing.T) {
	head := []string{SheetBrief, SheetSummary}
	detail := []string{SheetByYear, SheetByRegion, SheetByType, SheetByTrust, SheetHistogram, SheetSCurves, SheetDistribution}
	tail := []string{SheetAssumptions, SheetInputs, SheetManifest}
	tests := []struct {
		name   string
		runs   func(t *testing.T) []Run
		sheets []string
		charts int
	}{
		{"one run", func(t *testing.T) []Run { return []Run{testRun(t, testScenario(t, "Baseline", 200))} },
			slices.Concat(head, detail, tail), 4},
		{"two runs", func(t *testing.T) []Run { return twoRuns(t, 200) },
			slices.Concat(head, []string{SheetComparison}, detail, tail), 7},
		{"two runs with analyses", func(t *testing.T) []Run { return analysedRuns(t, 200) },
			slices.Concat(head, []string{SheetComparison, SheetSensitivity, SheetGoalSeek, SheetInvestment, SheetFrontier, SheetHindcast}, detail, tail), 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, path := openBook(t, tc.runs(t))
			if got := f.GetSheetList(); !slices.Equal(got, tc.sheets) {
				t.Fatalf("sheets %v, want %v", got, tc.sheets)
			}
			for _, s := range tc.sheets {
				header, rows := sheetTable(t, f, s, 0)
				if len(header) < 2 || len(rows) == 0 {
					t.Errorf("sheet %s: header %v with %d rows", s, header, len(rows))
				}
				tables, err := f.GetTables(s)
				if err != nil || len(tables) == 0 {
					t.Errorf("sheet %s: no Excel table (%v)", s, err)
				}
				panes, err := f.GetPanes(s)
				if err != nil || !panes.Freeze {
					t.Errorf("sheet %s: header not frozen (%v)", s, err)
				}
			}
			if n := countCharts(t, path); n != tc.charts {
				t.Errorf("%d charts, want %d", n, tc.charts)
			}
		})
	}
}

// countCharts counts the chart parts in a workbook.
func countCharts(t *testing.T, path string) int {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	n := 0
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") && strings.HasSuffix(f.Name, ".xml") {
			n++
		}
	}
	return n
}

func TestSummaryEqualsEngine(t *testing.T) {
	runs := twoRuns(t, 300)
	f, _ := openBook(t, runs)
	header, rows := sheetTable(t, f, SheetSummary, 0)
	col := func(name string) int { return slices.Index(header, name) }
	i := 0
	for k, r := range runs {
		for _, o := range r.Result.Outputs {
			row := rows[i]
			i++
			if row[col("scenario")] != r.Result.Scenario.Name || row[col("output")] != o.Key {
				t.Fatalf("row %d is %v, want %s %s", i, row[:2], r.Result.Scenario.Name, o.Key)
			}
			for _, c := range []struct {
				name string
				want float64
			}{{"mean", o.Stats.Mean}, {"sd", o.Stats.SD}, {"mc_se", o.Stats.SE}, {"p10", o.Stats.P10}, {"p50", o.Stats.P50}, {"p90", o.Stats.P90}} {
				if got := num(t, row[col(c.name)]); !sameNumber(got, c.want) {
					t.Errorf("run %d %s %s = %v, engine %v", k, o.Key, c.name, got, c.want)
				}
			}
		}
	}
	_, head := sheetTable(t, f, SheetSummary, 1)
	if got := num(t, head[0][2]); !sameNumber(got, runs[0].Result.PAllCoreByTarget.P) {
		t.Errorf("P(all core) %v, engine %v", got, runs[0].Result.PAllCoreByTarget.P)
	}
}

func TestRowCounts(t *testing.T) {
	run := testRun(t, testScenario(t, "Baseline", 700))
	f, _ := openBook(t, []Run{run})
	tests := []struct {
		sheet string
		want  int
	}{
		{SheetByTrust, len(run.Inputs.Trusts)},
		{SheetDistribution, run.Result.Iterations},
		{SheetByYear, len(run.Result.Years)},
		{SheetByRegion, model.NumRegions},
		{SheetByType, model.NumTrustTypes},
	}
	for _, tc := range tests {
		if _, rows := sheetTable(t, f, tc.sheet, 0); len(rows) != tc.want {
			t.Errorf("%s has %d rows, want %d", tc.sheet, len(rows), tc.want)
		}
	}
}

// TestReproduceFromManifest re-runs the scenario with the seed and iterations
// the Manifest records and gets identical numbers.
func TestReproduceFromManifest(t *testing.T) {
	run := testRun(t, testScenario(t, "Baseline", 400, "sampling=random"))
	f, _ := openBook(t, []Run{run})
	_, man := sheetTable(t, f, SheetManifest, 0)
	fields := map[string]string{}
	for _, r := range man {
		if len(r) > 1 {
			fields[r[0]] = r[1]
		}
	}
	seed, err := strconv.ParseUint(fields["seed"], 10, 64)
	if err != nil {
		t.Fatalf("manifest seed %q: %v", fields["seed"], err)
	}
	sc := model.DefaultScenario()
	sc.Name = "Baseline"
	if err := sc.SetAll([]string{"sampling=" + fields["sampling"], "iterations=" + fields["iterations"]}); err != nil {
		t.Fatal(err)
	}
	sc.Seed = seed
	again, err := forecast.Run(context.Background(), testInputs(), sc, forecast.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	header, rows := sheetTable(t, f, SheetDistribution, 0)
	need := slices.Index(header, "total_need")
	if len(rows) != again.Iterations {
		t.Fatalf("%d distribution rows, re-run has %d iterations", len(rows), again.Iterations)
	}
	for s, r := range rows {
		if got := num(t, r[need]); !sameNumber(got, again.TotalNeed[s]) || again.TotalNeed[s] != run.Result.TotalNeed[s] {
			t.Fatalf("iteration %d: workbook total_need %v, re-run %v", s+1, got, again.TotalNeed[s])
		}
	}
	_, sum := sheetTable(t, f, SheetSummary, 0)
	for i, o := range again.Outputs {
		if got := num(t, sum[i][4]); !sameNumber(got, o.Stats.Mean) || o.Stats != run.Result.Outputs[i].Stats {
			t.Errorf("%s mean: workbook %v, re-run %v", o.Key, got, o.Stats.Mean)
		}
	}
}

// TestFormulaInjection checks that input text beginning with = + - @ is
// written as text that no spreadsheet evaluates.
func TestFormulaInjection(t *testing.T) {
	run := testRun(t, testScenario(t, "=cmd|' /C calc'!A0", 100))
	f, _ := openBook(t, []Run{run})
	header, rows := sheetTable(t, f, SheetByTrust, 0)
	nameCol := slices.Index(header, "name")
	for i, r := range rows {
		if r[nameCol] != evilName {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(nameCol+1, i+1+headerRow(t, f, SheetByTrust))
		assertText(t, f, SheetByTrust, cell, evilName)
		return
	}
	t.Fatalf("trust %q not found on %s", evilName, SheetByTrust)
}

// headerRow finds the header row of a sheet's table.
func headerRow(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "scenario" {
			return i + 1
		}
	}
	t.Fatalf("%s: no header", sheet)
	return 0
}

// assertText checks a cell holds want as a string, with no formula, in the
// text number format.
func assertText(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	v, _ := f.GetCellValue(sheet, cell)
	typ, _ := f.GetCellType(sheet, cell)
	formula, _ := f.GetCellFormula(sheet, cell)
	styleID, _ := f.GetCellStyle(sheet, cell)
	style, err := f.GetStyle(styleID)
	if err != nil {
		t.Fatal(err)
	}
	if v != want || formula != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) || style.NumFmt != 49 {
		t.Errorf("%s!%s: value %q type %v formula %q numfmt %d; want the text %q in text format", sheet, cell, v, typ, formula, style.NumFmt, want)
	}
}
