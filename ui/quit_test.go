package ui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"corecast/data"
	"corecast/model"
	"corecast/ui/common"
)

// ended waits for the program to end by itself (not by the test's quit)
// and returns the root model.
func ended(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	return tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
}

// editCapacity sets capacity_starts to 150 on the Scenario screen.
func editCapacity(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	press(tm, "2")
	press(tm, downsTo(t, "capacity_starts")...)
	press(tm, "enter", "1", "5", "0", "enter")
	waitFor(t, tm, "Changed capacity_starts")
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestQuitWithoutChanges: q quits at once when nothing is unsaved.
func TestQuitWithoutChanges(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "q")
	if m := ended(t, tm); m.quitting.asking {
		t.Error("the program asked before quitting with nothing unsaved")
	}
}

// TestQuitAsksThenStays: with an edit, q asks; esc stays, with the edit,
// and nothing is written.
func TestQuitAsksThenStays(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		dir := t.TempDir()
		tm := start(t, size[0], size[1], WithWorkDir(dir))
		editCapacity(t, tm)
		press(tm, "q")
		waitForText(t, tm, "Unsaved changes to Baseline. s saves to baseline.toml · d discards them and quits · esc stays")
		press(tm, "esc")
		waitFor(t, tm, "d as loaded")
		m := finish(t, tm)
		if m.quitting.asking || m.ctx.Scenario().CapacityStarts != 150 {
			t.Errorf("%dx%d: after esc: asking %v, capacity %d; want the program on, with 150",
				size[0], size[1], m.quitting.asking, m.ctx.Scenario().CapacityStarts)
		}
		if fs := files(t, dir); len(fs) != 0 {
			t.Errorf("%dx%d: files written on staying: %v", size[0], size[1], fs)
		}
	}
}

// TestQuitDiscards: d at the question quits without writing.
func TestQuitDiscards(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	editCapacity(t, tm)
	press(tm, "q")
	waitForText(t, tm, "s saves to baseline.toml")
	press(tm, "d")
	ended(t, tm)
	if fs := files(t, dir); len(fs) != 0 {
		t.Errorf("files written on discarding: %v", fs)
	}
}

// TestQuitSaves: s at the question writes each changed scenario as TOML,
// beside a file of the same name rather than over it, and quits.
func TestQuitSaves(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "baseline.toml")
	if err := os.WriteFile(taken, []byte("# not ours\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm := start(t, 80, 24, WithWorkDir(dir))
	editCapacity(t, tm)
	press(tm, "q")
	waitForText(t, tm, "s saves to baseline-2.toml")
	press(tm, "s")
	ended(t, tm)
	sc, err := data.LoadScenarioTOML(filepath.Join(dir, "baseline-2.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.CapacityStarts != 150 || sc.Name != "Baseline" {
		t.Errorf("saved %q with capacity %d, want Baseline with 150", sc.Name, sc.CapacityStarts)
	}
	if b, _ := os.ReadFile(taken); string(b) != "# not ours\n" {
		t.Errorf("%s was replaced", taken)
	}
}

// TestQuitAfterWrite: a scenario written with w is saved; q then quits at
// once, and after a further edit s replaces the file w wrote.
func TestQuitAfterWrite(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	editCapacity(t, tm)
	press(tm, "w", "enter")
	waitFor(t, tm, "Wrote")
	press(tm, "up", "enter", "1", "enter") // local_share
	waitFor(t, tm, "Changed local_share")
	press(tm, "q")
	waitForText(t, tm, "s saves to baseline.toml")
	press(tm, "s")
	ended(t, tm)
	sc, err := data.LoadScenarioTOML(filepath.Join(dir, "baseline.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if sc.CapacityStarts != 150 || sc.LocalShare != 1 {
		t.Errorf("saved capacity %d, local_share %g; want 150 and 1", sc.CapacityStarts, sc.LocalShare)
	}

	tm = start(t, 80, 24, WithWorkDir(t.TempDir()))
	editCapacity(t, tm)
	press(tm, "w", "enter")
	waitFor(t, tm, "Wrote")
	press(tm, "q")
	if m := ended(t, tm); m.quitting.asking {
		t.Error("asked on quitting after the scenario was written")
	}
}

// TestCtrlCTwiceQuits: ctrl+c asks like q; a second ctrl+c quits without
// writing.
func TestCtrlCTwiceQuits(t *testing.T) {
	dir := t.TempDir()
	tm := start(t, 80, 24, WithWorkDir(dir))
	editCapacity(t, tm)
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	waitForText(t, tm, "Unsaved changes to Baseline")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	ended(t, tm)
	if fs := files(t, dir); len(fs) != 0 {
		t.Errorf("files written on ctrl+c: %v", fs)
	}
}

// TestQuitSaveFails: a save that fails says why and asks again; the
// program stays.
func TestQuitSaveFails(t *testing.T) {
	files := common.Files{SaveScenario: func(string, model.Scenario, bool) error {
		return errors.New("the disk is full")
	}}
	tm := start(t, 80, 24, WithWorkDir(t.TempDir()), WithFiles(files))
	editCapacity(t, tm)
	press(tm, "q")
	waitForText(t, tm, "s saves to baseline.toml")
	press(tm, "s")
	waitForText(t, tm, "Baseline not written: the disk is full")
	m := finish(t, tm)
	if !m.quitting.asking {
		t.Error("the question closed after a failed save")
	}
}
