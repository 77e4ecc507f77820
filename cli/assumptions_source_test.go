package cli

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// assumptionRow is a key's source and changed cells on an Assumptions sheet.
type assumptionRow struct{ source, changed string }

// readAssumptions reads the Assumptions sheet of an xlsx export: each key's
// source and changed columns, for the first scenario.
func readAssumptions(t *testing.T, path string) map[string]assumptionRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Assumptions")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]assumptionRow{}
	var key, src, changed = -1, -1, -1
	var first string
	for _, r := range rows {
		if key < 0 {
			if slices.Contains(r, "source") && slices.Contains(r, "changed") {
				key, src, changed = slices.Index(r, "key"), slices.Index(r, "source"), slices.Index(r, "changed")
			}
			continue
		}
		if len(r) <= changed || (first != "" && r[0] != first) {
			continue
		}
		first = r[0]
		out[r[key]] = assumptionRow{r[src], r[changed]}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no Assumptions rows with source and changed columns", path)
	}
	return out
}

// checkAssumptions compares the rows of want with those read.
func checkAssumptions(t *testing.T, got, want map[string]assumptionRow) {
	t.Helper()
	for k, w := range want {
		if g, ok := got[k]; !ok || g != w {
			t.Errorf("Assumptions %s: source %q, changed %q; want %q, %q", k, g.source, g.changed, w.source, w.changed)
		}
	}
}

// TestAssumptionsSourcesFileAndSet runs a scenario file with --set,
// --seed and --iterations: each value is sourced to where it came from,
// and changed marks what differs from the default.
func TestAssumptionsSourcesFileAndSet(t *testing.T) {
	dir := t.TempDir()
	sc := writeText(t, "wide.toml", `name = "Wide"
capacity_starts = 250
core_threshold = 75
[[correlation]]
a = "unit_cost.acute"
b = "optimism_bias"
rho = 0.4
`)
	out := filepath.Join(dir, "out.xlsx")
	code, _, stderr := run(t, Options{Version: "test"}, "run", "--input", book(t, goodSheets()), "--scenario", sc,
		"--set", "envelope_uplift_m=100", "--set", "unit_cost.acute.mode=2", "--seed", "7", "--iterations", "200",
		"--out", out, "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const def = "corecast default (README, Scenario keys)"
	checkAssumptions(t, readAssumptions(t, out), map[string]assumptionRow{
		"name":              {"scenario file wide.toml", "yes"},
		"capacity_starts":   {"scenario file wide.toml", "yes"},
		"core_threshold":    {"scenario file wide.toml", "no"},
		"envelope_uplift_m": {"command line: --set envelope_uplift_m=100", "yes"},
		"unit_cost.acute":   {"command line: --set unit_cost.acute.mode=2", "yes"},
		"seed":              {"command line: --seed 7", "yes"},
		"iterations":        {"command line: --iterations 200", "yes"},
		"horizon_year":      {def, "no"},
		"deploy_years":      {def, "no"},
		"correlation[1]":    {"scenario file wide.toml; replaces the default set", "yes"},
	})
}

// TestAssumptionsSourcesScenarioSheet runs a workbook whose Scenario sheet
// sets capacity: it is sourced to the sheet's row.
func TestAssumptionsSourcesScenarioSheet(t *testing.T) {
	sheets := goodSheets()
	sheets["Scenario"] = [][]any{{"key", "value"}, {"capacity_starts", 250}, {"envelope_uplift_m", 0}}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	code, _, stderr := run(t, Options{Version: "test"}, "run", "--input", book(t, sheets), "--iterations", "200", "--out", out, "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkAssumptions(t, readAssumptions(t, out), map[string]assumptionRow{
		"capacity_starts":   {"workbook Scenario sheet (book.xlsx, row 2)", "yes"},
		"envelope_uplift_m": {"workbook Scenario sheet (book.xlsx, row 3)", "no"},
		"local_share":       {"GDE funding was matched 1:1 locally", "no"},
		"correlation[1]":    {"corecast default (README, Scenarios): the five unit costs pairwise 0.6", "no"},
	})
}
