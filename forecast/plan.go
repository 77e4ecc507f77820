package forecast

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"corecast/model"
)

// plan is everything about a run that does not change between iterations:
// per-trust constants on flat slices, the envelope, discount factors, the
// static priority order and the samplers.
type plan struct {
	sc      model.Scenario
	trusts  []model.Trust
	nTrusts int
	nYears  int // base_year … horizon_year
	target  int // target_year − base_year

	// consts are each trust's constants (gap, opex, committed funding,
	// type, region), one record a trust, as the costing loop reads them.
	consts   []trustConst
	codeRank []int32 // position of the trust's code in ascending code order

	// order is the static priority order over trusts with gap > 0 (every rule
	// but lowest-cost, which sorts by each iteration's need).
	order []int32

	envelope []float64 // E_y, £m, uplift included
	discount []float64 // 1 / (1 + r)^y
	halfVar  float64   // σ²/2 of the trust-level factor
	// nationalShare is 1 − local_share, the national part of every need.
	nationalShare float64
	// perYear is 1/n for each deployment length n: the part of a trust's
	// need spent in each year of its deployment.
	perYear [maxDeployYears + 1]float64

	inputs [model.NumInputs]sampler
	deploy sampler

	committedTotal float64

	// The plan's window (DESIGN §6): the modelled years it covers, as
	// offsets winFrom … winTo (empty when winTo < winFrom), and the counted
	// trust funding dated in it, in all and its national part, £m.
	winFrom, winTo                int
	windowFunding, windowNational float64
	// uncounted are the NATIONAL rows that do not count (planned, without
	// include_planned): they set no envelope.
	uncounted []model.Funding

	// obs are the observations the hindcast holds the forecast against,
	// nil when there are none.
	obs *observations
}

// newPlan checks the inputs and scenario and precomputes the plan.
func newPlan(in model.Inputs, sc model.Scenario) (*plan, error) {
	if err := sc.Validate(); err != nil {
		return nil, fmt.Errorf("scenario %q: %w", sc.Name, err)
	}
	if len(in.Trusts) == 0 {
		return nil, errors.New("no trusts to forecast")
	}
	p := &plan{sc: sc, trusts: in.Trusts, nTrusts: len(in.Trusts)}
	p.nYears = sc.HorizonYear.Sub(sc.BaseYear) + 1
	p.target = sc.TargetYear.Sub(sc.BaseYear)
	index, err := p.addTrusts(in.Trusts)
	if err != nil {
		return nil, err
	}
	if err := p.addFunding(in.Funding, index); err != nil {
		return nil, err
	}
	p.order = p.staticOrder()
	for k, i := range p.order {
		p.consts[i].pos = int32(k)
	}
	if p.obs, err = newObservations(p, in.Observed); err != nil {
		return nil, err
	}
	p.discount = make([]float64, p.nYears)
	for y := range p.discount {
		p.discount[y] = math.Pow(1+sc.DiscountRate, -float64(y))
	}
	p.halfVar = sc.TrustSigma * sc.TrustSigma / 2
	p.nationalShare = 1 - sc.LocalShare
	for n := 1; n < len(p.perYear); n++ {
		p.perYear[n] = 1 / float64(n)
	}
	if err := p.addSamplers(); err != nil {
		return nil, err
	}
	return p, nil
}

// addSamplers sets up the samplers of the scenario-level inputs and of
// deploy_years. A PERT sampler builds a table of its quantile function,
// which takes a millisecond or so, so they are set up in parallel; each
// writes only its own sampler, and the first error in input order is
// returned, whatever the scheduling.
func (p *plan) addSamplers() error {
	names := model.InputNames()
	errs := make([]error, len(names)+1)
	err := parallel(len(names)+1, workerCount(0), func(j int) error {
		if j == len(names) {
			p.deploy, errs[j] = inputSampler(p.sc.DeployYears, "deploy_years")
			return nil
		}
		p.inputs[j], errs[j] = inputSampler(*p.sc.Input(j), names[j])
		return nil
	})
	if err != nil {
		return err
	}
	return firstError(errs)
}

// firstError is the first error of errs that is not nil, or nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// addTrusts checks the trusts and sets their constants (DESIGN §5 step 2:
// gap_i = max(0, core_threshold − maturity_i), and log(opex_i / ref_opex_m)).
// It returns each trust's index by code.
func (p *plan) addTrusts(trusts []model.Trust) (map[string]int, error) {
	sc, n := p.sc, len(trusts)
	p.consts = make([]trustConst, n)
	index := make(map[string]int, n)
	for i, t := range trusts {
		if _, dup := index[t.Code]; dup {
			return nil, fmt.Errorf("trust code %q appears twice", t.Code)
		}
		if !(t.OpexM > 0) || math.IsInf(t.OpexM, 0) {
			return nil, fmt.Errorf("trust %s: opex_m %g is not above 0", t.Code, t.OpexM)
		}
		if !(t.Maturity >= 0 && t.Maturity <= 100) {
			return nil, fmt.Errorf("trust %s: maturity %g is outside 0–100", t.Code, t.Maturity)
		}
		if t.Type < 0 || int(t.Type) >= model.NumTrustTypes || t.Region < 0 || int(t.Region) >= model.NumRegions {
			return nil, fmt.Errorf("trust %s: unknown type or region", t.Code)
		}
		index[t.Code] = i
		gap := t.Gap(sc.CoreThreshold)
		p.consts[i] = trustConst{gap: gap, lnGap: math.Log(gap), lnRel: math.Log(t.OpexM / sc.RefOpexM),
			typ: int32(t.Type), region: int32(t.Region)}
	}
	// Ties in every priority order are broken by code, ascending.
	byCode := make([]int32, n)
	for i := range byCode {
		byCode[i] = int32(i)
	}
	slices.SortFunc(byCode, func(a, b int32) int { return strings.Compare(trusts[a].Code, trusts[b].Code) })
	p.codeRank = make([]int32, n)
	for r, i := range byCode {
		p.codeRank[i] = int32(r)
	}
	return index, nil
}

