package forecast

import (
	"math"
	"math/bits"

	"corecast/model"
)

// Completion offsets (years after base_year) with special meaning.
const (
	compCore = -1 // core already: base_year − 1
	// compNever marks a trust not started within the horizon, and so,
	// until the schedule starts it, a trust waiting for it.
	compNever = math.MaxInt32
	// maxDeployYears bounds n_i so that a wild deploy_years draw cannot overflow.
	maxDeployYears = 1000
	// envelopeSlack is the rounding the envelope comparison allows, £m.
	envelopeSlack = 1e-9
)

// worker simulates iterations. Its slices are sized once, so an iteration
// allocates nothing.
type worker struct {
	p     *plan
	res   *Result
	theta *[model.NumInputs][]float64
	tally *tally
	rec   recorder
	rng   stream // the block's trust-level draws
	draws trustDraws

	// Per trust, this iteration: need_i and the completion offset.
	need []float64
	comp []int32
	// waiting is the schedule's waiting list in the static priority order,
	// written by the costing; byNeed is it ordered by need, for the
	// lowest-cost priority, with order as the sort's scratch.
	waiting, byNeed queue
	list            []pending // a short queue's waiting trusts (walkList)
	// free is each year's envelope not yet committed, E_y + slack − used_y;
	// spend is each year's real spend, national and local.
	free, spend []float64
	cuts        []float64   // deployment-length thresholds, see deployCuts
	cut8        shortCuts   // the same, when there are few
	deployTable deployTable // and a table of them by slice of the uniform
	coreAt      []int32     // per year: trusts completing in that year (offset+1)
	// last is the latest completion offset of the trusts started so far
	// (compCore if none), waits the number that waited for the schedule
	// and started the number it started.
	last           int32
	waits, started int
	total          totals
}

// totals are the sums over trusts that step 6 records, built up as the
// trusts are costed.
type totals struct {
	cost, need float64
	groupNeed  [numGroups]float64 // by region, then by type
}

// newWorker returns a worker for the plan and inputs theta, recording into
// res.
func newWorker(p *plan, res *Result, theta *[model.NumInputs][]float64) *worker {
	return newWorkerIn(p, res, theta, costWindows(p, theta))
}

// newWorkerIn is newWorker with the trusts' cost windows for theta, which
// workers of one run share.
func newWorkerIn(p *plan, res *Result, theta *[model.NumInputs][]float64, windows []costWindow) *worker {
	n := p.nTrusts
	t := newTally(windows, p.nYears, p.obs)
	w := &worker{
		p: p, res: res, theta: theta, tally: t, rec: recorder{t: t, slots: newSlotBuffer(p), nYears: p.nYears, obs: p.obs},
		draws: newTrustDraws(n),
		need:  make([]float64, n), comp: make([]int32, n), waiting: newQueue(len(p.order)),
		free: make([]float64, p.nYears), spend: make([]float64, p.nYears), cuts: make([]float64, 0, maxDeployYears+2),
		coreAt: make([]int32, p.nYears+1),
	}
	for k, i := range p.order {
		w.waiting.at[k].trust = i
	}
	for _, i := range w.rec.slots.core {
		w.comp[i] = compCore // and need 0, as made
	}
	if len(p.order) <= shortQueue {
		w.list = make([]pending, len(p.order))
	}
	if p.sc.Priority == model.LowestCost {
		w.byNeed = newQueue(len(p.order))
	}
	return w
}

// begin readies the worker for block b: the block's own random stream, and
// part, emptied, for the block's sums.
func (w *worker) begin(b int, part *partial) {
	w.rng.seed(w.p.sc.Seed, splitmix64(streamBlocks+uint64(b)))
	part.reset(b)
	// The trusts already core cost nothing in every iteration, and the
	// costing loop skips them.
	for _, i := range w.rec.slots.core {
		part.trust[i].lo, part.trust[i].hi = 0, 0
	}
	w.rec.part = part
	w.rec.slots.iters = 0
}

// runBlock simulates iterations [lo, hi) of block b into part. It returns
// false when stopped early.
func (w *worker) runBlock(b, lo, hi int, part *partial, stopped func() bool) bool {
	w.begin(b, part)
	for s := lo; s < hi; s++ {
		if (s-lo)&15 == 15 && stopped() {
			return false
		}
		w.iterate(s)
	}
	w.rec.flush()
	return true
}

// iterate runs iteration s of DESIGN §5 and records it.
func (w *worker) iterate(s int) {
	th := w.inputs(s) // step 1
	w.costTrusts(&th) // steps 2–4
	w.schedule()      // step 5
	w.record(s, th.g) // step 6
}

// iterInputs are one iteration's scenario-level inputs θ, in the forms the
// trust loop uses.
type iterInputs struct {
	// scale is unit_cost[type] × (1 + ob) for each type, and lnScale its log
	// (NaN when scale is not positive), for the cost histograms.
	scale, lnScale [model.NumTrustTypes]float64
	beta           float64 // size elasticity β
	db             float64 // duration bias
	g              float64 // inflation
}

