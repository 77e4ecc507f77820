package forecast

import (
	"math"

	"corecast/model"
)

// numGroups counts the groups figures are kept for: the regions, then the types.
const numGroups = model.NumRegions + model.NumTrustTypes

// beyondSlots is how many years past the horizon a completion is told apart
// (already-funded trusts may finish after it); later ones share the last slot.
const beyondSlots = 30

// compSlots is the number of completion slots per trust: already core, each
// modelled year, beyondSlots years after the horizon, and never.
func compSlots(nYears int) int { return 1 + nYears + beyondSlots + 1 }

// compSlot is the slot of a completion offset c (see compSlots).
func compSlot(c int32, nYears int) int {
	switch {
	case c == compNever:
		return compSlots(nYears) - 1
	case c < int32(nYears):
		return int(c) + 1 // already core (c = −1) is slot 0
	default:
		return 1 + nYears + min(int(c)-nYears, beyondSlots-1)
	}
}

// slotYear maps a completion slot back to its year (see compSlots).
func slotYear(base model.FinancialYear, nYears, slot int) model.FinancialYear {
	switch {
	case slot == 0:
		return base - 1
	case slot == compSlots(nYears)-1:
		return model.Never
	default:
		return base.Add(slot - 1)
	}
}

// counts is a table of counts, one row of width slots for each item (a
// year or a group, or a trust's completions), on one flat slice. Its
// methods, like those of extremes and moments, take pointers: the
// recording calls them inlined, and a value receiver would copy the slice
// headers on every call.
type counts struct {
	width int
	c     []uint32
}

func newCounts(rows, width int) counts {
	return counts{width: width, c: make([]uint32, rows*width)}
}

// row returns item i's counts.
func (t *counts) row(i int) []uint32 { return t.c[i*t.width : (i+1)*t.width] }

// inc counts one value in slot k of item i.
func (t *counts) inc(i, k int) { t.c[i*t.width+k]++ }

// add adds o's counts into t.
func (t *counts) add(o *counts) {
	for i, v := range o.c {
		t.c[i] += v
	}
}

// raggedCounts is a table of counts whose rows have widths of their own,
// on one flat slice.
type raggedCounts struct {
	off []int // row i is c[off[i]:off[i+1]]
	c   []uint32
}

// newTrustHist returns the trusts' cost histograms: for each, the zero slot
// and then its window.
func newTrustHist(windows []costWindow) raggedCounts {
	off := make([]int, len(windows)+1)
	for i, w := range windows {
		off[i+1] = off[i] + 1 + int(w.bins)
	}
	return raggedCounts{off: off, c: make([]uint32, off[len(windows)])}
}

// row returns item i's counts.
func (t *raggedCounts) row(i int) []uint32 { return t.c[t.off[i]:t.off[i+1]] }

// add adds o's counts, of the same shape, into t.
func (t *raggedCounts) add(o *raggedCounts) {
	for i, v := range o.c {
		t.c[i] += v
	}
}

// extremes are the smallest and largest value seen of each item.
type extremes struct {
	lo, hi []float64
}

func newExtremes(n int) extremes {
	e := extremes{lo: make([]float64, n), hi: make([]float64, n)}
	for i := range e.lo {
		e.lo[i], e.hi[i] = math.Inf(1), math.Inf(-1)
	}
	return e
}

// see widens item i's range to take in v.
func (e *extremes) see(i int, v float64) {
	if v < e.lo[i] {
		e.lo[i] = v
	}
	if v > e.hi[i] {
		e.hi[i] = v
	}
}

// add widens e's ranges to take in o's.
func (e *extremes) add(o *extremes) {
	for i := range e.lo {
		e.lo[i] = math.Min(e.lo[i], o.lo[i])
		e.hi[i] = math.Max(e.hi[i], o.hi[i])
	}
}

// tally holds one worker's integer counts and extremes. Counts and extremes
// do not depend on the order they are gathered in, so workers keep their own
// and they are added up at the end.
type tally struct {
	trustHist  raggedCounts // per trust, cost: the zero slot, then its window
	windows    []costWindow // per trust, the cost bins its row holds
	trustComp  counts       // per trust, completion: compSlots slots
	coreHist   counts       // per year, trusts core by it: nTrusts+1 slots (0 … nTrusts)
	yearHist   counts       // per year, total real spend: fineBins+1 slots
	yearRange  extremes     // per year, total real spend
	groupHist  counts       // per group, total need: fineBins+1 slots
	groupRange extremes     // per group, total need
	// obsHist is, per observed year, the count of the observed trusts
	// core by it: width+1 slots (0 … the most observed in a year).
	obsHist counts
}

