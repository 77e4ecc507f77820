package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"corecast/forecast"
	"corecast/model"
	"corecast/report"
)

// runFlags are the flags of corecast run.
type runFlags struct {
	session    sessionFlags
	iterations int
	seed       uint64
	target     string
	sets       []string
	out        string
	format     string
	force      bool
	quiet      bool
	workers    int
	cpuProfile string
	// noDist leaves the Distribution sheet and table out of the export.
	noDist   bool
	analyses analysisFlags
	// precision, when above 0, runs each scenario to that precision
	// (forecast.RunToPrecision), with at most maxIterations.
	precision     float64
	maxIterations int
}

// newRunCmd builds corecast run: forecast one or more scenarios without the
// interactive program and export the results.
func newRunCmd(opts Options) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run --out PATH [--input BOOK] [--scenario s.toml]... [flags]",
		Short: "Forecast scenarios in batch and export the results (xlsx, csv or json)",
		Long: `Forecast each scenario on the inputs and export the results: an Excel
workbook (.xlsx), CSV files (a directory or a .zip) or one JSON document
(.json, or --out - for stdout). Several scenarios give a Comparison sheet.

Without --input the embedded sample is used; without --scenario the baseline.
--input may be an export of corecast (its Inputs sheet is read) and
--scenario-from takes an export's scenarios: with both, the same seed and
iterations give the export's numbers again.
--set key=value changes a value in every scenario (e.g. --set
unit_cost.acute.mode=2.0); --iterations, --seed and --target win over the
scenario files. A progress bar is shown on stderr when it is a terminal.

The Manifest records the command that reproduces the export as given. With
SOURCE_DATE_EPOCH set (whole seconds since 1970-01-01 UTC), every date in the
output comes from it and run times are left out, so the same inputs,
scenarios, seed and iterations give the same bytes.

An existing output is replaced only with --force, and only if it is a regular
file (through a symbolic link, the file it points to, keeping the link); an
input is never replaced. Interrupted or terminated, corecast removes what it
was writing and leaves any existing file as it was.

--sensitivity adds a tornado and rank correlations of each scenario (the
Sensitivity sheet); --goal-seek finds the least uniform annual uplift to the
national envelope (or, with --goal-lever, the least capacity_starts) giving
P(all trusts core by the target year) ≥ --goal-p (the GoalSeek sheet).

--precision R runs each scenario with its own iterations, then twice as
many, and so on, until the Monte Carlo standard error of mean total need is
at most R of the mean and that of P(all core by the target year) at most R
(absolute), or until --max-iterations (default 1,000,000). Each count is a
whole run: the export is that of the last, identical to a run with
--iterations set to its count (Latin hypercube strata depend on the count, so
a larger run is not a smaller one extended). The same seed and R give the
same iterations and numbers. stderr, the Summary and the Manifest say how
many iterations were used, the errors reached, and whether the maximum
stopped it.

--no-distribution leaves out the Distribution sheet, one row per iteration
(the distribution table of CSV and JSON): the export is then small whatever
--iterations, and every other sheet is the same.`,
		Example: `  corecast run --scenario examples/baseline.toml --scenario examples/faster-deployment.toml --out results.xlsx
  corecast run --iterations 100000 --seed 7 --set capacity_starts=120 --out - > results.json
  corecast run --sensitivity --goal-seek --goal-p 0.9 --goal-lever both --out analyses.xlsx
  corecast run --precision 0.005 --out results.xlsx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBatch(cmd, opts, &f)
		},
	}
	f.session.register(cmd)
	fl := cmd.Flags()
	fl.IntVar(&f.iterations, "iterations", 0, "Monte Carlo iterations (default: the scenario's)")
	fl.Uint64Var(&f.seed, "seed", 0, "random seed (default: the scenario's)")
	fl.StringVar(&f.target, "target", "", `target year for "core by", e.g. 2023-24 (default: the scenario's)`)
	fl.StringArrayVar(&f.sets, "set", nil, "change a scenario value in every scenario, key=value (repeatable)")
	fl.StringVar(&f.out, "out", "", "output path: .xlsx, .json, .zip or a directory for CSV, or - for JSON on stdout (required)")
	fl.StringVar(&f.format, "format", "", "output format xlsx, csv or json (default: from the --out extension)")
	fl.BoolVar(&f.force, "force", false, "replace existing output files (regular files only; through a symbolic link, the file it points to)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing but errors")
	fl.IntVar(&f.workers, "workers", 0, "goroutines to simulate with (default: all CPUs); results do not depend on it")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the run (loading, forecasting, writing) to this file, for go tool pprof")
	fl.BoolVar(&f.noDist, "no-distribution", false, "leave out the Distribution sheet (the distribution table in CSV and JSON): one row per iteration")
	fl.Float64Var(&f.precision, "precision", 0, "run until the standard errors of mean total need (relative) and P(all core) (absolute) are at most this, e.g. 0.005")
	fl.IntVar(&f.maxIterations, "max-iterations", forecast.DefaultMaxIterations, "the most iterations --precision runs")
	f.analyses.register(cmd)
	return cmd
}

