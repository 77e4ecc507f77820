package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
)

// TestCalibrateDeliverySample fits delivery to the sample's Observed sheet
// and writes the Calibrated delivery scenario, which loads back.
func TestCalibrateDeliverySample(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "delivery.toml")
	code, stdout, stderr := runCLI(t, context.Background(), "calibrate", book, "--delivery", "--iterations", "200", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, s := range []string{"146 observed trust-years", "Log-likelihood", "capacity_starts", "deploy_years mode", "Calibrated delivery", "wrote " + out} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output does not mention %q:\n%s", s, stdout)
		}
	}
	if code, _, stderr := runCLI(t, context.Background(), "run", "--input", book, "--scenario", out, "--iterations", "100", "--out", filepath.Join(dir, "out.xlsx")); code != 0 {
		t.Fatalf("running the calibrated scenario: exit %d: %s", code, stderr)
	}
}

// TestCalibrateDeliveryTooFew refuses a workbook without enough
// observations, in one sentence, with exit code 2.
func TestCalibrateDeliveryTooFew(t *testing.T) {
	few := book(t, goodSheets())
	code, _, stderr := runCLI(t, context.Background(), "calibrate", few, "--delivery")
	if code != 2 || !strings.Contains(stderr, "needs at least 20 observed trust-years") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
		t.Errorf("error is not one line:\n%s", stderr)
	}
}
