package cli

import (
	"context"
	"errors"
)

// runError reports work stopped by ctx — an interrupt or a termination
// signal — as one sentence with exit code 1: the writers have removed their
// temporary files by then, so nothing was written. Other errors pass
// through.
func runError(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) || ctx.Err() != nil {
		return &ExitError{Code: ExitFailure, Err: errors.New(stopped(ctx) + ": nothing was written")}
	}
	return err
}

// stopped says why ctx ended: "cancelled", with the signal when one did it
// (the signal context records it as the cause).
func stopped(ctx context.Context) string {
	cause := context.Cause(ctx)
	if cause == nil || cause == context.Canceled {
		return "cancelled"
	}
	return "cancelled (" + cause.Error() + ")"
}
