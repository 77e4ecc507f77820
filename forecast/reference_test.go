package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"corecast/model"
)

// referenceIteration is DESIGN §5 written out literally and slowly, for
// checking the engine: no thresholds, no room arrays, no compact lists. It
// takes the iteration's scenario-level inputs and each trust's normal and
// uniform draws (the same ones the engine makes) and returns the
// per-iteration outputs.
func referenceIteration(in model.Inputs, sc model.Scenario, theta [model.NumInputs]float64, z, u []float64) refOutputs {
	var out refOutputs
	var st []refTrust
	st, out.totalCost, out.totalNeed = refTrusts(in, sc, theta, z, u)
	spend := refSchedule(sc, st, refEnvelope(in, sc), refOrder(in, sc, st))
	out.coreByTarget, out.allCore = refCompletion(sc, st)
	for y, v := range spend {
		out.pv += v / math.Pow(1+sc.DiscountRate, float64(y))
		if year := sc.BaseYear.Add(y); year >= sc.PlanFrom && year <= sc.PlanTo {
			out.planWindowSpend += v
		}
	}
	// DESIGN §6: plan_window_spend adds the counted trust funding dated in
	// the window.
	for _, f := range in.Funding {
		if !f.IsNational() && refCounts(sc, f.Status) && f.Year >= sc.PlanFrom && f.Year <= sc.PlanTo {
			out.planWindowSpend += f.NationalM + f.LocalM
		}
	}
	return out
}

// refOutputs are one reference iteration's outputs.
type refOutputs struct {
	totalCost, totalNeed, pv, coreByTarget, planWindowSpend float64
	allCore                                                 model.FinancialYear
}

// refTrust is one trust's state in the reference iteration.
type refTrust struct {
	gap, need, national float64
	n                   int
	completion          int // offset from base year; -1 core already
	started, never      bool
}

// refCounts reports whether funding of status s counts (DESIGN §5 step 3).
func refCounts(sc model.Scenario, s model.FundingStatus) bool { return s.Counts(sc.IncludePlanned) }

// refTrusts is steps 2–4 for every trust, with the total cost and need.
func refTrusts(in model.Inputs, sc model.Scenario, theta [model.NumInputs]float64, z, u []float64) (st []refTrust, totalCost, totalNeed float64) {
	deploy, _ := newSampler(sc.DeployYears)
	ob, beta, db := theta[model.InputOptimismBias], theta[model.InputSizeElasticity], theta[model.InputDurationBias]
	sigma := sc.TrustSigma
	st = make([]refTrust, len(in.Trusts))
	for i, t := range in.Trusts {
		gap := math.Max(0, sc.CoreThreshold-t.Maturity)
		eps := math.Exp(-sigma*sigma/2 + sigma*z[i])
		cost := 0.0
		if gap > 0 {
			cost = theta[t.Type] * gap * math.Pow(t.OpexM/sc.RefOpexM, beta) * eps * (1 + ob)
		}
		committed := 0.0
		for _, f := range in.Funding {
			if f.Code == t.Code && refCounts(sc, f.Status) {
				committed += f.NationalM + f.LocalM
			}
		}
		need := math.Max(0, cost-committed)
		d := deploy.quantile(u[i]) * (1 + db)
		n := int(math.Max(1, math.Ceil(d)))
		st[i] = refTrust{gap: gap, need: need, national: (1 - sc.LocalShare) * need, n: n}
		totalCost += cost
		totalNeed += need
		switch {
		case gap == 0:
			st[i].completion, st[i].started = -1, true
		case need == 0:
			st[i].completion, st[i].started = n-1, true
		}
	}
	return st, totalCost, totalNeed
}

// refEnvelope is step 5's envelope E_y for each year.
func refEnvelope(in model.Inputs, sc model.Scenario) []float64 {
	// The known range ends at the last year with a counted NATIONAL row.
	last := model.FinancialYear(math.MinInt32)
	for _, f := range in.Funding {
		if f.IsNational() && refCounts(sc, f.Status) && f.Year > last {
			last = f.Year
		}
	}
	env := make([]float64, sc.HorizonYear.Sub(sc.BaseYear)+1)
	for y := range env {
		year := sc.BaseYear.Add(y)
		if year <= last {
			for _, f := range in.Funding {
				if f.IsNational() && f.Year == year && refCounts(sc, f.Status) {
					env[y] += f.NationalM
				}
			}
		} else {
			env[y] = sc.EnvelopeAfterM
		}
		env[y] += sc.EnvelopeUpliftM
	}
	return env
}

