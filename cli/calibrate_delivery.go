package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
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
	sc := s.Scenarios[0]
	sc.Iterations = f.iterations
	fit, err := forecast.CalibrateDelivery(ctx, s.Inputs, sc, forecast.DeliveryOptions{DurationBias: f.durationBias})
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
		book, fit.TrustYears, fit.ObservedCore, fit.Evaluated, base.Iterations, base.Seed)
	fmt.Fprintf(w, "Log-likelihood at the best point: %.2f (per trust-year %.4f).\n\n", fit.LogLik, fit.LogLik/float64(fit.TrustYears))
	fmt.Fprintf(w, "Scenario %q (ranges: within 2 log-likelihood units of the best, the other values at their best):\n", fit.Scenario.Name)
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
		fmt.Fprintf(w, "Note: %s; the observations may be likelier beyond it (for the mode, widen deploy_years' min and max).\n", e)
	}
	return nil
}
