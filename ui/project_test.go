package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
)

// TestWriteProject: W on the Scenario screen writes every open scenario
// (correlations and a per-year uplift table included) and the input,
// relative to the project's directory, into one file that reads back to
// the same scenarios.
func TestWriteProject(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	a := testScenario()
	b := testScenario()
	b.Name = "Faster"
	b.CapacityStarts = 150
	b.Correlations = []model.Correlation{{A: "inflation", B: "optimism_bias", Rho: -0.25}}
	if err := b.SetAll([]string{"envelope_uplift_m.2020-21=400"}); err != nil {
		t.Fatal(err)
	}
	tm := startWith(t, 80, 24, sample(t), []model.Scenario{a, b}, WithWorkDir(dir), WithInput(book))
	press(tm, "2", "W", "p", "l", "a", "n", ".", "t", "o", "m", "l", "enter")
	waitFor(t, tm, "Wrote")
	finish(t, tm)
	path := filepath.Join(dir, "plan.toml")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), `input = "book.xlsx"`) {
		t.Errorf("the input is not named relative to the project:\n%s", text)
	}
	p, err := data.LoadProjectTOML(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Input != book || len(p.Scenarios) != 2 {
		t.Fatalf("read back input %q and %d scenarios; want %s and 2", p.Input, len(p.Scenarios), book)
	}
	for i, want := range []model.Scenario{a, b} {
		var x, y bytes.Buffer
		if err := data.WriteScenarioTOML(&x, p.Scenarios[i]); err != nil {
			t.Fatal(err)
		}
		if err := data.WriteScenarioTOML(&y, want); err != nil {
			t.Fatal(err)
		}
		if x.String() != y.String() {
			t.Errorf("scenario %d read back differs:\n%s\n---\n%s", i+1, x.String(), y.String())
		}
	}
}

// TestSaveProjectNeverReplacesInput: a project written over the session's
// workbook is refused and the workbook kept.
func TestSaveProjectNeverReplacesInput(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(book, []byte("a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := defaultFiles(config{inputPath: book}, sample(t))
	err := files.SaveProject(book, []model.Scenario{testScenario()}, true)
	if err == nil || !strings.Contains(err.Error(), "an input of this session") {
		t.Errorf("save over the input: %v", err)
	}
	if b, _ := os.ReadFile(book); string(b) != "a workbook" {
		t.Errorf("the input was replaced: %q", b)
	}
}
