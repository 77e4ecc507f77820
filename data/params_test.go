package data

import (
	"strings"
	"testing"

	"corecast/model"
)

// The Scenario sheet refuses a parameter the distribution does not take,
// row by row, so that a dist row changes what later rows may set.
func TestScenarioSheetRefusesParametersTheKindDoesNotTake(t *testing.T) {
	kv := func(pairs ...string) []KeyValue {
		var out []KeyValue
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, KeyValue{Key: pairs[i], Value: pairs[i+1], File: "book.xlsx", Sheet: "Scenario", Row: 2 + i/2})
		}
		return out
	}
	cases := []struct {
		name string
		rows []KeyValue
		want string // the one problem; "" for none
	}{
		{"mean of a pert", kv("unit_cost.acute.mean", "100"),
			`book.xlsx: sheet Scenario, row 2, column key: found "unit_cost.acute.mean", want a parameter of unit_cost.acute's pert distribution: min, mode or max (or set unit_cost.acute.dist first to change the kind)`},
		{"max after a change to normal", kv("duration_bias.dist", "normal", "duration_bias.max", "0.3"),
			`book.xlsx: sheet Scenario, row 3, column key: found "duration_bias.max", want a parameter of duration_bias's normal distribution: mean or sd (or set duration_bias.dist first to change the kind)`},
		{"normal in sequence", kv("duration_bias.dist", "normal", "duration_bias.mean", "0.2", "duration_bias.sd", "0.05"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := model.DefaultScenario()
			err := ApplyScenarioSheet(&sc, c.rows)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := sc.DurationBias.String(); got != "normal(mean 0.2, sd 0.05)" {
					t.Errorf("duration_bias = %s", got)
				}
				return
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestTOMLRefusesParametersTheKindDoesNotTake(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"[unit_cost]\nacute = { dist = \"pert\", min = 1, mode = 2, max = 3, mean = 100 }\n",
			"p.toml: unit_cost.acute.mean: unknown parameter for a pert distribution (want dist, min, mode, max)"},
		{"inflation = { dist = \"normal\", mean = 0.02, sd = 0.01, median = 0.02 }\n",
			"p.toml: inflation.median: unknown parameter for a normal distribution (want dist, mean, sd)"},
	}
	for _, c := range cases {
		_, err := ParseScenarioTOML("p.toml", []byte(c.doc))
		if err == nil || err.Error() != c.want {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
	sc, err := ParseScenarioTOML("p.toml", []byte("deploy_years = { dist = \"lognormal\", p10 = 1, p90 = 3 }\n"))
	if err != nil || !strings.HasPrefix(sc.DeployYears.String(), "lognormal(p10 1, p90 3)") {
		t.Errorf("lognormal by p10/p90: %v, %v", sc.DeployYears, err)
	}
}
