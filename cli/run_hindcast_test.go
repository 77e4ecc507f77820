package cli

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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
