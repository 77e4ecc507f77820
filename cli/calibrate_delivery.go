package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"corecast/forecast"
	"corecast/model"
)

// deliveryIterations is the default number of iterations at each point of
// a delivery calibration's grid: it runs the model some eighty times.
const deliveryIterations = 2000

// runCalibrateDelivery carries out corecast calibrate --delivery.
func runCalibrateDelivery(ctx context.Context, stdout io.Writer, book string, s *Session, f *calibrateFlags) error {
	if f.iterations < 1 {
		return usageError(fmt.Errorf("--iterations %d: want at least 1", f.iterations))
	}
	// The search runs f.iterations at each point; the scenario it writes
	// keeps sc's own.
	sc := s.Scenarios[0]
	fit, err := forecast.CalibrateDelivery(ctx, s.Inputs, sc, forecast.DeliveryOptions{Iterations: f.iterations, DurationBias: f.durationBias})
	switch {
	case errors.Is(err, forecast.ErrFewObservations):
		return usageError(fmt.Errorf("%s: %w; the Observed sheet gives them (code, year, maturity)", book, err))
	case err != nil:
		return runError(ctx, fmt.Errorf("%s: delivery calibration: %w", book, err))
	}
	if err := printDeliveryFit(stdout, book, sc, fit); err != nil {
		return fmt.Errorf("printing the delivery calibration: %w", err)
	}
	return writeCalibrated(stdout, book, f, fit.Scenario)
}

// printDeliveryFit writes the best values with their ranges beside the
// base scenario's.
func printDeliveryFit(w io.Writer, book string, base model.Scenario, fit *forecast.DeliveryFit) error {
	fmt.Fprintf(w, "Delivery calibration on %s: %d observed trust-years, %d of them core; %d points of %d iterations each, seed %d.\n",
		book, fit.TrustYears, fit.ObservedCore, len(fit.Points), fit.Iterations, base.Seed)
	fmt.Fprintf(w, "Log-likelihood at the best point evaluated: %.2f (per trust-year %.4f); %d of the points are within 2 units of it.\n\n",
		fit.LogLik, fit.LogLik/float64(fit.TrustYears), len(fit.Within()))
	fmt.Fprintf(w, "Scenario %q (%d iterations, as the base; ranges: the least and greatest value among the points within 2 log-likelihood units of the best):\n",
		fit.Scenario.Name, fit.Scenario.Iterations)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  key\tbest\trange\tbase scenario")
	fmt.Fprintf(tw, "  capacity_starts\t%d\t%d – %d\t%d\n", fit.CapacityStarts, fit.CapacityRange[0], fit.CapacityRange[1], base.CapacityStarts)
	fmt.Fprintf(tw, "  deploy_years mode\t%s\t%s – %s\t%s\n", sig4(fit.DeployMode), sig4(fit.DeployRange[0]), sig4(fit.DeployRange[1]), distText(base.DeployYears))
	if !math.IsNaN(fit.DurationBias) {
		fmt.Fprintf(tw, "  duration_bias\t%s\t%s – %s\t%s\n", sig4(fit.DurationBias), sig4(fit.DurationRange[0]), sig4(fit.DurationRange[1]), distText(base.DurationBias))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range fit.Edges {
		// Only the mode's region comes from the scenario, so only it can
		// be widened there.
		how := ""
		if strings.HasPrefix(e, "deploy_years mode") {
			how = " (widen deploy_years' min and max)"
		}
		fmt.Fprintf(w, "Note: %s; the observations may be likelier beyond it%s.\n", e, how)
	}
	return nil
}
