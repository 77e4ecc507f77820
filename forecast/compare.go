package forecast

import "math"

// Difference compares one headline figure of two runs: B − A.
type Difference struct {
	Key, Label, Unit string
	A, B, Diff       float64
	// SE is the Monte Carlo standard error of Diff. Runs with the same seed
	// and iteration count are paired iteration by iteration (common random
	// numbers), so it is the standard error of the mean of the per-iteration
	// differences; otherwise √(SE_A² + SE_B²).
	SE     float64
	Paired bool
}

// Compare returns B − A for every headline output and the two probabilities.
func Compare(a, b *Result) []Difference {
	paired := a.Iterations == b.Iterations && a.Scenario.Seed == b.Scenario.Seed && len(a.TotalNeed) == len(b.TotalNeed)
	lsA, lsB := a.Scenario.LocalShare, b.Scenario.LocalShare
	// Each headline as a per-iteration function of a run, for the paired SE.
	perIteration := map[string]func(r *Result, ls float64, s int) float64{
		"total_cost":             func(r *Result, _ float64, s int) float64 { return r.TotalCost[s] },
		"total_need":             func(r *Result, _ float64, s int) float64 { return r.TotalNeed[s] },
		"national_need":          func(r *Result, ls float64, s int) float64 { return (1 - ls) * r.TotalNeed[s] },
		"local_need":             func(r *Result, ls float64, s int) float64 { return ls * r.TotalNeed[s] },
		"total_programme":        func(r *Result, _ float64, s int) float64 { return r.TotalNeed[s] + r.CommittedTotalM },
		"plan_window_spend":      func(r *Result, _ float64, s int) float64 { return r.PlanWindowSpend(s) },
		"national_spend_in_plan": func(r *Result, _ float64, s int) float64 { return r.NationalSpendInPlan(s) },
		"present_value":          func(r *Result, _ float64, s int) float64 { return r.PresentValue[s] },
		"core_by_target":         func(r *Result, _ float64, s int) float64 { return r.CoreByTarget[s] },
		"p_all_core": func(r *Result, _ float64, s int) float64 {
			return indicator(r.AllCoreYear[s] <= r.Scenario.TargetYear)
		},
		"p_within_plan": func(r *Result, _ float64, s int) float64 {
			return indicator(r.WithinPlan(s))
		},
	}
	type figure struct {
		key, label, unit string
		a, b, seA, seB   float64
	}
	var figs []figure
	for i, oa := range a.Outputs {
		if i >= len(b.Outputs) {
			break
		}
		ob := b.Outputs[i]
		figs = append(figs, figure{oa.Key, oa.Label, oa.Unit, oa.Stats.Mean, ob.Stats.Mean, oa.Stats.SE, ob.Stats.SE})
	}
	figs = append(figs,
		figure{"p_all_core", "P(all trusts core by target)", "probability", a.PAllCoreByTarget.P, b.PAllCoreByTarget.P, a.PAllCoreByTarget.SE, b.PAllCoreByTarget.SE},
		figure{"p_within_plan", "P(spend in the plan's window within plan)", "probability", a.PWithinPlan.P, b.PWithinPlan.P, a.PWithinPlan.SE, b.PWithinPlan.SE})
	out := make([]Difference, 0, len(figs))
	for _, f := range figs {
		d := Difference{Key: f.key, Label: f.label, Unit: f.unit, A: f.a, B: f.b, Diff: f.b - f.a,
			SE: math.Sqrt(f.seA*f.seA + f.seB*f.seB)}
		if fn, ok := perIteration[f.key]; ok && paired {
			n := len(a.TotalNeed)
			var sum, sum2 float64
			for s := 0; s < n; s++ {
				v := fn(b, lsB, s) - fn(a, lsA, s)
				sum += v
				sum2 += v * v
			}
			_, _, d.SE = momentsOf(n, sum, sum2)
			d.Paired = true
		}
		out = append(out, d)
	}
	return out
}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
