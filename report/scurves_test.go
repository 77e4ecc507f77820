package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSCurvesSheetEqualsEngine reads the SCurves sheet back and finds each
// run's S-curves as the engine gives them, to the last bit: the levels,
// the budget_p of a run that is not one of them, and the three amounts.
func TestSCurvesSheetEqualsEngine(t *testing.T) {
	runs := []Run{
		testRun(t, testScenario(t, "Baseline", 300)),
		testRun(t, testScenario(t, "Budget at P82.5", 300, "budget_p=0.825")),
	}
	f, _ := openBook(t, runs)
	header, rows := sheetTable(t, f, SheetSCurves, 0)
	want := []string{"scenario", "level", "total_need_m", "national_need_m", "plan_window_spend_m"}
	if !slices.Equal(header, want) {
		t.Fatalf("header %v, want %v", header, want)
	}
	i := 0
	for _, r := range runs {
		c := r.Result.SCurves()
		if r.Result.Scenario.BudgetP == 0.825 && !slices.Contains(c.Levels, 0.825) {
			t.Fatal("budget_p 0.825 is not among the levels")
		}
		for j, level := range c.Levels {
			if i >= len(rows) {
				t.Fatalf("%d rows, want more", len(rows))
			}
			row := rows[i]
			i++
			if row[0] != r.Result.Scenario.Name {
				t.Fatalf("row %d is of %q, want %q", i, row[0], r.Result.Scenario.Name)
			}
			for k, v := range []float64{level, c.TotalNeed[j], c.NationalNeed[j], c.PlanWindowSpend[j]} {
				if got := num(t, row[1+k]); !sameNumber(got, v) {
					t.Errorf("%s %s at %g: workbook %v, engine %v", row[0], header[1+k], level, got, v)
				}
			}
		}
	}
	if i != len(rows) {
		t.Errorf("%d rows, engine has %d", len(rows), i)
	}
}

// TestSCurvesCharts checks that each run has a scatter chart of its three
// curves, amounts along the bottom and levels up the side, on its own rows
// of the SCurves table.
func TestSCurvesCharts(t *testing.T) {
	runs := twoRuns(t, 100)
	_, path := openBook(t, runs)
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	// Both coordinates are numeric references: amounts are not text.
	type ref struct {
		F string `xml:"numRef>f"`
	}
	var charts [][]string // per chart: each series' name, x and y references
	for _, part := range z.File {
		if !strings.HasPrefix(part.Name, "xl/charts/chart") {
			continue
		}
		var doc struct {
			Series []struct {
				Name string `xml:"tx>strRef>f"`
				X    ref    `xml:"xVal"`
				Y    ref    `xml:"yVal"`
			} `xml:"chart>plotArea>scatterChart>ser"`
		}
		r, err := part.Open()
		if err != nil {
			t.Fatal(err)
		}
		err = xml.NewDecoder(r).Decode(&doc)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", part.Name, err)
		}
		if len(doc.Series) == 0 {
			continue
		}
		var refs []string
		for _, s := range doc.Series {
			refs = append(refs, s.Name, s.X.F, s.Y.F)
		}
		charts = append(charts, refs)
	}
	// Each run's rows follow the header, 21 of them: budget_p 0.8 is one
	// of the levels.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := headerRow(t, f, SheetSCurves)
	var want [][]string
	for k := range runs {
		r1, r2 := head+1+21*k, head+21*(k+1)
		var refs []string
		for _, col := range []string{"C", "D", "E"} {
			refs = append(refs, fmt.Sprintf("'SCurves'!$%s$%d", col, head),
				fmt.Sprintf("'SCurves'!$%s$%d:$%s$%d", col, r1, col, r2),
				fmt.Sprintf("'SCurves'!$B$%d:$B$%d", r1, r2))
		}
		want = append(want, refs)
	}
	if len(charts) != len(want) {
		t.Fatalf("%d scatter charts, want %d: %v", len(charts), len(want), charts)
	}
	for _, w := range want {
		if !slices.ContainsFunc(charts, func(c []string) bool { return slices.Equal(c, w) }) {
			t.Errorf("no chart refers to %v; charts %v", w, charts)
		}
	}
}
