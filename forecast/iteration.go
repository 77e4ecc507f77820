package forecast

import (
	"cmp"
	"math"
	"slices"

	"corecast/model"
)

// Completion offsets (years after base_year) with special meaning.
const (
	compCore      = -1            // core already: base_year − 1
	compUnstarted = math.MinInt32 // waiting to be scheduled
	compNever     = math.MaxInt32 // not started within the horizon
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

	// Per trust, this iteration: need_i, the national share of a year's
	// spend, n_i and the completion offset.
	need, share []float64
	years, comp []int32
	list        []pending // unstarted trusts in priority order
	// free is each year's envelope not yet committed, E_y + slack − used_y;
	// spend is each year's real spend, national and local.
	free, spend []float64
	cuts        []float64  // deployment-length thresholds, see deployCuts
	cut8        [9]float64 // the same, fixed length, when there are few
	coreAt      []int32    // per year: trusts completing in that year (offset+1)
	total       totals
}

// totals are the sums over trusts that step 6 records, built up as the
// trusts are costed.
type totals struct {
	cost, need float64
	groupNeed  [numGroups]float64 // by region, then by type
}

// add adds trust i's cost and need to the totals.
func (t *totals) add(p *plan, i int, cost, need float64) {
	t.cost += cost
	t.need += need
	t.groupNeed[p.region[i]] += need
	t.groupNeed[model.NumRegions+int(p.typ[i])] += need
}

func newWorker(p *plan, res *Result, theta *[model.NumInputs][]float64) *worker {
	n := p.nTrusts
	t := newTally(n, p.nYears, p.obs)
	return &worker{
		p: p, res: res, theta: theta, tally: t, rec: recorder{t: t, slots: newSlotBuffer(p), nYears: p.nYears, obs: p.obs},
		need: make([]float64, n), share: make([]float64, n),
		years: make([]int32, n), comp: make([]int32, n), list: make([]pending, 0, n),
		free: make([]float64, p.nYears), spend: make([]float64, p.nYears), cuts: make([]float64, 0, maxDeployYears+2),
		coreAt: make([]int32, p.nYears+1),
	}
}

// begin readies the worker for block b: the block's own random stream, and
// part, emptied, for the block's sums.
func (w *worker) begin(b int, part *partial) {
	w.rng.seed(w.p.sc.Seed, splitmix64(streamBlocks+uint64(b)))
	part.reset(b)
	w.rec.part = part
	w.rec.slots.iters, w.rec.slots.at = 0, 0
}

