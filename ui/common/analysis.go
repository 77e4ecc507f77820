package common

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Analysis is background work kept per key — typically the result it
// analyses, with whatever else it depends on. It runs on a Job, one key at a
// time; it keeps each key's outcome, or why it failed, so that neither is
// repeated unasked; and it turns a spinner while it runs. A cancelled run
// leaves no outcome, so it runs again when next asked for. The Overview's
// goal seek and the Sensitivity screen's tornado are Analyses.
type Analysis[K comparable, T any] struct {
	job     Job[T]
	running K // the key of the latest run
	done    map[K]T
	failed  map[K]error
	spinner spinner.Model
}

// NewAnalysis returns an Analysis with no outcomes.
func NewAnalysis[K comparable, T any]() *Analysis[K, T] {
	return &Analysis[K, T]{
		done:    map[K]T{},
		failed:  map[K]error{},
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
	}
}

// Value returns the outcome of the analysis of k, if it succeeded.
func (a *Analysis[K, T]) Value(k K) (T, bool) {
	v, ok := a.done[k]
	return v, ok
}

// Err returns why the analysis of k failed, or nil.
func (a *Analysis[K, T]) Err(k K) error { return a.failed[k] }

// Ensure starts the analysis of k with work, unless k has an outcome or is
// being analysed already.
func (a *Analysis[K, T]) Ensure(k K, work Work[T]) tea.Cmd {
	_, done := a.done[k]
	if done || a.failed[k] != nil || a.RunningFor(k) {
		return nil
	}
	return a.start(k, work)
}

// Rerun forgets k's outcome and analyses it again with work.
func (a *Analysis[K, T]) Rerun(k K, work Work[T]) tea.Cmd {
	delete(a.done, k)
	delete(a.failed, k)
	return a.start(k, work)
}

func (a *Analysis[K, T]) start(k K, work Work[T]) tea.Cmd {
	a.running = k
	return tea.Batch(a.job.Start(work), a.spinner.Tick)
}

// Update takes the outcome of the latest run and turns the spinner while a
// run is in flight; it ignores every other message.
func (a *Analysis[K, T]) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case JobDone[T]:
		if !a.job.Done(msg) {
			return nil
		}
		switch {
		case msg.Err == nil:
			a.done[a.running] = msg.Value
		case !errors.Is(msg.Err, context.Canceled):
			a.failed[a.running] = msg.Err
		}
	case spinner.TickMsg:
		if a.job.Running() {
			var cmd tea.Cmd
			a.spinner, cmd = a.spinner.Update(msg)
			return cmd
		}
	}
	return nil
}

// Cancel cancels the run in flight, if any.
func (a *Analysis[K, T]) Cancel() { a.job.Cancel() }

// Running reports whether a run is in flight.
func (a *Analysis[K, T]) Running() bool { return a.job.Running() }

// RunningFor reports whether a run of k is in flight.
func (a *Analysis[K, T]) RunningFor(k K) bool { return a.job.Running() && a.running == k }

// Progress is the progress of the run in flight.
func (a *Analysis[K, T]) Progress() *Progress { return a.job.Progress() }

// Spinner draws the spinner.
func (a *Analysis[K, T]) Spinner() string { return a.spinner.View() }

// Prune forgets the outcomes of the keys keep rejects.
func (a *Analysis[K, T]) Prune(keep func(K) bool) {
	for k := range a.done {
		if !keep(k) {
			delete(a.done, k)
		}
	}
	for k := range a.failed {
		if !keep(k) {
			delete(a.failed, k)
		}
	}
}
