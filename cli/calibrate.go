package cli

import (
	"context"
	"corecast/internal/safefile"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// calibrateFlags are the flags of corecast calibrate.
type calibrateFlags struct {
	out      string
	force    bool
	scenario string
	mapPath  string
	// delivery fits the delivery parameters to the Observed sheet instead
	// of the costs to past funding.
	delivery     bool
	durationBias bool
	iterations   int
}

// newCalibrateCommand builds corecast calibrate: fit unit costs and the size
// elasticity to a workbook's past funding and offer them as a scenario.
func newCalibrateCommand(_ Options) *cobra.Command {
	var f calibrateFlags
	cmd := &cobra.Command{
		Use:   "calibrate BOOK [--delivery] [--out scenario.toml] [--force]",
		Short: "Estimate unit costs and the size elasticity from past funding",
		Long: `Fit the cost model to the trusts in BOOK (a workbook or CSV directory) whose
maturity rose from maturity_prev while they received funding: least squares of
log(£ received) on the trust type, log(points gained) and log(opex / ref_opex_m).

Two fits are printed, each coefficient with its standard error, t and p, and
the fit's N, R², adjusted R² and residual sd: the free fit, which tests the
model's assumption that cost is proportional to points gained (b = 1), and the
unit fit with b = 1, whose exp(a_type) is the unit cost (£m per point at
reference size) and whose β is the size elasticity. The calibrated scenario
takes lognormal unit costs (median exp(a_type), sigma SE(a_type)), a normal
size elasticity (β, SE(β)) and trust_sigma = the residual sd; every other value
comes from --scenario (or the baseline with the workbook's Scenario sheet).
--out writes it as a scenario file for corecast run --scenario.

With --delivery, fit delivery instead, to BOOK's Observed sheet: the
capacity_starts and deploy_years mode (with --duration-bias, duration_bias
too) under which the observed trust-years (a trust's state, core or not, by
an observed year) are most likely, by the per-trust Bernoulli log-likelihood,
on a grid refined around its best point with common random numbers, then
scanned along each value from the best (a scan that finds a likelier point
re-centres the search there). It prints the best point evaluated anywhere in
the search, the range of each value among the points evaluated within 2
log-likelihood units of it, the log-likelihood and the number of observed
trust-years; the scenario is named "Calibrated delivery" and keeps the base
scenario's iterations and seed (--iterations is the search's, at each point).
It needs at least 20 observed trust-years, some core and some not.`,
		Example: `  corecast sample book.xlsx && corecast calibrate book.xlsx --out calibrated.toml
  corecast calibrate book.xlsx --delivery --out delivery.toml
  corecast run --input book.xlsx --scenario calibrated.toml --out calibrated.xlsx`,
		Args: exactArgs(1, "one argument, the workbook or CSV directory to calibrate on"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			return runCalibrate(ctx, cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.out, "out", "", "write the calibrated scenario to this TOML file")
	fl.BoolVar(&f.force, "force", false, "replace the --out file if it exists")
	fl.StringVar(&f.scenario, "scenario", "", "scenario file whose other values the calibrated scenario keeps (default: the baseline)")
	fl.BoolVar(&f.delivery, "delivery", false, "fit capacity_starts and the deploy_years mode to the Observed sheet")
	fl.BoolVar(&f.durationBias, "duration-bias", false, "with --delivery, fit duration_bias too (as a fixed value)")
	fl.IntVar(&f.iterations, "iterations", deliveryIterations, "with --delivery, iterations at each point of the grid")
	registerMap(cmd, &f.mapPath)
	return cmd
}

// runCalibrate carries out corecast calibrate.
func runCalibrate(ctx context.Context, stdout, stderr io.Writer, book string, f *calibrateFlags) error {
	if f.out != "" {
		if err := checkCalibrateOut(f.out, f.force, book, f.scenario, f.mapPath); err != nil {
			return err
		}
	}
	var scenarios []string
	if f.scenario != "" {
		scenarios = []string{f.scenario}
	}
	s, err := LoadSession(book, f.mapPath, scenarios, stderr)
	if err != nil {
		return err
	}
	if f.delivery {
		return runCalibrateDelivery(ctx, stdout, book, &s, f)
	}
	cal, err := forecast.Calibrate(s.Inputs, s.Scenarios[0])
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", book, err))
	}
	if err := printCalibration(stdout, book, s.Scenarios[0], cal); err != nil {
		return fmt.Errorf("printing the calibration: %w", err)
	}
	return writeCalibrated(stdout, book, f, cal.Scenario)
}

// writeCalibrated writes the calibrated scenario to --out, if given, and
// says how to run it.
func writeCalibrated(stdout io.Writer, book string, f *calibrateFlags, sc model.Scenario) error {
	if f.out == "" {
		return nil
	}
	err := safefile.WriteFileAtomic(f.out, f.force, func(w io.Writer) error {
		return data.WriteScenarioTOML(w, sc)
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "\nwrote %s (scenario %q); run it with: corecast run --input %s --scenario %s --out calibrated.xlsx\n",
		f.out, sc.Name, quoteArg(book), quoteArg(f.out))
	return err
}

// checkCalibrateOut refuses, before any work, an --out that is one of the
// inputs or that exists without --force.
func checkCalibrateOut(out string, force bool, inputs ...string) error {
	if !strings.EqualFold(filepath.Ext(out), ".toml") {
		return usageError(fmt.Errorf("--out %s: want a scenario file name ending .toml", out))
	}
	if err := safefile.Reads(inputs).Check("--out", out); err != nil {
		return usageError(err)
	}
	if _, err := os.Stat(out); err != nil {
		return nil
	}
	// A file that exists without --force, or anything but a regular file.
	return safefile.CheckTarget(out, force)
}
