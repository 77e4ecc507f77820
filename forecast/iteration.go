package forecast

import (
	"cmp"
	"math"
	"math/rand/v2"
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
	pcg   *rand.PCG
	rng   *rand.Rand

	need, share []float64 // per trust, this iteration
	years       []int32   // n_i
	comp        []int32   // completion offset
	list        []pending // unstarted trusts in priority order
	// free is each year's envelope not yet committed, E_y + slack − used_y;
	// spend is each year's real spend, national and local.
	free, spend []float64
	cuts        []float64  // deployment-length thresholds, see deployCuts
	cut8        [9]float64 // the same, fixed length, when there are few
	coreAt      []int32    // per year: trusts completing in that year (offset+1)
	groupNeed   [numGroups]float64
}

func newWorker(p *plan, res *Result, theta *[model.NumInputs][]float64) *worker {
	n := p.nTrusts
	pcg := rand.NewPCG(0, 0)
	return &worker{
		p: p, res: res, theta: theta, tally: newTally(n, p.nYears),
		pcg: pcg, rng: rand.New(pcg),
		need: make([]float64, n), share: make([]float64, n),
		years: make([]int32, n), comp: make([]int32, n), list: make([]pending, 0, n),
		free: make([]float64, p.nYears), spend: make([]float64, p.nYears), cuts: make([]float64, 0, maxDeployYears+2),
		coreAt: make([]int32, p.nYears+1),
	}
}

// runBlock simulates iterations [lo, hi) of block b into part. It returns
// false when stopped early.
func (w *worker) runBlock(b, lo, hi int, part *partial, stopped func() bool) bool {
	w.pcg.Seed(w.p.sc.Seed, splitmix64(streamBlocks+uint64(b)))
	part.reset(b)
	for s := lo; s < hi; s++ {
		if (s-lo)&63 == 63 && stopped() {
			return false
		}
		w.iterate(s, part)
	}
	return true
}

// iterate runs iteration s of DESIGN §5 and records it.
func (w *worker) iterate(s int, part *partial) {
	totalCost, totalNeed := w.drawTrusts(s, part)
	w.schedule()
	w.record(s, part, totalCost, totalNeed, w.theta[model.InputInflation][s])
}

