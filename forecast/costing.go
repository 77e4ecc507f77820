package forecast

import (
	"math"

	"corecast/model"
)

// trustConst is what the costing loop reads of one trust, kept together so
// that one cache line serves a trust or two and one bounds check covers
// every field.
type trustConst struct {
	gap       float64 // maturity points to core
	lnGap     float64 // log(gap), for the cost histograms
	lnRel     float64 // log(opex / ref_opex)
	committed float64 // counted funding, £m
	typ       int32   // model.TrustType
	region    int32   // model.Region
	pos       int32   // place in the static priority order (trusts with a gap)
}

// trustDraws are one iteration's trust-level draws and what is made of
// them before the costs, one entry per trust.
type trustDraws struct {
	z        []float64 // the normal variate of ε
	u        []float64 // the uniform whose quantile is deploy_years
	lnFactor []float64 // β·log(opex/ref) + σz − σ²/2
	factor   []float64 // its exp: the size factor times ε
	years    []int32   // n_i
}

func newTrustDraws(n int) trustDraws {
	return trustDraws{z: make([]float64, n), u: make([]float64, n), lnFactor: make([]float64, n),
		factor: make([]float64, n), years: make([]int32, n)}
}

// costTrusts makes every trust's draws, cost, need and deployment length
// (DESIGN §5 steps 2–4), and records each cost and need.
//
// It is the innermost work of every run, so it is written for the
// compiler, in passes over the trusts that each make no call per trust:
// a call makes the compiler keep every value a loop carries in memory
// rather than in registers.
func (w *worker) costTrusts(th *iterInputs) {
	w.drawTrusts()
	w.sizeFactors(th.beta)
	w.deployAll(th.db)
	w.costAll(th)
}

// sizeFactors makes, from the iteration's draws, each trust's size factor
// and ε for the size elasticity beta, in one exp: cost_i = unit_cost[type_i]
// × gap_i × (opex_i / ref_opex_m)^β × ε_i × (1 + ob), with ε_i =
// exp(σz − σ²/2) (so that E[ε] = 1). The exponent is kept too: it gives the
// log of the cost, which the cost histogram needs.
func (w *worker) sizeFactors(beta float64) {
	p := w.p
	d := &w.draws
	sigma, halfVar := p.sc.TrustSigma, p.halfVar
	ln, z := d.lnFactor, d.z[:len(d.lnFactor)]
	for i, c := range p.consts[:len(ln)] {
		ln[i] = beta*c.lnRel + sigma*z[i] - halfVar
	}
	expInto(d.factor, ln)
}

// drawTrusts makes every trust's draws for the iteration: the normal
// variate of ε, then the uniform whose quantile is deploy_years. They are
// made for every trust, in input order, so that the same seed gives the
// same draws whatever the scenario (common random numbers).
func (w *worker) drawTrusts() {
	rng := w.rng // a local copy, whose state stays in registers
	z, u := w.draws.z, w.draws.u[:len(w.draws.z)]
	for i := range z {
		var r uint64
		r, rng = rng.next()
		v, ok := zigRect(r) // rng.normal(), its common case inlined
		if !ok {
			v, rng = rng.normalTail(r)
		}
		z[i] = v
		r, rng = rng.next()
		u[i] = unitFrom(r)
	}
	w.rng = rng
}

// deployAll sets each trust's deployment years n_i from its uniform
// (deployYears). When there are at most eight thresholds, as with any
// deployment time of up to eight years, n_i is read off a table of
// deployBuckets equal slices of the uniform's range, made for the
// iteration's thresholds: a slice that holds no threshold has one n for
// every uniform in it. The few uniforms that fall in a slice holding one
// count the thresholds below them without a branch (which length a trust
// draws is unpredictable, and a mispredicted branch costs more than the
// eight comparisons): the sign of the difference of the bits is each
// comparison (see shortCuts).
func (w *worker) deployAll(db float64) {
	w.deployCuts(db)
	u, years := w.draws.u, w.draws.years[:len(w.draws.u)]
	table := &w.deployTable
	if len(w.cuts) > len(w.cut8)+1 {
		for i, v := range u {
			n := int32(table[int(v*deployBuckets)&(deployBuckets-1)])
			if n == 0 {
				n = int32(w.deployYears(v))
			}
			years[i] = n
		}
		return
	}
	c := &w.cut8
	for i, v := range u {
		n := int32(table[int(v*deployBuckets)&(deployBuckets-1)])
		if n == 0 {
			b := int64(math.Float64bits(v))
			n = int32(1 + uint64(c[0]-b)>>63 + uint64(c[1]-b)>>63 + uint64(c[2]-b)>>63 + uint64(c[3]-b)>>63 +
				uint64(c[4]-b)>>63 + uint64(c[5]-b)>>63 + uint64(c[6]-b)>>63 + uint64(c[7]-b)>>63)
		}
		years[i] = n
	}
}

// deployBuckets is the number of equal slices of the uniform's range in
// the table of deployment years (deployAll).
const deployBuckets = 256

// deployTable gives, for each of deployBuckets slices [k/256, (k+1)/256) of
// a uniform's range, the deployment years of every uniform in it, or 0 when
// a threshold lies in it and the uniform must be compared with it.
type deployTable [deployBuckets]uint16

