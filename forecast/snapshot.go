package forecast

import (
	"context"
	"fmt"
	"sync/atomic"

	"corecast/model"
)

// snapshot holds, for every iteration, what the schedule needs and nothing
// else: the unstarted trusts in priority order with their national share a
// year and deployment years, and whether the trusts outside the schedule
// (already core, or already funded) are all core by target_year. Analyses
// that change only the envelope or the capacity (DESIGN §7, last point)
// draw and cost each iteration once, here, and then re-run only the
// schedule, as often as they need.
type snapshot struct {
	plan     *plan
	start    []int32   // iteration s's trusts are start[s] … start[s+1]−1
	share    []float64 // national £m a year, in priority order
	years    []uint16  // deployment years, n_i
	fixedOK  []bool    // the trusts outside the schedule are core by target
	national []float64 // Σ share × n of iteration s: the national money it needs
}

// maxSnapshotEntries bounds a snapshot's size: about 10 bytes an entry.
const maxSnapshotEntries = 50_000_000

// snapBlock is one block's part of a snapshot, made by one worker.
type snapBlock struct {
	counts   []int32 // entries of each iteration
	share    []float64
	years    []uint16
	fixedOK  []bool
	national []float64
}

// newSnapshot draws and costs every iteration of plan p with inputs theta,
// as Run does with the same seed, and keeps what the schedule needs. Blocks
// are made in parallel and joined in block order, so the snapshot is the
// same whatever the number of workers.
func newSnapshot(ctx context.Context, p *plan, theta *[model.NumInputs][]float64, workers int) (*snapshot, error) {
	n := len(theta[0])
	if n == 0 {
		return nil, fmt.Errorf("no iterations to run")
	}
	if int64(n)*int64(p.nTrusts) > maxSnapshotEntries*4 {
		return nil, fmt.Errorf("%d iterations of %d trusts are too many for this analysis: run it with fewer iterations", n, p.nTrusts)
	}
	nBlocks := (n + blockSize - 1) / blockSize
	blocks := make([]snapBlock, nBlocks)
	var next atomic.Int64
	workers = min(workerCount(workers), nBlocks)
	windows := costWindows(p, theta)
	err := parallel(workers, workers, func(int) error {
		w := newWorkerIn(p, nil, theta, windows)
		// The costing step records as it goes; here the record is thrown away.
		part := newPartial(p.nTrusts, p.nYears)
		for b := int(next.Add(1) - 1); b < nBlocks; b = int(next.Add(1) - 1) {
			if err := ctx.Err(); err != nil {
				return err
			}
			w.begin(b, part)
			w.snapBlock(b*blockSize, min((b+1)*blockSize, n), &blocks[b])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return joinSnapshot(p, blocks, n)
}

// snapBlock draws and costs iterations [lo, hi) and keeps, for each, the
// waiting trusts' shares and deployment years in priority order, whether
// the trusts outside the schedule are core by target_year, and the national
// money the waiting trusts need.
func (w *worker) snapBlock(lo, hi int, bl *snapBlock) {
	target := w.p.target
	for s := lo; s < hi; s++ {
		th := w.inputs(s)
		w.costTrusts(&th)
		q := w.queue()
		// Before the schedule, compNever marks the trusts waiting for it.
		ok := true
		for _, c := range w.comp {
			if c != compNever && c != compCore && int(c) > target {
				ok = false
			}
		}
		waiting := 0
		national := 0.0
		for _, e := range q.at {
			if w.comp[e.trust] != compNever {
				continue
			}
			waiting++
			bl.share = append(bl.share, e.share)
			bl.years = append(bl.years, uint16(min(e.n, 1<<16-1)))
			national += e.share * float64(e.n)
		}
		bl.counts = append(bl.counts, int32(waiting))
		bl.fixedOK = append(bl.fixedOK, ok)
		bl.national = append(bl.national, national)
	}
}

// joinSnapshot joins the blocks, in order, into one snapshot of n iterations.
func joinSnapshot(p *plan, blocks []snapBlock, n int) (*snapshot, error) {
	total := 0
	for _, bl := range blocks {
		total += len(bl.share)
	}
	if total > maxSnapshotEntries {
		return nil, fmt.Errorf("%d iterations leave %d trusts to schedule, too many for this analysis: run it with fewer iterations", n, total)
	}
	sn := &snapshot{plan: p, start: make([]int32, 1, n+1), fixedOK: make([]bool, 0, n), national: make([]float64, 0, n),
		share: make([]float64, 0, total), years: make([]uint16, 0, total)}
	for _, bl := range blocks {
		sn.share = append(sn.share, bl.share...)
		sn.years = append(sn.years, bl.years...)
		sn.fixedOK = append(sn.fixedOK, bl.fixedOK...)
		sn.national = append(sn.national, bl.national...)
		for _, c := range bl.counts {
			sn.start = append(sn.start, sn.start[len(sn.start)-1]+c)
		}
	}
	return sn, nil
}

// iterations is the number of iterations in the snapshot.
func (sn *snapshot) iterations() int { return len(sn.fixedOK) }

// lever is one setting of what the schedule-only analyses change: a uniform
// uplift added to the plan's envelope, or an uplift by year offset, and the
// capacity.
type lever struct {
	uplift   float64   // £m added to every year
	byYear   []float64 // £m added to each year offset, when not nil
	capacity int
}

// envelope returns the lever's envelope for years 0 … target, with the
// comparison's slack, into buf.
func (sn *snapshot) envelope(l lever, buf []float64) []float64 {
	p := sn.plan
	buf = buf[:0]
	for y := 0; y <= p.target && y < p.nYears; y++ {
		e := p.envelope[y] + l.uplift
		if l.byYear != nil {
			e += l.byYear[y]
		}
		buf = append(buf, e+envelopeSlack)
	}
	return buf
}

// coreCount counts the iterations in which every trust is core by
// target_year under lever l: the numerator of P(all core by target). The
// count is an integer summed over fixed ranges of iterations, so it is the
// same whatever the number of workers.
func (sn *snapshot) coreCount(ctx context.Context, l lever, workers int) (int, error) {
	n := sn.iterations()
	chunks := (n + blockSize - 1) / blockSize
	counts := make([]int, chunks)
	env := sn.envelope(l, nil)
	// Two bounds settle most iterations without a schedule: every trust
	// must start by target_year, at most capacity a year, and the national
	// money they need must fit in the envelope up to then.
	maxStarts := int64(l.capacity) * int64(len(env))
	room := 0.0
	for _, e := range env {
		room += e
	}
	err := parallel(chunks, workerCount(workers), func(c int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		free := make([]float64, len(env))
		wait := make([]int32, 0, sn.plan.nTrusts)
		for s := c * blockSize; s < min((c+1)*blockSize, n); s++ {
			waiting := int64(sn.start[s+1] - sn.start[s])
			if !sn.fixedOK[s] || waiting > maxStarts || sn.national[s] > room {
				continue
			}
			if sn.allCore(s, env, l.capacity, free, wait) {
				counts[c]++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	total := 0
	for _, k := range counts {
		total += k
	}
	return total, nil
}

// pAllCore is coreCount as a probability.
func (sn *snapshot) pAllCore(ctx context.Context, l lever, workers int) (float64, error) {
	k, err := sn.coreCount(ctx, l, workers)
	return float64(k) / float64(sn.iterations()), err
}

// allCore runs DESIGN §5's first-fit schedule of iteration s for the years
// up to target_year only, and reports whether every trust completes by
// then. It stops at the first trust that cannot: one that would have to
// start later than target − n + 1. env holds each year's envelope plus the
// slack; free and wait are scratch, of its length and of the trusts'.
func (sn *snapshot) allCore(s int, env []float64, capacity int, free []float64, wait []int32) bool {
	lo, hi := int(sn.start[s]), int(sn.start[s+1])
	if lo == hi {
		return true
	}
	target := sn.plan.target
	copy(free, env)
	// wait holds the entries still waiting, in priority order; each year
	// walks them once and keeps those that did not start.
	wait = wait[:0]
	for k := lo; k < hi; k++ {
		wait = append(wait, int32(k))
	}
	share, years := sn.share, sn.years
	for y := 0; y <= target && len(wait) > 0; y++ {
		starts := 0
		keep := wait[:0]
		for _, k := range wait {
			n := int(years[k])
			if y+n-1 > target {
				return false // it can never complete by target_year
			}
			if starts >= capacity {
				keep = append(keep, k)
				continue
			}
			sh := share[k]
			fits := true
			for j := y; j < y+n; j++ {
				if sh > free[j] {
					fits = false
					break
				}
			}
			if !fits {
				keep = append(keep, k)
				continue
			}
			for j := y; j < y+n; j++ {
				free[j] -= sh
			}
			starts++
		}
		wait = keep
	}
	return len(wait) == 0
}
