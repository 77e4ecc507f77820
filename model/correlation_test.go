package model

import (
	"testing"
)

// Correlations that cannot hold together are a validation problem naming the
// pairs among the fewest inputs whose correlations clash.
func TestInconsistentCorrelations(t *testing.T) {
	c := func(a, b string, rho float64) Correlation { return Correlation{A: a, B: b, Rho: rho} }
	cases := []struct {
		name string
		cs   []Correlation
		want string // "" when consistent
	}{
		{"three unit costs", []Correlation{
			c("unit_cost.acute", "unit_cost.community", 0.9),
			c("unit_cost.acute", "unit_cost.ambulance", 0.9),
			c("unit_cost.community", "unit_cost.ambulance", -0.9),
		}, "correlation: the rank correlations among unit_cost.acute, unit_cost.community and unit_cost.ambulance cannot all hold (unit_cost.acute with unit_cost.community 0.9, unit_cost.acute with unit_cost.ambulance 0.9, unit_cost.community with unit_cost.ambulance -0.9): their correlation matrix is not positive definite; weaken some of them"},
		{"two of twelve clash", append(DefaultCorrelations(),
			c("unit_cost.acute", "optimism_bias", 0.9),
			c("unit_cost.mental_health", "optimism_bias", -0.9),
		), "correlation: the rank correlations among unit_cost.mental_health, unit_cost.specialist and optimism_bias cannot all hold (unit_cost.mental_health with unit_cost.specialist 0.6, unit_cost.mental_health with optimism_bias -0.9, 0 for each pair not given): their correlation matrix is not positive definite; weaken some of them"},
		{"the default set", DefaultCorrelations(), ""},
		{"none", nil, ""},
		{"strong but consistent", []Correlation{
			c("inflation", "optimism_bias", 0.95), c("inflation", "duration_bias", 0.95), c("optimism_bias", "duration_bias", 0.95),
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := DefaultScenario()
			sc.Correlations = tc.cs
			err := sc.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || err.Error() != tc.want):
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// A correlation list with its own problems is not also checked as a matrix.
func TestCorrelationProblemsComeFirst(t *testing.T) {
	sc := DefaultScenario()
	sc.Correlations = []Correlation{{A: "unit_cost.acute", B: "wages", Rho: 0.9}, {A: "unit_cost.acute", B: "inflation", Rho: 1.5}}
	err := sc.Validate()
	want := "correlation[1]: b = \"wages\" is not a scenario-level input (want one of [unit_cost.acute unit_cost.mental_health unit_cost.community unit_cost.ambulance unit_cost.specialist size_elasticity optimism_bias duration_bias inflation])\n" +
		"correlation[2]: rho 1.5 is outside (-1, 1)"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestCorrelationTarget(t *testing.T) {
	involved, m := CorrelationTarget([]Correlation{{A: "inflation", B: "unit_cost.acute", Rho: 0.3}})
	if len(involved) != 2 || involved[0] != 0 || involved[1] != InputInflation {
		t.Fatalf("involved %v", involved)
	}
	if m.At(0, 1) != 0.3 || m.At(1, 0) != 0.3 || m.At(0, 0) != 1 {
		t.Errorf("matrix %v", m)
	}
	if involved, m := CorrelationTarget(nil); involved != nil || m != nil {
		t.Error("no correlations give no matrix")
	}
}