// inputs returns iteration s's θ (step 1). The draws were made for every
// iteration before the run (drawInputs): Latin hypercube sampling and
// Iman–Conover work on whole columns.
func (w *worker) inputs(s int) iterInputs {
	var v [model.NumInputs]float64
	for j := range v {
		v[j] = w.theta[j][s]
	}
	return iterInputsOf(&v)
}

// iterInputsOf is θ, one value for each scenario-level input, in the forms
// the trust loop uses.
func iterInputsOf(v *[model.NumInputs]float64) iterInputs {
	ob := v[model.InputOptimismBias]
	in := iterInputs{beta: v[model.InputSizeElasticity], db: v[model.InputDurationBias], g: v[model.InputInflation]}
	for k := range in.scale {
		in.scale[k] = v[k] * (1 + ob) // the unit costs are the first inputs
		in.lnScale[k] = math.NaN()
		if in.scale[k] > 0 {
			in.lnScale[k] = math.Log(in.scale[k])
		}
	}
	return in
}

// schedule starts the waiting trusts year by year, first fit in priority
// order, under the capacity and the national envelope (DESIGN §5 step 5).
// A trust it does not start keeps compNever.
func (w *worker) schedule() {
	p := w.p
	q := w.queue()
	for k, e := range p.envelope {
		w.free[k] = e + envelopeSlack
	}
	clear(w.spend)
	w.started = 0
	if len(q.at) <= shortQueue {
		w.walkList(q)
		return
	}
	q.index()
	for y := 0; y < p.nYears; y++ {
		if !w.startIn(y, q) {
			break
		}
	}
}

// shortQueue is the longest waiting list walked as a list rather than in
// blocks. A short list is walked faster entry by entry, moving down the
// trusts still waiting after each year (the sample's 217 trusts take about
// 2.7 looks each an iteration); a long one, with thousands waiting each
// year, faster by passing over the blocks that cannot fit.
const shortQueue = 1024

// walkList is the schedule of a short waiting list: the queue's waiting
// entries are copied, in order, into one list, which each year's walk
// (startListIn) leaves holding only the trusts still waiting.
func (w *worker) walkList(q *queue) {
	// Every entry is written and the waiting ones kept, without a branch.
	list := w.list[:len(q.at)]
	kept := 0
	minShare := math.Inf(1)
	for _, e := range q.at {
		list[kept] = e
		kept += int(bit(e.share != notWaiting))
		minShare = min(minShare, e.share)
	}
	list = list[:kept]
	for y := 0; y < w.p.nYears && len(list) > 0; y++ {
		list = w.startListIn(y, list, minShare)
	}
	w.list = list
}

// startListIn is startIn for a list: it walks the waiting trusts in year y,
// starts each that fits, and returns those still waiting, in order, in
// list's own storage. Trusts that would end after the horizon, as they
// would in every later year, are not kept. This year's free envelope stays
// in a register, and the trusts kept are moved down by index rather than
// appended.
func (w *worker) startListIn(y int, list []pending, minShare float64) []pending {
	free, spend := w.free, w.spend
	fy, ny := free[y], len(free)
	capacity := w.p.sc.CapacityStarts
	// Once this year's free envelope is below every share, no one else
	// can start this year.
	if fy < minShare {
		return list
	}
	later := math.Inf(1)
	for _, f := range free[y+1:] {
		later = min(later, f)
	}
	starts, kept := 0, 0
	for k := 0; k < len(list); k++ {
		t := list[k]
		if !(t.share <= fy) {
			list[kept] = t
			kept++
			continue
		}
		end := y + int(t.n)
		if end > ny {
			continue
		}
		if !(t.share <= later || fitsEach(free[y+1:end], t.share)) {
			list[kept] = t
			kept++
			continue
		}
		fy -= t.share
		free[y] = fy
		spend[y] += t.spend
		for j := y + 1; j < end; j++ {
			free[j] -= t.share
			spend[j] += t.spend
			later = min(later, free[j])
		}
		w.noteStart(t.trust, end)
		starts++
		if starts >= capacity || fy < minShare {
			kept += copy(list[kept:], list[k+1:])
			break
		}
	}
	return list[:kept]
}

// queue returns the iteration's waiting list in priority order.
func (w *worker) queue() *queue {
	if w.p.sc.Priority != model.LowestCost {
		return &w.waiting
	}
	w.byNeed.sortByNeed(&w.waiting, w.need, w.p.codeRank)
	return &w.byNeed
}

