package data

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/model"
)

// sameScenario compares scenarios field by field, taking NaN as equal to NaN
// and an empty correlation list as equal to nil.
func sameScenario(t *testing.T, got, want model.Scenario) {
	t.Helper()
	for _, k := range model.ScalarKeys() {
		if g, w := k.Get(&got), k.Get(&want); g != w {
			t.Errorf("%s = %q, want %q", k.Name, g, w)
		}
	}
	for _, k := range model.DistributionKeys() {
		g, w := *k.Dist(&got), *k.Dist(&want)
		if g.Kind != w.Kind {
			t.Errorf("%s kind %s, want %s", k.Name, g.Kind, w.Kind)
		}
		for _, p := range []string{"value", "min", "mode", "max", "mean", "sd", "median", "sigma", "p10", "p90"} {
			a, _ := g.Param(p)
			b, _ := w.Param(p)
			if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
				t.Errorf("%s.%s = %g, want %g", k.Name, p, a, b)
			}
		}
	}
	if len(got.Correlations) != len(want.Correlations) {
		t.Fatalf("%d correlations, want %d", len(got.Correlations), len(want.Correlations))
	}
	for i := range got.Correlations {
		if got.Correlations[i] != want.Correlations[i] {
			t.Errorf("correlation %d = %+v, want %+v", i, got.Correlations[i], want.Correlations[i])
		}
	}
}

func TestParseScenarioEmpty(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n\n"} {
		sc, err := ParseScenarioTOML("empty.toml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		sameScenario(t, sc, model.DefaultScenario())
	}
}

