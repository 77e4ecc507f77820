package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"

	"corecast/data"
	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// DESIGN §10's targets, in the units bench prints.
const (
	targetTrustIterationNs = 20  // one trust-iteration on one core, ns
	targetTrustRatio       = 1.5 // ns at 20,000 trusts over ns at the sample's size
	targetLiveMs           = 25  // 10,000 iterations of the sample, all cores
	targetWideS            = 0.4 // 20,000 trusts × 400 iterations, all cores
	targetSensitivityS     = 0.6 // the tornado of the sample at 10,000 iterations, all cores
	targetBusyShare        = 0.9 // cores busy, as a share of the cores there are
	targetDistributionPct  = 15  // what the Distribution adds to a run
	targetBatchS           = 2.5 // 1,000,000 iterations, whole process
	targetBatchMB          = 200 // and its peak memory
	bytesPerMB             = 1e6 // MB as bench prints them
	skippedQuick           = "skipped (--quick)"
	notMeasuredHere        = "not measured on this system"
)

// benchEngine measures the figures of the forecast engine in this process
// and adds them to rep: one core at each portfolio size, the sample on all
// cores, and a wide portfolio on all cores with the cores it kept busy.
func benchEngine(ctx context.Context, rep *benchReport, s benchSizes, repeat int, progress io.Writer) error {
	portfolios := map[int]model.Inputs{}
	var perTrust []float64
	for i, n := range s.oneCoreTrusts {
		fmt.Fprintf(progress, "bench: one trust-iteration on one core, %s trusts…\n", format.Int(n))
		in, err := data.IllustrativePortfolio(n)
		if err != nil {
			return err
		}
		portfolios[n] = in
		ns, err := trustIterationNs(ctx, in, s.marginalFrom, s.marginalTo, repeat)
		if err != nil {
			return err
		}
		perTrust = append(perTrust, ns)
		label := fmt.Sprintf("trust-iteration, 1 core, %s trusts", format.Int(n))
		if i == 0 {
			label += " (the sample)"
		}
		rep.add(benchFigure{Key: fmt.Sprintf("trust_iteration_ns_%d", n), Label: label, Unit: "ns", digits: 1}.
			withTarget("≤", targetTrustIterationNs).measured(ns, s.full()))
	}
	first, last := s.oneCoreTrusts[0], s.oneCoreTrusts[len(s.oneCoreTrusts)-1]
	rep.add(benchFigure{Key: "trust_iteration_ratio", Unit: "×", digits: 2,
		Label: fmt.Sprintf("trust-iteration, %s trusts ÷ %s", format.Int(last), format.Int(first))}.
		withTarget("≤", targetTrustRatio).measured(perTrust[len(perTrust)-1]/perTrust[0], s.full()))
	rep.note("trust-iteration: the marginal time on one core, (time of %s iterations − time of %s) / (trusts × %s);",
		format.Int(s.marginalTo), format.Int(s.marginalFrom), format.Int(s.marginalTo-s.marginalFrom))
	rep.note("  portfolios above the sample's size are the sample repeated (as sample --trusts writes them).")

	fmt.Fprintf(progress, "bench: %s iterations of the sample on all cores…\n", format.Int(s.live))
	live, err := fastest(ctx, portfolios[first], s.live, repeat, forecast.Options{})
	if err != nil {
		return err
	}
	rep.add(benchFigure{Key: "sample_all_cores_ms", Unit: "ms", digits: 1,
		Label: fmt.Sprintf("%s of the sample, all cores", format.Nouns(s.live, "iteration"))}.
		withTarget("<", targetLiveMs).measured(live.Seconds()*1e3, s.full()))

	fmt.Fprintf(progress, "bench: %s trusts × %s iterations on all cores…\n", format.Int(s.wideTrusts), format.Int(s.wideIters))
	wide, ok := portfolios[s.wideTrusts]
	if !ok {
		if wide, err = data.IllustrativePortfolio(s.wideTrusts); err != nil {
			return err
		}
	}
	busy, err := fastestBusy(ctx, wide, s.wideIters, repeat)
	if err != nil {
		return err
	}
	rep.add(benchFigure{Key: "wide_all_cores_s", Unit: "s", digits: 2,
		Label: fmt.Sprintf("%s trusts × %s, all cores", format.Int(s.wideTrusts), format.Nouns(s.wideIters, "iteration"))}.
		withTarget("<", targetWideS).measured(busy.wall.Seconds(), s.full()))
	cores := min(runtime.NumCPU(), runtime.GOMAXPROCS(0))
	busyFig := benchFigure{Key: "wide_cores_busy", Unit: "cores", digits: 2, Label: "  cores busy then (CPU time ÷ wall time)"}.
		withTarget("≥", targetBusyShare*float64(cores))
	if math.IsNaN(busy.cores) {
		rep.add(busyFig.skipped(notMeasuredHere))
	} else {
		rep.add(busyFig.measured(busy.cores, s.full()))
	}
	rep.note("cores busy: this process's user and system CPU time over the wall time; the target is %.0f%% of the %d cores there are.",
		100*targetBusyShare, cores)

	fmt.Fprintf(progress, "bench: the sensitivity tornado of the sample, %s iterations…\n", format.Int(s.live))
	tornado, err := fastestSensitivity(ctx, portfolios[first], s.live, repeat)
	if err != nil {
		return err
	}
	rep.add(benchFigure{Key: "sensitivity_s", Unit: "s", digits: 2,
		Label: fmt.Sprintf("sensitivity: 19 runs of %s of the sample", format.Nouns(s.live, "iteration"))}.
		withTarget("<", targetSensitivityS).measured(tornado.Seconds(), s.full()))
	return nil
}

