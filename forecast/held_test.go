package forecast

import (
	"context"
	"math"
	"testing"

	"corecast/model"
)

// runAlone is what heldRuns must give for one run: the model run on its own
// with every input column holding the run's values, its headline read off
// the result's series in iteration order.
func runAlone(t *testing.T, p *plan, values heldInputs, n int, workers int) headline {
	t.Helper()
	var theta [model.NumInputs][]float64
	for j, v := range values {
		theta[j] = make([]float64, n)
		for s := range theta[j] {
			theta[j][s] = v
		}
	}
	res, err := simulate(context.Background(), p, &theta, Options{Workers: workers}, false)
	if err != nil {
		t.Fatal(err)
	}
	var need, core float64
	all := 0
	for s, v := range res.TotalNeed {
		need += v
		core += res.CoreByTarget[s]
		if res.AllCoreYear[s] <= p.sc.TargetYear {
			all++
		}
	}
	fn := float64(n)
	return headline{needMean: need / fn, pAllCore: float64(all) / fn, coreMean: core / fn}
}

// TestHeldRunsMatchRunsAlone checks that running the tornado's runs
// together, on shared draws, gives each run's headline to the bit, as
// running it alone does: for the sample and a long queue, both priorities,
// a run count that leaves a part-filled block and wave, and any number of
// workers. Some runs are the same but for inflation, as a tornado's
// inflation bars are; some differ from the others only in elasticity or
// duration bias.
func TestHeldRunsMatchRunsAlone(t *testing.T) {
	cases := []struct {
		name     string
		in       model.Inputs
		priority model.Priority
		n        int
	}{
		{"sample", sampleInputs(t), model.LowestMaturity, 2*heldWave*blockSize + 45},
		{"sample lowest cost", sampleInputs(t), model.LowestCost, 300},
		{"long queue", synthetic(1500, 3), model.LowestMaturity, 70},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := model.DefaultScenario()
			sc.Priority = c.priority
			sc.Iterations = c.n
			p, err := newPlan(c.in, sc)
			if err != nil {
				t.Fatal(err)
			}
			var p50 heldInputs
			for j := range p50 {
				p50[j] = p.inputs[j].quantile(0.5)
			}
			runs := []heldInputs{p50}
			for _, j := range []int{0, model.InputSizeElasticity, model.InputOptimismBias, model.InputDurationBias, model.InputInflation} {
				for _, q := range []float64{0.1, 0.9} {
					r := p50
					r[j] = p.inputs[j].quantile(q)
					runs = append(runs, r)
				}
			}
			for _, workers := range []int{1, 3} {
				got, err := heldRuns(context.Background(), p, runs, c.n, Options{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				for r, values := range runs {
					want := runAlone(t, p, values, c.n, 2)
					if !sameHeadline(got[r], want) {
						t.Errorf("%d workers, run %d: held %+v, alone %+v", workers, r, got[r], want)
					}
				}
			}
		})
	}
}

// sameHeadline reports whether a and b are the same to the bit.
func sameHeadline(a, b headline) bool {
	return math.Float64bits(a.needMean) == math.Float64bits(b.needMean) &&
		math.Float64bits(a.pAllCore) == math.Float64bits(b.pAllCore) &&
		math.Float64bits(a.coreMean) == math.Float64bits(b.coreMean)
}

// TestHeldRunsProgressAndCancel checks that heldRuns reports its progress
// in runs, ending at all of them, and stops with the context's error.
func TestHeldRunsProgressAndCancel(t *testing.T) {
	sc := model.DefaultScenario()
	n := heldWave*blockSize + 1
	p, err := newPlan(sampleInputs(t), sc)
	if err != nil {
		t.Fatal(err)
	}
	var p50 heldInputs
	for j := range p50 {
		p50[j] = p.inputs[j].quantile(0.5)
	}
	runs := []heldInputs{p50, p50, p50}
	var seen [][2]int
	_, err = heldRuns(context.Background(), p, runs, n, Options{Progress: func(done, total int) { seen = append(seen, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || seen[1] != [2]int{2, 2} || seen[0][0] > seen[1][0] {
		t.Errorf("progress %v, want two reports ending at 2 of 2", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := heldRuns(ctx, p, runs, n, Options{}); err == nil {
		t.Error("a cancelled context gave no error")
	}
}
