package common

import (
	"path/filepath"
	"time"

	"corecast/forecast"
	"corecast/model"
	"corecast/ui/keys"
	"corecast/ui/styles"
)

// Context is the state the root model shares with the screens. The root owns
// it; screens read it and change the current scenario through it, then tell
// the root with a message so that it recomputes.
type Context struct {
	Width, Height int // the whole terminal
	Styles        *styles.Styles
	Keys          keys.Global

	Inputs model.Inputs
	// InputName names the inputs: the workbook or CSV directory as given, or
	// "embedded sample".
	InputName string
	// ImportNotes say how the inputs were read: every conversion made, row
	// skipped and hidden row or sheet read (the Data view lists them).
	ImportNotes []string
	// InputProblems are the problems of the latest reading of the input
	// that failed (a save with a bad cell, say), whose inputs were not used;
	// InputChanges say what changed at the latest reading that succeeded.
	// The Data view lists both.
	InputProblems, InputChanges []string
	Scenarios                   []model.Scenario
	Current                     int
	// History holds each scenario's steps for undo and redo, and the
	// scenario as loaded and as last written. Screens change a scenario
	// through Change or Record, never by assigning to it, so that every
	// change is a step.
	History History
	// Results holds the latest finished result of each scenario (nil until
	// its first run finishes), so switching scenarios shows figures at once.
	Results []*forecast.Result
	// Previous is the result shown before the latest one, for deltas after an edit.
	Previous *forecast.Result

	// Running is set while a forecast of scenario RunScenario is in flight.
	Running     bool
	RunScenario int
	Progress    *Progress // of the run in flight
	// RunErrs holds, for each scenario, why its latest run failed (nil when
	// it did not), so that a failure is shown only with the scenario it is
	// about.
	RunErrs []error

	// FormatElapsed writes a run's duration for the status bar; tests fix it
	// so that views do not depend on the machine's speed.
	FormatElapsed func(time.Duration) string
	// Files loads and saves scenarios and writes exports.
	Files Files
	// WorkDir is the directory relative file paths are taken from.
	WorkDir string
	// Workers is the number of goroutines forecasts and analyses use (0: one
	// per CPU).
	Workers int

	// analysts add what each screen has computed of a run to an export
	// (Analysed).
	analysts []func(*forecast.Result, *Analyses)
}

// Scenario returns the current scenario for reading or editing.
func (c *Context) Scenario() *model.Scenario {
	return &c.Scenarios[c.Current]
}

// Result returns the latest result of the current scenario, or nil.
func (c *Context) Result() *forecast.Result {
	if c.Current < len(c.Results) {
		return c.Results[c.Current]
	}
	return nil
}

// RunErr returns why the current scenario's latest run failed, or nil.
func (c *Context) RunErr() error {
	if c.Current < len(c.RunErrs) {
		return c.RunErrs[c.Current]
	}
	return nil
}

// RunningCurrent reports whether a forecast of the current scenario is in
// flight (and not one of a scenario just switched away from).
func (c *Context) RunningCurrent() bool { return c.Running && c.RunScenario == c.Current }

// Resolve turns a path typed by the user into the path used, relative paths
// being taken from WorkDir.
func (c *Context) Resolve(path string) string {
	if path == "" || filepath.IsAbs(path) || c.WorkDir == "" {
		return path
	}
	return filepath.Join(c.WorkDir, path)
}
