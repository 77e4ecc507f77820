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
// hindcast: a line on stderr and a Hindcast sheet in the export.
func TestRunHindcast(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.xlsx")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "200", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "Baseline: hindcast on 146 observed trust-years: Brier ") {
		t.Errorf("stderr has no hindcast line:\n%s", stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), report.SheetHindcast) {
		t.Errorf("sheets %v have no %s", f.GetSheetList(), report.SheetHindcast)
	}
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
		Pairs: make([]forecast.HindcastPair, 146), Brier: 0.388,
		Years: []forecast.HindcastYear{
			{Year: 2021, Trusts: 73, ObservedCore: 16, P10: 15, P90: 29.10000000000001, Percentile: 0.14},
			{Year: 2023, Trusts: 73, ObservedCore: 32, P10: 31, P90: 64.10000000000001, Percentile: 0.16},
		},
	}}
	got := hindcastLine(r)
	want := "Baseline: hindcast on 146 observed trust-years: Brier 0.388; observed core 16 of 73 in 2021-22 (forecast P10–P90 15–29.1, percentile 14%); observed core 32 of 73 in 2023-24 (forecast P10–P90 31–64.1, percentile 16%)"
	if got != want {
		t.Errorf("hindcastLine =\n%s\nwant\n%s", got, want)
	}
}