// The TOML of the design document gives the default scenario.
func TestParseScenarioDesignExample(t *testing.T) {
	const doc = `name = "Baseline"
base_year = "2019-20"
target_year = "2023-24"
horizon_year = "2029-30"
core_threshold = 75
iterations = 10000
seed = 2020
sampling = "lhs"
priority = "lowest-maturity"
include_planned = false
local_share = 0.5
capacity_starts = 80
envelope_after_m = 1200
envelope_uplift_m = 0
plan_total_m = 8100
discount_rate = 0.035
trust_sigma = 0.35
ref_opex_m = 500

size_elasticity = { dist = "uniform", min = 0.5, max = 0.9 }
optimism_bias   = { dist = "pert", min = 0.10, mode = 0.30, max = 1.00 }
duration_bias   = { dist = "uniform", min = 0.0, max = 0.3 }
deploy_years    = { dist = "triangular", min = 1.0, mode = 2.0, max = 3.5 }
inflation       = { dist = "normal", mean = 0.02, sd = 0.01 }

[unit_cost]
acute         = { dist = "pert", min = 1.0, mode = 1.8, max = 3.5 }
mental_health = { dist = "pert", min = 0.5, mode = 0.9, max = 1.8 }
community     = { dist = "pert", min = 0.4, mode = 0.7, max = 1.4 }
ambulance     = { dist = "pert", min = 0.5, mode = 0.9, max = 1.8 }
specialist    = { dist = "pert", min = 0.8, mode = 1.4, max = 2.8 }
`
	sc, err := ParseScenarioTOML("design.toml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	sameScenario(t, sc, model.DefaultScenario())
}

func TestParseScenarioValues(t *testing.T) {
	const doc = `name = "Faster"
target_year = "2024-25"
include_planned = true
capacity_starts = 120
deploy_years = { dist = "lognormal", p10 = 1.2, p90 = 3.0 }
[unit_cost]
acute = { dist = "fixed", value = 2 }
[[correlation]]
a = "optimism_bias"
b = "duration_bias"
rho = 0.5
`
	sc, err := ParseScenarioTOML("faster.toml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "Faster" || sc.TargetYear != 2024 || !sc.IncludePlanned || sc.CapacityStarts != 120 {
		t.Errorf("scalars not read: %+v", sc)
	}
	d := sc.DeployYears
	if d.Kind != model.Lognormal || d.P10 != 1.2 || d.P90 != 3.0 || !math.IsNaN(d.Median) {
		t.Errorf("deploy_years = %+v", d)
	}
	if u := sc.UnitCost[model.Acute]; u.Kind != model.Fixed || u.Value != 2 || !math.IsNaN(u.Min) {
		t.Errorf("unit_cost.acute = %+v: the table must replace the default", u)
	}
	if sc.UnitCost[model.Community].String() != model.DefaultScenario().UnitCost[model.Community].String() {
		t.Errorf("unit_cost.community changed")
	}
	want := []model.Correlation{{A: "optimism_bias", B: "duration_bias", Rho: 0.5}}
	if len(sc.Correlations) != 1 || sc.Correlations[0] != want[0] {
		t.Errorf("correlations %+v, want %+v (replacing the default set)", sc.Correlations, want)
	}
}

func TestParseScenarioErrors(t *testing.T) {
	cases := []struct{ name, doc, message string }{
		{"unknown top-level key", "capacity_start = 3\n", `bad.toml: capacity_start: unknown key`},
		{"unknown unit cost", "[unit_cost]\nhospital = { dist = \"fixed\", value = 1 }\n", "bad.toml: unit_cost.hospital: unknown key"},
		{"unknown parameter", `deploy_years = { dist = "triangular", min = 1, mode = 2, max = 3, mdoe = 2 }`, "bad.toml: deploy_years.mdoe: unknown parameter"},
		{"parameter of another kind", `deploy_years = { dist = "uniform", min = 1, mode = 2, max = 3 }`, "deploy_years.mode: unknown parameter for a uniform distribution"},
		{"min above mode", "[unit_cost]\nacute = { dist = \"pert\", min = 3, mode = 2, max = 4 }\n", "bad.toml: unit_cost.acute: pert distribution needs min ≤ mode ≤ max"},
		{"missing parameter", `inflation = { dist = "normal", mean = 0.02 }`, "inflation: normal distribution needs sd"},
		{"no dist", `inflation = { mean = 0.02, sd = 0.01 }`, "inflation: needs dist"},
		{"unknown dist", `inflation = { dist = "gamma", mean = 0.02 }`, "inflation.dist: unknown distribution"},
		{"not a table", `inflation = 0.02`, "inflation: want a distribution table"},
		{"year as a number", `base_year = 2019`, "base_year: want a quoted string"},
		{"bad year", `base_year = "2019-21"`, "base_year: financial year"},
		{"text for a number", `capacity_starts = "many"`, "capacity_starts: want a number"},
		{"fraction for a whole number", `iterations = 10.5`, "iterations"},
		{"bad bool", `include_planned = "yes"`, "include_planned: want true or false"},
		{"unknown sampling", `sampling = "sobol"`, "sampling"},
		{"correlation unknown key", "[[correlation]]\na = \"unit_cost.acute\"\nb = \"inflation\"\nrh = 0.5\n", "correlation[1].rh: unknown key"},
		{"correlation missing rho", "[[correlation]]\na = \"unit_cost.acute\"\nb = \"inflation\"\n", "correlation[1]: needs rho"},
		{"correlation unknown input", "[[correlation]]\na = \"unit_cost.acute\"\nb = \"wages\"\nrho = 0.2\n", "correlation[1]: b = \"wages\""},
		{"invalid scenario", "target_year = \"2018-19\"\n", "target_year: 2018-19 is before base_year"},
		{"not TOML", "name = \n", "bad.toml: not valid TOML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseScenarioTOML("bad.toml", []byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.message) {
				t.Errorf("got %v, want an error containing %q", err, c.message)
			}
		})
	}
}

// Every problem in a file is reported.
func TestParseScenarioAllErrors(t *testing.T) {
	_, err := ParseScenarioTOML("bad.toml", []byte("foo = 1\nbar = 2\n[unit_cost]\nbaz = 3\n"))
	if err == nil || strings.Count(err.Error(), "unknown key") != 3 {
		t.Errorf("got %v, want three unknown keys", err)
	}
}