// set fills the table for the thresholds cut (deployCuts), all but the
// first and the last of which count: a uniform u deploys over one year more
// than the number of them below it (u > cut). A slice none of them lies in
// has, for each threshold, all its uniforms above it or none.
func (t *deployTable) set(cut []float64) {
	inner := cut[1:max(1, len(cut)-1)] // the thresholds that count
	k := 0                             // the first slice not yet filled
	for m, c := range inner {
		// The slices from k up to the one c lies in are above the m
		// thresholds before c (each lay in a slice before k) and below c.
		in := min(int(c*deployBuckets), deployBuckets)
		for ; k < in; k++ {
			t[k] = uint16(1 + m)
		}
		if in < deployBuckets {
			t[in] = 0 // c lies in [in/256, (in+1)/256)
			k = max(k, in+1)
		}
	}
	for ; k < deployBuckets; k++ {
		t[k] = uint16(1 + len(inner))
	}
}

// costAll is the rest of steps 2–4 for every trust, from its draws, and
// records each cost and need.
func (w *worker) costAll(th *iterInputs) {
	p := w.p
	consts := p.consts
	n := len(consts)
	need, comp := w.need[:n], w.comp[:n]
	factor, lnFactor, ny := w.draws.factor[:n], w.draws.lnFactor[:n], w.draws.years[:n]
	sums := w.rec.part.trust[:n]
	buf := w.rec.slots
	windows := w.tally.windows[:n]
	// The waiting list is written in the static priority order as the
	// trusts are costed, each at its place, so that no pass gathers it.
	waiting := w.waiting.at
	nationalShare := p.nationalShare
	perYear := &p.perYear
	// The totals as plain variables, which stay in registers; only the
	// groups, indexed, live in memory.
	var totalCost, totalNeed float64
	var groupNeed [numGroups]float64
	// The completions are noted here for the trusts outside the schedule
	// (and as never for those waiting: the schedule notes each it starts),
	// with the count completing in each year and the latest completion.
	ny32 := int32(p.nYears)
	never := uint8(compSlots(p.nYears) - 1)
	coreAt := w.coreAt[:ny32+1]
	clear(coreAt)
	coreAt[0] = int32(len(buf.core))
	last, waits := int32(compCore), 0
	// The trusts already core (completion base_year − 1, no cost, no
	// spend) are left out: their need and completion never change, and
	// the recorder counts them without being told.
	for _, k := range buf.costed {
		i := int(k)
		c := &consts[i]
		ty := c.typ
		cost := th.scale[ty] * c.gap * factor[i]
		// Step 3: need_i = max(0, cost_i − committed_i).
		nd := cost - c.committed
		if nd < 0 {
			nd = 0
		}
		// Step 4: spent evenly over n_i years. Already funded (need 0),
		// the trust starts in base_year outside capacity and envelope;
		// otherwise it waits for the schedule, with its national share of
		// each year's spend, and until it starts it will never complete.
		yrs := ny[i]
		need[i] = nd
		e := &waiting[c.pos]
		e.n = yrs
		if nd == 0 {
			c := yrs - 1
			comp[i] = c
			e.share = notWaiting
			if c < ny32 {
				coreAt[c+1]++
			}
			last = max(last, c)
			buf.comp[buf.slot(i)] = uint8(compSlot(c, int(ny32)))
		} else {
			comp[i] = compNever
			buf.comp[buf.slot(i)] = never
			waits++
			// A year's share: need × 1/n_i, read from a table, since two
			// divisions a trust would hold up the loop.
			spend := nd * perYear[yrs]
			sh := spend * nationalShare
			if sh != sh {
				sh = notWaiting // a NaN share fits no envelope
			}
			e.share, e.spend = sh, spend
		}
		totalCost += cost
		totalNeed += nd
		groupNeed[c.region] += nd
		groupNeed[model.NumRegions+int(ty)] += nd
		sums[i].add(cost, nd)
		buf.cost[buf.slot(i)] = uint16(windows[i].slot(costSlot(cost, th.lnScale[ty]+c.lnGap+lnFactor[i])))
	}
	w.total = totals{cost: totalCost, need: totalNeed, groupNeed: groupNeed}
	w.last, w.waits = last, waits
}

// costSlot is the slot of a trust's cost in its histogram, given the
// cost's natural log, which the way costs are made gives without a call to
// math.Log. The log is NaN only when the unit cost is not positive, and
// then neither is the cost: zero or below goes in the zero slot.
func costSlot(cost, lnCost float64) int {
	const log10e = 1 / math.Ln10
	if cost > 0 && lnCost == lnCost {
		return binOfLog10(lnCost*log10e, trustBins)
	}
	return histZeroSlot
}

// deployYears is step 4's n_i = max(1, ceil(deploy_years × (1 + db))) for a
// trust whose deploy_years is Q(u): the smallest n ≥ 1 with
// u ≤ F(n / (1 + db)), read off the thresholds of deployCuts.
func (w *worker) deployYears(u float64) int {
	n := 1
	for n < len(w.cuts)-1 && u > w.cuts[n] {
		n++
	}
	return n
}

// shortCuts are thresholds 1 … 8 of deployCuts as the bits of their
// float64s, padded with the bits of 2, which no uniform exceeds. A uniform
// and the thresholds are positive, so their bits order as they do.
type shortCuts [8]int64

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
	// The short form for the branch-free count: thresholds 1 … 8, padded
	// with 2; the last threshold, which only caps n, is left out the same way.
	for m := range w.cut8 {
		f := 2.0
		if m+1 < len(cut)-1 {
			f = cut[m+1]
		}
		w.cut8[m] = int64(math.Float64bits(f))
	}
	w.deployTable.set(cut)
	return cut
}
