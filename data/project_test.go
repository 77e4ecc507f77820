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

// projectScenarios are three scenarios that differ in every way a
// scenario file can say: names, values, distributions, correlations
// (several, none) and a per-year uplift table.
func projectScenarios(t *testing.T) []model.Scenario {
	t.Helper()
	base := model.DefaultScenario()
	odd := model.DefaultScenario()
	odd.Name = "Odd \"quoted\" name with ''' and é"
	odd.Seed = math.MaxUint64
	odd.Sampling = model.Random
	odd.Inflation = model.LognormalDist(0.02, 0.3)
	odd.UnitCost[model.Ambulance] = model.UniformDist(0.1, 1e6)
	odd.Correlations = []model.Correlation{{A: "inflation", B: "optimism_bias", Rho: -0.25}, {A: "unit_cost.acute", B: "size_elasticity", Rho: 0.4}}
	if err := odd.SetAll([]string{"envelope_uplift_m.2020-21=400", "envelope_uplift_m.2021-22=250.5"}); err != nil {
		t.Fatal(err)
	}
	none := model.DefaultScenario()
	none.Name = "No correlations"
	none.Correlations = nil
	none.CapacityStarts = 120
	return []model.Scenario{base, odd, none}
}

// scenarioText is a scenario as its scenario file: two scenarios with the
// same text are the same scenario.
func scenarioText(t *testing.T, sc model.Scenario) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteScenarioTOML(&b, sc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A project file reads back to the same scenarios, in order, and to the
// input path it names, which is written relative to the project's
// directory and resolved against it.
func TestProjectRoundTrip(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "books", "trusts.xlsx")
	path := filepath.Join(dir, "work", "project.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	want := projectScenarios(t)
	var buf bytes.Buffer
	if err := WriteProjectTOML(&buf, path, Project{Input: book, Scenarios: want}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `input = "../books/trusts.xlsx"`) {
		t.Errorf("the input is not written relative to the project:\n%s", buf.String())
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadProjectTOML(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if got.Input != book {
		t.Errorf("input %q, want %q", got.Input, book)
	}
	if len(got.Scenarios) != len(want) {
		t.Fatalf("%d scenarios read back, want %d", len(got.Scenarios), len(want))
	}
	for i := range want {
		if a, b := scenarioText(t, got.Scenarios[i]), scenarioText(t, want[i]); a != b {
			t.Errorf("scenario %d differs:\n%s\n---\n%s", i+1, a, b)
		}
	}
	if got.Scenarios[1].UpliftAt(2021) != 250.5 || len(got.Scenarios[1].Correlations) != 2 || len(got.Scenarios[2].Correlations) != 0 {
		t.Errorf("uplift table or correlations lost: %v, %v, %v", got.Scenarios[1].EnvelopeUpliftByYear, got.Scenarios[1].Correlations, got.Scenarios[2].Correlations)
	}
}

// A project without scenarios, with an unknown key or with a bad value
// is refused, naming the file and the scenario.
func TestProjectRefused(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"empty.toml":   "input = \"book.xlsx\"\n",
		"unknown.toml": "inputs = \"book.xlsx\"\n[[scenario]]\n",
		"bad.toml":     "[[scenario]]\nname = \"A\"\n[[scenario]]\ncapacity_starts = -4\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadProjectTOML(path)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v; want an error naming the file", name, err)
		}
		if name == "bad.toml" && !strings.Contains(err.Error(), "scenario 2") {
			t.Errorf("bad.toml: %v; want it to name scenario 2", err)
		}
	}
}
