package forecast

import (
	"context"
	"testing"

	"corecast/data"
	"corecast/model"
)

func sampleInputs(t testing.TB) model.Inputs {
	t.Helper()
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// The frontier's points are what a full run with that uplift and capacity
// gives; P rises with money and with capacity; the line and the price of
// confidence reproduce with plain runs.
func TestFrontier(t *testing.T) {
	in := sampleInputs(t)
	ctx := context.Background()
	sc := model.DefaultScenario()
	sc.Iterations = 1000
	sc.CapacityStarts = 160
	sc.EnvelopeUpliftM = 5000 // the grid's uplifts are absolute: this is ignored
	fr, err := Frontier(ctx, in, sc, FrontierOptions{UpliftSteps: 5, CapacityMin: 80, CapacityMax: 240, CapacitySteps: 3, Goal: 0.6, ToleranceM: 20}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(fr.P) != 3 || len(fr.P[0]) != 5 || fr.Capacities[1] != 160 {
		t.Fatalf("grid %v × %v", fr.Capacities, fr.Uplifts)
	}
	run := func(capacity int, uplift float64) float64 {
		t.Helper()
		s := sc
		s.CapacityStarts, s.EnvelopeUpliftM = capacity, uplift
		r, err := Run(ctx, in, s, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return r.PAllCoreByTarget.P
	}
	for ci, c := range fr.Capacities {
		for ui, u := range fr.Uplifts {
			if ui == 2 || ci == 1 && ui == 4 {
				if want := run(c, u); fr.P[ci][ui] != want {
					t.Errorf("P at %d, %v = %v, a full run gives %v", c, u, fr.P[ci][ui], want)
				}
			}
		}
	}
	if !(fr.P[2][4] >= fr.P[0][4]) || !(fr.P[1][4] >= fr.P[1][0]) {
		t.Errorf("P does not rise with capacity and money: %v", fr.P)
	}
	for _, pt := range fr.Line {
		if pt.Reached {
			if got := run(pt.Capacity, pt.Uplift); got != pt.P || got < fr.Goal {
				t.Errorf("frontier at %d: %v gives %v, reported %v", pt.Capacity, pt.Uplift, got, pt.P)
			}
		}
	}
	if len(fr.Price) != len(PriceGoals) {
		t.Fatalf("%d price points", len(fr.Price))
	}
	last := -1.0
	for _, pp := range fr.Price {
		if !pp.Reached {
			if pp.Goal <= fr.Ceiling {
				t.Errorf("goal %v under the ceiling %v not reached", pp.Goal, fr.Ceiling)
			}
			continue
		}
		if pp.Uplift < last {
			t.Errorf("the price falls from %v to %v at %v", last, pp.Uplift, pp.Goal)
		}
		last = pp.Uplift
		if got := run(sc.CapacityStarts, pp.Uplift); got != pp.P || got < pp.Goal {
			t.Errorf("price at %v: %v gives %v, reported %v", pp.Goal, pp.Uplift, got, pp.P)
		}
	}
}

// The phased table reaches the goal as a scenario value, costs no more
// than the uniform answer, and its --set lines reproduce it.
func TestGoalSeekPhased(t *testing.T) {
	in := sampleInputs(t)
	ctx := context.Background()
	sc := model.DefaultScenario()
	sc.Iterations = 1000
	sc.CapacityStarts = 250
	for _, obj := range []string{ObjectiveTotal, ObjectivePV} {
		r, err := GoalSeekPhased(ctx, in, sc, 0.7, 10, obj, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Reached || len(r.Years) != sc.TargetYear.Sub(sc.BaseYear)+1 {
			t.Fatalf("%s: %+v", obj, r)
		}
		if r.Total > r.UniformTotal || r.PV > r.UniformPV {
			t.Errorf("%s: phased total %v PV %v, uniform %v %v", obj, r.Total, r.PV, r.UniformTotal, r.UniformPV)
		}
		s := sc
		if err := s.SetAll(r.SetLines()); err != nil {
			t.Fatal(err)
		}
		res, err := Run(ctx, in, s, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.PAllCoreByTarget.P != r.P || r.P < 0.7 {
			t.Errorf("%s: the --set lines give P %v, reported %v", obj, res.PAllCoreByTarget.P, r.P)
		}
		t.Logf("%s: %v total %.0f PV %.0f; uniform %.0f a year, total %.0f PV %.0f", obj, r.Uplift, r.Total, r.PV, r.UniformM, r.UniformTotal, r.UniformPV)
	}
	// Out of reach: the uniform answer says why.
	sc.CapacityStarts = 80
	r, err := GoalSeekPhased(ctx, in, sc, 0.7, 10, ObjectiveTotal, Options{Workers: 2})
	if err != nil || r.Reached || r.Uniform == nil || r.Uniform.Binds == BindsNothing {
		t.Errorf("out of reach: %+v, %v", r, err)
	}
}

// BenchmarkFrontier10k is the default frontier, 16 uplifts × 8 capacities
// with the line and the price of confidence, on the sample at 10,000
// iterations (DESIGN §10: the 128 grid points under 3 s on 2 cores).
func BenchmarkFrontier10k(b *testing.B) {
	in := sampleInputs(b)
	sc := model.DefaultScenario()
	for b.Loop() {
		fr, err := Frontier(context.Background(), in, sc, FrontierOptions{}, Options{})
		if err != nil || len(fr.P) != 8 {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fr.Evaluations), "evaluations")
	}
}

// BenchmarkPhased10k is the phased goal seek at 80% with 250 starts a year.
func BenchmarkPhased10k(b *testing.B) {
	in := sampleInputs(b)
	sc := model.DefaultScenario()
	sc.CapacityStarts = 250
	for b.Loop() {
		r, err := GoalSeekPhased(context.Background(), in, sc, 0.8, 1, ObjectiveTotal, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.Evaluations), "evaluations")
	}
}

// BenchmarkFrontierGrid10k is the frontier's 128 grid points alone, 16
// uplifts × 8 capacities at 10,000 iterations, the draws and costs made
// once (DESIGN §10: under 3 s on 2 cores).
func BenchmarkFrontierGrid10k(b *testing.B) {
	in := sampleInputs(b)
	sc := model.DefaultScenario()
	ctx := context.Background()
	for b.Loop() {
		sn, err := scheduleOnly(ctx, in, sc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for c := 40; c <= 320; c += 40 {
			for u := 0; u < 16; u++ {
				if _, err := sn.pAllCore(ctx, lever{uplift: float64(u) * 100, capacity: c}, 0); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
