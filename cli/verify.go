package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"corecast/forecast"
	"corecast/format"
	"corecast/report"
)

// newVerifyCommand builds corecast verify: run an export again from the
// file alone and compare every figure.
func newVerifyCommand(opts Options) *cobra.Command {
	var workers int
	cmd := &cobra.Command{
		Use:   "verify EXPORT",
		Short: "Check every figure of an export by running it again from the file alone",
		Long: `Check an export of corecast run (or of the TUI's Export screen): a workbook
(.xlsx), CSV files (a .zip or a directory) or a JSON document. From the file
alone corecast rebuilds the inputs (the Inputs sheet: trusts, funding and
observed rows as the run read them), every scenario (the Manifest's
scenario_toml, every key in full), the seed, iterations and sampling, and the
analyses that were run (the Manifest's analyses row); runs them again; writes
the same export again and compares every number of every sheet with the
file's, to the last bit, and every text.

It prints "verified: N figures in M sheets reproduced exactly" and exits 0, or
lists each difference (the sheet and cell, e.g. Summary!D7, or the table, row
and column of CSV and JSON; the value stored and the value recomputed) and
exits 1. The Manifest's run dates and run times differ whenever a run is made
and are not compared. A file that is not a corecast export, or one written
before exports recorded their scenarios, exits 2. A file written by another
version of corecast says so, and is checked all the same.`,
		Example: `  corecast run --sensitivity --goal-seek --out results.xlsx
  corecast verify results.xlsx`,
		Args: exactArgs(1, "one argument, the export to check: a .xlsx, .json or .zip file or a CSV directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if workers < 0 {
				return usageError(fmt.Errorf("--workers %d: want 0 (all CPUs) or more", workers))
			}
			return verifyExport(cmd, opts, args[0], workers)
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "goroutines to simulate with (default: all CPUs); results do not depend on it")
	return cmd
}

// verifyExport reads the export at path, runs it again and compares.
func verifyExport(cmd *cobra.Command, opts Options, path string, workers int) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	e, err := readExport(path)
	if err != nil {
		return err
	}
	for _, v := range exportVersions(e) {
		if v != versionOf(opts) {
			fmt.Fprintf(stderr, "corecast: note: %s was written by corecast %s; this is corecast %s: a figure may differ where corecast changed between them\n", path, v, versionOf(opts))
		}
	}
	bar := newProgressBar(stderr, false)
	runs, err := runExportAgain(ctx, e, workers, bar, stderr)
	bar.clear()
	if err != nil {
		return err
	}
	v, err := e.Compare(ctx, runs, func(done, total int) { bar.show("comparing "+path, done, total) })
	bar.clear()
	if err != nil {
		return runError(ctx, err)
	}
	return reportVerification(stdout, path, e.Format, v)
}

// readExport reads an export, a file that is not one being invalid input.
func readExport(path string) (*report.Export, error) {
	e, err := report.ReadExport(path)
	var ne *report.NotExportError
	if errors.As(err, &ne) {
		return nil, usageError(err)
	}
	return e, err
}

// exportVersions lists the corecast versions that wrote an export's runs,
// each once.
func exportVersions(e *report.Export) []string {
	var out []string
	for _, r := range e.Runs {
		if len(out) == 0 || out[len(out)-1] != r.Version {
			out = append(out, r.Version)
		}
	}
	return out
}

// runExportAgain makes every run of the export again, a file whose record
// does not let it be run again being invalid input. A run whose inputs, as
// the Inputs sheet holds them, are not those it read is noted on notes:
// every figure that depends on them will differ.
func runExportAgain(ctx context.Context, e *report.Export, workers int, bar *progressBar, notes io.Writer) ([]report.Run, error) {
	runs, err := e.RunAgain(ctx, forecast.Options{Workers: workers}, bar.show)
	bar.clear()
	switch {
	case errors.Is(err, report.ErrCannotRunAgain), errors.Is(err, forecast.ErrObservations), errors.Is(err, forecast.ErrNotFinite):
		return nil, usageError(err)
	case err != nil:
		return nil, runError(ctx, err)
	}
	for _, k := range e.InputsChanged(runs) {
		fmt.Fprintf(notes, "corecast: note: the Inputs sheet's rows of %s are not those %s read (their SHA-256 is not the Manifest's inputs_sha256): every figure that depends on them differs\n",
			e.Inputs[e.Runs[k].InputsSet].Name, e.Runs[k].Label)
	}
	return runs, nil
}

// reportVerification prints what the comparison found: one line when
// every figure was reproduced, otherwise each difference, ending with a
// failure (exit 1).
func reportVerification(w io.Writer, path string, f report.Format, v *report.Verification) error {
	where := format.Nouns(v.Sheets, "sheet")
	if f != report.XLSX {
		where += " (" + format.Nouns(v.Tables, "table") + ")"
	}
	if v.Differ == 0 {
		_, err := fmt.Fprintf(w, "verified: %s in %s reproduced exactly (and %s; run dates and times not compared)\n",
			format.Nouns(v.Figures, "figure"), where, format.Nouns(v.Texts, "text cell"))
		return err
	}
	for _, d := range v.Differences {
		fmt.Fprintf(w, "%s: stored %s, recomputed %s\n", d.Where, d.Stored, d.Recomputed)
	}
	if more := v.Differ - len(v.Differences); more > 0 {
		fmt.Fprintf(w, "... and %s more\n", format.Nouns(more, "difference"))
	}
	fmt.Fprintf(w, "not verified: %s; %s in %s reproduced exactly (run dates and times not compared)\n",
		format.Nouns(v.Differ, "difference"), format.Nouns(v.Figures, "figure"), where)
	return &ExitError{Code: ExitFailure, Err: fmt.Errorf("%s is not what its inputs, scenarios and seeds give: %s", path, format.Nouns(v.Differ, "difference"))}
}
