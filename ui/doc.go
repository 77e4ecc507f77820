// Package ui is corecast's interactive terminal program (DESIGN §8), built
// with bubbletea. The root Model owns routing between screens, the shared
// common.Context, the status bar and the background forecast runs; each
// screen is a child component in its own package (overview, scenario,
// trusts, regions, export).
//
// Forecasts run in tea.Cmds off the update loop. An edit schedules a run
// after a short debounce and cancels the run in flight, so typing a number
// recomputes once, for the value typed.
//
// Quitting with a scenario that differs from how it was loaded or last
// written asks first whether to save, discard or stay (quit.go).
package ui
