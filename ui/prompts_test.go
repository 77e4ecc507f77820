package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
)

// sizes are the terminal sizes the flows are tried at.
var sizes = [][2]int{{80, 24}, {120, 40}}

// G offers the confidence sought (80); 9 then 0 replace it with 90, which
// is sought as 90%, not appended as 8090.
func TestGoalConfidenceTypedReplaces(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := start(t, size[0], size[1])
			press(tm, "G", "9", "0", "enter")
			waitFor(t, tm, "with 90.0% confidence")
			v := finish(t, tm).View()
			if strings.Contains(v, "8090") || !strings.Contains(v, "with 90.0% confidence") {
				t.Errorf("G then 90 does not seek 90%%:\n%s", v)
			}
		})
	}
}

// A confidence typed as a fraction, or with a per cent sign, means what it
// says; a bare 1 is refused as ambiguous and the next key replaces it.
func TestGoalConfidenceForms(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "G", "1", "enter")
	waitFor(t, tm, "ambiguous")
	press(tm, "0", ".", "9", "5", "enter")
	waitFor(t, tm, "with 95.0% confidence")
	press(tm, "G", "8", "7", ".", "5", "%", "enter")
	waitFor(t, tm, "with 87.5% confidence")
	finish(t, tm)
}

// w offers a file name after the scenario; a path typed replaces it, and
// the scenario is written there, not to the offer with the path appended.
func TestWritePathTypedReplaces(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	if err := os.Mkdir(filepath.Join(dir, "scenarios"), 0o755); err != nil {
		t.Fatal(err)
	}
	press(tm, "2", "w", "scenarios/x.toml", "enter")
	waitFor(t, tm, "Wrote")
	finish(t, tm)
	sc, err := data.LoadScenarioTOML(filepath.Join(dir, "scenarios", "x.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "Baseline" {
		t.Errorf("wrote %q, want Baseline", sc.Name)
	}
	if _, err := os.Stat(filepath.Join(dir, "baseline.tomlscenarios")); err == nil {
		t.Error("the path typed was appended to the one offered")
	}
}

// R offers the scenario's name; the name typed replaces it.
func TestRenameTypedReplaces(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "R", "Wide", "enter")
	waitFor(t, tm, "[Wide]")
	if got := finish(t, tm).ctx.Scenario().Name; got != "Wide" {
		t.Errorf("renamed to %q, want Wide", got)
	}
}

// / offers the filter applied; the text typed replaces it, so the trusts
// are filtered by just that text.
func TestTrustsFilterTypedReplaces(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "3", "/", "North", "enter")
	waitFor(t, tm, "filter: North")
	press(tm, "/", "London", "enter")
	waitFor(t, tm, "filter: London")
	v := finish(t, tm).View()
	if strings.Contains(v, "NorthLondon") || !strings.Contains(v, "filter: London ") {
		t.Errorf("the filter typed was appended to the one applied:\n%s", v)
	}
}

// e offers the export path; the path typed replaces it.
func TestExportPathTypedReplaces(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "7", "e", "out.xlsx", "enter")
	waitFor(t, tm, "out.xlsx")
	v := finish(t, tm).View()
	if strings.Contains(v, "corecast-baseline.xlsxout") || !strings.Contains(v, "Path      out.xlsx") {
		t.Errorf("the path typed was appended to the one offered:\n%s", v)
	}
}

// A cursor key keeps the offered text for editing: → then a keeps the
// name and adds to it.
func TestCursorKeyKeepsOfferedText(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "R", "right", " ", "2", "enter")
	waitFor(t, tm, "[Baseline 2]")
	if got := finish(t, tm).ctx.Scenario().Name; got != "Baseline 2" {
		t.Errorf("renamed to %q, want Baseline 2", got)
	}
}
