package forecast

import (
	"context"
	"reflect"
	"runtime"
	"testing"

	"corecast/model"
)

// A worker's deployment thresholds must depend only on this iteration's
// duration bias, never on the iteration it ran before.
func TestDeployCutsForgetThePreviousIteration(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Iterations = 10
	p, err := newPlan(synthetic(5, 1), sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []float64{-2, -1, -0.5, 0, 0.3, 3} {
		fresh := newWorker(p, &Result{}, nil)
		want := append([]float64(nil), fresh.deployCuts(db)...)
		wantShort, wantTable := fresh.cut8, fresh.deployTable
		for _, before := range []float64{-3, -1, -0.49, 0.1, 5} {
			w := newWorker(p, &Result{}, nil)
			w.deployCuts(before)
			got := w.deployCuts(db)
			if !reflect.DeepEqual(got, want) || w.cut8 != wantShort || w.deployTable != wantTable {
				t.Errorf("db %g after %g: cuts %v, short %v; want %v, %v", db, before, got, w.cut8, want, wantShort)
			}
		}
	}
}

// domainEdges are scenarios whose draws reach the edges of the inputs'
// domains.
var domainEdges = []struct {
	name string
	set  func(*model.Scenario)
}{
	{"duration bias at the bottom of its domain", func(sc *model.Scenario) {
		sc.DurationBias = model.UniformDist(-0.5, -0.45)
		sc.DeployYears = model.UniformDist(0.25, 3)
	}},
	{"long deployments", func(sc *model.Scenario) {
		sc.DeployYears = model.TriangularDist(10, 18, 20)
		sc.DurationBias = model.PERTDist(2, 2.9, 3)
		sc.HorizonYear = 2119
	}},
	{"every input across its domain", func(sc *model.Scenario) {
		sc.Sampling = model.Random
		sc.Priority = model.LowestCost
		sc.TrustSigma = 2
		sc.DurationBias = model.UniformDist(-0.5, 3)
		sc.DeployYears = model.UniformDist(0.25, 20)
		sc.OptimismBias = model.UniformDist(0, 3)
		sc.SizeElasticity = model.UniformDist(0, 2)
		sc.Inflation = model.UniformDist(-0.1, 0.3)
		sc.LocalShare = 1
		sc.DiscountRate = 0.2
	}},
	{"unbounded draws near the edges", func(sc *model.Scenario) {
		sc.TrustSigma = 1.9
		sc.DurationBias = model.NormalDist(0.25, 0.2)
		sc.DeployYears = model.LognormalDist(1.2, 0.4)
		sc.OptimismBias = model.LognormalDist(0.5, 0.4)
		sc.Inflation = model.NormalDist(0.1, 0.05)
		sc.UnitCost[model.Acute] = model.NormalDist(1, 0.26)
	}},
}

// Results are the same whatever the number of workers, also for draws at
// the edges of the inputs' domains.
func TestDeterministicAtDomainEdges(t *testing.T) {
	in := synthetic(60, 11)
	for _, c := range domainEdges {
		t.Run(c.name, func(t *testing.T) {
			sc := model.DefaultScenario()
			sc.Iterations = 3000 // several blocks
			c.set(&sc)
			if err := sc.Validate(); err != nil {
				t.Fatal(err)
			}
			var first *Result
			for _, procs := range []int{1, 2, 8} {
				prev := runtime.GOMAXPROCS(procs)
				res, err := Run(context.Background(), in, sc, Options{})
				runtime.GOMAXPROCS(prev)
				if err != nil {
					t.Fatal(err)
				}
				// The scenario is the input echoed back; its unset
				// distribution parameters are NaN, never DeepEqual.
				res.Elapsed, res.Scenario = 0, model.Scenario{}
				if first == nil {
					first = res
					continue
				}
				if !reflect.DeepEqual(first, res) {
					t.Fatalf("GOMAXPROCS=%d gives a different result from GOMAXPROCS=1", procs)
				}
			}
		})
	}
}
