package forecast

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync/atomic"

	"corecast/model"
)

// heldInputs are a value for each scenario-level input, held in every
// iteration of a run (the tornado's runs: DESIGN §7).
type heldInputs = [model.NumInputs]float64

// heldWave is how many blocks of iterations heldRuns simulates before it
// folds their figures: enough to keep every core busy, few enough that the
// figures waiting to be folded stay small whatever the iterations.
const heldWave = 64

// heldRuns runs plan p for n iterations once for each of runs, every
// scenario-level input held at the run's values, and returns each run's
// headline: what running each alone (with every input column holding its
// value) gives, to the bit.
//
// The runs share the iterations' trust-level draws, which the same seed
// makes the same in every run, so an iteration's draws are made once for
// all of them rather than once a run; so are its size factors for each
// size elasticity the runs hold and its deployment years for each duration
// bias. Runs that differ only in inflation, which moves nominal figures
// alone and no headline, are run once. Each iteration's figures are folded
// in iteration order, as a single run folds them.
func heldRuns(ctx context.Context, p *plan, runs []heldInputs, n int, opts Options) ([]headline, error) {
	if n <= 0 {
		return nil, fmt.Errorf("no iterations to run")
	}
	// The distinct runs, inflation aside, ordered so that runs holding the
	// same elasticity and duration bias are next to each other.
	distinct, of := distinctHeld(runs)
	order := make([]int, len(distinct))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := &distinct[a], &distinct[b]
		return cmp.Or(cmp.Compare(x[model.InputSizeElasticity], y[model.InputSizeElasticity]),
			cmp.Compare(x[model.InputDurationBias], y[model.InputDurationBias]))
	})
	ths := make([]iterInputs, len(distinct))
	for k := range distinct {
		ths[k] = iterInputsOf(&distinct[k])
	}
	// The cost histograms' windows cover every run's inputs. (The runs'
	// costs are not recorded, but the costing writes their slots.)
	var cols [model.NumInputs][]float64
	for j := range cols {
		for k := range distinct {
			cols[j] = append(cols[j], distinct[k][j])
		}
	}
	windows := costWindows(p, &cols)

	nBlocks := (n + blockSize - 1) / blockSize
	workers := make([]*worker, min(workerCount(opts.Workers), nBlocks))
	parts := make([]*partial, len(workers))
	for k := range workers {
		workers[k] = newWorkerIn(p, nil, nil, windows)
		parts[k] = newPartial(p.nTrusts, p.nYears)
	}
	// A wave's figures, run by run, iteration by iteration.
	waveIters := heldWave * blockSize
	figs := make([]heldFigures, len(distinct))
	for k := range figs {
		figs[k] = newHeldFigures(min(waveIters, n))
	}
	sums := make([]heldSums, len(distinct))
	for lo := 0; lo < n; lo += waveIters {
		hi := min(lo+waveIters, n)
		firstBlock, lastBlock := lo/blockSize, (hi+blockSize-1)/blockSize
		var next atomic.Int64
		next.Store(int64(firstBlock))
		err := parallel(len(workers), len(workers), func(k int) error {
			w, part := workers[k], parts[k]
			for b := int(next.Add(1) - 1); b < lastBlock; b = int(next.Add(1) - 1) {
				if err := ctx.Err(); err != nil {
					return err
				}
				w.begin(b, part)
				for s := b * blockSize; s < min((b+1)*blockSize, n); s++ {
					w.iterateHeld(ths, order, figs, s-lo)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for k := range sums {
			sums[k].fold(&figs[k], hi-lo, p.sc.TargetYear)
		}
		if opts.Progress != nil {
			total := len(runs) - 1 // the runs besides the first, the base
			opts.Progress(int(int64(total)*int64(hi)/int64(n)), total)
		}
	}
	out := make([]headline, len(runs))
	for r, k := range of {
		out[r] = sums[k].headline(n)
	}
	return out, nil
}

// distinctHeld returns the distinct runs of runs, inflation aside, and the
// index among them of each run.
func distinctHeld(runs []heldInputs) (distinct []heldInputs, of []int) {
	of = make([]int, len(runs))
	for r, v := range runs {
		key := v
		key[model.InputInflation] = 0
		k := slices.IndexFunc(distinct, func(d heldInputs) bool {
			d[model.InputInflation] = 0
			return slices.EqualFunc(d[:], key[:], sameFloat)
		})
		if k < 0 {
			k = len(distinct)
			distinct = append(distinct, v)
		}
		of[r] = k
	}
	return distinct, of
}

// sameFloat reports whether x and y are the same float64, bit for bit.
func sameFloat(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }

// iterateHeld runs iteration s of every run in ths (in the given order) on
// the iteration's one set of draws, and writes each run's figures at i.
func (w *worker) iterateHeld(ths []iterInputs, order []int, figs []heldFigures, i int) {
	w.drawTrusts()
	for j, k := range order {
		th := &ths[k]
		if j == 0 || !sameFloat(th.beta, ths[order[j-1]].beta) {
			w.sizeFactors(th.beta)
		}
		if j == 0 || !sameFloat(th.db, ths[order[j-1]].db) {
			w.deployAll(th.db)
		}
		w.costAll(th)
		w.schedule()
		f := &figs[k]
		f.need[i] = w.total.need
		f.core[i] = float64(w.coreByTarget())
		f.year[i] = w.allCoreYear()
	}
}

// heldFigures are one run's headline figures for each iteration of a wave.
type heldFigures struct {
	need, core []float64
	year       []model.FinancialYear
}

func newHeldFigures(n int) heldFigures {
	return heldFigures{need: make([]float64, n), core: make([]float64, n), year: make([]model.FinancialYear, n)}
}

// heldSums are one run's running sums of its headline figures.
type heldSums struct {
	need, core float64
	allCore    int // iterations with every trust core by target_year
}

// fold adds the first m iterations of f, in order.
func (h *heldSums) fold(f *heldFigures, m int, target model.FinancialYear) {
	for i := range m {
		h.need += f.need[i]
		h.core += f.core[i]
		if f.year[i] <= target {
			h.allCore++
		}
	}
}

// headline is the run's headline over n iterations.
func (h *heldSums) headline(n int) headline {
	return headline{needMean: h.need / float64(n), pAllCore: float64(h.allCore) / float64(n), coreMean: h.core / float64(n)}
}
