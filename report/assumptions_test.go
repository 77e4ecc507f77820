package report

import (
	"math"
	"testing"

	"corecast/model"
)

// assumptionRow finds a key's row among the assumptions.
func assumptionRow(t *testing.T, rows []assumption, key string) assumption {
	t.Helper()
	for _, a := range rows {
		if a.key == key {
			return a
		}
	}
	t.Fatalf("no assumption %s", key)
	return assumption{}
}

// The Assumptions sheet shows the parameters of the kind that was run and
// no other, even when the distribution still holds values of another kind.
func TestAssumptionsShowOnlyTheKindsParameters(t *testing.T) {
	sc := model.DefaultScenario()
	if err := sc.SetAll([]string{"unit_cost.acute.dist=normal", "unit_cost.acute.mean=2", "unit_cost.acute.sd=0.3"}); err != nil {
		t.Fatal(err)
	}
	sc.OptimismBias.Mean = 100 // held in the struct, not part of a pert
	rows := assumptions(sc)
	for _, c := range []struct {
		key  string
		want map[string]float64
	}{
		{"unit_cost.acute", map[string]float64{"mean": 2, "sd": 0.3}},
		{"optimism_bias", map[string]float64{"min": 0.1, "mode": 0.3, "max": 1}},
	} {
		a := assumptionRow(t, rows, c.key)
		for i, n := range paramNames {
			got := a.params[i]
			if w, ok := c.want[n]; ok {
				if got != w {
					t.Errorf("%s %s = %g, want %g", c.key, n, got, w)
				}
			} else if !math.IsNaN(got) {
				t.Errorf("%s shows %s = %g, which its %s does not take", c.key, n, got, a.dist)
			}
		}
	}
}

// The Assumptions sheet says which inputs' draws are clamped to their domain.
func TestAssumptionsNoteClampedInputs(t *testing.T) {
	sc := model.DefaultScenario()
	sc.OptimismBias = model.NormalDist(1, 0.2)
	sc.DeployYears = model.LognormalDist(2, 0.3)
	sc.UnitCost[model.Acute] = model.LognormalDist(2, 0.3)
	rows := assumptions(sc)
	for key, want := range map[string]string{
		"optimism_bias":   "capex uplift for optimism bias; normal draws clamped to the domain 0–3",
		"inflation":       "annual inflation, for nominal figures; normal draws clamped to the domain -0.1–0.3",
		"deploy_years":    "years a trust takes to deploy (drawn per trust); lognormal draws clamped to the domain 0.25–20",
		"unit_cost.acute": "£m per maturity point, reference-size acute trust", // a lognormal is never ≤ 0
		"size_elasticity": "β: cost scales with (opex / ref_opex)^β",           // a uniform inside 0–2
	} {
		if got := assumptionRow(t, rows, key).description; got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
