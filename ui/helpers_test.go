package ui

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"corecast/data"
	"corecast/model"
)

// TestMain renders without colour so that golden files hold plain text.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testScenario is the baseline with a small fixed iteration count.
func testScenario() model.Scenario {
	sc := model.DefaultScenario()
	sc.Iterations = 500
	sc.Seed = 2020
	return sc
}

// start opens the program on the embedded sample at the given size and
// waits for the first forecast, and the goal seek that follows it, to
// finish. Run times are written as a fixed
// text so that views do not depend on the machine.
func start(t *testing.T, w, h int, opts ...Option) *teatest.TestModel {
	t.Helper()
	return startWith(t, w, h, sample(t), []model.Scenario{testScenario()}, opts...)
}

// sample returns the embedded sample inputs.
func sample(t *testing.T) model.Inputs {
	t.Helper()
	in, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// startWith is start on the given inputs and scenarios.
func startWith(t *testing.T, w, h int, in model.Inputs, scs []model.Scenario, opts ...Option) *teatest.TestModel {
	t.Helper()
	opts = append([]Option{
		WithWorkers(2),
		WithElapsedFormat(func(time.Duration) string { return "(fixed)" }),
		WithWorkDir("/analysis"),
	}, opts...)
	m, err := New(in, scs, opts...)
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	// Both in one wait: output read by one wait is not seen by the next, and
	// the goal seek may finish within the same read as the run.
	waitForAll(t, tm, "ran in (fixed)", "confidence:")
	return tm
}

// patience is how long a test waits for the program's own message before
// it gives up. The tests wait on what the program says, never on time, so
// this only ends a test that would otherwise hang: it is long enough that
// a machine loaded many times over still gets there.
const patience = 10 * time.Minute

// waitFor waits until the program's output contains s.
func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(s))
	}, teatest.WithDuration(patience), teatest.WithCheckInterval(20*time.Millisecond))
}

// waitForAll waits until the program's output holds every one of ss.
func waitForAll(t *testing.T, tm *teatest.TestModel, ss ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, s := range ss {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(patience), teatest.WithCheckInterval(20*time.Millisecond))
}

// waitForText waits until the program's output holds s as text on screen:
// with the terminal's control sequences taken out and every run of spaces
// and line breaks read as one space, so that a message the width wraps is
// still found.
func waitForText(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	want := []byte(strings.Join(strings.Fields(s), " "))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		plain := ansiSeq.ReplaceAll(b, []byte(" "))
		return bytes.Contains(bytes.Join(bytes.Fields(plain), []byte(" ")), want)
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// ansiSeq matches a terminal control sequence: CSI (cursor moves,
// erasing, colours) or OSC.
var ansiSeq = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)`)

// press sends each key in turn: single characters as runes, names such as
// "enter" and "tab" as key types.
func press(tm *teatest.TestModel, ks ...string) {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEsc, "down": tea.KeyDown,
		"up": tea.KeyUp, "left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace,
		"shift+tab": tea.KeyShiftTab,
	}
	for _, k := range ks {
		if kt, ok := named[k]; ok {
			tm.Send(tea.KeyMsg{Type: kt})
			continue
		}
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
}

// finish quits and returns the root model at the end.
func finish(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(patience)).(*Model)
}

// lines trims trailing spaces from each line of a view, so golden files do
// not carry invisible padding.
func lines(v string) string {
	ls := strings.Split(v, "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(ls, "\n") + "\n"
}

// ctrlR is the ctrl+r key, redo.
func ctrlR() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyCtrlR} }
