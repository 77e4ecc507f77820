package forecast

import (
	"context"
	"testing"

	"corecast/data"
	"corecast/model"
)

// The least uplift is the answer, whatever uplift the scenario already has;
// when no uplift reaches the goal the answer still says what would.
func TestGoalSeekFromZeroAndOutOfReach(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Iterations = 2000
	sc.CapacityStarts = 150
	ctx := context.Background()
	base, err := GoalSeekUplift(ctx, in, sc, 0.5, 10, Options{Workers: 2})
	if err != nil || !base.Reached {
		t.Fatalf("at 50%%: %+v, %v", base, err)
	}
	over := sc
	over.EnvelopeUpliftM = base.Value + 2000
	again, err := GoalSeekUplift(ctx, in, over, 0.5, 10, Options{Workers: 2})
	if err != nil || again.Value != base.Value || again.P != base.P {
		t.Fatalf("from a scenario over the goal: %v at P %v, want %v at %v (%v)", again.Value, again.P, base.Value, base.P, err)
	}
	// Just above the best P any uplift gives at this capacity.
	free := sc
	free.EnvelopeUpliftM = unlimited
	r, err := Run(ctx, in, free, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	goal := r.PAllCoreByTarget.P + 0.002
	out, err := GoalSeekUplift(ctx, in, sc, goal, 10, Options{Workers: 2})
	if err != nil || out.Reached {
		t.Fatalf("goal %v: %+v, %v", goal, out, err)
	}
	if out.CapacityNeeded <= sc.CapacityStarts || out.CapacityP < goal {
		t.Fatalf("capacity needed %d with P %v; want more than %d and P ≥ %v", out.CapacityNeeded, out.CapacityP, sc.CapacityStarts, goal)
	}
	// Each figure reproduces with a plain run.
	check := func(capacity int, uplift, want float64) {
		t.Helper()
		s := sc
		s.CapacityStarts, s.EnvelopeUpliftM = capacity, uplift
		r, err := Run(ctx, in, s, Options{Workers: 2})
		if err != nil || r.PAllCoreByTarget.P != want {
			t.Errorf("capacity %d, uplift %v: P %v, want %v (%v)", capacity, uplift, r.PAllCoreByTarget.P, want, err)
		}
	}
	check(sc.CapacityStarts, out.BestValue, out.P)
	check(out.CapacityNeeded, out.CapacityUplift, out.CapacityP)
	if out.CapacityNeeded > 1 {
		s := sc
		s.CapacityStarts, s.EnvelopeUpliftM = out.CapacityNeeded-1, unlimited
		if r, _ := Run(ctx, in, s, Options{Workers: 2}); r.PAllCoreByTarget.P >= goal {
			t.Errorf("capacity %d reaches the goal too", out.CapacityNeeded-1)
		}
	}
}

// A table giving every modelled year the same uplift is the uniform uplift:
// the results are identical.
func TestUpliftTableEqualsUniform(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	uni := model.DefaultScenario()
	uni.Iterations, uni.EnvelopeUpliftM = 500, 300
	table := uni.Clone()
	table.EnvelopeUpliftM = 0
	table.EnvelopeUpliftByYear = map[model.FinancialYear]float64{}
	for _, y := range table.Years() {
		table.EnvelopeUpliftByYear[y] = 300
	}
	a, err := Run(ctx, in, uni, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Run(ctx, in, table, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if a.PAllCoreByTarget != b.PAllCoreByTarget || a.AllCore != b.AllCore {
		t.Errorf("table %v/%v differs from uniform %v/%v", b.PAllCoreByTarget, b.AllCore, a.PAllCoreByTarget, a.AllCore)
	}
	// Money only in the first year helps less than money in every year.
	first := uni.Clone()
	first.EnvelopeUpliftM = 0
	first.EnvelopeUpliftByYear = map[model.FinancialYear]float64{uni.BaseYear: 300}
	c, err := Run(ctx, in, first, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if c.PAllCoreByTarget.P > a.PAllCoreByTarget.P {
		t.Errorf("one year's uplift gives P %v, more than every year's %v", c.PAllCoreByTarget.P, a.PAllCoreByTarget.P)
	}
}
