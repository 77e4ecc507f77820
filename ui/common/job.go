package common

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// Job runs one kind of background work — a forecast, an analysis — off the
// update loop, one run at a time. Starting a run cancels the one in flight,
// and a run's outcome is taken only if it is the latest started: each run
// has a generation, which Done compares with the latest. So outcomes never
// arrive out of order, and work on an input that has since changed is
// dropped. The zero Job is ready to use. A Job must not be copied once
// used: its runs' messages point back at it, so that jobs whose work has
// the same type tell their outcomes apart.
type Job[T any] struct {
	gen      int
	cancel   context.CancelFunc
	progress *Progress
}

// Work is what a Job runs. It must return soon after ctx is cancelled, and
// may report its progress.
type Work[T any] func(ctx context.Context, progress func(done, total int)) (T, error)

// JobDone is the message a Job's run ends with; hand it to the Job's Done.
type JobDone[T any] struct {
	job   *Job[T]
	gen   int
	Value T
	Err   error // context.Canceled when the run was cancelled first
}

// Start cancels the run in flight, if any, and returns the command that
// runs work and ends with a JobDone. A panic in work ends the run with an
// error rather than the program, so that one bad input cannot take the
// terminal down with it.
func (j *Job[T]) Start(work Work[T]) tea.Cmd {
	j.Cancel()
	ctx, cancel := context.WithCancel(context.Background())
	j.gen++
	j.cancel, j.progress = cancel, &Progress{}
	done, progress := JobDone[T]{job: j, gen: j.gen}, j.progress
	return func() tea.Msg {
		done.Value, done.Err = safely(ctx, work, progress.Set)
		return done
	}
}

// safely runs work, turning a panic in it into an error. It is the one
// recover of the program's background work: every run of every Job goes
// through it.
func safely[T any](ctx context.Context, work Work[T], progress func(done, total int)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			var zero T
			v, err = zero, fmt.Errorf("internal error: %v", p)
		}
	}()
	return work(ctx, progress)
}

// Cancel cancels the run in flight, if any. Its outcome still arrives
// (context.Canceled, unless it had just finished) and Done still takes it,
// unless another run has started since.
func (j *Job[T]) Cancel() {
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
}

// Running reports whether a run is in flight: started, and neither
// cancelled nor done.
func (j *Job[T]) Running() bool { return j.cancel != nil }

// Progress is the progress of the latest run (nil before the first, which
// reads as none).
func (j *Job[T]) Progress() *Progress { return j.progress }

// Done reports whether msg ends this Job's latest run and, if so, marks the
// Job idle. The outcome of a superseded run, or of another Job, gives
// false: it is to be dropped.
func (j *Job[T]) Done(msg JobDone[T]) bool {
	if msg.job != j || msg.gen != j.gen {
		return false
	}
	j.Cancel() // releases the context's resources
	return true
}

// Outcome is the message the latest run ends with when its work returns v
// and err: what the command Start returned sends. It is for callers that
// finish a run by other means, such as tests.
func (j *Job[T]) Outcome(v T, err error) JobDone[T] {
	return JobDone[T]{job: j, gen: j.gen, Value: v, Err: err}
}