func TestScenarioRoundTrip(t *testing.T) {
	odd := model.DefaultScenario()
	odd.Name = "Odd \"quoted\" name\\ with\ttab, £ and é"
	odd.Seed = math.MaxUint64
	odd.IncludePlanned = true
	odd.Sampling = model.Random
	odd.Priority = model.RegionBalanced
	odd.EnvelopeUpliftM = 123.456789012345
	odd.DiscountRate = 1e-7
	odd.DeployYears = model.Distribution{Kind: model.Lognormal, Value: math.NaN(), Min: math.NaN(), Mode: math.NaN(), Max: math.NaN(), Mean: math.NaN(), SD: math.NaN(), Median: math.NaN(), Sigma: math.NaN(), P10: 1.1, P90: 3.3}
	odd.SizeElasticity = model.FixedDist(0.7)
	odd.Inflation = model.LognormalDist(0.02, 0.3)
	odd.UnitCost[model.Ambulance] = model.UniformDist(0.1, 1e6)
	odd.Correlations = []model.Correlation{{A: "inflation", B: "optimism_bias", Rho: -0.25}}
	none := model.DefaultScenario()
	none.Correlations = nil
	for _, sc := range []model.Scenario{model.DefaultScenario(), odd, none} {
		var buf bytes.Buffer
		if err := WriteScenarioTOML(&buf, sc); err != nil {
			t.Fatal(err)
		}
		got, err := ParseScenarioTOML("rt.toml", buf.Bytes())
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		sameScenario(t, got, sc)
		if strings.Contains(buf.String(), "nan") {
			t.Errorf("unset parameters written:\n%s", buf.String())
		}
		var again bytes.Buffer
		if err := WriteScenarioTOML(&again, got); err != nil {
			t.Fatal(err)
		}
		if again.String() != buf.String() {
			t.Errorf("second write differs:\n%s\n---\n%s", buf.String(), again.String())
		}
	}
}

func TestLoadScenarioTOMLFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(path, []byte("iterations = 500\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := LoadScenarioTOML(path)
	if err != nil || sc.Iterations != 500 || sc.Name != "Baseline" {
		t.Fatalf("got %+v, %v", sc.Iterations, err)
	}
	if _, err := LoadScenarioTOML(filepath.Join(dir, "none.toml")); err == nil || !strings.Contains(err.Error(), "none.toml") {
		t.Errorf("missing file: %v", err)
	}
}

// envelope_uplift_m reads and writes as a number or a table by year.
func TestScenarioTOMLUpliftTable(t *testing.T) {
	sc, err := ParseScenarioTOML("s.toml", []byte("envelope_uplift_m = { \"2020-21\" = 400, \"2021-22\" = 250.5 }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.UpliftAt(2020) != 400 || sc.UpliftAt(2021) != 250.5 || sc.UpliftAt(2022) != 0 {
		t.Fatalf("uplift %v", sc.EnvelopeUpliftByYear)
	}
	var buf bytes.Buffer
	if err := WriteScenarioTOML(&buf, sc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `envelope_uplift_m = { "2020-21" = 400, "2021-22" = 250.5 }`) {
		t.Errorf("written:\n%s", buf.String())
	}
	back, err := ParseScenarioTOML("again.toml", buf.Bytes())
	if err != nil || back.UpliftAt(2021) != 250.5 {
		t.Fatalf("round trip: %v, %v", back.EnvelopeUpliftByYear, err)
	}
	for _, bad := range []string{"envelope_uplift_m = { \"2020\" = 4 }\n", "envelope_uplift_m = { \"2020-21\" = \"x\" }\n", "envelope_uplift_m = \"x\"\n", "envelope_uplift_m = { \"2050-51\" = 4 }\n"} {
		if _, err := ParseScenarioTOML("bad.toml", []byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
