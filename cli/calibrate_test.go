package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// TestCalibrateSample calibrates on the sample workbook, writes the scenario
// and checks it loads back and runs.
func TestCalibrateSample(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	want, err := forecast.Calibrate(in, model.DefaultScenario())
	if err != nil {
		t.Fatalf("the sample no longer qualifies for calibration: %v", err)
	}
	out := filepath.Join(dir, "calibrated.toml")
	code, stdout, stderr := runCLI(t, context.Background(), "calibrate", book, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	beta, _ := want.Unit.Coefficient("beta")
	for _, s := range []string{"Free fit", "Unit fit", "residual sd", "adjusted R²", "Notes:", "unit_cost.acute", "size_elasticity",
		"normal(mean " + sig4(beta.Estimate) + ", sd " + sig4(beta.SE) + ")", "wrote " + out} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output does not mention %q:\n%s", s, stdout)
		}
	}
	if n := strings.Count(stdout, "N = "); n != 2 {
		t.Errorf("%d fit summaries, want 2", n)
	}
	sc, err := data.LoadScenarioTOML(out)
	if err != nil {
		t.Fatalf("written scenario does not load: %v", err)
	}
	if sc.Name != "Calibrated" || sc.UnitCost[model.Acute].String() != want.Scenario.UnitCost[model.Acute].String() ||
		sc.SizeElasticity.String() != want.Scenario.SizeElasticity.String() {
		t.Errorf("loaded scenario %s: acute %v, beta %v; want %v, %v", sc.Name, sc.UnitCost[model.Acute], sc.SizeElasticity,
			want.Scenario.UnitCost[model.Acute], want.Scenario.SizeElasticity)
	}
	code, _, stderr = runCLI(t, context.Background(), "run", "--input", book, "--scenario", out, "--iterations", "200", "--out", filepath.Join(dir, "r.json"))
	if code != 0 || !strings.Contains(stderr, "Calibrated: total need £") {
		t.Fatalf("running the calibrated scenario: exit %d: %s", code, stderr)
	}

	code, _, stderr = runCLI(t, context.Background(), "calibrate", book, "--out", out)
	if code != 2 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second write without --force: exit %d: %s", code, stderr)
	}
	if code, _, stderr = runCLI(t, context.Background(), "calibrate", book, "--out", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}

// TestCalibrateRefusals checks the usage errors: too few qualifying trusts,
// an --out that is not a scenario file or is the input, a missing book.
func TestCalibrateRefusals(t *testing.T) {
	few := book(t, goodSheets())
	dir := t.TempDir()
	toml := filepath.Join(dir, "s.toml")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"too few trusts", []string{"calibrate", few, "--out", toml}, "calibration needs at least"},
		{"out not toml", []string{"calibrate", few, "--out", filepath.Join(dir, "s.xlsx")}, "ending .toml"},
		{"out is a directory", []string{"calibrate", few, "--out", filepath.Join(dir, "d.toml")}, "is a directory"},
		{"no book", []string{"calibrate"}, "wants one argument"},
		{"missing book", []string{"calibrate", filepath.Join(dir, "nope.xlsx")}, "nope.xlsx"},
	}
	if err := os.Mkdir(filepath.Join(dir, "d.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, context.Background(), tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.stderr) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.stderr)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("error is not one line:\n%s", stderr)
			}
		})
	}
	if _, err := os.Stat(toml); err == nil {
		t.Errorf("%s written after a refusal", toml)
	}
}
