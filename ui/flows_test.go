package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/data"
)

// TestEditOptimismBias changes the mode of optimism bias on the Scenario
// screen and sees total need rise on the Overview, with the change shown.
func TestEditOptimismBias(t *testing.T) {
	tm := start(t, 80, 24)
	// name, size_elasticity, optimism_bias: open it (on its kind), tab to
	// min and on to mode, replace 0.3 by 0.6 and finish.
	press(tm, "2", "down", "down", "enter", "tab", "tab", "backspace", "backspace", "backspace", "0", ".", "6", "enter", "1")
	waitFor(t, tm, "vs previous run")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.Mode; got != 0.6 {
		t.Fatalf("optimism_bias.mode is %g, want 0.6", got)
	}
	now, _ := m.ctx.Result().Output("total_need")
	was, _ := m.ctx.Previous.Output("total_need")
	if !(now.Stats.Mean > was.Stats.Mean) {
		t.Errorf("total need %.0f after raising optimism bias, want more than %.0f", now.Stats.Mean, was.Stats.Mean)
	}
	if v := m.View(); !strings.Contains(v, "+£") {
		t.Errorf("the Overview shows no rise in need:\n%s", v)
	}
}

// TestInvalidEditIsNotApplied types a mode above the max: the problem is
// shown and the scenario keeps its last valid value.
func TestInvalidEditIsNotApplied(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "down", "down", "enter", "tab", "tab", "backspace", "backspace", "backspace", "5")
	waitFor(t, tm, "min ≤ mode ≤ max")
	m := finish(t, tm)
	if got := m.ctx.Scenario().OptimismBias.Mode; got != 0.3 {
		t.Errorf("optimism_bias.mode is %g after an invalid edit, want 0.3", got)
	}
}

// TestSortTrusts sorts the table by code and reverses it: the last code
// comes first.
func TestSortTrusts(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, tr := range in.Trusts {
		codes = append(codes, tr.Code)
	}
	last := slices.Max(codes)

	// At 80 columns the sort moves from Cost to P10–P90, P(core), Core by,
	// then wraps to Code.
	tm := start(t, 80, 24)
	press(tm, "3", "s", "s", "s", "s")
	waitFor(t, tm, "Code▲")
	press(tm, "r")
	waitFor(t, tm, "Code▼")
	m := finish(t, tm)
	v := m.View()
	if row := firstRow(v); !strings.HasPrefix(row, "▸ "+last) {
		t.Errorf("first row after reversing is %q, want %s first", row, last)
	}
}

// TestSortTrustsAscending checks the first row when sorted by code.
func TestSortTrustsAscending(t *testing.T) {
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]string, 0, len(in.Trusts))
	for _, tr := range in.Trusts {
		codes = append(codes, tr.Code)
	}
	tm := start(t, 80, 24)
	press(tm, "3", "s", "s", "s", "s")
	waitFor(t, tm, "Code▲")
	v := finish(t, tm).View()
	if row := firstRow(v); !strings.HasPrefix(row, "▸ "+slices.Min(codes)) {
		t.Errorf("first row sorted by code is %q, want %s", row, slices.Min(codes))
	}
}

// firstRow returns the table row under the column headings.
func firstRow(v string) string {
	ls := strings.Split(v, "\n")
	for i, l := range ls {
		if strings.Contains(l, "Code") && i+1 < len(ls) {
			return ls[i+1]
		}
	}
	return ""
}

// TestExportJSON exports to a temporary directory, reads the file back, and
// is asked before the file is written a second time.
func TestExportJSON(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	press(tm, "7", "right", "right", "enter")
	waitFor(t, tm, "Wrote")
	path := filepath.Join(dir, "corecast-baseline.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	if !strings.Contains(string(b), "Baseline") {
		t.Errorf("%s does not name the scenario", path)
	}
	press(tm, "enter")
	waitFor(t, tm, "Overwrite? y/n")
	press(tm, "n")
	waitFor(t, tm, "existing file is kept")
	finish(t, tm)
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(b) {
		t.Errorf("the file changed after answering n")
	}
}

// TestWriteScenario writes the scenario as TOML and reads it back.
func TestWriteScenario(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	press(tm, "2", "w", "enter")
	waitFor(t, tm, "Wrote")
	finish(t, tm)
	sc, err := data.LoadScenarioTOML(filepath.Join(dir, "baseline.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Iterations != 500 || sc.Name != "Baseline" {
		t.Errorf("read back %q with %d iterations, want Baseline with 500", sc.Name, sc.Iterations)
	}
}
