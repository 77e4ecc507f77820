package ui

import "fmt"

// panicError reports a panic recovered from background work.
type panicError struct{ v any }

// Error implements error.
func (e panicError) Error() string { return fmt.Sprintf("the forecast failed unexpectedly: %v", e.v) }
