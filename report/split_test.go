package report

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDistributionSplitsPastTheRowLimit lowers the worksheet row limit and
// checks that a Distribution table longer than a sheet continues on
// "Distribution 2", "Distribution 3", ...: each part within the limit, with
// the notes, the header, its own Excel table, dimension, print titles and
// print area, and the parts together hold every iteration in order, exactly once.
func TestDistributionSplitsPastTheRowLimit(t *testing.T) {
	const limit = 60
	const header = 4 // two notes and a blank row above it
	const perSheet = limit - header
	for _, iterations := range []int{perSheet, perSheet + 1, 250} {
		t.Run(strconv.Itoa(iterations), func(t *testing.T) {
			run := testRun(t, testScenario(t, "Baseline", iterations))
			path := filepath.Join(t.TempDir(), "split.xlsx")
			if err := WriteXLSX(context.Background(), path, []Run{run}, Options{maxRows: limit}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			parts := (iterations + perSheet - 1) / perSheet
			var want []string
			for p := 1; p <= parts; p++ {
				name := SheetDistribution
				if p > 1 {
					name += " " + strconv.Itoa(p)
				}
				want = append(want, name)
			}
			sheets := f.GetSheetList()
			at := slices.Index(sheets, SheetDistribution)
			if at < 0 || !slices.Equal(sheets[at:at+parts], want) || sheets[at-1] != SheetSCurves || sheets[at+parts] != SheetAssumptions {
				t.Fatalf("sheets %v, want %v after SCurves and before Assumptions", sheets, want)
			}
			raw := readRawBook(t, path)
			var names []string
			next := 1 // the iteration the next row must hold
			for p, name := range want {
				rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) > limit || len(rows) < 4 || rows[0][0] == "" {
					t.Fatalf("%s: %d rows (limit %d), first %v", name, len(rows), limit, rows[0])
				}
				if p == 0 {
					names = rows[header-1]
				} else if !slices.Equal(rows[header-1], names) || rows[0][0] != mustCell(t, f, SheetDistribution, "A1") {
					t.Errorf("%s: notes %q and header %v, want those of %s", name, rows[0][0], rows[header-1], SheetDistribution)
				}
				iter, need := slices.Index(names, "iteration"), slices.Index(names, "total_need")
				for _, r := range rows[header:] {
					if got, _ := strconv.Atoi(r[iter]); got != next {
						t.Fatalf("%s: row holds iteration %s, want %d", name, r[iter], next)
					}
					if got := num(t, r[need]); !sameNumber(got, run.Result.TotalNeed[next-1]) {
						t.Fatalf("%s: iteration %d total_need %v, engine %v", name, next, got, run.Result.TotalNeed[next-1])
					}
					next++
				}
				tables, err := f.GetTables(name)
				wantTable := "distribution"
				if p > 0 {
					wantTable += "_" + strconv.Itoa(p+1)
				}
				wantRange := cellName(1, header) + ":" + cellName(len(names), len(rows))
				if err != nil || len(tables) != 1 || tables[0].Name != wantTable || tables[0].Range != wantRange {
					t.Errorf("%s: tables %+v (%v), want %s over %s", name, tables, err, wantTable, wantRange)
				}
				rs := raw.sheets[name]
				if rs.Dimension.Ref != rs.usedRange(t) {
					t.Errorf("%s: dimension %s, cells occupy %s", name, rs.Dimension.Ref, rs.usedRange(t))
				}
				titled := slices.ContainsFunc(raw.defined, func(d rawDefinedName) bool {
					return d.Name == printTitles && d.Value == printTitlesRef(name, header)
				})
				if !titled {
					t.Errorf("%s: no print titles", name)
				}
				area := "'" + name + "'!$A$1:$" + colName(len(names)) + "$" + strconv.Itoa(min(len(rows), header+distributionPrintRows))
				if !slices.ContainsFunc(raw.defined, func(d rawDefinedName) bool { return d.Name == printArea && d.Value == area }) {
					t.Errorf("%s: no print area %s among %+v", name, area, raw.defined)
				}
			}
			if next != iterations+1 {
				t.Errorf("the parts hold %d iterations, want %d", next-1, iterations)
			}
		})
	}
}

// mustCell reads one cell or fails.
func mustCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
