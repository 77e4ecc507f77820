package ui

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"corecast/model"
	"corecast/ui/common"
)

// toCapacity counts the down presses from name to capacity_starts on the
// Scenario screen.
var toCapacity = strings.Split(strings.Repeat("down ", 21), " ")[:21]

// runLog records the capacity_starts of every forecast the program starts.
type runLog struct {
	mu   sync.Mutex
	caps []int
}

func (l *runLog) option() Option {
	return WithRunStarted(func(sc model.Scenario) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.caps = append(l.caps, sc.CapacityStarts)
	})
}

func (l *runLog) runs() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]int(nil), l.caps...)
}

// capacity150 is the test scenario with 150 starts a year.
func capacity150() model.Scenario {
	sc := testScenario()
	sc.CapacityStarts = 150
	return sc
}

// Typing -5 over 150 runs nothing: the first key replaces 150, "-" and
// "-5" are not valid, and the figures stay those of 150, said so beside
// the problem.
func TestInvalidTypingRunsNothing(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			var log runLog
			tm := startWith(t, size[0], size[1], sample(t), []model.Scenario{capacity150()}, log.option())
			press(tm, append(append([]string{"2"}, toCapacity...), "enter", "-", "5")...)
			waitFor(t, tm, "not run;")
			m := finish(t, tm)
			if runs := log.runs(); len(runs) != 1 || runs[0] != 150 {
				t.Errorf("runs started of capacity %v, want only the first, of 150", runs)
			}
			if got := m.ctx.Scenario().CapacityStarts; got != 150 {
				t.Errorf("capacity_starts is %d while -5 is typed, want 150", got)
			}
			v := m.View()
			if !strings.Contains(v, "✗ capacity_starts") || !strings.Contains(strings.Join(strings.Fields(v), " "), "the figures are for 150") {
				t.Errorf("the problem and the figures' value are not shown:\n%s", v)
			}
		})
	}
}

// Backspacing 150 to nothing passes through 15 and 1, which are valid and
// may run (here at once, with no debounce); once the text is not valid,
// the run of a part-typed value is cancelled or dropped and the figures
// shown are those of 150 again, never of 15 or 1 beside "✗ -5".
func TestPartTypedValueIsNotLeftShown(t *testing.T) {
	var log runLog
	tm := startWith(t, 80, 24, sample(t), []model.Scenario{capacity150()}, log.option(), WithDebounce(0))
	keys := append(append([]string{"2"}, toCapacity...), "enter", "right", "backspace", "backspace", "backspace", "-", "5")
	press(tm, keys...)
	waitFor(t, tm, "are for 150")
	m := finish(t, tm)
	if got := m.ctx.Result().Scenario.CapacityStarts; got != 150 {
		t.Errorf("the figures shown beside -5 are of capacity %d, want 150", got)
	}
	if got := m.ctx.Scenario().CapacityStarts; got != 150 {
		t.Errorf("capacity_starts is %d while -5 is typed, want 150", got)
	}
	for _, c := range log.runs() {
		if c != 150 && c != 15 && c != 1 {
			t.Errorf("a run of capacity %d started: only values typed in full may run (runs %v)", c, log.runs())
		}
	}
}

// The root's side of the same, step by step: a run of a part-typed value
// that finishes as the next edit cancels it is dropped, and when the
// scenario is back where the figures shown are from, nothing runs.
func TestRunOfEditedScenarioIsDropped(t *testing.T) {
	m := newTestModel(t)
	t.Cleanup(m.stop)
	m.runner.debounce = 0
	m.Update(m.runner.start()().(runDoneMsg))
	shown := m.ctx.Result()
	sc := m.ctx.Scenario()
	was := sc.CapacityStarts

	sc.CapacityStarts = 15 // a value part-typed
	m.Update(m.runner.edited()())
	if !m.ctx.Running {
		t.Fatal("no run of the value typed")
	}
	of15 := *shown
	of15.Scenario.CapacityStarts = 15
	run := m.runner.job.Outcome(&of15, nil) // as if it finished just as the next key came
	sc.CapacityStarts = was                 // the text is no longer valid: back as it was
	m.Update(common.ScenarioEditedMsg{})
	m.Update(run)
	if m.ctx.Result() != shown {
		t.Error("the run of the part-typed value was shown")
	}
	_, cmd := m.Update(m.runner.edited()())
	if cmd != nil || m.ctx.Running {
		t.Error("a run started though the scenario is back where the figures shown are from")
	}
}