// benchWholeProcess measures whole processes of this program on the sample
// workbook and adds them to rep; with quick it adds them as skipped.
func benchWholeProcess(ctx context.Context, rep *benchReport, s benchSizes, repeat int, quick bool, progress io.Writer) error {
	formats := []string{"json", "xlsx"}
	distFigs := func(ext string) [3]benchFigure {
		run := fmt.Sprintf("whole process: run %s, .%s", format.Nouns(s.distIters, "iteration"), ext)
		return [3]benchFigure{
			{Key: "process_" + ext + "_s", Unit: "s", digits: 2, Label: run},
			{Key: "process_" + ext + "_no_distribution_s", Unit: "s", digits: 2, Label: run + ", --no-distribution"},
			benchFigure{Key: "distribution_adds_" + ext + "_pct", Unit: "%", digits: 1, Label: "  what the Distribution adds, ." + ext}.
				withTarget("≤", targetDistributionPct),
		}
	}
	batch := benchFigure{Key: "process_batch_s", Unit: "s", digits: 2,
		Label: fmt.Sprintf("whole process: run %s, .json, --no-distribution", format.Nouns(s.batchIters, "iteration"))}.
		withTarget("<", targetBatchS)
	peak := benchFigure{Key: "process_batch_peak_mb", Unit: "MB", digits: 0, Label: "  its peak memory"}.
		withTarget("<", targetBatchMB)
	if quick {
		for _, ext := range formats {
			for _, f := range distFigs(ext) {
				rep.add(f.skipped(skippedQuick))
			}
		}
		rep.add(batch.skipped(skippedQuick), peak.skipped(skippedQuick))
		return nil
	}
	p, err := newBenchProcess(ctx)
	if err != nil {
		return err
	}
	defer p.close()
	// One untimed run, so that the program and the workbook are read
	// from a warm file cache.
	if _, err := p.run(ctx, p.runArgs(min(1_000, s.distIters), "warm.json", true)); err != nil {
		return err
	}
	for _, ext := range formats {
		fmt.Fprintf(progress, "bench: whole processes, %s iterations to .%s, with and without the Distribution…\n", format.Int(s.distIters), ext)
		out := "dist." + ext
		runs, err := p.fastest(ctx, repeat, p.runArgs(s.distIters, out, false), p.runArgs(s.distIters, out, true))
		if err != nil {
			return err
		}
		with, without := runs[0].wall.Seconds(), runs[1].wall.Seconds()
		f := distFigs(ext)
		rep.add(f[0].measured(with, s.full()), f[1].measured(without, s.full()), f[2].measured(100*(with-without)/without, s.full()))
	}
	fmt.Fprintf(progress, "bench: a whole process, %s iterations…\n", format.Int(s.batchIters))
	runs, err := p.fastest(ctx, repeat, p.runArgs(s.batchIters, "batch.json", true))
	if err != nil {
		return err
	}
	rep.add(batch.measured(runs[0].wall.Seconds(), s.full()))
	if runs[0].peak < 0 {
		rep.add(peak.skipped(notMeasuredHere))
	} else {
		rep.add(peak.measured(float64(runs[0].peak)/bytesPerMB, s.full()))
	}
	rep.note("whole process: corecast run --input (the sample workbook, in a temporary directory) --quiet --force, this program as a child;")
	rep.note("  the Distribution adds (time with it − time without) / time without; peak memory is the child's maximum resident set, MB of 10^6 bytes.")
	return nil
}
