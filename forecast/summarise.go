package forecast

import (
	"slices"

	"corecast/model"
)

// summarise turns a finished run's series, sums and counts into the statistics
// of DESIGN §6.
func summarise(p *plan, res *Result, sums *partial, t *tally, workers int) {
	n := res.Iterations
	sc := p.sc
	ls := sc.LocalShare

	// Whole-series statistics: the sorts run in parallel, each into its own scratch.
	series := [][]float64{res.TotalCost, res.TotalNeed, res.PresentValue, res.CoreByTarget}
	for j := range res.Inputs {
		series = append(series, res.Inputs[j])
	}
	stats := make([]Stats, len(series))
	scratch := make(chan []float64, max(1, workers))
	for w := 0; w < cap(scratch); w++ {
		scratch <- make([]float64, n)
	}
	parallel(len(series), workers, func(j int) {
		buf := <-scratch
		stats[j] = seriesStats(series[j], buf)
		scratch <- buf
	})
	copy(res.InputStats[:], stats[4:])
	need := stats[1]
	res.Outputs = []Output{
		{Key: "total_cost", Label: "Total cost", Unit: "£m", Stats: stats[0]},
		{Key: "total_need", Label: "Total need", Unit: "£m", Stats: need},
		{Key: "national_need", Label: "National need", Unit: "£m", Stats: need.scaled(1 - ls)},
		{Key: "local_need", Label: "Local need", Unit: "£m", Stats: need.scaled(ls)},
		{Key: "total_programme", Label: "Total programme", Unit: "£m", Stats: need.shifted(p.committedTotal)},
		{Key: "present_value", Label: "Present value of spend", Unit: "£m", Stats: stats[2]},
		{Key: "core_by_target", Label: "Trusts core by " + sc.TargetYear.String(), Unit: "trusts", Stats: stats[3]},
	}

	allCore, withinPlan := 0, 0
	for s := 0; s < n; s++ {
		if res.AllCoreYear[s] <= sc.TargetYear {
			allCore++
		}
		if res.TotalNeed[s]+p.committedTotal <= sc.PlanTotalM {
			withinPlan++
		}
	}
	res.PAllCoreByTarget = probability(allCore, n)
	res.PWithinPlan = probability(withinPlan, n)
	years := slices.Clone(res.AllCoreYear)
	slices.Sort(years)
	res.AllCore = YearPercentiles{P10: yearPercentile(years, 0.1), P50: yearPercentile(years, 0.5), P90: yearPercentile(years, 0.9)}

	res.ByYear = make([]YearResult, p.nYears)
	for y := range res.ByYear {
		core := t.coreHist[y*(p.nTrusts+1) : (y+1)*(p.nTrusts+1)]
		var coreSum float64
		for k, c := range core {
			coreSum += float64(k) * float64(c)
		}
		h := t.yearHist[y*(fineBins+1) : (y+1)*(fineBins+1)]
		total := histStats(n, sums.yearSpend[y], sums.yearSpend2[y], h, t.yearMin[y], t.yearMax[y])
		res.ByYear[y] = YearResult{
			Year: sc.BaseYear.Add(y), EnvelopeM: p.envelope[y],
			CoreMean: coreSum / float64(n),
			CoreP10:  countQuantile(core, n, 0.1), CoreP50: countQuantile(core, n, 0.5), CoreP90: countQuantile(core, n, 0.9),
			NationalMean: (1 - ls) * total.Mean, LocalMean: ls * total.Mean,
			Total: total, NominalMean: sums.yearNominal[y] / float64(n),
		}
	}

	// Iterations in which each trust is core by target_year: its completion
	// slots up to the target (slot 0 is already core, slot y+1 year y), and
	// their sums over each region and type.
	slots := compSlots(p.nYears)
	coreCount := make([]int, p.nTrusts)
	var groupCore [numGroups]int
	for i := range p.trusts {
		for _, m := range t.trustComp[i*slots : i*slots+p.target+2] {
			coreCount[i] += int(m)
		}
		groupCore[p.region[i]] += coreCount[i]
		groupCore[model.NumRegions+int(p.typ[i])] += coreCount[i]
	}
	group := func(k int, name string, members int) GroupResult {
		h := t.groupHist[k*(fineBins+1) : (k+1)*(fineBins+1)]
		st := histStats(n, sums.groupNeed[k], sums.groupNeed2[k], h, t.groupMin[k], t.groupMax[k])
		return GroupResult{Name: name, Trusts: members, TotalNeed: st, NationalNeed: st.scaled(1 - ls),
			CoreByTarget: float64(groupCore[k]) / float64(n)}
	}
	var regionCount [model.NumRegions]int
	var typeCount [model.NumTrustTypes]int
	for i := range p.trusts {
		regionCount[p.region[i]]++
		typeCount[p.typ[i]]++
	}
	res.ByRegion = make([]GroupResult, model.NumRegions)
	for _, r := range model.Regions() {
		res.ByRegion[r] = group(int(r), r.String(), regionCount[r])
	}
	res.ByType = make([]GroupResult, model.NumTrustTypes)
	for _, ty := range model.TrustTypes() {
		res.ByType[ty] = group(model.NumRegions+int(ty), ty.String(), typeCount[ty])
	}

	res.ByTrust = make([]TrustResult, p.nTrusts)
	for i, tr := range p.trusts {
		h := t.trustHist[i*(trustBins+1) : (i+1)*(trustBins+1)]
		comp := t.trustComp[i*slots : (i+1)*slots]
		completion := func(q float64) model.FinancialYear {
			k := int(q * float64(n-1))
			c := 0
			for slot, m := range comp {
				c += int(m)
				if c > k {
					return slotYear(sc.BaseYear, p.nYears, slot)
				}
			}
			return Never
		}
		res.ByTrust[i] = TrustResult{
			Trust: tr, Gap: p.gap[i], CommittedM: p.committed[i],
			Cost:          histStats(n, sums.trustCost[i], sums.trustCost2[i], h, t.trustMin[i], t.trustMax[i]),
			NeedMean:      sums.trustNeed[i] / float64(n),
			PCoreByTarget: probability(coreCount[i], n),
			Completion:    YearPercentiles{P10: completion(0.1), P50: completion(0.5), P90: completion(0.9)},
		}
	}
}

// slotYear maps a completion slot back to its year (see compSlots).
func slotYear(base model.FinancialYear, nYears, slot int) model.FinancialYear {
	switch {
	case slot == 0:
		return base - 1
	case slot == compSlots(nYears)-1:
		return Never
	default:
		return base.Add(slot - 1)
	}
}
