package forecast

import (
	"context"
	"math"
	"slices"
	"testing"

	"corecast/model"
)

// The transfers find the cheaper table where lowering one year at a time
// gets stuck. Each P here is hand-built: 1 on a union of boxes (every
// year at least so much), 0 elsewhere, so that the best table is known.
func TestTableSearchTransfers(t *testing.T) {
	type box []int64 // the least steps of each year
	pv := []float64{1, 1 / 1.035, 1 / (1.035 * 1.035)}
	cases := []struct {
		name     string
		boxes    []box
		weight   []float64
		uniform  int64
		lowering []int64 // what lowering alone gives, latest first
		want     []int64
	}{
		{"an early raise frees the later year", []box{{8, 8}, {10, 2}}, []float64{1, 1}, 8, []int64{8, 8}, []int64{10, 2}},
		{"an early raise frees two later years", []box{{5, 5, 5}, {7, 3, 0}}, []float64{1, 1, 1}, 5, []int64{5, 5, 5}, []int64{7, 3, 0}},
		// A whole year's money moved later: dearer in total, cheaper in
		// present value. The raise, 103 steps, is no power of two.
		{"present value moves a whole year later", []box{{100, 0}, {0, 102}}, pv[:2], 100, []int64{100, 0}, []int64{0, 102}},
		{"the total keeps it where it is", []box{{100, 0}, {0, 102}}, []float64{1, 1}, 100, []int64{100, 0}, []int64{100, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The tables are in £m on a grid of 10, one modelled year beyond them.
			const tol = 10
			evals := 0
			pWith := func(table []float64) (float64, error) {
				evals++
				for _, b := range c.boxes {
					in := true
					for y, least := range b {
						in = in && table[y] >= float64(least)*tol
					}
					if in {
						return 1, nil
					}
				}
				return 0, nil
			}
			s := newTableSearch(c.uniform, c.weight, len(c.weight)+1, 1, tol, pWith)
			if err := s.descend(true); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.steps, c.lowering) {
				t.Errorf("lowering alone gives %v, want %v", s.steps, c.lowering)
			}
			if err := s.transfers(true); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(s.steps, c.want) || s.capped {
				t.Errorf("with transfers %v (capped %v), want %v", s.steps, s.capped, c.want)
			}
			if p, _ := pWith(s.table()); p != 1 || s.evals != evals-1 {
				t.Errorf("the answer gives P %v; %d evaluations counted of %d", p, s.evals, evals-1)
			}
			if want := append(slices.Clone(c.want), 0); !slices.Equal(s.table(), scale(want, tol)) {
				t.Errorf("the table in £m is %v, want %v", s.table(), scale(want, tol))
			}
		})
	}
}

// A search stopped by its cap of evaluations ends on a table that reaches
// the goal, and says it was stopped.
func TestTableSearchCapped(t *testing.T) {
	// As in TestTableSearchTransfers, but in finer steps.
	pWith := func(table []float64) (float64, error) {
		if table[0] >= 50 && table[1] >= 50 && table[2] >= 50 || table[0] >= 70 && table[1] >= 30 {
			return 1, nil
		}
		return 0, nil
	}
	search := func(most int) *tableSearch {
		s := newTableSearch(50, []float64{1, 1, 1}, 3, 1, 1, pWith)
		s.most = most
		if err := s.descend(true); err != nil {
			t.Fatal(err)
		}
		if err := s.transfers(true); err != nil {
			t.Fatal(err)
		}
		return s
	}
	full := search(maxSearchEvaluations)
	if !slices.Equal(full.steps, []int64{70, 30, 0}) || full.capped {
		t.Fatalf("uncapped: %v after %d evaluations, capped %v", full.steps, full.evals, full.capped)
	}
	for _, most := range []int{1, 5, full.evals / 2, full.evals - 1, full.evals} {
		s := search(most)
		p, _ := pWith(s.table())
		if p != 1 || s.evals > most || s.capped != (most < full.evals) || s.cost() < full.cost() {
			t.Errorf("at most %d evaluations: %v after %d, P %v, capped %v", most, s.steps, s.evals, p, s.capped)
		}
	}
}