// drawTrusts makes iteration s's trust-level draws and costs (DESIGN §5
// steps 2–4): each trust's need, deployment years, national share a year,
// and the completion of those already core or already funded; the rest are
// left unstarted for the schedule. With part nil nothing is tallied, for
// the analyses that re-run only the schedule.
func (w *worker) drawTrusts(s int, part *partial) (totalCost, totalNeed float64) {
	p, sc, t := w.p, &w.p.sc, w.tally
	th := w.theta
	ob := th[model.InputOptimismBias][s]
	beta := th[model.InputSizeElasticity][s]
	db := th[model.InputDurationBias][s]
	// Step 2 constants: unit cost × (1 + ob) per type, and its log for the
	// cost histograms (NaN when not positive).
	var scale, lnScale [model.NumTrustTypes]float64
	for k := range scale {
		scale[k] = th[k][s] * (1 + ob)
		lnScale[k] = math.NaN()
		if scale[k] > 0 {
			lnScale[k] = math.Log(scale[k])
		}
	}
	sigma, ls := sc.TrustSigma, sc.LocalShare
	nCut := w.deployCuts(db)
	w.groupNeed = [numGroups]float64{}
	tallied := part != nil
	const log10e = 1 / math.Ln10
	for i := range w.need {
		// Trust-level draws are made for every trust, in input order, so the
		// same seed gives the same draws whatever the scenario (common random numbers).
		z := w.rng.NormFloat64()
		// The uniform comes straight from the PCG (the same stream as w.rng) to
		// save an interface call per trust.
		u := unitFrom(w.pcg.Uint64())
		hist := t.trustHist[i*(trustBins+1) : (i+1)*(trustBins+1)]
		gap := p.gap[i]
		if gap == 0 {
			w.need[i], w.comp[i] = 0, compCore
			if tallied {
				hist[histZeroSlot]++
				t.trustMin[i] = min(t.trustMin[i], 0)
				t.trustMax[i] = max(t.trustMax[i], 0)
			}
			continue
		}
		// cost_i = unit_cost × gap × (opex/ref)^β × ε × (1 + ob), ε = exp(N(−σ²/2, σ)):
		// one exp for both factors.
		ty := p.typ[i]
		e := beta*p.lnRel[i] + sigma*z - p.halfVar
		cost := scale[ty] * gap * expHot(e)
		need := cost - p.committed[i]
		if need < 0 {
			need = 0
		}
		// n_i = max(1, ceil(deploy_years × (1 + db))) with deploy_years = Q(u):
		// the smallest n ≥ 1 with u ≤ F(n / (1 + db)), read off the thresholds.
		n := 1
		if len(nCut) <= len(w.cut8) {
			// Count the thresholds below u without an early exit: which
			// deployment length a trust draws is unpredictable, and a loop
			// that stops at it costs a mispredicted branch per trust.
			c := &w.cut8
			for m := 1; m < len(c); m++ {
				if u > c[m] {
					n++
				}
			}
		} else {
			for n < len(nCut)-1 && u > nCut[n] {
				n++
			}
		}
		nYears := float64(n)
		w.need[i], w.years[i] = need, int32(n)
		if tallied {
			if cost > 0 && lnScale[ty] == lnScale[ty] {
				hist[binOfLog10((lnScale[ty]+p.lnGap[i]+e)*log10e, trustBins)]++
			} else {
				hist[binOf(cost, trustBins)]++
			}
			if cost < t.trustMin[i] {
				t.trustMin[i] = cost
			}
			if cost > t.trustMax[i] {
				t.trustMax[i] = cost
			}
			part.trustCost[i] += cost
			part.trustCost2[i] += cost * cost
			part.trustNeed[i] += need
		}
		totalCost += cost
		totalNeed += need
		w.groupNeed[p.region[i]] += need
		w.groupNeed[model.NumRegions+int(ty)] += need
		if need == 0 {
			// Already funded: starts in base_year outside capacity and envelope.
			w.comp[i] = int32(nYears) - 1
		} else {
			w.comp[i] = compUnstarted
			w.share[i] = need * (1 - ls) / nYears
		}
	}
	return totalCost, totalNeed
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
	// The short form for the branch-free count in iterate: thresholds 1 … 8,
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

// pendingList lists the unstarted trusts in priority order (DESIGN §5 step
// 5) in w.list, and returns the smallest yearly national share among them:
// once a year's envelope has less room than that, no one else can start.
func (w *worker) pendingList() (list []pending, minShare float64) {
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
	w.list = list
	return list, minShare
}

// schedule starts unstarted trusts year by year, first fit in priority order,
// under the capacity and the national envelope (DESIGN §5 step 5).
func (w *worker) schedule() {
	p := w.p
	list, minShare := w.pendingList()
	for k, e := range p.envelope {
		w.free[k] = e + envelopeSlack
	}
	clear(w.spend)
	ny := p.nYears
	capacity := p.sc.CapacityStarts
	free := w.free
	for y := 0; y < ny && len(list) > 0; y++ {
		starts := 0
		keep := list[:0]
		for k, t := range list {
			// Once this year's free envelope is below every share, no one
			// else can start this year.
			if starts >= capacity || free[y] < minShare {
				keep = append(keep, list[k:]...)
				break
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
		list = keep
	}
	for _, t := range list {
		w.comp[t.trust] = compNever
	}
	w.list = list
}

// pending is an unstarted trust in the schedule's walk, with what the walk
// reads kept together.
type pending struct {
	share float64 // national money a year, £m
	spend float64 // national and local money a year, £m
	n     int32   // deployment years
	trust int32   // index of the trust
}

// record writes iteration s's scenario-level outputs and adds its per-trust,
// per-year and per-group figures to the block's sums and the worker's counts
// (DESIGN §5 step 6).
func (w *worker) record(s int, part *partial, totalCost, totalNeed, g float64) {
	p, t, res := w.p, w.tally, w.res
	ny := p.nYears
	slots := compSlots(ny)
	clear(w.coreAt)
	last := int32(compCore)
	for i, c := range w.comp {
		var slot int
		switch {
		case c == compNever:
			slot = slots - 1
			last = compNever
		case c < int32(ny):
			slot = int(c) + 1
			w.coreAt[c+1]++
		default:
			slot = 1 + ny + min(int(c)-ny, beyondSlots-1)
		}
		if last != compNever {
			last = max(last, c)
		}
		t.trustComp[i*slots+slot]++
	}
	// Trusts core by each year: those already core plus those completing by it.
	core := int(w.coreAt[0])
	var pv, grow float64 = 0, 1
	for y := 0; y < ny; y++ {
		core += int(w.coreAt[y+1])
		t.coreHist[y*(p.nTrusts+1)+core]++
		if y == p.target {
			res.CoreByTarget[s] = float64(core)
		}
		sp := w.spend[y]
		pv += sp * p.discount[y]
		part.yearSpend[y] += sp
		part.yearSpend2[y] += sp * sp
		part.yearNominal[y] += sp * grow
		grow *= 1 + g
		t.yearHist[y*(fineBins+1)+binOf(sp, fineBins)]++
		t.yearMin[y] = min(t.yearMin[y], sp)
		t.yearMax[y] = max(t.yearMax[y], sp)
	}
	for k, v := range w.groupNeed {
		part.groupNeed[k] += v
		part.groupNeed2[k] += v * v
		t.groupHist[k*(fineBins+1)+binOf(v, fineBins)]++
		t.groupMin[k] = min(t.groupMin[k], v)
		t.groupMax[k] = max(t.groupMax[k], v)
	}
	res.TotalCost[s] = totalCost
	res.TotalNeed[s] = totalNeed
	res.PresentValue[s] = pv
	if last == compNever {
		res.AllCoreYear[s] = Never
	} else {
		res.AllCoreYear[s] = p.sc.BaseYear.Add(int(last))
	}
}