// inputSampler returns the sampler of the input called key, its draws
// clamped to the input's domain.
func inputSampler(d model.Distribution, key string) (sampler, error) {
	s, err := newSampler(d)
	if err != nil {
		return sampler{}, fmt.Errorf("%s: %w", key, err)
	}
	k, ok := model.LookupDistribution(key)
	if !ok {
		return sampler{}, fmt.Errorf("%s: not a distribution key", key)
	}
	s.clampTo(k.Domain)
	return s, nil
}

// addFunding sums committed funding per trust (DESIGN §5 step 3), and the
// part of it dated in the plan's window (§6), and builds the national
// envelope (step 5).
func (p *plan) addFunding(rows []model.Funding, index map[string]int) error {
	sc := p.sc
	// The envelope's known range ends at the last year with a counted
	// NATIONAL row: a planned row (a bid, not money) never turns a year
	// of envelope_after_m into a year of nothing.
	lastNational := model.FinancialYear(math.MinInt32)
	national := map[model.FinancialYear]float64{}
	for _, f := range rows {
		if !(f.NationalM >= 0 && f.LocalM >= 0) || math.IsInf(f.NationalM+f.LocalM, 0) {
			return fmt.Errorf("funding for %s in %s: money must be ≥ 0", f.Code, f.Year)
		}
		counts := f.Status.Counts(sc.IncludePlanned)
		if f.IsNational() {
			if counts {
				lastNational = max(lastNational, f.Year)
				national[f.Year] += f.NationalM
			} else {
				p.uncounted = append(p.uncounted, f)
			}
			continue
		}
		i, ok := index[f.Code]
		if !ok {
			return fmt.Errorf("funding row for unknown trust %q", f.Code)
		}
		if counts {
			p.consts[i].committed += f.NationalM + f.LocalM
			if f.Year >= sc.PlanFrom && f.Year <= sc.PlanTo {
				p.windowFunding += f.NationalM + f.LocalM
				p.windowNational += f.NationalM
			}
		}
	}
	// The modelled years inside the window (winTo < winFrom when none).
	p.winFrom = max(0, sc.PlanFrom.Sub(sc.BaseYear))
	p.winTo = min(p.nYears-1, sc.PlanTo.Sub(sc.BaseYear))
	for _, c := range p.consts {
		p.committedTotal += c.committed
	}
	p.envelope = make([]float64, p.nYears)
	for y := range p.envelope {
		year := sc.BaseYear.Add(y)
		if year <= lastNational {
			p.envelope[y] = national[year]
		} else {
			p.envelope[y] = sc.EnvelopeAfterM
		}
		p.envelope[y] += sc.UpliftAt(year)
	}
	return nil
}

// staticOrder returns the trusts with gap > 0 in the scenario's priority
// order, ties broken by code ascending. Lowest-cost is ordered per iteration,
// so here it gets the code order.
func (p *plan) staticOrder() []int32 {
	var idx []int32
	for i := range p.trusts {
		if p.consts[i].gap > 0 {
			idx = append(idx, int32(i))
		}
	}
	byMaturity := func(a, b int32) int {
		return cmp.Or(cmp.Compare(p.trusts[a].Maturity, p.trusts[b].Maturity), cmp.Compare(p.codeRank[a], p.codeRank[b]))
	}
	switch p.sc.Priority {
	case model.LowestMaturity:
		slices.SortFunc(idx, byMaturity)
	case model.LargestGap:
		slices.SortFunc(idx, func(a, b int32) int {
			return cmp.Or(cmp.Compare(p.consts[b].gap, p.consts[a].gap), cmp.Compare(p.codeRank[a], p.codeRank[b]))
		})
	case model.RegionBalanced:
		// Regions in alphabetical order (the model.Region order) take turns,
		// one trust at a time, each region's trusts by lowest maturity; a
		// region that has run out is skipped.
		queues := make([][]int32, model.NumRegions)
		for _, i := range idx {
			r := p.consts[i].region
			queues[r] = append(queues[r], i)
		}
		for _, q := range queues {
			slices.SortFunc(q, byMaturity)
		}
		out := idx[:0:0]
		for len(out) < len(idx) {
			for r := range queues {
				if len(queues[r]) > 0 {
					out = append(out, queues[r][0])
					queues[r] = queues[r][1:]
				}
			}
		}
		idx = out
	default: // lowest-cost: sorted per iteration; start from code order
		slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(p.codeRank[a], p.codeRank[b]) })
	}
	return idx
}