// runBatch carries out corecast run, under a CPU profile when --cpuprofile
// asks for one.
func runBatch(cmd *cobra.Command, opts Options, f *runFlags) (err error) {
	if f.cpuProfile != "" {
		protect := append([]string{f.out}, f.session.reads()...)
		stop, err := startCPUProfile(f.cpuProfile, protect)
		if err != nil {
			return err
		}
		defer func() { err = withProfileStop(stop, err) }()
	}
	return forecastAndWrite(cmd, opts, f)
}

// forecastAndWrite loads the inputs, forecasts every scenario, runs the
// analyses asked for and writes the export.
func forecastAndWrite(cmd *cobra.Command, opts Options, f *runFlags) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	stderr := cmd.ErrOrStderr()
	format, err := f.outputFormat()
	if err != nil {
		return usageError(err)
	}
	if f.workers < 0 {
		return usageError(fmt.Errorf("--workers %d: want 0 (all CPUs) or more", f.workers))
	}
	if err := f.analyses.check(cmd); err != nil {
		return usageError(err)
	}
	if err := f.checkPrecision(cmd); err != nil {
		return usageError(err)
	}
	s, err := f.session.load(quietWriter(stderr, f.quiet))
	if err != nil {
		return err
	}
	printNotes(quietWriter(stderr, f.quiet), s.InputName, s.Notes)
	scenarios, err := f.applyOverrides(cmd, s)
	if err != nil {
		return usageError(err)
	}
	if f.precision > 0 {
		for _, sc := range scenarios {
			if err := f.precisionOf().Check(sc.Iterations); err != nil {
				return usageError(fmt.Errorf("scenario %s: --precision: %w", sc.Name, err))
			}
		}
	}
	date, err := report.ParseSourceDateEpoch(os.Getenv(report.SourceDateEpochVar))
	if err != nil {
		return usageError(err)
	}
	xopts := report.Options{Force: f.force, Protect: f.session.reads(),
		SourceDate: date, NoDistribution: f.noDist}
	if f.out != "-" {
		if err := report.Check(f.out, format, xopts); err != nil {
			return usageError(err)
		}
	}
	src, err := inputSource(s)
	if err != nil {
		return err
	}
	bar := newProgressBar(stderr, f.quiet)
	command := f.reproduce(cmd, s, scenarios, format)
	var runs []report.Run
	for _, sc := range scenarios {
		label := sc.Name
		res, err := f.forecast(ctx, s.Inputs, sc, bar)
		bar.clear()
		if errors.Is(err, forecast.ErrObservations) {
			return usageError(fmt.Errorf("%s: %w", s.InputName, err))
		}
		if errors.Is(err, forecast.ErrNotFinite) {
			return usageError(err)
		}
		if err != nil {
			return runError(ctx, fmt.Errorf("scenario %s: %w", label, err))
		}
		run := report.NewRun(res, s.Inputs, src, versionOf(opts), time.Now())
		run.Manifest.Command = command
		// The analyses run at the iterations the forecast used, as
		// verify runs them again from the scenario the export records.
		sc = res.Scenario
		if !f.quiet {
			fmt.Fprintln(stderr, summaryLine(res))
			if note := run.Manifest.Precision; note != "" {
				fmt.Fprintln(stderr, label+": "+note)
			}
			for _, line := range append(uncountedLines(res), hindcastLine(res), verdictLine(res)) {
				if line != "" {
					fmt.Fprintln(stderr, line)
				}
			}
		}
		if err := f.analyses.analyse(ctx, s.Inputs, sc, &run, forecast.Options{Workers: f.workers}, bar, quietWriter(stderr, f.quiet)); err != nil {
			return runError(ctx, fmt.Errorf("scenario %s: %w", label, err))
		}
		runs = append(runs, run)
	}
	xopts.Progress = func(done, total int) { bar.show("writing "+f.out, done, total) }
	if f.out == "-" {
		err = report.WriteJSON(ctx, rawWriter(cmd.OutOrStdout()), runs, xopts)
	} else {
		err = report.Write(ctx, f.out, format, runs, xopts)
	}
	bar.clear()
	if err != nil {
		return runError(ctx, err)
	}
	if !f.quiet && f.out != "-" {
		fmt.Fprintf(stderr, "wrote %s (%s)\n", f.out, format)
	}
	return nil
}

