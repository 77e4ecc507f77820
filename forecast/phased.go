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
	// The uniform answer: UniformM a year in every modelled year, with its
	// total and present value over base_year … horizon_year, and its P.
	UniformM, UniformTotal, UniformPV, UniformP float64
	ToleranceM                                  float64
	Evaluations, Iterations                     int
	Elapsed                                     time.Duration
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
// starts from the uniform answer and lowers one year at a time, as far as P
// holds, on the tolerance's grid, pass after pass until no year can be
// lowered, once visiting the latest years first and once the earliest; the
// cheaper by the objective is the answer. Every trial re-runs only the
// schedule of the same draws.
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
	uni, err := GoalSeekUplift(ctx, in, sc, goal, toleranceM, opts)
	if err != nil {
		return nil, err
	}
	sn, err := scheduleOnly(ctx, in, sc, opts)
	if err != nil {
		return nil, err
	}
	r := &PhasedResult{Goal: goal, Objective: objective, Uniform: uni, ToleranceM: toleranceM, Iterations: sn.iterations()}
	if uni.Reached {
		if err := r.phase(ctx, sn, sc, opts); err != nil {
			return nil, err
		}
	}
	r.Elapsed = time.Since(start)
	return r, nil
}

// phase improves on the uniform answer, r.Uniform: coordinate descent from
// the uniform table over base_year … target_year, visiting the years latest
// first and then earliest first; the cheaper result by the objective wins.
func (r *PhasedResult) phase(ctx context.Context, sn *snapshot, sc model.Scenario, opts Options) error {
	p, uni := sn.plan, r.Uniform
	r.Reached = true
	nYears := p.target + 1
	r.UniformM, r.UniformP = uni.Value, uni.P
	for y := 0; y < p.nYears; y++ {
		r.UniformTotal += uni.Value
		r.UniformPV += uni.Value * p.discount[y]
	}
	table := make([]float64, p.nYears) // later years stay 0
	for y := 0; y < nYears; y++ {
		table[y] = uni.Value
	}
	pWith := func(t []float64) (float64, error) {
		r.Evaluations++
		return sn.pAllCore(ctx, lever{byYear: t, capacity: sc.CapacityStarts}, opts.Workers)
	}
	cost := func(t []float64) float64 {
		c := 0.0
		for y := 0; y < nYears; y++ {
			c += t[y] * r.weight(p, y)
		}
		return c
	}
	var best []float64
	for _, latestFirst := range []bool{true, false} {
		t := append([]float64(nil), table...)
		if err := descend(t, nYears, latestFirst, r.Goal, r.ToleranceM, pWith); err != nil {
			return err
		}
		if best == nil || cost(t) < cost(best) {
			best = t
		}
	}
	var err error
	if r.P, err = pWith(best); err != nil {
		return err
	}
	for y := 0; y < nYears; y++ {
		r.Years = append(r.Years, sc.BaseYear.Add(y))
		r.Uplift = append(r.Uplift, best[y])
		r.Total += best[y]
		r.PV += best[y] * p.discount[y]
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

// descend lowers each year of the table in turn as far as P ≥ goal holds,
// pass after pass, until a pass changes nothing.
func descend(table []float64, nYears int, latestFirst bool, goal, tol float64, pWith func([]float64) (float64, error)) error {
	for pass := 0; pass < 20; pass++ {
		changed := false
		for k := 0; k < nYears; k++ {
			y := k
			if latestFirst {
				y = nYears - 1 - k
			}
			least, err := leastYear(table, y, goal, tol, pWith)
			if err != nil {
				return err
			}
			changed = changed || least != table[y]
			table[y] = least
		}
		if !changed {
			return nil
		}
	}
	return nil
}

// leastYear finds the least uplift for year y, on the tolerance's grid,
// with which the table still gives P ≥ goal, the other years held; the
// table's own value for y is known to. The table is left as it was.
func leastYear(table []float64, y int, goal, tol float64, pWith func([]float64) (float64, error)) (float64, error) {
	keep := table[y]
	defer func() { table[y] = keep }()
	lo, hi := -tol, keep // P(hi) ≥ goal; P(lo) < goal, lo = −tol meaning untried
	for hi-lo > tol {
		mid := math.Floor((lo+hi)/2/tol) * tol
		if mid <= lo {
			mid = lo + tol
		}
		if mid >= hi {
			break
		}
		table[y] = mid
		pm, err := pWith(table)
		if err != nil {
			return 0, err
		}
		if pm >= goal {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}
