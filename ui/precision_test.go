package ui

import (
	"context"
	"strings"
	"testing"

	"corecast/forecast"
	"corecast/model"
)

// TestRunsToAPrecision opens the program with a precision: each forecast
// grows from the scenario's iterations as run --precision does, to the same
// count and the same figures, and the status line says the iterations are
// the precision's.
func TestRunsToAPrecision(t *testing.T) {
	in, sc := sample(t), testScenario()
	prec := forecast.Precision{Target: 0.01, Max: 8000}
	want, err := forecast.RunToPrecision(context.Background(), in, sc, prec, forecast.Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want.Iterations == sc.Iterations {
		t.Fatalf("the precision is reached at the scenario's own %d iterations: the test needs one that is not", sc.Iterations)
	}
	tm := startWith(t, 120, 40, in, []model.Scenario{sc}, WithPrecision(prec))
	m := finish(t, tm)
	got := m.ctx.Result()
	if got.Iterations != want.Iterations || got.TotalNeed[0] != want.TotalNeed[0] {
		t.Errorf("the program ran %d iterations, run --precision %d", got.Iterations, want.Iterations)
	}
	if v := m.View(); !strings.Contains(v, "iterations (to a precision)") {
		t.Errorf("the status line does not say the iterations are a precision's:\n%s", v)
	}
}
