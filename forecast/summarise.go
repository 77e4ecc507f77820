package forecast

import (
	"math"
	"slices"

	"corecast/model"
)

// summarise turns a finished run's series, sums and counts into the statistics
// of DESIGN §6.
func summarise(p *plan, res *Result, sums *partial, t *tally, workers int) error {
	if err := summariseSeries(p, res, workers); err != nil {
		return err
	}
	summariseProbabilities(p, res)
	res.ByYear = summariseYears(p, sums, t, res.Iterations)
	coreCount := trustsCoreByTarget(p, t)
	res.ByRegion, res.ByType = summariseGroups(p, sums, t, coreCount, res.Iterations)
	var err error
	if res.ByTrust, err = summariseTrusts(p, sums, t, coreCount, res.Iterations, workers); err != nil {
		return err
	}
	res.Hindcast = summariseHindcast(p, t, res.Iterations)
	return nil
}

// summariseSeries gives the statistics of the whole scenario-level series:
// the headline outputs and the inputs. The series are summarised in
// parallel, each goroutine with its own selector.
func summariseSeries(p *plan, res *Result, workers int) error {
	series := [][]float64{res.TotalCost, res.TotalNeed, res.PresentValue, res.CoreByTarget, res.WindowSpend}
	for j := range res.Inputs {
		series = append(series, res.Inputs[j])
	}
	stats := make([]Stats, len(series))
	selectors := make(chan *selector, max(1, workers))
	for w := 0; w < cap(selectors); w++ {
		selectors <- new(selector)
	}
	err := parallel(len(series), workers, func(j int) error {
		sel := <-selectors
		stats[j] = seriesStats(series[j], p.sc.BudgetP, sel)
		selectors <- sel
		return nil
	})
	if err != nil {
		return err
	}
	copy(res.InputStats[:], stats[5:])
	sc := p.sc
	need, window := stats[1], stats[4]
	res.Outputs = []Output{
		{Key: "total_cost", Label: "Total cost", Unit: "£m", Stats: stats[0]},
		{Key: "total_need", Label: "Total need", Unit: "£m", Stats: need},
		{Key: "national_need", Label: "National need", Unit: "£m", Stats: need.scaled(p.nationalShare)},
		{Key: "local_need", Label: "Local need", Unit: "£m", Stats: need.scaled(sc.LocalShare)},
		{Key: "total_programme", Label: "Total programme (all years)", Unit: "£m", Stats: need.shifted(p.committedTotal)},
		{Key: "plan_window_spend", Label: "Spend in plan window", Unit: "£m", Stats: window.shifted(p.windowFunding)},
		{Key: "national_spend_in_plan", Label: "National spend in plan window", Unit: "£m", Stats: window.scaled(p.nationalShare).shifted(p.windowNational)},
		{Key: "present_value", Label: "Present value of spend", Unit: "£m", Stats: stats[2]},
		{Key: "core_by_target", Label: "Trusts core by " + sc.TargetYear.String(), Unit: "trusts", Stats: stats[3]},
	}
	return nil
}

// summariseProbabilities gives P(all core by target), P(plan_window_spend
// within plan_total_m) and the percentiles of all_core_year.
func summariseProbabilities(p *plan, res *Result) {
	n, sc := res.Iterations, p.sc
	allCore, withinPlan := 0, 0
	for s := 0; s < n; s++ {
		if res.AllCoreYear[s] <= sc.TargetYear {
			allCore++
		}
		if res.WithinPlan(s) {
			withinPlan++
		}
	}
	res.PAllCoreByTarget = probability(allCore, n)
	res.PWithinPlan = probability(withinPlan, n)
	res.AllCore = yearPercentiles(res.AllCoreYear)
}

// maxYearSpan is the widest span of years yearPercentiles counts; wider
// ones (which the model does not make) are sorted.
const maxYearSpan = 1 << 16

// yearPercentiles gives P10, P50 and P90 of years, each the lower order
// statistic as yearPercentile has it. The years span a few decades (and
// Never), so counting them finds the same years as sorting a copy, in one
// pass and without the copy.
func yearPercentiles(years []model.FinancialYear) YearPercentiles {
	lo, hi, never := model.Never, model.FinancialYear(math.MinInt), 0
	for _, y := range years {
		if y == model.Never {
			never++
			continue
		}
		lo, hi = min(lo, y), max(hi, y)
	}
	if never < len(years) && int64(hi)-int64(lo) >= maxYearSpan {
		s := slices.Clone(years)
		slices.Sort(s)
		return YearPercentiles{P10: yearPercentile(s, 0.1), P50: yearPercentile(s, 0.5), P90: yearPercentile(s, 0.9)}
	}
	var counts []int
	if never < len(years) {
		counts = make([]int, hi-lo+1)
	}
	for _, y := range years {
		if y != model.Never {
			counts[y-lo]++
		}
	}
	// at is the year of 0-based rank r: Never from the last never ranks on.
	at := func(p float64) model.FinancialYear {
		if len(years) == 0 {
			return model.Never
		}
		r := int(p * float64(len(years)-1))
		for k, c := range counts {
			if r < c {
				return lo + model.FinancialYear(k)
			}
			r -= c
		}
		return model.Never
	}
	return YearPercentiles{P10: at(0.1), P50: at(0.5), P90: at(0.9)}
}