// refOrder is step 5's priority order over all trusts (DESIGN §5: "a fixed
// interleaved order over all trusts"); the walk skips those already started.
func refOrder(in model.Inputs, sc model.Scenario, st []refTrust) []int {
	order := make([]int, len(st))
	for i := range order {
		order[i] = i
	}
	code := func(i int) string { return in.Trusts[i].Code }
	byMaturity := func(q []int) func(a, b int) bool {
		return func(a, b int) bool {
			ma, mb := in.Trusts[q[a]].Maturity, in.Trusts[q[b]].Maturity
			return ma < mb || ma == mb && code(q[a]) < code(q[b])
		}
	}
	switch sc.Priority {
	case model.LowestMaturity:
		sort.Slice(order, byMaturity(order))
	case model.LargestGap:
		sort.Slice(order, func(a, b int) bool {
			ga, gb := st[order[a]].gap, st[order[b]].gap
			return ga > gb || ga == gb && code(order[a]) < code(order[b])
		})
	case model.LowestCost:
		sort.Slice(order, func(a, b int) bool {
			na, nb := st[order[a]].need, st[order[b]].need
			return na < nb || na == nb && code(order[a]) < code(order[b])
		})
	case model.RegionBalanced:
		byRegion := map[model.Region][]int{}
		for _, i := range order {
			byRegion[in.Trusts[i].Region] = append(byRegion[in.Trusts[i].Region], i)
		}
		for _, q := range byRegion {
			sort.Slice(q, byMaturity(q))
		}
		order = order[:0]
		for more := true; more; {
			more = false
			for _, r := range model.Regions() {
				if q := byRegion[r]; len(q) > 0 {
					order = append(order, q[0])
					byRegion[r] = q[1:]
					more = true
				}
			}
		}
	}
	return order
}

// refSchedule is step 5's walk, year by year, first fit; it returns the
// spend by year.
func refSchedule(sc model.Scenario, st []refTrust, env []float64, order []int) []float64 {
	ny := len(env)
	used := make([]float64, ny)
	spend := make([]float64, ny)
	for y := 0; y < ny; y++ {
		starts := 0
		for _, i := range order {
			s := &st[i]
			if s.started || starts >= sc.CapacityStarts || y+s.n-1 > ny-1 {
				continue
			}
			fits := true
			for k := y; k < y+s.n; k++ {
				if used[k]+s.national/float64(s.n) > env[k]+1e-9 {
					fits = false
				}
			}
			if !fits {
				continue
			}
			for k := y; k < y+s.n; k++ {
				used[k] += s.national / float64(s.n)
				spend[k] += s.need / float64(s.n)
			}
			s.started, s.completion = true, y+s.n-1
			starts++
		}
	}
	return spend
}

// refCompletion is step 6's trusts core by target_year and all_core_year.
func refCompletion(sc model.Scenario, st []refTrust) (coreByTarget float64, allCore model.FinancialYear) {
	maxComp := math.MinInt32
	target := sc.TargetYear.Sub(sc.BaseYear)
	for _, s := range st {
		if !s.started {
			s.never = true
		}
		if s.never {
			maxComp = math.MaxInt32
			continue
		}
		if s.completion <= target {
			coreByTarget++
		}
		if maxComp != math.MaxInt32 && s.completion > maxComp {
			maxComp = s.completion
		}
	}
	allCore = model.Never
	if maxComp != math.MaxInt32 {
		allCore = sc.BaseYear.Add(maxComp)
	}
	return coreByTarget, allCore
}

