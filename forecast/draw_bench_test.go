package forecast

import (
	"testing"

	"corecast/model"
)

// BenchmarkDrawInputs times the scenario-level draws (Latin hypercube and
// Iman–Conover) for 100,000 iterations.
func BenchmarkDrawInputs(b *testing.B) {
	sc := model.DefaultScenario()
	sc.Iterations = 100_000
	p, err := newPlan(synthetic(10, 1), sc)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := drawInputs(p, sc.Iterations, 1); err != nil {
			b.Fatal(err)
		}
	}
}
