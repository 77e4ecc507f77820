package cli

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
	"corecast/report"
)

// TestRunHindcast runs the sample, whose Observed sheet gives the run a
// hindcast: a line on stderr and a Hindcast sheet in the export. The
// sample's history agrees with its default scenario, so neither says
// otherwise.
func TestRunHindcast(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.xlsx")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "200", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "Baseline: hindcast on 146 observed trust-years: Brier ") {
		t.Errorf("stderr has no hindcast line:\n%s", stderr)
	}
	if strings.Contains(stderr, "calibrate --delivery") {
		t.Errorf("stderr has a verdict against the sample's own scenario:\n%s", stderr)
	}
	if v := hindcastVerdictCell(t, out); !strings.HasPrefix(v, "history agrees with this scenario") {
		t.Errorf("Hindcast sheet's verdict %q, want agreement", v)
	}
}

// TestRunHindcastDisagrees runs the sample with its observations replaced
// by ones where no trust has moved since the base year, so far fewer are
// core than the scenario forecasts: the verdict is on stderr, under the
// hindcast line, and on the export's Hindcast sheet.
func TestRunHindcastDisagrees(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	maturity := map[string]float64{}
	for _, tr := range in.Trusts {
		maturity[tr.Code] = tr.Maturity
	}
	for i := range in.Observed {
		in.Observed[i].Maturity = maturity[in.Observed[i].Code]
	}
	dir := t.TempDir()
	book, out := filepath.Join(dir, "stalled.xlsx"), filepath.Join(dir, "out.xlsx")
	if err := data.WriteInputsWorkbook(book, in, false); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, context.Background(), "run", "--input", book, "--iterations", "200", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var verdict string
	for _, l := range strings.Split(stderr, "\n") {
		if v, ok := strings.CutPrefix(l, "Baseline: history says delivery is slower than this scenario assumes: "); ok {
			verdict = "history says delivery is slower than this scenario assumes: " + v
		}
	}
	if verdict == "" || !strings.HasSuffix(verdict, "; try corecast calibrate --delivery") || !strings.Contains(verdict, "observed core by 2021-22, forecast ") {
		t.Fatalf("stderr has no verdict of slower delivery naming calibrate --delivery:\n%s", stderr)
	}
	if v := hindcastVerdictCell(t, out); v != verdict {
		t.Errorf("Hindcast sheet's verdict\n%s\nwant the one on stderr\n%s", v, verdict)
	}
}

// hindcastVerdictCell reads the verdict of the one run in an export's
// Hindcast sheet.
func hindcastVerdictCell(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), report.SheetHindcast) {
		t.Fatalf("sheets %v have no %s", f.GetSheetList(), report.SheetHindcast)
	}
	rows, err := f.GetRows(report.SheetHindcast)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if k := slices.Index(r, "verdict"); k >= 0 && len(r) > 0 && r[0] == "scenario" && i+1 < len(rows) && k < len(rows[i+1]) {
			return rows[i+1][k]
		}
	}
	t.Fatalf("the Hindcast sheet has no verdict: %q", rows)
	return ""
}

// TestRunObservedContradiction refuses, with exit code 2 and the trust
// named, a trust observed core in the base year whose maturity is not.
func TestRunObservedContradiction(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	var code string
	for _, tr := range in.Trusts {
		if tr.Maturity < 75 {
			code = tr.Code
			break
		}
	}
	in.Observed = append(in.Observed, model.Observation{Code: code, Year: 2019, Maturity: 90})
	book := filepath.Join(t.TempDir(), "book.xlsx")
	if err := data.WriteInputsWorkbook(book, in, false); err != nil {
		t.Fatal(err)
	}
	exit, _, stderr := runCLI(t, context.Background(), "run", "--input", book, "--iterations", "50", "--out", filepath.Join(t.TempDir(), "o.xlsx"))
	if exit != 2 || !strings.Contains(stderr, "trust "+code+" is observed core (maturity 90) in 2019-20") {
		t.Fatalf("exit %d, stderr %q", exit, stderr)
	}
}

// TestHindcastLineBand writes the forecast band's bounds, percentiles of a
// count that may fall between whole numbers, without binary noise.
func TestHindcastLineBand(t *testing.T) {
	r := &forecast.Result{Scenario: model.DefaultScenario(), Hindcast: &forecast.Hindcast{
		Pairs: make([]forecast.HindcastPair, 146), Brier: 0.388, Verdict: forecast.Verdict{BaseRateBrier: 0.2087},
		Years: []forecast.HindcastYear{
			{Year: 2021, Trusts: 73, ObservedCore: 16, P10: 15, P90: 29.10000000000001, Percentile: 0.14},
			{Year: 2023, Trusts: 73, ObservedCore: 32, P10: 31, P90: 64.10000000000001, Percentile: 0.16},
		},
	}}
	got := hindcastLine(r)
	want := "Baseline: hindcast on 146 observed trust-years: Brier 0.388 (observed base rate 0.209); observed core 16 of 73 in 2021-22 (forecast P10–P90 15–29.1, percentile 14%); observed core 32 of 73 in 2023-24 (forecast P10–P90 31–64.1, percentile 16%)"
	if got != want {
		t.Errorf("hindcastLine =\n%s\nwant\n%s", got, want)
	}
}