// On the sample at 250 starts a year, P ≥ 80% by 2023-24 to £1m: lowering
// alone stops at 771/771/502 (£2,044m), while tables such as 680/850/387
// (£1,917m over 2019-20 to 2021-22) reach the goal. The search must do at
// least as well by either objective, its table must give the same P as a
// full run, and the uniform answer beside it must count the same years.
func TestGoalSeekPhasedSample(t *testing.T) {
	if testing.Short() {
		t.Skip("two phased goal seeks at 10,000 iterations")
	}
	in := sampleInputs(t)
	ctx := context.Background()
	sc := model.DefaultScenario()
	sc.CapacityStarts = 250
	known := []float64{680, 850, 387, 0, 0}
	cases := []struct {
		objective string
		cost      func(r *PhasedResult) float64
		most      float64 // the known table's cost by the objective, plus a step
	}{
		{ObjectiveTotal, func(r *PhasedResult) float64 { return r.Total }, 1917 + 1},
		{ObjectivePV, func(r *PhasedResult) float64 { return r.PV }, presentValue(known, sc.DiscountRate) + 1},
	}
	for _, c := range cases {
		r, err := GoalSeekPhased(ctx, in, sc, 0.8, 1, c.objective, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v total £%.0fm PV £%.1fm P %v; %d evaluations", c.objective, r.Uplift, r.Total, r.PV, r.P, r.Evaluations)
		if !r.Reached || r.P < 0.8 || r.Capped {
			t.Fatalf("%s: reached %v, P %v, capped %v", c.objective, r.Reached, r.P, r.Capped)
		}
		if got := c.cost(r); got > c.most {
			t.Errorf("%s: the table costs £%.1fm by its objective; 680/850/387 costs £%.1fm", c.objective, got, c.most-1)
		}
		s := sc
		if err := s.SetAll(r.SetLines()); err != nil {
			t.Fatal(err)
		}
		res, err := Run(ctx, in, s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.PAllCoreByTarget.P != r.P {
			t.Errorf("%s: a full run with the --set lines gives P %v, the search %v", c.objective, res.PAllCoreByTarget.P, r.P)
		}
		uniform := slices.Repeat([]float64{r.UniformM}, len(r.Years))
		if r.UniformTotal != r.UniformM*float64(len(r.Years)) || math.Abs(r.UniformPV-presentValue(uniform, sc.DiscountRate)) > 1e-9 {
			t.Errorf("%s: uniform £%vm a year: total %v, PV %v, not over the table's %d years", c.objective, r.UniformM, r.UniformTotal, r.UniformPV, len(r.Years))
		}
	}
}

// scale is steps times tol, in £m.
func scale(steps []int64, tol float64) []float64 {
	out := make([]float64, len(steps))
	for i, k := range steps {
		out[i] = float64(k) * tol
	}
	return out
}

// presentValue discounts £m by year from the base year, undiscounted.
func presentValue(byYear []float64, rate float64) float64 {
	pv := 0.0
	for y, v := range byYear {
		pv += v * math.Pow(1+rate, -float64(y))
	}
	return pv
}

// The answer, the evaluations it took and the uniform beside it are the
// same at any number of workers, and the uniform counts the table's years.
func TestGoalSeekPhasedDeterministic(t *testing.T) {
	in := sampleInputs(t)
	ctx := context.Background()
	sc := model.DefaultScenario()
	sc.Iterations = 1000
	sc.CapacityStarts = 250
	var first *PhasedResult
	for _, workers := range []int{1, 4} {
		r, err := GoalSeekPhased(ctx, in, sc, 0.8, 10, ObjectiveTotal, Options{Workers: workers})
		if err != nil || !r.Reached {
			t.Fatalf("%d workers: %+v, %v", workers, r, err)
		}
		if first == nil {
			first = r
			continue
		}
		if !slices.Equal(r.Uplift, first.Uplift) || r.P != first.P || r.Evaluations != first.Evaluations ||
			r.UniformTotal != first.UniformTotal || r.UniformPV != first.UniformPV {
			t.Errorf("4 workers: %v P %v in %d evaluations; 1 worker: %v P %v in %d", r.Uplift, r.P, r.Evaluations, first.Uplift, first.P, first.Evaluations)
		}
	}
	if n := sc.TargetYear.Sub(sc.BaseYear) + 1; len(first.Years) != n || first.UniformTotal != first.UniformM*float64(n) {
		t.Errorf("uniform £%vm a year totals £%vm over %d years", first.UniformM, first.UniformTotal, len(first.Years))
	}
}
