package forecast

import (
	"context"
	"testing"

	"corecast/model"
)

func TestSmoke(t *testing.T) {
	in := synthetic(217, 1)
	sc := model.DefaultScenario()
	res, err := Run(context.Background(), in, sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outputs {
		t.Logf("%-28s mean %10.1f sd %8.1f p10 %10.1f p50 %10.1f p90 %10.1f", o.Label, o.Stats.Mean, o.Stats.SD, o.Stats.P10, o.Stats.P50, o.Stats.P90)
	}
	t.Logf("P(all core) %v  P(plan) %v  allcore %v elapsed %v", res.PAllCoreByTarget, res.PWithinPlan, res.AllCore, res.Elapsed)
	for _, y := range res.ByYear {
		t.Logf("%s env %6.0f core %.1f [%v %v %v] spend %.0f nat %.0f", y.Year, y.EnvelopeM, y.CoreMean, y.CoreP10, y.CoreP50, y.CoreP90, y.Total.Mean, y.NationalMean)
	}
	for _, g := range res.ByRegion {
		t.Logf("%-26s %d need %.0f [%.0f %.0f] core %.1f", g.Name, g.Trusts, g.TotalNeed.Mean, g.TotalNeed.P10, g.TotalNeed.P90, g.CoreByTarget)
	}
	for _, tr := range res.ByTrust[:5] {
		t.Logf("%s gap %.0f cost %.1f [%.1f %.1f %.1f] p %.3f comp %v", tr.Trust.Code, tr.Gap, tr.Cost.Mean, tr.Cost.P10, tr.Cost.P50, tr.Cost.P90, tr.PCoreByTarget.P, tr.Completion)
	}
}
