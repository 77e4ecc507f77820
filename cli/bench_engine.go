package cli

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	"corecast/forecast"
	"corecast/model"
)

// timeRun times one forecast of n iterations of in under the default
// scenario, after a garbage collection so that one run's garbage is not
// collected in the next one's time.
func timeRun(ctx context.Context, in model.Inputs, n int, opts forecast.Options) (time.Duration, error) {
	r, err := measureRun(ctx, in, n, opts)
	return r.wall, err
}

// measureRun is timeRun that also takes the cores the run kept busy.
func measureRun(ctx context.Context, in model.Inputs, n int, opts forecast.Options) (busyRun, error) {
	sc := model.DefaultScenario()
	sc.Iterations = n
	runtime.GC()
	cpu0, ok0 := processCPU()
	start := time.Now()
	_, err := forecast.Run(ctx, in, sc, opts)
	wall := time.Since(start)
	cpu1, ok1 := processCPU()
	if err != nil {
		return busyRun{}, fmt.Errorf("forecasting %d trusts × %d iterations: %w", len(in.Trusts), n, err)
	}
	r := busyRun{wall: wall, cores: math.NaN()}
	if ok0 && ok1 && wall > 0 {
		r.cores = float64(cpu1-cpu0) / float64(wall)
	}
	return r, nil
}

// fastest times a forecast repeat times, after one untimed run, and returns
// the shortest time.
func fastest(ctx context.Context, in model.Inputs, n, repeat int, opts forecast.Options) (time.Duration, error) {
	return shortest(repeat, func() (time.Duration, error) { return timeRun(ctx, in, n, opts) })
}

// shortest calls timed once untimed, then repeat times, and returns the
// shortest time it took.
func shortest(repeat int, timed func() (time.Duration, error)) (time.Duration, error) {
	if _, err := timed(); err != nil {
		return 0, err
	}
	best := time.Duration(math.MaxInt64)
	for range repeat {
		d, err := timed()
		if err != nil {
			return 0, err
		}
		best = min(best, d)
	}
	return best, nil
}

// trustIterationNs is the marginal time of one trust-iteration on one core,
// in ns, as forecast's BenchmarkTrusts takes it: (time of to iterations −
// time of from) / (trusts × (to − from)), each time the fastest of repeat,
// so that what a run does once (drawing the inputs, summarising) does not
// flatter a small portfolio.
func trustIterationNs(ctx context.Context, in model.Inputs, from, to, repeat int) (float64, error) {
	one := forecast.Options{Workers: 1}
	if _, err := timeRun(ctx, in, from, one); err != nil {
		return 0, err
	}
	short, long := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	for range repeat {
		// Alternate the two, so that a change in the machine's load
		// falls on both.
		d, err := timeRun(ctx, in, from, one)
		if err != nil {
			return 0, err
		}
		short = min(short, d)
		if d, err = timeRun(ctx, in, to, one); err != nil {
			return 0, err
		}
		long = min(long, d)
	}
	return float64((long - short).Nanoseconds()) / float64(len(in.Trusts)*(to-from)), nil
}

// busyRun is a run on all cores: its wall time and the cores it kept busy.
type busyRun struct {
	wall time.Duration
	// cores is the process's CPU time (user and system) over the wall
	// time; NaN when the system does not give CPU time.
	cores float64
}

// fastestBusy times a forecast on all cores repeat times, after one untimed
// run, and returns the fastest with the cores it kept busy.
func fastestBusy(ctx context.Context, in model.Inputs, n, repeat int) (busyRun, error) {
	if _, err := timeRun(ctx, in, n, forecast.Options{}); err != nil {
		return busyRun{}, err
	}
	best := busyRun{wall: time.Duration(math.MaxInt64)}
	for range repeat {
		r, err := measureRun(ctx, in, n, forecast.Options{})
		if err != nil {
			return busyRun{}, err
		}
		if r.wall < best.wall {
			best = r
		}
	}
	return best, nil
}

// fastestSensitivity times the sensitivity analysis (the tornado's base run
// and a run at P10 and at P90 of each input) of n iterations of in on all
// cores, repeat times after one untimed run, and returns the shortest time.
// The scenario's own run, whose ranks the analysis reads, is made once and
// not timed.
func fastestSensitivity(ctx context.Context, in model.Inputs, n, repeat int) (time.Duration, error) {
	sc := model.DefaultScenario()
	sc.Iterations = n
	res, err := forecast.Run(ctx, in, sc, forecast.Options{})
	if err != nil {
		return 0, fmt.Errorf("forecasting %d trusts × %d iterations: %w", len(in.Trusts), n, err)
	}
	return shortest(repeat, func() (time.Duration, error) {
		runtime.GC()
		start := time.Now()
		if _, err := forecast.Sensitivity(ctx, in, sc, res, forecast.Options{}); err != nil {
			return 0, fmt.Errorf("sensitivity of %d trusts × %d iterations: %w", len(in.Trusts), n, err)
		}
		return time.Since(start), nil
	})
}
