package forecast

import (
	"testing"

	"corecast/data"
	"corecast/model"
)

func BenchmarkSampleIteration(b *testing.B) {
	in, _ := data.Sample()
	sc := model.DefaultScenario()
	sc.Iterations = 1024
	p, _ := newPlan(in, sc)
	theta, _ := drawInputs(p, sc.Iterations, 1)
	n := sc.Iterations
	res := &Result{TotalCost: make([]float64, n), TotalNeed: make([]float64, n), PresentValue: make([]float64, n),
		CoreByTarget: make([]float64, n), AllCoreYear: make([]model.FinancialYear, n)}
	w := newWorker(p, res, &theta)
	part := newPartial(p.nTrusts, p.nYears)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.iterate(i%n, part)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(p.nTrusts), "ns/trust")
}
