package forecast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"corecast/model"
)

// A small series worked by hand: five values, type-7 interpolation at
// rank p·(N−1).
func TestSCurvesKnownAnswer(t *testing.T) {
	res := &Result{
		Scenario:    model.Scenario{LocalShare: 0.25, BudgetP: 0.8},
		Iterations:  5,
		TotalNeed:   []float64{30, 10, 50, 20, 40},
		WindowSpend: []float64{5, 1, 4, 2, 3},
		// Counted trust funding in the plan's window, added to every
		// iteration's plan_window_spend.
		WindowFundingM: 100,
	}
	c := res.SCurves()
	if !slices.Equal(c.Levels, SCurveLevels[:]) {
		t.Fatalf("levels %v, want SCurveLevels", c.Levels)
	}
	want := map[float64][3]float64{
		// level: total need, national need (0.75×), plan_window_spend
		0.01: {10.4, 7.8, 101.04},
		0.25: {20, 15, 102},
		0.50: {30, 22.5, 103},
		0.80: {42, 31.5, 104.2},
		0.99: {49.6, 37.2, 104.96},
	}
	for i, p := range c.Levels {
		w, ok := want[p]
		if !ok {
			continue
		}
		got := [3]float64{c.TotalNeed[i], c.NationalNeed[i], c.PlanWindowSpend[i]}
		for j := range got {
			if math.Abs(got[j]-w[j]) > 1e-9*math.Abs(w[j]) {
				t.Errorf("level %g: got %v, want %v", p, got, w)
				break
			}
		}
	}
}

// A budget_p that is not one of SCurveLevels is put in its place, so that
// the budget is always on the curve.
func TestSCurvesBudgetLevel(t *testing.T) {
	for _, tc := range []struct {
		budget float64
		n      int
	}{{0.8, 21}, {0.95, 21}, {0.825, 22}, {1, 22}, {0.005, 22}} {
		levels := scurveLevels(tc.budget)
		if len(levels) != tc.n || !slices.Contains(levels, tc.budget) || !slices.IsSorted(levels) {
			t.Errorf("budget_p %g: levels %v", tc.budget, levels)
		}
	}
}

// The S-curves of a run agree with its headline outputs bit for bit: at
// 0.5 with P50, at budget_p with Budget, and at the other shared levels
// with P5 … P95. The curves never fall.
func TestSCurvesMatchOutputs(t *testing.T) {
	in := synthetic(120, 3)
	// Trust funding dated in the plan's window, so that plan_window_spend is
	// the modelled spend shifted by it.
	in.Funding = append(in.Funding, model.Funding{Code: in.Trusts[0].Code, Programme: "Digital Aspirant",
		Year: 2020, NationalM: 3, LocalM: 1.5, Status: model.Received})
	for _, budget := range []float64{0.8, 0.825} {
		t.Run(fmt.Sprint(budget), func(t *testing.T) {
			sc := model.DefaultScenario()
			sc.Iterations = 20_000 // far more than the selector sorts outright
			sc.BudgetP = budget
			res := mustRun(t, in, sc)
			if res.WindowFundingM == 0 {
				t.Fatal("no counted funding in the plan's window")
			}
			c := res.SCurves()
			for key, curve := range map[string][]float64{
				"total_need": c.TotalNeed, "national_need": c.NationalNeed, "plan_window_spend": c.PlanWindowSpend,
			} {
				st := outputStats(t, res, key)
				for p, want := range map[float64]float64{0.05: st.P5, 0.10: st.P10, 0.25: st.P25, 0.50: st.P50,
					0.75: st.P75, 0.90: st.P90, 0.95: st.P95, budget: st.Budget} {
					i := slices.Index(c.Levels, p)
					if i < 0 {
						t.Fatalf("level %g is not on the curve", p)
					}
					if math.Float64bits(curve[i]) != math.Float64bits(want) {
						t.Errorf("%s at %g: %v, output has %v", key, p, curve[i], want)
					}
				}
				if !slices.IsSorted(curve) {
					t.Errorf("%s falls: %v", key, curve)
				}
				if curve[0] < st.Min || curve[len(curve)-1] > st.Max {
					t.Errorf("%s: curve %v outside [%v, %v]", key, curve, st.Min, st.Max)
				}
			}
		})
	}
}

// quantiles gives what a sorted copy gives, bit for bit, on series of
// every awkward shape, NaNs and signed zeros included.
func TestQuantilesMatchSorting(t *testing.T) {
	var sel selector // shared, to catch stale scratch
	levels := scurveLevels(0.825)
	for name, x := range orderStatSeries() {
		got := quantiles(x, levels, &sel)
		s := sortedCopy(x)
		for i, p := range levels {
			if want := percentile(s, p); math.Float64bits(got[i]) != math.Float64bits(want) {
				t.Errorf("%s at %g: %v, want %v", name, p, got[i], want)
			}
		}
	}
	for _, v := range quantiles(nil, levels, &sel) {
		if !math.IsNaN(v) {
			t.Fatalf("empty series gives %v, want NaN", v)
		}
	}
}

// BenchmarkSCurves times the S-curves of a million-iteration result, by
// selection and by sorting a copy of each series.
func BenchmarkSCurves(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	const n = 1_000_000
	res := &Result{Scenario: model.DefaultScenario(), Iterations: n,
		TotalNeed: make([]float64, n), WindowSpend: make([]float64, n), WindowFundingM: 40}
	for i := range n {
		res.TotalNeed[i] = 5600 * math.Exp(0.25*r.NormFloat64())
		res.WindowSpend[i] = 0.6 * res.TotalNeed[i] * math.Exp(0.1*r.NormFloat64())
	}
	b.Run("select", func(b *testing.B) {
		for b.Loop() {
			res.SCurves()
		}
	})
	b.Run("sort", func(b *testing.B) {
		levels := scurveLevels(res.Scenario.BudgetP)
		for b.Loop() {
			for _, x := range [][]float64{res.TotalNeed, res.WindowSpend} {
				s := sortedCopy(x)
				for _, p := range levels {
					percentile(s, p)
				}
			}
		}
	})
}
