package forecast

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"corecast/model"
)

// Objectives of the phased goal seek.
const (
	ObjectiveTotal = "total" // the least total uplift
	ObjectivePV    = "pv"    // the least present value of the uplift
)

// PhasedResult is the phased goal seek's answer (DESIGN §7): the uplift by
// year, base_year … target_year, with the least total (or present value)
// that gives P(all core by target_year) ≥ Goal, beside the uniform answer.
type PhasedResult struct {
	Goal      float64
	Objective string
	Reached   bool
	// Years and Uplift are the table: £m added to each year's envelope.
	Years  []model.FinancialYear
	Uplift []float64
	P      float64 // P with the table
	// Total and PV are the table's sum and present value (Green Book
	// discounting at the scenario's rate, base_year undiscounted).
	Total, PV float64
	// The uniform answer: UniformM a year, with its P. UniformTotal and
	// UniformPV are its total and present value over the table's years,
	// base_year … target_year, so that they compare like for like with
	// Total and PV: the uniform uplift in later years buys nothing towards
	// P(all core by target_year).
	UniformM, UniformTotal, UniformPV, UniformP float64
	ToleranceM                                  float64
	Evaluations, Iterations                     int
	// Capped says the search stopped at its limit of evaluations or passes
	// before no move helped: the table reaches the goal, but a cheaper one
	// may be near (a coarser tolerance lets the search finish).
	Capped  bool
	Elapsed time.Duration
	// Uniform is the uniform goal seek; when the goal is out of reach it
	// says why and what would reach it.
	Uniform *GoalSeekResult
}

// SetLines returns the --set arguments that reproduce the table exactly.
func (r *PhasedResult) SetLines() []string {
	out := make([]string, len(r.Years))
	for i, y := range r.Years {
		out[i] = "envelope_uplift_m." + y.String() + "=" + strconv.FormatFloat(r.Uplift[i], 'f', -1, 64)
	}
	return out
}

// GoalSeekPhased finds the per-year uplift, over base_year … target_year
// (only those years can help a trust be core by then), with the least total
// or present value that reaches P ≥ goal at the scenario's capacity. It
// starts from the uniform answer and, on the tolerance's grid, lowers one
// year at a time as far as P holds, then tries transfers — raise one year,
// lower another by more than that costs — until no move helps
// (phased_search.go). Every trial re-runs only the schedule of the same
// draws, and the search visits its moves in a fixed order, so the answer is
// the same at any number of workers.
func GoalSeekPhased(ctx context.Context, in model.Inputs, sc model.Scenario, goal, toleranceM float64, objective string, opts Options) (*PhasedResult, error) {
	start := time.Now()
	if objective == "" {
		objective = ObjectiveTotal
	}
	if objective != ObjectiveTotal && objective != ObjectivePV {
		return nil, fmt.Errorf("goal objective %q: want total or pv", objective)
	}
	if toleranceM <= 0 {
		toleranceM = 1
	}
	// The uniform search's snapshot — the scenario's draws and costs, no
	// uplift of its own — is the phased search's too.
	a, uni, err := goalSeekUplift(ctx, in, sc, goal, toleranceM, opts)
	if err != nil {
		return nil, err
	}
	sn := a.sn
	r := &PhasedResult{Goal: goal, Objective: objective, Uniform: uni, ToleranceM: toleranceM, Iterations: sn.iterations()}
	if uni.Reached {
		if err := r.phase(ctx, sn, sc, opts); err != nil {
			return nil, err
		}
	}
	r.Elapsed = time.Since(start)
	return r, nil
}

// phase improves on the uniform answer, r.Uniform: the search of
// phased_search.go from the uniform table over base_year … target_year,
// once lowering the years latest first and once earliest first; the cheaper
// result by the objective wins (the first on a tie). The uniform answer's
// total and present value are over the same years, so that the two compare
// like for like: the years after target_year cannot help, and the uniform
// uplift there buys nothing towards P.
func (r *PhasedResult) phase(ctx context.Context, sn *snapshot, sc model.Scenario, opts Options) error {
	p, uni := sn.plan, r.Uniform
	r.Reached = true
	nYears := p.target + 1
	r.UniformM, r.UniformP = uni.Value, uni.P
	weight := make([]float64, nYears)
	for y := range nYears {
		r.UniformTotal += uni.Value
		r.UniformPV += uni.Value * p.discount[y]
		weight[y] = r.weight(p, y)
	}
	pWith := func(t []float64) (float64, error) {
		return sn.pAllCore(ctx, lever{byYear: t, capacity: sc.CapacityStarts}, opts.Workers)
	}
	// The uniform answer is a multiple of the tolerance (its search starts
	// from no uplift), so it is a whole number of steps.
	uniform := int64(math.Round(uni.Value / r.ToleranceM))
	// Lowering alone, once latest first and once earliest first, is cheap;
	// the transfers then start from the cheaper (the first on a tie), so
	// the answer is never dearer than lowering alone gives.
	var best *tableSearch
	bestLatest := true
	for _, latestFirst := range []bool{true, false} {
		s := newTableSearch(uniform, weight, p.nYears, r.Goal, r.ToleranceM, pWith)
		err := s.descend(latestFirst)
		r.Evaluations += s.evals
		if err != nil {
			return err
		}
		if best == nil || s.cost() < best.cost() {
			best, bestLatest = s, latestFirst
		}
	}
	before := best.evals
	err := best.transfers(bestLatest)
	r.Evaluations += best.evals - before
	if err != nil {
		return err
	}
	r.Capped = best.capped
	table := best.table()
	r.Evaluations++
	if r.P, err = pWith(table); err != nil {
		return err
	}
	for y := range nYears {
		r.Years = append(r.Years, sc.BaseYear.Add(y))
		r.Uplift = append(r.Uplift, table[y])
		r.Total += table[y]
		r.PV += table[y] * p.discount[y]
	}
	return nil
}

// weight is what £1m in year offset y costs by the objective: 1 for the
// total, the discount factor for the present value.
func (r *PhasedResult) weight(p *plan, y int) float64 {
	if r.Objective == ObjectivePV {
		return p.discount[y]
	}
	return 1
}
