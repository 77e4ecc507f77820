package common

import (
	"context"
	"corecast/forecast"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// run executes a command that Start returned and gives its message.
func run(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	return cmd()
}

// outcome runs the batch an analysis starts (its run and the spinner's
// tick) and returns the run's outcome.
func outcome(t *testing.T, cmd tea.Cmd) JobDone[int] {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	for _, c := range cmd().(tea.BatchMsg) {
		if done, ok := c().(JobDone[int]); ok {
			return done
		}
	}
	t.Fatal("no outcome in the batch")
	return JobDone[int]{}
}

// TestJobPanicIsAnError runs work that panics: the run ends with an error
// naming the panic, and the Job takes it as its outcome.
func TestJobPanicIsAnError(t *testing.T) {
	var j Job[int]
	msg := run(t, j.Start(func(context.Context, func(int, int)) (int, error) { panic("report.Write broke") })).(JobDone[int])
	if !j.Done(msg) || msg.Err == nil || !strings.Contains(msg.Err.Error(), "internal error: report.Write broke") {
		t.Errorf("outcome %+v", msg)
	}
	if j.Running() {
		t.Error("the job is still running after its outcome")
	}
}

// TestJobTakesTheLatestOnly starts two runs: the first, superseded, is
// cancelled and its outcome dropped; the second's is taken.
func TestJobTakesTheLatestOnly(t *testing.T) {
	var j Job[string]
	var firstCtx context.Context
	first := j.Start(func(ctx context.Context, _ func(int, int)) (string, error) {
		firstCtx = ctx
		return "first", ctx.Err()
	})
	second := j.Start(func(_ context.Context, progress func(int, int)) (string, error) {
		progress(1, 2)
		return "second", nil
	})
	m1 := run(t, first).(JobDone[string])
	if !errors.Is(firstCtx.Err(), context.Canceled) || j.Done(m1) {
		t.Errorf("the superseded run: context %v, taken %v", firstCtx.Err(), true)
	}
	m2 := run(t, second).(JobDone[string])
	if !j.Done(m2) || m2.Value != "second" || j.Progress().Fraction() != 0.5 {
		t.Errorf("the latest run: %+v, progress %v", m2, j.Progress().Fraction())
	}
}

// TestAnalysisRerun keeps an outcome per key, runs a key again on Rerun
// (forgetting its outcome and any failure), and keeps a failure unasked.
func TestAnalysisRerun(t *testing.T) {
	a := NewAnalysis[string, int]()
	calls := 0
	work := func(v int, err error) Work[int] {
		return func(context.Context, func(int, int)) (int, error) { calls++; return v, err }
	}
	finish := func(cmd tea.Cmd) { t.Helper(); a.Update(outcome(t, cmd)) }
	finish(a.Ensure("x", work(1, nil)))
	if v, ok := a.Value("x"); !ok || v != 1 {
		t.Fatalf("value %v, %v", v, ok)
	}
	if cmd := a.Ensure("x", work(2, nil)); cmd != nil {
		t.Error("Ensure ran a key that has an outcome")
	}
	finish(a.Rerun("x", work(3, nil)))
	if v, _ := a.Value("x"); v != 3 {
		t.Errorf("after Rerun the value is %v, want 3", v)
	}
	finish(a.Ensure("y", work(0, errors.New("no"))))
	if a.Err("y") == nil || a.Ensure("y", work(4, nil)) != nil {
		t.Error("a failure was not kept, or was run again unasked")
	}
	finish(a.Rerun("y", work(4, nil)))
	if v, ok := a.Value("y"); !ok || v != 4 || a.Err("y") != nil {
		t.Errorf("Rerun after a failure: %v, %v, %v", v, ok, a.Err("y"))
	}
	if calls != 4 {
		t.Errorf("%d runs, want 4", calls)
	}
}

// TestRunAnalysisRerun analyses the shown run once when the screen is
// shown, not again unasked, again on Rerun, and never while a forecast is
// in flight.
func TestRunAnalysisRerun(t *testing.T) {
	res := &forecast.Result{}
	ctx := &Context{Results: []*forecast.Result{res}}
	calls := 0
	a := NewRunAnalysis(ctx, func(r *forecast.Result) Work[int] {
		return func(context.Context, func(int, int)) (int, error) { calls++; return calls, nil }
	})
	take := func(cmd tea.Cmd) { t.Helper(); a.Update(outcome(t, cmd)) }
	take(a.Update(FocusMsg{Active: true}))
	if v, ok := a.Current(); !ok || v != 1 {
		t.Fatalf("first analysis %v, %v", v, ok)
	}
	if a.Ensure() != nil {
		t.Error("the analysed run was analysed again unasked")
	}
	take(a.Rerun())
	if v, _ := a.Current(); v != 2 {
		t.Errorf("after Rerun the analysis is %v, want 2", v)
	}
	ctx.Running = true
	if a.Rerun() != nil {
		t.Error("Rerun started while a forecast is in flight")
	}
}
