package cli

import (
	"corecast/internal/safefile"
	"errors"
	"io/fs"

	"corecast/data"
)

// Exit codes of the corecast command.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // runtime failure
	ExitInvalid = 2 // usage error or invalid input
)

// ExitError is an error that carries the exit code it should end the program with.
type ExitError struct {
	Code int
	Err  error
}

// Error returns the underlying error's message.
func (e *ExitError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ExitError) Unwrap() error { return e.Err }

// usageError marks err as a usage error or invalid input (exit code 2).
func usageError(err error) error {
	if err == nil {
		return nil
	}
	return &ExitError{Code: ExitInvalid, Err: err}
}

// ExitCode gives the exit code for an error returned by a command: the code
// of an ExitError; 2 for problems in input files, a missing input file, an
// output that already exists or one that is not a regular file; 1 otherwise.
func ExitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	var ps data.Problems
	var nr *safefile.NotRegularError
	if errors.As(err, &ps) || errors.As(err, &nr) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrExist) {
		return ExitInvalid
	}
	return ExitFailure
}
