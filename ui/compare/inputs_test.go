package compare

import (
	"reflect"
	"testing"

	"corecast/model"
)

// Only the inputs whose values differ are listed, with each scenario's
// value; the same correlations listed in another order are the same.
func TestDifferingInputs(t *testing.T) {
	a := model.DefaultScenario()
	b := a.Clone()
	b.Name = "Other"
	b.CapacityStarts = 150
	b.OptimismBias = model.UniformDist(0.1, 0.5)
	slices := append([]model.Correlation(nil), a.Correlations...)
	for i, j := 0, len(slices)-1; i < j; i, j = i+1, j-1 {
		slices[i], slices[j] = slices[j], slices[i]
	}
	b.Correlations = slices
	var keys []string
	for _, r := range differingInputs([]model.Scenario{a, b}) {
		keys = append(keys, r.key)
		if r.key == "capacity_starts" && !reflect.DeepEqual(r.values, []string{"80", "150"}) {
			t.Errorf("capacity_starts values %q, want 80 and 150", r.values)
		}
	}
	if want := []string{"capacity_starts", "optimism_bias"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("differing inputs %v, want %v", keys, want)
	}
	if rows := differingInputs([]model.Scenario{a, a.Clone()}); len(rows) != 0 {
		t.Errorf("a scenario differs from its copy in %v", rows)
	}
}
