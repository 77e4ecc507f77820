package report

import (
	"context"
	"errors"
	"fmt"

	"corecast/forecast"
	"corecast/model"
)

// ErrCannotRunAgain marks an export whose record does not let it be run
// again: it records no scenario (written before exports did), or a
// scenario or its analyses do not read back.
var ErrCannotRunAgain = errors.New("cannot be run again")

// RunAgain makes every run of the export again from the file alone: its
// input through every rule an input workbook is read by, its scenario
// from the Manifest's scenario file, then the forecast with the recorded
// seed and iterations and the analyses the Manifest names. progress, if
// set, hears how far each step is, labelled with what it is doing and the
// scenario's name. Inputs with problems give data's Problems error.
func (e *Export) RunAgain(ctx context.Context, opts forecast.Options, progress func(label string, done, total int)) ([]Run, error) {
	if progress == nil {
		progress = func(string, int, int) {}
	}
	inputs := make([]model.Inputs, len(e.Inputs))
	for i := range e.Inputs {
		in, err := e.LoadInputs(i)
		if err != nil {
			return nil, fmt.Errorf("%s: its Inputs sheet cannot be read back as inputs, so it cannot be run again:\n%w", e.Path, err)
		}
		inputs[i] = in
	}
	runs := make([]Run, len(e.Runs))
	for k, rec := range e.Runs {
		sc, err := e.Scenario(k)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrCannotRunAgain, err)
		}
		analyses, err := ParseAnalyses(rec.Analyses)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: the Manifest's analyses of %s: %w", ErrCannotRunAgain, e.Path, rec.Label, err)
		}
		in := inputs[rec.InputsSet]
		o := opts
		o.Progress = func(done, total int) { progress("running "+rec.Label, done, total) }
		res, err := forecast.Run(ctx, in, sc, o)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", rec.Label, err)
		}
		runs[k] = e.Run(k, res, in)
		o.Progress = nil
		if err := analyses.Apply(ctx, in, &runs[k], o, func(label string, done, total int) { progress(label+" "+rec.Label, done, total) }); err != nil {
			return nil, fmt.Errorf("scenario %s: %w", rec.Label, err)
		}
	}
	return runs, nil
}

// InputsChanged lists the runs, made again, whose inputs as the Inputs
// sheet holds them are not those they read: their hash is not the
// Manifest's inputs_sha256. Every figure that depends on them differs.
func (e *Export) InputsChanged(runs []Run) []int {
	var out []int
	for k, r := range runs {
		if want := e.Runs[k].InputsSHA256; want != "" && HashInputs("", r.Inputs).SHA256 != want {
			out = append(out, k)
		}
	}
	return out
}