// summariseYears gives each modelled year's trusts core by it and spend.
func summariseYears(p *plan, sums *partial, t *tally, n int) []YearResult {
	ls := p.sc.LocalShare
	out := make([]YearResult, p.nYears)
	for y := range out {
		core := t.coreHist.row(y)
		var coreSum float64
		for k, c := range core {
			coreSum += float64(k) * float64(c)
		}
		var q [3]float64
		histPercentiles(core, n, []float64{0.1, 0.5, 0.9}, false, binIndex, q[:])
		total := histStats(n, y, &sums.yearSpend, &t.yearHist, &t.yearRange, p.sc.BudgetP)
		out[y] = YearResult{
			Year: p.sc.BaseYear.Add(y), EnvelopeM: p.envelope[y],
			CoreMean: coreSum / float64(n),
			CoreP10:  q[0], CoreP50: q[1], CoreP90: q[2],
			NationalMean: p.nationalShare * total.Mean, LocalMean: ls * total.Mean,
			Total: total, NominalMean: sums.yearNominal[y] / float64(n),
		}
	}
	return out
}

// trustsCoreByTarget counts the iterations in which each trust is core by
// target_year: its completion slots up to the target (slot 0 is already
// core, slot y+1 year y).
func trustsCoreByTarget(p *plan, t *tally) []int {
	out := make([]int, p.nTrusts)
	for i := range out {
		for _, m := range t.trustComp.row(i)[:p.target+2] {
			out[i] += int(m)
		}
	}
	return out
}

// summariseGroups gives each region's and each type's need and expected
// count of trusts core by target_year.
func summariseGroups(p *plan, sums *partial, t *tally, coreCount []int, n int) (regions, types []GroupResult) {
	var members, core [numGroups]int
	for i := range p.trusts {
		for _, k := range [2]int{int(p.consts[i].region), model.NumRegions + int(p.consts[i].typ)} {
			members[k]++
			core[k] += coreCount[i]
		}
	}
	group := func(k int, name string) GroupResult {
		st := histStats(n, k, &sums.groupNeed, &t.groupHist, &t.groupRange, p.sc.BudgetP)
		return GroupResult{Name: name, Trusts: members[k], TotalNeed: st, NationalNeed: st.scaled(p.nationalShare),
			CoreByTarget: float64(core[k]) / float64(n)}
	}
	regions = make([]GroupResult, model.NumRegions)
	for _, r := range model.Regions() {
		regions[r] = group(int(r), r.String())
	}
	types = make([]GroupResult, model.NumTrustTypes)
	for _, ty := range model.TrustTypes() {
		types[ty] = group(model.NumRegions+int(ty), ty.String())
	}
	return regions, types
}

// summariseTrusts gives each trust's cost, need, chance of being core by
// target_year and completion years.
func summariseTrusts(p *plan, sums *partial, t *tally, coreCount []int, n, workers int) ([]TrustResult, error) {
	out := make([]TrustResult, p.nTrusts)
	// In chunks of trusts on the workers: each trust's figures are its
	// own, so the result does not depend on which worker made them.
	const chunk = 512
	err := parallel((p.nTrusts+chunk-1)/chunk, workers, func(c int) error {
		for i := c * chunk; i < min((c+1)*chunk, p.nTrusts); i++ {
			out[i] = summariseTrust(p, sums, t, coreCount, n, i)
		}
		return nil
	})
	return out, err
}

// summariseTrust gives trust i's figures.
func summariseTrust(p *plan, sums *partial, t *tally, coreCount []int, n, i int) TrustResult {
	// Completion years are whole years: the lower order statistic.
	var q [3]float64
	histPercentiles(t.trustComp.row(i), n, []float64{0.1, 0.5, 0.9}, true, binIndex, q[:])
	year := func(slot float64) model.FinancialYear {
		if slot != slot { // no iterations
			return model.Never
		}
		return slotYear(p.sc.BaseYear, p.nYears, int(slot))
	}
	return TrustResult{
		Trust: p.trusts[i], Gap: p.consts[i].gap, CommittedM: p.consts[i].committed,
		Cost:          trustCostStats(n, &sums.trust[i], t.trustHist.row(i), t.windows[i], p.sc.BudgetP),
		NeedMean:      sums.trust[i].need / float64(n),
		PCoreByTarget: probability(coreCount[i], n),
		Completion:    YearPercentiles{P10: year(q[0]), P50: year(q[1]), P90: year(q[2])},
	}
}
