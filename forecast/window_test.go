package forecast

import (
	"testing"

	"corecast/model"
)

// Each trust's histogram holds only its window of cost bins. The windows
// must hold every cost a run makes, so that a run with them gives the very
// statistics a run with every trust's row over the whole range gives:
// checked on the default scenario and on scenarios that stretch the
// windows (a wide trust spread, elasticity across its domain, a fixed unit
// cost, costs all zero).
func TestCostWindowsHoldEveryCost(t *testing.T) {
	cases := map[string]func(*model.Scenario){
		"default": func(*model.Scenario) {},
		"wide": func(sc *model.Scenario) {
			sc.TrustSigma = 2
			sc.SizeElasticity = model.UniformDist(0, 2)
			sc.OptimismBias = model.UniformDist(0, 3)
		},
		"fixed": func(sc *model.Scenario) {
			sc.TrustSigma = 0
			sc.UnitCost[model.Acute] = model.FixedDist(2)
			sc.SizeElasticity = model.FixedDist(0.7)
		},
	}
	for name, set := range cases {
		t.Run(name, func(t *testing.T) {
			sc := model.DefaultScenario()
			sc.Iterations = 3000
			set(&sc)
			p, err := newPlan(synthetic(60, 3), sc)
			if err != nil {
				t.Fatal(err)
			}
			theta, err := drawInputs(p, sc.Iterations, 1)
			if err != nil {
				t.Fatal(err)
			}
			windowed := costWindows(p, &theta)
			whole := costWindows(p, nil)
			narrower := false
			for i := range windowed {
				narrower = narrower || windowed[i].bins < whole[i].bins
			}
			if name != "wide" && !narrower {
				t.Fatalf("no window is narrower than the whole range")
			}
			got, want := trustStatsWith(t, p, &theta, windowed), trustStatsWith(t, p, &theta, whole)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("trust %d: cost %+v with its window, %+v over the whole range", i, got[i], want[i])
				}
			}
		})
	}
}

// trustStatsWith runs every iteration on one worker whose trusts' cost
// rows hold the given windows, and returns each trust's cost statistics.
func trustStatsWith(t *testing.T, p *plan, theta *[model.NumInputs][]float64, windows []costWindow) []Stats {
	t.Helper()
	n := len(theta[0])
	res := new(Result)
	res.makeSeries(n)
	w := newWorkerIn(p, res, theta, windows)
	sums := newPartial(p.nTrusts, p.nYears)
	part := newPartial(p.nTrusts, p.nYears)
	for b := 0; b*blockSize < n; b++ {
		w.runBlock(b, b*blockSize, min((b+1)*blockSize, n), part, func() bool { return false })
		sums.fold(part)
	}
	out := make([]Stats, p.nTrusts)
	for i := range out {
		out[i] = trustCostStats(n, &sums.trust[i], w.tally.trustHist.row(i), windows[i], 0.8)
	}
	return out
}
