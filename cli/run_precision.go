package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// checkPrecision checks --precision and --max-iterations before anything
// is loaded: --max-iterations means nothing without --precision.
func (f *runFlags) checkPrecision(cmd *cobra.Command) error {
	if cmd.Flags().Changed("max-iterations") && !cmd.Flags().Changed("precision") {
		return fmt.Errorf("--max-iterations bounds --precision; give --precision too, or set --iterations")
	}
	if cmd.Flags().Changed("precision") {
		if err := f.precisionOf().Check(0); err != nil {
			return fmt.Errorf("--precision: %w", err)
		}
	}
	return nil
}

// precisionOf returns the precision the flags ask for.
func (f *runFlags) precisionOf() forecast.Precision {
	return forecast.Precision{Target: f.precision, Max: f.maxIterations}
}

// forecast runs one scenario: its own iterations, or to --precision, when
// the iterations it ran are the scenario's and --precision their source
// (the Assumptions sheet says where each value came from).
func (f *runFlags) forecast(ctx context.Context, in model.Inputs, sc model.Scenario, bar *progressBar) (*forecast.Result, error) {
	opts := forecast.Options{Workers: f.workers}
	if f.precision <= 0 {
		opts.Progress = func(done, total int) { bar.show(sc.Name, done, total) }
		return forecast.Run(ctx, in, sc, opts)
	}
	label := sc.Name
	opts.Progress = func(done, total int) { bar.show(label, done, total) }
	res, err := forecast.RunToPrecision(ctx, in, sc, f.precisionOf(), opts, func(n int) {
		label = sc.Name + " (" + format.Int(n) + " iterations)"
	})
	if err != nil {
		return nil, err
	}
	if res.Iterations != sc.Iterations {
		res.Scenario.SetSource("iterations", model.Source{Kind: model.FromCommandLine,
			Detail: "--precision " + strconv.FormatFloat(f.precision, 'g', -1, 64)})
	}
	return res, nil
}
