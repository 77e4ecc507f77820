package forecast

import (
	"context"
	"reflect"
	"testing"

	"corecast/model"
)

// runToPrecision runs sc to prec and fails the test on error.
func runToPrecision(t *testing.T, in model.Inputs, sc model.Scenario, prec Precision) *Result {
	t.Helper()
	res, err := RunToPrecision(context.Background(), in, sc, prec, Options{}, nil)
	if err != nil {
		t.Fatalf("RunToPrecision: %v", err)
	}
	return res
}

// The same seed and target give the same iterations and the same numbers,
// and those are a plain run's at that count, bit for bit.
func TestRunToPrecisionIsAPlainRunAtItsCount(t *testing.T) {
	in := synthetic(20, 3)
	sc := model.DefaultScenario()
	sc.Iterations = 64
	prec := Precision{Target: 0.02, Max: 1024}
	a := runToPrecision(t, in, sc, prec)
	b := runToPrecision(t, in, sc, prec)
	if !reflect.DeepEqual(a.Precision, b.Precision) {
		t.Fatalf("two runs chose differently: %+v and %+v", a.Precision, b.Precision)
	}
	if len(a.Precision.Tried) < 2 {
		t.Fatalf("tried %v: want the first count to fall short, so that the test sees the schedule", a.Precision.Tried)
	}
	for i, n := range a.Precision.Tried {
		if want := min(64<<i, 1024); n != want {
			t.Errorf("attempt %d ran %d iterations, want %d (doubling from 64, at most 1024)", i, n, want)
		}
	}
	plain := sc.Clone()
	plain.Iterations = a.Iterations
	p := mustRun(t, in, plain)
	if a.Scenario.Iterations != a.Iterations {
		t.Errorf("the result's scenario says %d iterations, the run made %d", a.Scenario.Iterations, a.Iterations)
	}
	// The scenario is the input echoed back; its unset distribution
	// parameters are NaN, which DeepEqual never finds equal.
	for _, r := range []*Result{a, b, p} {
		r.Elapsed, r.Scenario, r.Precision = 0, model.Scenario{}, nil
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed and precision gave different results")
	}
	if !reflect.DeepEqual(a, p) {
		t.Errorf("the run to precision differs from a plain run of %d iterations", a.Iterations)
	}
}

// A scenario with every input fixed has no Monte Carlo error: it stops at
// its own iterations.
func TestRunToPrecisionStopsWhenReached(t *testing.T) {
	in := model.Inputs{Trusts: []model.Trust{trust("A", 40), trust("B", 60)}}
	res := runToPrecision(t, in, fixedScenario(), Precision{Target: 1e-9, Max: 4096})
	r := res.Precision
	if !r.Reached || !reflect.DeepEqual(r.Tried, []int{64}) || res.Iterations != 64 {
		t.Errorf("got %+v at %d iterations; want reached at the first count, 64", r, res.Iterations)
	}
	if r.NeedRelSE != 0 || r.PCoreSE != 0 {
		t.Errorf("errors %g and %g; want 0 with fixed inputs", r.NeedRelSE, r.PCoreSE)
	}
}

// A target no run reaches stops at the maximum and says so.
func TestRunToPrecisionStopsAtTheMaximum(t *testing.T) {
	in := synthetic(10, 5)
	sc := model.DefaultScenario()
	sc.Iterations = 100
	res := runToPrecision(t, in, sc, Precision{Target: 1e-6, Max: 300})
	r := res.Precision
	if r.Reached || !reflect.DeepEqual(r.Tried, []int{100, 200, 300}) || res.Iterations != 300 {
		t.Errorf("got %+v at %d iterations; want stopped unreached after 100, 200, 300", r, res.Iterations)
	}
	if r.NeedRelSE <= 1e-6 {
		t.Errorf("relative error %g is within a target it should miss", r.NeedRelSE)
	}
}

// A target that is not a fraction, or a maximum below the start, is refused.
func TestPrecisionCheck(t *testing.T) {
	for _, p := range []Precision{{Target: 0}, {Target: 1}, {Target: -0.1}, {Target: 0.01, Max: 10}, {Target: 0.01, Max: model.MaxIterations + 1}} {
		if err := p.Check(100); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
	if err := (Precision{Target: 0.01}).Check(10000); err != nil {
		t.Errorf("default maximum refused: %v", err)
	}
}
