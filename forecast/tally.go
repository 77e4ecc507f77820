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

// tally holds one worker's integer counts and extremes. Counts and min/max do
// not depend on the order they are gathered in, so workers keep their own and
// they are added up at the end.
type tally struct {
	nTrusts, nYears int
	trustHist       []uint32 // nTrusts × (trustBins+1): cost
	trustMin        []float64
	trustMax        []float64
	trustComp       []uint32 // nTrusts × compSlots: completion
	coreHist        []uint32 // nYears × (nTrusts+1): trusts core by each year
	yearHist        []uint32 // nYears × (fineBins+1): total real spend
	yearMin         []float64
	yearMax         []float64
	groupHist       []uint32 // numGroups × (fineBins+1): total need
	groupMin        []float64
	groupMax        []float64
}

// compSlots is the number of completion slots per trust: already core, each
// modelled year, beyondSlots years after the horizon, and never.
func compSlots(nYears int) int { return 1 + nYears + beyondSlots + 1 }

func newTally(nTrusts, nYears int) *tally {
	inf := func(n int, v float64) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = v
		}
		return s
	}
	return &tally{
		nTrusts: nTrusts, nYears: nYears,
		trustHist: make([]uint32, nTrusts*(trustBins+1)),
		trustMin:  inf(nTrusts, math.Inf(1)), trustMax: inf(nTrusts, math.Inf(-1)),
		trustComp: make([]uint32, nTrusts*compSlots(nYears)),
		coreHist:  make([]uint32, nYears*(nTrusts+1)),
		yearHist:  make([]uint32, nYears*(fineBins+1)),
		yearMin:   inf(nYears, math.Inf(1)), yearMax: inf(nYears, math.Inf(-1)),
		groupHist: make([]uint32, numGroups*(fineBins+1)),
		groupMin:  inf(numGroups, math.Inf(1)), groupMax: inf(numGroups, math.Inf(-1)),
	}
}

// add adds o's counts into t.
func (t *tally) add(o *tally) {
	addU := func(a, b []uint32) {
		for i, v := range b {
			a[i] += v
		}
	}
	minMax := func(lo, hi, olo, ohi []float64) {
		for i := range lo {
			lo[i] = math.Min(lo[i], olo[i])
			hi[i] = math.Max(hi[i], ohi[i])
		}
	}
	addU(t.trustHist, o.trustHist)
	addU(t.trustComp, o.trustComp)
	addU(t.coreHist, o.coreHist)
	addU(t.yearHist, o.yearHist)
	addU(t.groupHist, o.groupHist)
	minMax(t.trustMin, t.trustMax, o.trustMin, o.trustMax)
	minMax(t.yearMin, t.yearMax, o.yearMin, o.yearMax)
	minMax(t.groupMin, t.groupMax, o.groupMin, o.groupMax)
}

// partial holds the floating-point sums of one block of iterations. Floating
// addition depends on order, so partials are folded in block order whatever
// worker produced them: that keeps results bit-identical at any GOMAXPROCS.
type partial struct {
	block                            int
	trustCost, trustCost2, trustNeed []float64 // per trust
	yearSpend, yearSpend2            []float64 // per year, total real
	yearNominal                      []float64 // per year, total nominal
	groupNeed, groupNeed2            []float64 // per group
}

func newPartial(nTrusts, nYears int) *partial {
	return &partial{
		trustCost: make([]float64, nTrusts), trustCost2: make([]float64, nTrusts), trustNeed: make([]float64, nTrusts),
		yearSpend: make([]float64, nYears), yearSpend2: make([]float64, nYears), yearNominal: make([]float64, nYears),
		groupNeed: make([]float64, numGroups), groupNeed2: make([]float64, numGroups),
	}
}

func (p *partial) reset(block int) {
	p.block = block
	for _, s := range [][]float64{p.trustCost, p.trustCost2, p.trustNeed, p.yearSpend, p.yearSpend2, p.yearNominal, p.groupNeed, p.groupNeed2} {
		clear(s)
	}
}

// fold adds o's sums into p.
func (p *partial) fold(o *partial) {
	add := func(a, b []float64) {
		for i, v := range b {
			a[i] += v
		}
	}
	add(p.trustCost, o.trustCost)
	add(p.trustCost2, o.trustCost2)
	add(p.trustNeed, o.trustNeed)
	add(p.yearSpend, o.yearSpend)
	add(p.yearSpend2, o.yearSpend2)
	add(p.yearNominal, o.yearNominal)
	add(p.groupNeed, o.groupNeed)
	add(p.groupNeed2, o.groupNeed2)
}
