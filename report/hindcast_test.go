package report

import (
	"strconv"
	"testing"
)

// TestHindcastSheetEqualsEngine checks the Hindcast sheet's tables against
// the engine's hindcast, row for row.
func TestHindcastSheetEqualsEngine(t *testing.T) {
	run := testRunOn(t, testScenario(t, "Baseline", 200), observedInputs())
	h := run.Result.Hindcast
	if h == nil || len(h.Years) != 2 {
		t.Fatalf("hindcast %+v", h)
	}
	f, path := openBook(t, []Run{run})
	header, rows := sheetTable(t, f, SheetHindcast, 0)
	col := columnOf(t, header)
	if len(rows) != 1 || rows[0][col("verdict")] != hindcastVerdictCell(h) ||
		!sameNumber(num(t, rows[0][col("brier")]), h.Brier) || !sameNumber(num(t, rows[0][col("base_rate_brier")]), h.Verdict.BaseRateBrier) {
		t.Errorf("verdict rows %v, engine %+v", rows, h.Verdict)
	}
	header, rows = sheetTable(t, f, SheetHindcast, 1)
	col = columnOf(t, header)
	if len(rows) != len(h.Years) {
		t.Fatalf("%d hindcast rows, engine has %d years", len(rows), len(h.Years))
	}
	for j, y := range h.Years {
		row := rows[j]
		if row[col("year")] != y.Year.String() || row[col("trusts_observed")] != strconv.Itoa(y.Trusts) || row[col("observed_core")] != strconv.Itoa(y.ObservedCore) ||
			row[col("pace")] != paceWord(y.Pace) {
			t.Errorf("row %d %v, engine %+v", j, row, y)
		}
		for _, c := range []struct {
			name string
			want float64
		}{{"forecast_p10", y.P10}, {"forecast_p50", y.P50}, {"forecast_p90", y.P90}, {"percentile", y.Percentile}, {"base_rate", y.BaseRate},
			{"brier", h.Brier}, {"base_rate_brier", h.Verdict.BaseRateBrier}} {
			if got := num(t, row[col(c.name)]); !sameNumber(got, c.want) {
				t.Errorf("%s %s = %v, engine %v", y.Year, c.name, got, c.want)
			}
		}
	}
	header, rows = sheetTable(t, f, SheetHindcast, 2)
	col = columnOf(t, header)
	total := 0
	for j, r := range h.Reliability {
		if got := rows[j][col("trust_years")]; got != strconv.Itoa(r.Count) {
			t.Errorf("bin %d count %s, engine %d", j, got, r.Count)
		}
		total += r.Count
	}
	if total != len(h.Pairs) {
		t.Errorf("reliability holds %d trust-years of %d", total, len(h.Pairs))
	}
	if n := countCharts(t, path); n != 5 {
		t.Errorf("%d charts, want the 4 of one run and the hindcast's", n)
	}
}
