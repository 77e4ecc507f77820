package forecast

import (
	"math"
	"testing"
)

func TestExpHotMatchesMathExp(t *testing.T) {
	worst := 0.0
	for x := -60.0; x <= 60; x += 0.000731 {
		got, want := expHot(x), math.Exp(x)
		if rel := math.Abs(got-want) / want; rel > worst {
			worst = rel
		}
	}
	for _, x := range []float64{-745, -700.5, 0, 700.5, 710, math.Inf(1), math.Inf(-1)} {
		if got, want := expHot(x), math.Exp(x); got != want {
			t.Errorf("expHot(%g) = %g, want %g", x, got, want)
		}
	}
	if worst > 1e-15 { // a few ulp
		t.Errorf("expHot relative error up to %g, want ≤ 1e-15", worst)
	}
}
