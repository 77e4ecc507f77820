package forecast

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"corecast/model"
)

// blockSize is the number of iterations in one block. Each block has its own
// random stream, so it is part of what a seed means: changing it changes
// results. Blocks are small so that a run of few iterations still keeps
// every core busy (400 iterations are 13 blocks); what a block costs
// beyond its iterations (a stream's seed, its sums folded) is about 1% of
// it with the sample's 217 trusts.
const blockSize = 32

// progressEvery is how many iterations apart progress is reported (and at
// the end): blocks are small, and a report for each would be tens of
// thousands of calls in a large run.
const progressEvery = 512

// largeRun is the iteration count from which a run collects sampling scratch
// before simulating.
const largeRun = 200_000

// Options controls how a run executes; none of it changes the results.
type Options struct {
	// Workers is the number of goroutines simulating blocks; 0 means GOMAXPROCS.
	Workers int
	// Progress, if set, is called from Run's goroutine as blocks complete, with
	// the number of iterations done and the total.
	Progress func(done, total int)
}

// Run forecasts the inputs under the scenario (DESIGN §5–§6). It returns the
// context's error if ctx is cancelled first; a cancelled run stops within a
// block's share of 16 iterations.
func Run(ctx context.Context, in model.Inputs, sc model.Scenario, opts Options) (*Result, error) {
	start := time.Now()
	a, err := newAnalysis(ctx, in, sc, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if sc.Iterations >= largeRun {
		// Sampling leaves its rank rows behind, tens of MB at this size;
		// collect them now so the series below reuse that memory rather
		// than adding to the peak (DESIGN §10: a million iterations in
		// under 200 MB).
		runtime.GC()
	}
	res, err := simulate(ctx, a.plan, &a.theta, opts, true)
	if err != nil {
		return nil, err
	}
	if err := res.checkFinite(); err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// ErrNotFinite marks a run whose amounts overflow: inputs so large (a unit
// cost of 1e308, say) that a total is infinite or undefined. Such a run is
// refused rather than reported with every headline undefined.
var ErrNotFinite = errors.New("amounts too large to add up")

// checkFinite refuses a run whose totals are not all finite.
func (r *Result) checkFinite() error {
	for _, o := range r.Outputs {
		if st := o.Stats; math.IsNaN(st.Mean) || math.IsInf(st.Mean, 0) || math.IsNaN(st.SD) || math.IsInf(st.SD, 0) {
			return fmt.Errorf("scenario %q: %s is not a finite amount (mean %v): %w; check the unit costs, opex and funding", r.Scenario.Name, strings.ToLower(o.Label), st.Mean, ErrNotFinite)
		}
	}
	return nil
}

// simulate runs every iteration of the plan with the given scenario-level
// draws. With summary set it fills in every statistic of the result;
// without, only the per-iteration series (analyses that need one figure of
// many runs read those).
func simulate(ctx context.Context, p *plan, theta *[model.NumInputs][]float64, opts Options, summary bool) (*Result, error) {
	n := len(theta[0])
	if n == 0 {
		return nil, fmt.Errorf("no iterations to run")
	}
	res := &Result{
		Scenario: p.sc, Years: p.sc.Years(), Iterations: n, Inputs: *theta,
		CommittedTotalM: p.committedTotal, WindowFundingM: p.windowFunding, WindowNationalM: p.windowNational,
		UncountedNational: p.uncounted,
	}
	res.makeSeries(n)
	nBlocks := (n + blockSize - 1) / blockSize
	workers := make([]*worker, min(workerCount(opts.Workers), nBlocks))
	windows := costWindows(p, theta)
	for k := range workers {
		workers[k] = newWorkerIn(p, res, theta, windows)
	}
	sums, err := runBlocks(ctx, workers, n, opts.Progress)
	if err != nil {
		return nil, err
	}
	if !summary {
		return res, nil
	}
	all := workers[0].tally
	for _, w := range workers[1:] {
		all.add(w.tally)
	}
	if err := summarise(p, res, sums, all, len(workers)); err != nil {
		return nil, err
	}
	return res, nil
}

// runBlocks simulates the n iterations in blocks of blockSize on the
// workers, at most one block each at a time, and returns the blocks' sums
// folded in block order, whichever worker finishes first.
func runBlocks(ctx context.Context, workers []*worker, n int, progress func(done, total int)) (*partial, error) {
	p := workers[0].p
	nBlocks := (n + blockSize - 1) / blockSize
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(len(workers))
	stopped := func() bool { return gctx.Err() != nil }
	idle := make(chan *worker, len(workers))
	for _, w := range workers {
		idle <- w
	}
	done := make(chan *partial, 2*len(workers))
	free := make(chan *partial, 4*len(workers))
	var failure error
	go func() {
		for b := 0; b < nBlocks && !stopped(); b++ {
			g.Go(guard(func() error {
				w := <-idle
				defer func() { idle <- w }()
				var part *partial
				select {
				case part = <-free:
				default:
					part = newPartial(p.nTrusts, p.nYears)
				}
				if w.runBlock(b, b*blockSize, min((b+1)*blockSize, n), part, stopped) {
					done <- part
				}
				return nil
			}))
		}
		failure = g.Wait()
		close(done)
	}()

	total, folded := foldInOrder(done, free, p, n, progress)
	switch {
	case failure != nil:
		return nil, failure
	case folded < nBlocks && ctx.Err() != nil:
		return nil, ctx.Err()
	case folded < nBlocks:
		return nil, fmt.Errorf("run stopped after %d of %d blocks", folded, nBlocks)
	}
	return total, nil
}

// foldInOrder adds up the blocks' sums as they arrive on done, in block
// order (floating-point addition depends on it), offers each folded
// partial back on free, and reports progress. It returns the sums and the
// number of blocks folded.
func foldInOrder(done <-chan *partial, free chan<- *partial, p *plan, n int, progress func(done, total int)) (*partial, int) {
	total := newPartial(p.nTrusts, p.nYears)
	waiting := map[int]*partial{}
	folded := 0
	for part := range done {
		waiting[part.block] = part
		for q, ok := waiting[folded]; ok; q, ok = waiting[folded] {
			delete(waiting, folded)
			total.fold(q)
			select {
			case free <- q:
			default:
			}
			folded++
			if done := min(folded*blockSize, n); progress != nil && (done%progressEvery == 0 || done == n) {
				progress(done, n)
			}
		}
	}
	return total, folded
}

// guard turns a panic in f into an error. Every goroutine the package
// starts runs its work through it, so that a fault reaches the caller as
// an error rather than taking the whole program (and the user's terminal)
// down with it.
func guard(f func() error) func() error {
	return func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error in the simulation: %v", r)
			}
		}()
		return f()
	}
}

// workerCount resolves Options.Workers: 0 or less means GOMAXPROCS.
func workerCount(w int) int {
	if w <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}

// parallel calls f(0) … f(n−1) on up to workers goroutines, waits, and
// returns the first error (a panic in f becomes one). Each call must write
// only its own outputs, so the result does not depend on scheduling.
func parallel(n, workers int, f func(i int) error) error {
	var g errgroup.Group
	g.SetLimit(max(1, workers))
	for i := 0; i < n; i++ {
		g.Go(guard(func() error { return f(i) }))
	}
	return g.Wait()
}

// makeSeries makes the result's per-iteration series, n values each.
func (r *Result) makeSeries(n int) {
	r.TotalCost, r.TotalNeed, r.PresentValue = make([]float64, n), make([]float64, n), make([]float64, n)
	r.WindowSpend, r.CoreByTarget = make([]float64, n), make([]float64, n)
	r.AllCoreYear = make([]model.FinancialYear, n)
}