// outputFormat checks --out and --format and returns the format to write.
func (f *runFlags) outputFormat() (report.Format, error) {
	if f.out == "" {
		return "", fmt.Errorf("--out is required: a .xlsx, .json or .zip file, a directory for CSV, or - for JSON on stdout")
	}
	if f.format == "" {
		return report.FormatFromPath(f.out)
	}
	format, err := report.ParseFormat(f.format)
	if err != nil {
		return "", fmt.Errorf("--format: %w", err)
	}
	if f.out == "-" && format != report.JSON {
		return "", fmt.Errorf("--out - writes JSON to stdout; --format %s needs a file or directory", format)
	}
	return format, nil
}

// applyOverrides applies --set, then --iterations, --seed and --target, to
// every scenario and validates each.
func (f *runFlags) applyOverrides(cmd *cobra.Command, s Session) ([]model.Scenario, error) {
	var out []model.Scenario
	for i, sc := range s.Scenarios {
		sc = sc.Clone()
		where := "the baseline scenario"
		if i < len(s.ScenarioPaths) {
			where = s.ScenarioPaths[i]
		}
		// A flag is the source of a value it changes. One that gives a key
		// the value it has leaves its source alone, so that the command the
		// Manifest records (which writes --seed and --iterations out) makes
		// the same Assumptions sheet.
		var prev model.Scenario
		flag := func(key, text string) {
			if !model.SameValue(model.TopKey(key), sc, prev) {
				sc.SetSource(key, model.Source{Kind: model.FromCommandLine, Detail: text})
			}
		}
		for _, a := range f.sets {
			prev = sc.Clone()
			if err := sc.SetAll([]string{a}); err != nil {
				return nil, fmt.Errorf("--set %s: %w", a, err)
			}
			key, _, _ := strings.Cut(a, "=")
			flag(key, "--set "+a)
		}
		prev = sc.Clone()
		if cmd.Flags().Changed("iterations") {
			if err := sc.SetValue("iterations", model.Value{Int: int64(f.iterations)}); err != nil {
				return nil, fmt.Errorf("--iterations: %w", err)
			}
			flag("iterations", "--iterations "+strconv.Itoa(f.iterations))
		}
		if cmd.Flags().Changed("seed") {
			if err := sc.SetValue("seed", model.Value{Seed: f.seed}); err != nil {
				return nil, fmt.Errorf("--seed: %w", err)
			}
			flag("seed", "--seed "+strconv.FormatUint(f.seed, 10))
		}
		if cmd.Flags().Changed("target") {
			if err := sc.Set("target_year", f.target); err != nil {
				return nil, fmt.Errorf("--target: %w", err)
			}
			flag("target_year", "--target "+f.target)
		}
		if err := sc.Validate(); err != nil {
			return nil, prefixLines(where+" with the command-line settings", err)
		}
		out = append(out, sc)
	}
	return out, nil
}

