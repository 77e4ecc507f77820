package common

import (
	"context"
	"fmt"
)

// Job tracks one kind of background work (a forecast, an analysis): starting
// it again cancels the one in flight, and only the latest one's outcome is
// used, so results never arrive out of order.
type Job struct {
	id     int
	cancel context.CancelFunc
	// Progress is the progress of the job in flight.
	Progress *Progress
}

// Start cancels the job in flight and returns the context and id of a new one.
func (j *Job) Start() (context.Context, int) {
	j.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	j.cancel = cancel
	j.id++
	j.Progress = &Progress{}
	return ctx, j.id
}

// Stop cancels the job in flight, if any.
func (j *Job) Stop() {
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
}

// Running reports whether a job is in flight.
func (j *Job) Running() bool { return j.cancel != nil }

// Finish reports whether id is the latest job and, if so, marks it finished.
func (j *Job) Finish(id int) bool {
	if id != j.id {
		return false
	}
	if j.cancel != nil {
		j.cancel() // releases the context's resources
		j.cancel = nil
	}
	return true
}

// Safely runs f, turning a panic in it into an error, so that one bad input
// in background work cannot take the terminal down with it.
func Safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			var zero T
			v, err = zero, fmt.Errorf("the analysis failed unexpectedly: %v", p)
		}
	}()
	return f()
}