// TestEngineMatchesReference runs the engine and the literal reference on
// the same draws and compares every iteration's outputs, for each priority
// rule and for scenarios where the envelope, the capacity, the horizon and
// past funding bind.
func TestEngineMatchesReference(t *testing.T) {
	in := synthetic(60, 9)
	// Fund a few trusts fully, so some start outside capacity and envelope.
	for _, k := range []int{3, 17, 41} {
		in.Funding = append(in.Funding, model.Funding{Code: in.Trusts[k].Code, Year: 2019, NationalM: 400, LocalM: 400, Status: model.Committed})
	}
	in.Funding = append(in.Funding, model.Funding{Code: in.Trusts[5].Code, Year: 2020, NationalM: 500, Status: model.Planned},
		// A planned spending-review bid beyond the committed envelope: it
		// must not end envelope_after_m's years unless it counts.
		model.Funding{Code: model.NationalCode, Year: 2025, NationalM: 90, Status: model.Planned})
	edits := map[string]func(*model.Scenario){
		"default":         func(*model.Scenario) {},
		"tight capacity":  func(sc *model.Scenario) { sc.CapacityStarts = 7 },
		"short horizon":   func(sc *model.Scenario) { sc.HorizonYear, sc.TargetYear = 2022, 2021 },
		"include planned": func(sc *model.Scenario) { sc.IncludePlanned, sc.LocalShare = true, 0.2 },
		"pert deployment": func(sc *model.Scenario) { sc.DeployYears = model.PERTDist(0.5, 1.5, 4) },
		"uplift":          func(sc *model.Scenario) { sc.EnvelopeUpliftM = 250; sc.TrustSigma = 0.6 },
		"narrow window":   func(sc *model.Scenario) { sc.PlanFrom, sc.PlanTo = 2020, 2021 },
	}
	for name, edit := range edits {
		for _, pr := range model.Priorities() {
			sc := model.DefaultScenario()
			sc.Iterations = 700 // many blocks, the last one short
			sc.Priority = pr
			edit(&sc)
			checkAgainstReference(t, name, in, sc)
		}
	}
}

// TestEngineMatchesReferenceLongQueue is the same check on a portfolio
// whose waiting list is long enough to be walked in blocks (shortQueue),
// with the capacity and envelope tight enough that most trusts wait.
func TestEngineMatchesReferenceLongQueue(t *testing.T) {
	in := synthetic(shortQueue+400, 4)
	for _, capacity := range []int{60, 400} {
		for _, pr := range model.Priorities() {
			sc := model.DefaultScenario()
			sc.Iterations = 40
			sc.Priority = pr
			sc.CapacityStarts = capacity
			checkAgainstReference(t, fmt.Sprintf("capacity %d", capacity), in, sc)
		}
	}
}

// checkAgainstReference runs the engine and the reference transcription of
// §5 on the same draws and fails at the first iteration where they differ.
func checkAgainstReference(t *testing.T, name string, in model.Inputs, sc model.Scenario) {
	t.Helper()
	pr := sc.Priority
	res := mustRun(t, in, sc)
	var stream *splitMixSource
	var rng *rand.Rand
	for s := 0; s < sc.Iterations; s++ {
		b := s / blockSize
		if s%blockSize == 0 {
			// Regenerate the block's stream as the worker does.
			stream = blockSource(sc.Seed, b)
			rng = rand.New(stream)
		}
		z, u := make([]float64, len(in.Trusts)), make([]float64, len(in.Trusts))
		for i := range z {
			z[i] = rng.NormFloat64()
			u[i] = unitFrom(stream.Uint64())
		}
		var theta [model.NumInputs]float64
		for j := range theta {
			theta[j] = res.Inputs[j][s]
		}
		ref := referenceIteration(in, sc, theta, z, u)
		close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
		if !close(res.TotalCost[s], ref.totalCost) || !close(res.TotalNeed[s], ref.totalNeed) || !close(res.PresentValue[s], ref.pv) ||
			!close(res.PlanWindowSpend(s), ref.planWindowSpend) || res.CoreByTarget[s] != ref.coreByTarget || res.AllCoreYear[s] != ref.allCore {
			t.Fatalf("%s, %s, iteration %d: engine (cost %.6f, need %.6f, pv %.6f, window %.6f, core %v, all %v), reference %+v",
				name, pr, s, res.TotalCost[s], res.TotalNeed[s], res.PresentValue[s], res.PlanWindowSpend(s), res.CoreByTarget[s], res.AllCoreYear[s], ref)
		}
	}
}
