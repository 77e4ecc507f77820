// Package common holds what the root model shares with every screen: the
// Context (window size, styles, key bindings, scenarios, inputs, results and
// run state), the History of each scenario's changes that every screen
// records into and undoes from, the Component interface each screen and sub-view implements,
// the messages screens send to the root, and the one lifecycle of
// background work: Job (start, cancel, progress, and only the latest run's
// outcome taken) and Analysis (a Job whose outcomes are kept per key), with
// the way screens hand the analyses they keep of a run to an export
// (Context.Analysed); and Input, the text field of every prompt, whose
// first key replaces the text it offers.
package common