// runBlock simulates iterations [lo, hi) of block b into part. It returns
// false when stopped early.
func (w *worker) runBlock(b, lo, hi int, part *partial, stopped func() bool) bool {
	w.begin(b, part)
	for s := lo; s < hi; s++ {
		if (s-lo)&63 == 63 && stopped() {
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
	th := w.theta
	ob := th[model.InputOptimismBias][s]
	in := iterInputs{beta: th[model.InputSizeElasticity][s], db: th[model.InputDurationBias][s], g: th[model.InputInflation][s]}
	for k := range in.scale {
		in.scale[k] = th[k][s] * (1 + ob) // the unit costs are the first inputs
		in.lnScale[k] = math.NaN()
		if in.scale[k] > 0 {
			in.lnScale[k] = math.Log(in.scale[k])
		}
	}
	return in
}

// costTrusts makes every trust's draws, cost, need and deployment length
// (steps 2–4), and records each cost and need.
func (w *worker) costTrusts(th *iterInputs) {
	p := w.p
	w.deployCuts(th.db)
	w.total = totals{}
	for i := range w.need {
		// The trust's draws: the normal variate of ε, then the uniform whose
		// quantile is deploy_years. They are made for every trust, in input
		// order, so that the same seed gives the same draws whatever the
		// scenario (common random numbers).
		z := w.rng.normal()
		u := unitFrom(w.rng.uint64())
		if p.gap[i] == 0 {
			// Core already: completion base_year − 1, no cost, no spend.
			// The recorder counts these trusts without being told.
			w.need[i], w.comp[i] = 0, compCore
			continue
		}
		// Step 2, the size factor and ε in one exp; its log comes free.
		ty := p.typ[i]
		e := p.lnSizeEps(i, th.beta, z)
		cost := th.scale[ty] * p.gap[i] * expHot(e)
		need := p.need(i, cost) // step 3
		n := w.deployYears(u)   // step 4
		w.deploy(i, need, n)
		w.total.add(p, i, cost, need)
		w.rec.trust(i, cost, need)
		w.rec.costBin(i, cost, th.lnScale[ty]+p.lnGap[i]+e)
	}
}

// lnSizeEps is the log of the size factor and ε_i of step 2's
// cost_i = unit_cost[type_i] × gap_i × (opex_i / ref_opex_m)^β × ε_i × (1 + ob),
// with ε_i = exp(σz − σ²/2) (so that E[ε] = 1): β·log(opex_i / ref_opex_m)
// + σz − σ²/2.
func (p *plan) lnSizeEps(i int, beta, z float64) float64 {
	return beta*p.lnRel[i] + p.sc.TrustSigma*z - p.halfVar
}

// need is step 3: need_i = max(0, cost_i − committed_i).
func (p *plan) need(i int, cost float64) float64 {
	need := cost - p.committed[i]
	if need < 0 {
		return 0
	}
	return need
}

// deployYears is step 4's n_i = max(1, ceil(deploy_years × (1 + db))) for a
// trust whose deploy_years is Q(u): the smallest n ≥ 1 with
// u ≤ F(n / (1 + db)), read off the thresholds of deployCuts.
func (w *worker) deployYears(u float64) int {
	n := 1
	if len(w.cuts) <= len(w.cut8) {
		// Count the thresholds below u without an early exit: which
		// deployment length a trust draws is unpredictable, and a loop
		// that stops at it costs a mispredicted branch per trust.
		// Both are positive, so their bits order as they do, and the
		// sign of the difference of the bits is the comparison.
		ub := int64(math.Float64bits(u))
		c := &w.cut8
		for m := 1; m < len(c); m++ {
			n += int(uint64(int64(math.Float64bits(c[m]))-ub) >> 63)
		}
		return n
	}
	for n < len(w.cuts)-1 && u > w.cuts[n] {
		n++
	}
	return n
}

// deploy is the rest of step 4: trust i spends its need evenly over n
// years. Already funded (need 0), it starts in base_year outside capacity
// and envelope; otherwise it waits for the schedule, with its national
// share of each year's spend.
func (w *worker) deploy(i int, need float64, n int) {
	w.need[i], w.years[i] = need, int32(n)
	if need == 0 {
		w.comp[i] = int32(n) - 1
		return
	}
	w.comp[i] = compUnstarted
	w.share[i] = need * w.p.nationalShare / float64(n)
}

// deployCuts returns F(n / (1 + db)) for n = 1, 2, … (index n), F the
// distribution function of deploy_years, up to the first n where it reaches 1
// or maxDeployYears. A trust with uniform draw u deploys over the smallest n
// with u ≤ cut[n]: the same n as ceil(Q(u)·(1 + db)), without evaluating a
// quantile per trust.
//
// Both forms are rebuilt on every call, whatever db: a worker runs many
// iterations, and thresholds left over from the previous one would make the
// results depend on which worker ran which block.
func (w *worker) deployCuts(db float64) []float64 {
	cut := w.cuts[:1]
	cut[0] = 0
	if 1+db > 0 {
		for n := 1; n <= maxDeployYears; n++ {
			f := w.p.deploy.cdf(float64(n) / (1 + db))
			cut = append(cut, f)
			if f >= 1 {
				break
			}
		}
	} else {
		cut = append(cut, 1) // any deployment time rounds to one year
	}
	w.cuts = cut
	// The short form for the branch-free count in deployYears: thresholds 1 … 8,
	// padded with 2, which no uniform exceeds; the last threshold, which only
	// caps n, is left out the same way.
	for m := range w.cut8 {
		w.cut8[m] = 2
		if m >= 1 && m < len(cut)-1 {
			w.cut8[m] = cut[m]
		}
	}
	return cut
}

// schedule starts unstarted trusts year by year, first fit in priority order,
// under the capacity and the national envelope (DESIGN §5 step 5).
func (w *worker) schedule() {
	p := w.p
	list, minShare := w.unstarted()
	for k, e := range p.envelope {
		w.free[k] = e + envelopeSlack
	}
	clear(w.spend)
	for y := 0; y < p.nYears && len(list) > 0; y++ {
		list = w.startIn(y, list, minShare)
	}
	for _, t := range list {
		w.comp[t.trust] = compNever
	}
	w.list = list
}

// unstarted lists the trusts waiting to start, in priority order, and the
// smallest yearly national share among them: once a year's envelope has
// less room than that, no one else can start in it.
func (w *worker) unstarted() (list []pending, minShare float64) {
	p := w.p
	list = w.list[:0]
	minShare = math.Inf(1)
	for _, i := range p.order {
		if w.comp[i] == compUnstarted {
			n := w.years[i]
			list = append(list, pending{share: w.share[i], spend: w.need[i] / float64(n), n: n, trust: i})
			minShare = min(minShare, w.share[i])
		}
	}
	if p.sc.Priority == model.LowestCost {
		need, rank := w.need, p.codeRank
		slices.SortFunc(list, func(a, b pending) int {
			return cmp.Or(cmp.Compare(need[a.trust], need[b.trust]), cmp.Compare(rank[a.trust], rank[b.trust]))
		})
	}
	return list, minShare
}

// startIn walks the waiting trusts in year y and starts each that fits: the
// year's capacity is not used up, it completes by the horizon, and its
// national share fits the envelope left in every year of its deployment.
// It returns the trusts still waiting, in order.
func (w *worker) startIn(y int, list []pending, minShare float64) []pending {
	free, ny, capacity := w.free, w.p.nYears, w.p.sc.CapacityStarts
	starts := 0
	keep := list[:0]
	for k, t := range list {
		// Once this year's free envelope is below every share, no one
		// else can start this year.
		if starts >= capacity || free[y] < minShare {
			return append(keep, list[k:]...)
		}
		end := y + int(t.n)
		// Most trusts that do not fit fail on this year's envelope, so
		// it is checked first; then the horizon and the later years.
		fits := t.share <= free[y] && end <= ny
		for k := y + 1; fits && k < end; k++ {
			fits = t.share <= free[k]
		}
		if !fits {
			keep = append(keep, t)
			continue
		}
		for k := y; k < end; k++ {
			free[k] -= t.share
			w.spend[k] += t.spend
		}
		w.comp[t.trust] = int32(end - 1)
		starts++
	}
	return keep
}

// pending is an unstarted trust in the schedule's walk, with what the walk
// reads kept together.
type pending struct {
	share float64 // national money a year, £m
	spend float64 // national and local money a year, £m
	n     int32   // deployment years
	trust int32   // index of the trust
}

// record is step 6: it writes iteration s's scenario-level outputs and gives
// its per-trust, per-year and per-group figures to the recorder (the
// trusts' costs and needs went to it as they were made). g is the
// iteration's inflation.
func (w *worker) record(s int, g float64) {
	p, res := w.p, w.res
	last := w.completions()
	w.rec.observed(w.comp)
	// Trusts core by each year: those already core plus those completing by
	// it. Spend is real; nominal = real × (1 + g)^y; present value
	// = Σ real / (1 + discount_rate)^y.
	core := int(w.coreAt[0])
	var pv, grow float64 = 0, 1
	for y := 0; y < p.nYears; y++ {
		core += int(w.coreAt[y+1])
		if y == p.target {
			res.CoreByTarget[s] = float64(core)
		}
		sp := w.spend[y]
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
	res.AllCoreYear[s] = Never
	if last != compNever {
		res.AllCoreYear[s] = p.sc.BaseYear.Add(int(last))
	}
	w.rec.next()
}

// completions records each trust's completion, counts the trusts
// completing in each year into coreAt and returns the latest completion
// offset: all_core_year's, or compNever if any trust never completes.
func (w *worker) completions() int32 {
	ny := int32(w.p.nYears)
	clear(w.coreAt)
	last := int32(compCore)
	for i, c := range w.comp {
		w.rec.completion(i, c)
		switch {
		case c == compNever:
			last = compNever
		case c < ny:
			w.coreAt[c+1]++
		}
		if last != compNever {
			last = max(last, c)
		}
	}
	return last
}
