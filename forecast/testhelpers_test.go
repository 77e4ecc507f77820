package forecast

import (
	"context"
	"testing"

	"corecast/model"
)

// fixedScenario returns a scenario with every distribution fixed and no
// trust-level spread, so a run is deterministic and computable by hand:
// unit cost 2 £m/point for every type, β 0.5, optimism bias 0.5, duration
// bias 0, deploy 2 years, inflation 2%.
func fixedScenario() model.Scenario {
	sc := model.DefaultScenario()
	sc.Iterations = 64
	sc.TrustSigma = 0
	for t := range sc.UnitCost {
		sc.UnitCost[t] = model.FixedDist(2)
	}
	sc.SizeElasticity = model.FixedDist(0.5)
	sc.OptimismBias = model.FixedDist(0.5)
	sc.DurationBias = model.FixedDist(0)
	sc.DeployYears = model.FixedDist(2)
	sc.Inflation = model.FixedDist(0.02)
	sc.Correlations = nil
	return sc
}

// trust makes an acute trust in London with opex equal to the reference
// opex (so the size factor is 1).
func trust(code string, maturity float64) model.Trust {
	return model.Trust{Code: code, Name: "Trust " + code, Type: model.Acute, Region: model.London, OpexM: 500, Maturity: maturity}
}

// envelope returns NATIONAL rows giving m £m in each of the years from first on.
func envelope(first model.FinancialYear, m ...float64) []model.Funding {
	var rows []model.Funding
	for k, v := range m {
		rows = append(rows, model.Funding{Code: model.NationalCode, Programme: "envelope", Year: first.Add(k), NationalM: v, Status: model.Committed})
	}
	return rows
}

func mustRun(t testing.TB, in model.Inputs, sc model.Scenario) *Result {
	t.Helper()
	res, err := Run(context.Background(), in, sc, Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// completions returns each trust's median completion year, by code.
func completions(res *Result) map[string]model.FinancialYear {
	out := map[string]model.FinancialYear{}
	for _, tr := range res.ByTrust {
		out[tr.Trust.Code] = tr.Completion.P50
	}
	return out
}

// outputStats returns the statistics of the headline output key.
func outputStats(t *testing.T, res *Result, key string) Stats {
	t.Helper()
	o, ok := res.Output(key)
	if !ok {
		t.Fatalf("no output %q", key)
	}
	return o.Stats
}

// outputMean returns the mean of the headline output key.
func outputMean(t *testing.T, res *Result, key string) float64 {
	t.Helper()
	return outputStats(t, res, key).Mean
}