// startIn walks the waiting trusts in year y and starts each that fits: the
// year's capacity is not used up, it completes by the horizon, and its
// national share fits the envelope left in every year of its deployment.
// It returns false when no one is left waiting.
//
// The walk is the heart of an iteration's time, so it skips what cannot
// fit: a block of trusts whose least share is above this year's free
// envelope is passed over with one comparison, and a trust that would end
// after the horizon, which it would in every later year too, leaves the
// queue. This year's free envelope stays in a register.
func (w *worker) startIn(y int, q *queue) bool {
	all := leastOf(q.least)
	if all == notWaiting {
		return false
	}
	free, spend := w.free, w.spend
	ny := w.p.nYears
	fy := free[y]
	// Once this year's free envelope is below every share, no one else
	// can start this year.
	if !(all <= fy) {
		return true
	}
	// later is the least free envelope of the years after y: a share
	// within it fits every later year, without a look at each.
	later := math.Inf(1)
	for _, f := range free[y+1 : ny] {
		later = min(later, f)
	}
	capacity := w.p.sc.CapacityStarts
	starts := 0
	at := q.at
	for b, least := range q.least {
		if !(least <= fy) {
			continue
		}
		lo := b * queueBlock
		waits := q.waits[b]
		for left := waits; left != 0; left &= left - 1 {
			j := bits.TrailingZeros16(left)
			e := &at[lo+j]
			sh := e.share
			// Most trusts that do not fit fail on this year's envelope, so
			// it is checked first; then the horizon and the later years.
			if !(sh <= fy) {
				continue
			}
			end := y + int(e.n)
			if end > ny {
				waits &^= 1 << j
				e.share = notWaiting
				continue
			}
			if !(sh <= later || fitsEach(free[y+1:end], sh)) {
				continue
			}
			fy -= sh
			free[y] = fy
			sp := e.spend
			spend[y] += sp
			for j := y + 1; j < end; j++ {
				free[j] -= sh
				spend[j] += sp
				later = min(later, free[j])
			}
			w.noteStart(e.trust, end)
			waits &^= 1 << j
			e.share = notWaiting
			starts++
			if starts >= capacity || fy < all {
				break
			}
		}
		if waits != q.waits[b] {
			q.waits[b] = waits
			q.least[b] = leastShare(q.block(b))
		}
		if starts >= capacity || fy < all {
			return true
		}
	}
	return true
}

// fitsEach reports whether share fits each year's free envelope in free.
func fitsEach(free []float64, share float64) bool {
	for _, f := range free {
		if !(share <= f) {
			return false
		}
	}
	return true
}

// record is step 6: it writes iteration s's scenario-level outputs and gives
// its per-trust, per-year and per-group figures to the recorder (the
// trusts' costs and needs went to it as they were made). g is the
// iteration's inflation.
func (w *worker) record(s int, g float64) {
	p, res := w.p, w.res
	w.rec.observed(w.comp)
	// Trusts core by each year: those already core plus those completing by
	// it. Spend is real; nominal = real × (1 + g)^y; present value
	// = Σ real / (1 + discount_rate)^y.
	core := int(w.coreAt[0])
	var pv, grow, window float64 = 0, 1, 0
	for y := 0; y < p.nYears; y++ {
		core += int(w.coreAt[y+1])
		sp := w.spend[y]
		if y >= p.winFrom && y <= p.winTo {
			window += sp
		}
		pv += sp * p.discount[y]
		w.rec.year(y, core, sp, sp*grow)
		grow *= 1 + g
	}
	for k, v := range w.total.groupNeed {
		w.rec.group(k, v)
	}
	res.TotalCost[s] = w.total.cost
	res.TotalNeed[s] = w.total.need
	res.PresentValue[s] = pv
	res.WindowSpend[s] = window
	res.CoreByTarget[s] = float64(w.coreByTarget())
	res.AllCoreYear[s] = w.allCoreYear()
	w.rec.next()
}

// coreByTarget is the number of trusts core by target_year in the
// iteration just scheduled: those already core plus those completing by it
// (0 with a target outside the years).
func (w *worker) coreByTarget() int {
	p := w.p
	if p.target < 0 || p.target >= p.nYears {
		return 0
	}
	core := int(w.coreAt[0])
	for y := 0; y <= p.target; y++ {
		core += int(w.coreAt[y+1])
	}
	return core
}

// allCoreYear is the year the last trust is core in the iteration just
// scheduled, model.Never if one never starts.
func (w *worker) allCoreYear() model.FinancialYear {
	if w.started < w.waits {
		return model.Never // a trust never started
	}
	return w.p.sc.BaseYear.Add(int(w.last))
}

// noteStart notes that trust i starts, to complete in offset end − 1
// (before the horizon): its completion and its slot, the count
// completing that year and the latest completion.
func (w *worker) noteStart(i int32, end int) {
	w.comp[i] = int32(end - 1)
	buf := w.rec.slots
	buf.comp[buf.slot(int(i))] = uint8(end) // compSlot of end − 1
	w.coreAt[end]++
	w.last = max(w.last, int32(end-1))
	w.started++
}
