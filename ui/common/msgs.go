package common

import "corecast/model"

// ScenarioEditedMsg tells the root that the current scenario changed and the
// forecast must be recomputed (after a short debounce).
type ScenarioEditedMsg struct{}

// ScenarioSwitchedMsg tells the root that Current or Scenarios changed: the
// cached result of the new current scenario is shown, or a run starts.
type ScenarioSwitchedMsg struct{}

// ScenarioAddedMsg asks the root to append a scenario and make it current.
// From, when set, is the scenario it was made from by the change named
// What (a calibration): see Context.Add.
type ScenarioAddedMsg struct {
	Scenario model.Scenario
	From     *model.Scenario
	What     string
}

// ResultShownMsg is sent to every screen when the result on show changes, so
// that screens can rebuild tables and charts once rather than on every frame.
type ResultShownMsg struct{}

// RunStartedMsg is sent to every screen when a forecast starts, so that
// analyses of the result about to be replaced are cancelled.
type RunStartedMsg struct{}

// FocusMsg is sent to a screen when it becomes the active one (Active) or
// stops being it, so that it can start work only when it is looked at.
type FocusMsg struct{ Active bool }

// StopMsg is sent to every screen when the program ends: background work
// is cancelled.
type StopMsg struct{}
