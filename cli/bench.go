package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"corecast/data"
)

// benchFlags are the flags of corecast bench.
type benchFlags struct {
	quick  bool
	repeat int
	json   bool
	// scale multiplies every iteration count (--iterations-scale, hidden):
	// below 1 only so that a test can run every figure small.
	scale float64
}

// benchQuickRepeat is how many times --quick times each figure, unless
// --repeat says otherwise.
const benchQuickRepeat = 1

// newBenchCommand builds corecast bench: measure DESIGN §10's engine
// figures on this machine, each beside its target.
func newBenchCommand(opts Options) *cobra.Command {
	var f benchFlags
	cmd := &cobra.Command{
		Use:   "bench [--quick] [--repeat N] [--json]",
		Short: "Measure the forecast's speed and memory on this machine against the design's targets",
		Long: `Measure on this machine the engine figures of the design's performance targets,
each beside its target, with the machine's CPU count (runtime.NumCPU and
GOMAXPROCS) and the Go version:

  - one trust-iteration on one core, in ns, for the sample's 217 trusts and
    for illustrative portfolios of 2,000 and 20,000 trusts (the sample
    repeated, as sample --trusts writes): the marginal time, (time of 2,304
    iterations − time of 256) / (trusts × 2,048), so that what a run does
    once does not flatter a small portfolio; and the ratio of the 20,000
    figure to the 217 one;
  - 10,000 iterations of the sample on all cores, in this process;
  - 20,000 trusts × 400 iterations on all cores, in this process, and how
    many cores were busy (CPU time over wall time);
  - whole processes of this program on the sample workbook written to a
    temporary directory: run --iterations 200000 to .json and to .xlsx, each
    with and without --no-distribution (what the Distribution adds), and
    run --iterations 1000000 --no-distribution to .json with its peak memory.

Each time is the fastest of --repeat runs (3), after an untimed run to warm up.
--quick leaves out the whole-process runs and times each figure once. The
whole bench takes a few minutes; --quick a few seconds. Other work on the
machine slows every figure: run it on a quiet machine.

The exit code is 0 whether or not the targets are met; --json writes the
figures as one JSON document instead of the table.`,
		Example: `  corecast bench
  corecast bench --quick
  corecast bench --repeat 5 --json > bench.json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runBench(cmd, opts, &f)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&f.quick, "quick", false, "leave out the whole-process runs and time each figure once")
	fl.IntVar(&f.repeat, "repeat", 3, "time each figure this many times and keep the fastest")
	fl.BoolVar(&f.json, "json", false, "write the figures as JSON instead of a table")
	fl.Float64Var(&f.scale, "iterations-scale", 1, "multiply every iteration count by this (at most 1), for tests; the targets are then not judged")
	_ = fl.MarkHidden("iterations-scale")
	return cmd
}

// runBench carries out corecast bench.
func runBench(cmd *cobra.Command, opts Options, f *benchFlags) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	repeat := f.repeat
	if f.quick && !cmd.Flags().Changed("repeat") {
		repeat = benchQuickRepeat
	}
	if repeat < 1 {
		return usageError(fmt.Errorf("--repeat %d: want 1 or more", repeat))
	}
	sample, err := data.Sample()
	if err != nil {
		return err
	}
	sizes, err := newBenchSizes(f.scale, len(sample.Trusts))
	if err != nil {
		return usageError(err)
	}
	rep := newBenchReport(Version(opts.Version), repeat, f.quick, f.scale)
	progress := cmd.ErrOrStderr()
	if err := benchEngine(ctx, rep, sizes, repeat, progress); err != nil {
		return runError(ctx, err)
	}
	if err := benchWholeProcess(ctx, rep, sizes, repeat, f.quick, progress); err != nil {
		return runError(ctx, err)
	}
	if !sizes.full() {
		rep.note("--iterations-scale %g: every iteration count scaled down; the targets are for the design's sizes and are not judged.", sizes.scale)
	}
	if f.json {
		return rep.writeJSON(rawWriter(cmd.OutOrStdout()))
	}
	return rep.writeTable(cmd.OutOrStdout())
}
