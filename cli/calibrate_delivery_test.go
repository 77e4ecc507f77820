package cli

import (
	"context"
	"fmt"
	"io"
	"os"
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

// TestCalibrateDeliveryKeepsBaseIterations writes the Calibrated delivery
// scenario with the base scenario's iterations and seed, whatever
// --iterations the search ran at each point.
func TestCalibrateDeliveryKeepsBaseIterations(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	baseline, err := LoadSession(book, "", nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		scenario string // TOML of --scenario; "" for none
		iters    int
		seed     uint64
	}{
		{"the workbook's scenario", "", baseline.Scenarios[0].Iterations, baseline.Scenarios[0].Seed},
		{"a scenario file", "iterations = 3000\nseed = 7\n", 3000, 7},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, fmt.Sprintf("delivery%d.toml", i))
			args := []string{"calibrate", book, "--delivery", "--iterations", "100", "--out", out}
			if c.scenario != "" {
				base := filepath.Join(dir, fmt.Sprintf("base%d.toml", i))
				if err := os.WriteFile(base, []byte(c.scenario), 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--scenario", base)
			}
			code, stdout, stderr := runCLI(t, context.Background(), args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "of 100 iterations each") {
				t.Errorf("output does not give the search's 100 iterations:\n%s", stdout)
			}
			if want := fmt.Sprintf("(%d iterations, as the base;", c.iters); !strings.Contains(stdout, want) {
				t.Errorf("output does not say %q:\n%s", want, stdout)
			}
			sc, err := data.LoadScenarioTOML(out)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Iterations != c.iters || sc.Seed != c.seed {
				t.Errorf("written scenario has %d iterations, seed %d; want the base's %d, %d", sc.Iterations, sc.Seed, c.iters, c.seed)
			}
		})
	}
}
