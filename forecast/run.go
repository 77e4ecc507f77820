package forecast

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"corecast/model"
)

// blockSize is the number of iterations in one block. Each block has its own
// random stream, so it is part of what a seed means: changing it changes results.
const blockSize = 512

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
// block's share of 64 iterations.
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
		// Sampling leaves tens of MB of scratch behind at this size; collect it
		// now so the series below reuse that memory rather than adding to the
		// peak (DESIGN §10: a million iterations in under 200 MB).
		runtime.GC()
	}
	res, err := simulate(ctx, a.plan, &a.theta, opts, true)
	if err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
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
		TotalCost: make([]float64, n), TotalNeed: make([]float64, n), PresentValue: make([]float64, n),
		CoreByTarget: make([]float64, n), AllCoreYear: make([]model.FinancialYear, n),
		CommittedTotalM: p.committedTotal,
	}
	nBlocks := (n + blockSize - 1) / blockSize
	workers := make([]*worker, min(workerCount(opts.Workers), nBlocks))
	for k := range workers {
		workers[k] = newWorker(p, res, theta)
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
	summarise(p, res, sums, all, len(workers))
	return res, nil
}

// runBlocks simulates the n iterations in blocks of blockSize on the
// workers, each taking the next block when done with one, and returns the
// blocks' sums folded in block order, whichever worker finishes first.
func runBlocks(ctx context.Context, workers []*worker, n int, progress func(done, total int)) (*partial, error) {
	p := workers[0].p
	nBlocks := (n + blockSize - 1) / blockSize
	var stop atomic.Bool
	stopped := stop.Load
	watchDone := make(chan struct{})
	defer close(watchDone)
	go func() {
		select {
		case <-ctx.Done():
			stop.Store(true)
		case <-watchDone:
		}
	}()

	var next atomic.Int64
	done := make(chan *partial, 2*len(workers))
	free := make(chan *partial, 4*len(workers))
	var wg sync.WaitGroup
	var failure atomic.Pointer[error]
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A fault in a worker must reach the caller as an error, not take
			// the whole program (and the user's terminal) down with it.
			defer func() {
				if r := recover(); r != nil {
					err := fmt.Errorf("internal error in the simulation: %v", r)
					failure.CompareAndSwap(nil, &err)
					stop.Store(true)
				}
			}()
			for !stopped() {
				b := int(next.Add(1) - 1)
				if b >= nBlocks {
					return
				}
				var part *partial
				select {
				case part = <-free:
				default:
					part = newPartial(p.nTrusts, p.nYears)
				}
				if !w.runBlock(b, b*blockSize, min((b+1)*blockSize, n), part, stopped) {
					return
				}
				done <- part
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	total, folded := foldInOrder(done, free, p, n, progress)
	if folded < nBlocks {
		if err := failure.Load(); err != nil {
			return nil, *err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
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
			if progress != nil {
				progress(min(folded*blockSize, n), n)
			}
		}
	}
	return total, folded
}

// workerCount resolves Options.Workers: 0 or less means GOMAXPROCS.
func workerCount(w int) int {
	if w <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}

// parallel calls f(0) … f(n−1) on up to workers goroutines and waits. Each
// call must write only its own outputs, so the result does not depend on
// scheduling.
func parallel(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < min(max(1, workers), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