// Changing unit_cost.acute from pert to triangular keeps its mean and sd
// and says so; the row with the new parameters fits the terminal.
func TestKindChangeKeepsMeanAndSays(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := start(t, size[0], size[1])
			press(tm, "2", "down", "down", "down", "down", "down", "down", "enter", "left")
			waitFor(t, tm, "pert → triangular keeps mean 1.95 and sd 0.459")
			press(tm, "enter")
			waitFor(t, tm, "Changed unit_cost.acute")
			m := finish(t, tm)
			got := m.ctx.Scenario().UnitCost[model.Acute]
			wantMean, wantSD := testScenario().UnitCost[model.Acute].Moments()
			mean, sd := got.Moments()
			if got.Kind != model.Triangular || math.Abs(mean-wantMean) > 1e-9 || math.Abs(sd-wantSD) > 1e-9 {
				t.Errorf("unit_cost.acute is %s with mean %g and sd %g, want a triangular with %g and %g", got, mean, sd, wantMean, wantSD)
			}
		})
	}
}

// Where the new kind cannot hold the sd inside the input's domain, the
// edit line says which moment moved and by how much: optimism_bias as a
// normal must narrow to stay above 0.
func TestKindChangeSaysWhatMoved(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "down", "down", "enter", "right")
	waitFor(t, tm, "sd 0.158 → 0.103 (-35%)")
	m := finish(t, tm)
	v := strings.Join(strings.Fields(m.View()), " ")
	if !strings.Contains(v, "pert → normal: sd 0.158 → 0.103 (-35%), to stay within 0–3; mean 0.383 kept.") {
		t.Errorf("the kind change does not say what moved:\n%s", m.View())
	}
	if d := m.ctx.Scenario().OptimismBias; d.Kind != model.Normal || math.Abs(d.Mean-0.3833333333333333) > 1e-9 {
		t.Errorf("optimism_bias is %s, want a normal with mean 0.3833", d)
	}
}

// Edit mode opens on the kind, where the footer offers ←/→; on a
// parameter the footer offers tab instead.
func TestEditOpensOnKind(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "2", "down", "down", "enter")
	waitFor(t, tm, "←/→ kind")
	press(tm, "tab")
	waitFor(t, tm, "shift+tab previous field")
	v := finish(t, tm).View()
	if !strings.Contains(v, "min[") {
		t.Errorf("tab from the kind does not focus min:\n%s", v)
	}
}

// The Scenario screen while -5 is typed over 150, and after a kind change
// once its run is shown, at both sizes: the problem with the value the
// figures are for, and the converted row within the width.
func TestTypingScreens(t *testing.T) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d/invalid", size[0], size[1]), func(t *testing.T) {
			tm := startWith(t, size[0], size[1], sample(t), []model.Scenario{capacity150()})
			press(tm, append(append([]string{"2"}, toCapacity...), "enter", "-", "5")...)
			waitFor(t, tm, "not run;")
			goldenView(t, finish(t, tm), size[0])
		})
		t.Run(fmt.Sprintf("%dx%d/kind", size[0], size[1]), func(t *testing.T) {
			tm := start(t, size[0], size[1])
			press(tm, "2", "down", "down", "down", "down", "down", "down", "enter", "left")
			waitFor(t, tm, "pts)") // the change since the run before: the kind's run is shown
			goldenView(t, finish(t, tm), size[0])
		})
	}
}

// goldenView compares the view with its golden file, and its width with
// the terminal's.
func goldenView(t *testing.T, m *Model, width int) {
	t.Helper()
	v := m.View()
	if w := lipgloss.Width(v); w > width {
		t.Errorf("view is %d cells wide, more than the terminal's %d", w, width)
	}
	golden.RequireEqual(t, []byte(lines(v)))
}
