package forecast_test

import (
	"context"
	"testing"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// TestSampleBaseline checks the embedded sample against what DESIGN §3 says
// the default scenario gives on it: a national need of a few £bn and a low
// chance that every trust is core by 2023-24.
func TestSampleBaseline(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Iterations = 4000
	res, err := forecast.Run(context.Background(), in, sc, forecast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	national, _ := res.Output("national_need")
	t.Logf("national need mean £%.0fm (P10 %.0f, P90 %.0f); P(all core by 2023-24) %.3f; all core P50 %v",
		national.Stats.Mean, national.Stats.P10, national.Stats.P90, res.PAllCoreByTarget.P, res.AllCore.P50)
	if national.Stats.Mean < 1000 || national.Stats.Mean > 10000 {
		t.Errorf("national need mean £%.0fm, want a few £bn", national.Stats.Mean)
	}
	if res.PAllCoreByTarget.P > 0.2 {
		t.Errorf("P(all core by 2023-24) = %.2f, want low", res.PAllCoreByTarget.P)
	}
}

// BenchmarkSample10k is DESIGN §10's live-recompute target on the embedded
// sample: 10,000 iterations in under 50 ms on 2 cores.
func BenchmarkSample10k(b *testing.B) { benchSample(b, 10_000) }

// BenchmarkSample1M is the batch target: 1,000,000 iterations in under 5 s
// and 200 MB.
func BenchmarkSample1M(b *testing.B) { benchSample(b, 1_000_000) }

func benchSample(b *testing.B, n int) {
	in, err := data.Sample()
	if err != nil {
		b.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.Iterations = n
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := forecast.Run(context.Background(), in, sc, forecast.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in.Trusts)*n), "ns/trust-iter")
}

// BenchmarkSampleSensitivity10k is the tornado (19 runs) and rank table on
// the sample at 10,000 iterations, reusing the scenario's own run.
func BenchmarkSampleSensitivity10k(b *testing.B) {
	in, err := data.Sample()
	if err != nil {
		b.Fatal(err)
	}
	sc := model.DefaultScenario()
	res, err := forecast.Run(context.Background(), in, sc, forecast.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := forecast.Sensitivity(context.Background(), in, sc, res, forecast.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSampleGoalSeek10k seeks the envelope uplift for P ≥ 0.8 to £1m on
// the sample at 10,000 iterations, with capacity_starts raised to 250 so that
// the envelope, not capacity, binds and the search has an answer to find.
func BenchmarkSampleGoalSeek10k(b *testing.B) {
	in, err := data.Sample()
	if err != nil {
		b.Fatal(err)
	}
	sc := model.DefaultScenario()
	sc.CapacityStarts = 250
	for i := 0; i < b.N; i++ {
		g, err := forecast.GoalSeekUplift(context.Background(), in, sc, 0.8, 1, forecast.Options{})
		if err != nil || !g.Reached {
			b.Fatalf("%v %v", g, err)
		}
		b.ReportMetric(float64(g.Evaluations), "runs")
		b.ReportMetric(g.Value, "uplift-£m")
	}
}