func newTally(windows []costWindow, nYears int, obs *observations) *tally {
	nTrusts := len(windows)
	t := &tally{
		trustHist: newTrustHist(windows), windows: windows,
		trustComp: newCounts(nTrusts, compSlots(nYears)),
		coreHist:  newCounts(nYears, nTrusts+1),
		yearHist:  newCounts(nYears, fineBins+1), yearRange: newExtremes(nYears),
		groupHist: newCounts(numGroups, fineBins+1), groupRange: newExtremes(numGroups),
	}
	if obs != nil {
		t.obsHist = newCounts(len(obs.years), obs.width+1)
	}
	return t
}

// add adds o's counts and extremes into t.
func (t *tally) add(o *tally) {
	t.trustHist.add(&o.trustHist)
	t.trustComp.add(&o.trustComp)
	t.coreHist.add(&o.coreHist)
	t.yearHist.add(&o.yearHist)
	t.groupHist.add(&o.groupHist)
	t.obsHist.add(&o.obsHist)
	t.yearRange.add(&o.yearRange)
	t.groupRange.add(&o.groupRange)
}

// moments holds the running sums Σx and Σx² of each item's values, from
// which come its mean and standard deviation (see moments).
type moments struct {
	sum, sum2 []float64
}

func newMoments(n int) moments {
	return moments{sum: make([]float64, n), sum2: make([]float64, n)}
}

// add adds v to item i's sums.
func (m *moments) add(i int, v float64) {
	m.sum[i] += v
	m.sum2[i] += v * v
}

// addAll adds o's sums into m.
func (m *moments) addAll(o *moments) {
	addFloats(m.sum, o.sum)
	addFloats(m.sum2, o.sum2)
}

func (m *moments) clear() {
	clear(m.sum)
	clear(m.sum2)
}

// addFloats adds b into a, element by element.
func addFloats(a, b []float64) {
	for i, v := range b {
		a[i] += v
	}
}

// partial holds the floating-point sums of one block of iterations. Floating
// addition depends on order, so partials are folded in block order whatever
// worker produced them: that keeps results bit-identical at any GOMAXPROCS.
type partial struct {
	block       int
	trust       []trustSums // per trust
	yearSpend   moments     // per year, total real spend
	yearNominal []float64   // per year, Σ total nominal spend
	groupNeed   moments     // per group, total need
}

// trustSums are one trust's sums over a block's iterations, kept together
// because the costing loop adds to all of them at once: Σ cost, Σ cost²,
// Σ need, and the least and the greatest cost.
type trustSums struct {
	cost, cost2, need float64
	lo, hi            float64
}

// add adds one iteration's cost and need. The range is kept by the
// builtin min and max, which take no branch: early in a block a new least
// or greatest cost comes often and at random, and a mispredicted branch
// costs more than the comparison.
func (t *trustSums) add(cost, need float64) {
	t.cost += cost
	t.cost2 += cost * cost
	t.need += need
	t.lo = min(t.lo, cost)
	t.hi = max(t.hi, cost)
}

// fold adds o's sums and widens the range to take in o's.
func (t *trustSums) fold(o *trustSums) {
	t.cost += o.cost
	t.cost2 += o.cost2
	t.need += o.need
	t.lo = math.Min(t.lo, o.lo)
	t.hi = math.Max(t.hi, o.hi)
}

// noTrustSums are the sums of no iterations: nothing, over an empty range.
func noTrustSums() trustSums { return trustSums{lo: math.Inf(1), hi: math.Inf(-1)} }

func newPartial(nTrusts, nYears int) *partial {
	p := &partial{
		trust:     make([]trustSums, nTrusts),
		yearSpend: newMoments(nYears), yearNominal: make([]float64, nYears),
		groupNeed: newMoments(numGroups),
	}
	p.reset(0)
	return p
}

func (p *partial) reset(block int) {
	p.block = block
	none := noTrustSums()
	for i := range p.trust {
		p.trust[i] = none
	}
	p.yearSpend.clear()
	clear(p.yearNominal)
	p.groupNeed.clear()
}