// reproduce writes the command line that reproduces this export as given:
// the same input, map and scenario files, --set flags, analyses, format and
// --out path, and --no-distribution. --iterations, --seed and --target are written when every
// scenario ran with the same value (always, with one scenario), which pins
// what the runs used; otherwise each scenario file's own value applies, as
// it did. --workers, --force, --quiet and --cpuprofile change nothing in
// the output and are left out.
func (f *runFlags) reproduce(cmd *cobra.Command, s Session, scenarios []model.Scenario, format report.Format) string {
	parts := []string{"corecast run"}
	if s.ProjectPath != "" {
		parts = append(parts, "--project "+quoteArg(s.ProjectPath))
	} else if s.InputPath != "" {
		parts = append(parts, "--input "+quoteArg(s.InputPath))
	}
	if s.MapPath != "" && s.ProjectPath == "" {
		parts = append(parts, "--map "+quoteArg(s.MapPath))
	}
	for _, p := range s.ScenarioPaths {
		parts = append(parts, "--scenario "+quoteArg(p))
	}
	if s.ScenarioFrom != "" {
		parts = append(parts, "--scenario-from "+quoteArg(s.ScenarioFrom))
	}
	for _, a := range f.sets {
		parts = append(parts, "--set "+quoteArg(a))
	}
	if v, ok := common(scenarios, func(sc model.Scenario) string { return strconv.Itoa(sc.Iterations) }); ok {
		parts = append(parts, "--iterations "+v)
	}
	if v, ok := common(scenarios, func(sc model.Scenario) string { return strconv.FormatUint(sc.Seed, 10) }); ok {
		parts = append(parts, "--seed "+v)
	}
	if v, ok := common(scenarios, func(sc model.Scenario) string { return sc.TargetYear.String() }); ok {
		parts = append(parts, "--target "+v)
	}
	if f.precision > 0 {
		// The run to a precision is deterministic, so the flags reproduce
		// the iterations it chose as well as the numbers.
		parts = append(parts, "--precision "+strconv.FormatFloat(f.precision, 'g', -1, 64))
		if f.maxIterations != forecast.DefaultMaxIterations {
			parts = append(parts, "--max-iterations "+strconv.Itoa(f.maxIterations))
		}
	}
	parts = append(parts, f.analyses.args()...)
	if f.noDist {
		parts = append(parts, "--no-distribution")
	}
	if cmd.Flags().Changed("format") {
		parts = append(parts, "--format "+string(format))
	}
	parts = append(parts, "--out "+quoteArg(f.out))
	return strings.Join(parts, " ")
}

// common returns the value every scenario has, and false when they differ.
func common(scenarios []model.Scenario, value func(model.Scenario) string) (string, bool) {
	if len(scenarios) == 0 {
		return "", false
	}
	v := value(scenarios[0])
	for _, sc := range scenarios[1:] {
		if value(sc) != v {
			return "", false
		}
	}
	return v, true
}

// quoteArg quotes a shell argument when it holds anything but safe characters.
func quoteArg(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r == '-' || r == '_' || r == '.' || r == '/' || r == '=' || r == ':' || r == ',' ||
			(r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// inputSource identifies the session's input for the manifest: the hash of
// the bytes loaded (never of the path read again, which may by then hold
// another file), or the hash of the embedded sample's canonical form.
func inputSource(s Session) (report.Source, error) {
	if s.InputPath == "" {
		return report.HashInputs(report.SampleName, s.Inputs), nil
	}
	if s.InputDigest.SHA256 == "" {
		return report.Source{}, fmt.Errorf("the SHA-256 of %s as it was loaded is not known", s.InputPath)
	}
	return report.Source{Name: s.InputPath, SHA256: s.InputDigest.SHA256, Note: s.InputDigest.Note, ImportNotes: s.Notes.Lines()}, nil
}

// versionOf returns the corecast version for manifests.
func versionOf(opts Options) string {
	if opts.Version == "" {
		return "dev"
	}
	return opts.Version
}

// quietWriter discards notes when quiet is set.
func quietWriter(w io.Writer, quiet bool) io.Writer {
	if quiet {
		return io.Discard
	}
	return w
}