// fold adds o's sums into p.
func (p *partial) fold(o *partial) {
	for i := range p.trust {
		p.trust[i].fold(&o.trust[i])
	}
	p.yearSpend.addAll(&o.yearSpend)
	addFloats(p.yearNominal, o.yearNominal)
	p.groupNeed.addAll(&o.groupNeed)
}

// recorder takes the per-trust, per-year and per-group figures of each
// iteration (DESIGN §5 step 6) into the statistics of §6 that are streamed
// rather than kept whole: exact sums into the block's partial, and histogram
// counts and extremes into the worker's tally. It keeps this bookkeeping out
// of the model's steps.
type recorder struct {
	t      *tally
	part   *partial
	slots  *slotBuffer
	nYears int
	obs    *observations // nil without observations
}

// next ends an iteration: the per-trust slots noted for it are kept, and
// once the buffer is full they are counted.
func (r *recorder) next() {
	r.slots.iters++
	if r.slots.iters == slotIters {
		r.flush()
	}
}

// flush counts the per-trust slots held in the buffer into the tally's
// histograms, trust by trust, and empties the buffer. The trusts already
// core were not noted: each held iteration counts them in their zero slots.
func (r *recorder) flush() {
	b, t := r.slots, r.t
	for _, i := range b.core {
		t.trustHist.row(int(i))[histZeroSlot] += uint32(b.iters)
		t.trustComp.row(int(i))[0] += uint32(b.iters)
	}
	for _, i := range b.costed {
		hist, comp := t.trustHist.row(int(i)), t.trustComp.row(int(i))
		held := int(i) * slotIters
		for _, s := range b.cost[held : held+b.iters] {
			hist[s]++
		}
		for _, s := range b.comp[held : held+b.iters] {
			comp[s]++
		}
	}
	b.iters = 0
}

// year records year y's count of trusts core by it and its total real and
// nominal spend.
func (r *recorder) year(y, core int, spend, nominal float64) {
	r.t.coreHist.inc(y, core)
	r.part.yearSpend.add(y, spend)
	r.part.yearNominal[y] += nominal
	r.t.yearHist.inc(y, binOf(spend, fineBins))
	r.t.yearRange.see(y, spend)
}

// group records group k's total need.
func (r *recorder) group(k int, need float64) {
	r.part.groupNeed.add(k, need)
	r.t.groupHist.inc(k, binOf(need, fineBins))
	r.t.groupRange.see(k, need)
}

// observed counts, for each observed year, the observed trusts whose
// completion offset in comp is by that year: the hindcast's forecast of
// the observed count, one value per iteration.
func (r *recorder) observed(comp []int32) {
	o := r.obs
	if o == nil {
		return
	}
	for k, off := range o.off {
		// Counted without a branch: whether a trust is core by a year
		// is as likely as not, and a mispredicted branch costs more.
		n := 0
		for _, i := range o.trust[o.start[k]:o.start[k+1]] {
			n += int(bit(comp[i] <= off))
		}
		r.t.obsHist.inc(k, n)
	}
}

// slotIters is how many iterations of per-trust histogram slots a recorder
// holds before counting them.
const slotIters = blockSize

// slotBuffer holds, for up to slotIters iterations, the slots that each
// trust's cost and completion fall in. Counting them as they come would
// touch every trust's histogram rows once an iteration: with thousands of
// trusts those rows no longer fit in the processor's caches, and each count
// would wait on memory. Counted trust by trust from the buffer
// (recorder.flush), each trust's rows are read once for many counts, so the
// time per trust stays the same however many trusts there are. The buffer
// is laid out trust by trust, each trust's slots together, so that the
// count reads it in order.
type slotBuffer struct {
	iters  int      // iterations held
	cost   []uint16 // trust i's slot in held iteration k at i·slotIters + k
	comp   []uint8  // the same for completion slots
	costed []int32  // trusts with a gap, whose slots are noted
	core   []int32  // trusts already core, whose slots are known
}

// slot is where trust i's slot of the iteration being made goes.
func (b *slotBuffer) slot(i int) int { return i*slotIters + b.iters }

func newSlotBuffer(p *plan) *slotBuffer {
	b := &slotBuffer{cost: make([]uint16, slotIters*p.nTrusts), comp: make([]uint8, slotIters*p.nTrusts)}
	for i, c := range p.consts {
		if c.gap > 0 {
			b.costed = append(b.costed, int32(i))
		} else {
			b.core = append(b.core, int32(i))
		}
	}
	return b
}
