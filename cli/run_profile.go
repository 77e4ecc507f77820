package cli

import (
	"corecast/internal/safefile"
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
)

// startCPUProfile starts a CPU profile of the rest of the run (loading,
// forecasting, analyses and writing) written to path, for go tool pprof. An
// existing profile is replaced, as profilers do, but never a file the run
// reads or writes (protect). The returned stop ends the profile and closes
// the file.
func startCPUProfile(path string, protect []string) (stop func() error, err error) {
	if err := safefile.Reads(protect).Check("--cpuprofile", path); err != nil {
		return nil, usageError(err)
	}
	// A profile replaces a regular file, as profilers do, but never a pipe
	// or a device, where it would be lost (or block) without a word.
	if err := safefile.CheckTarget(path, true); err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("--cpuprofile %s: %w", path, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		return nil
	}, nil
}

// withProfileStop stops the profile after the run and reports a profile
// that could not be written, unless the run itself failed.
func withProfileStop(stop func() error, runErr error) error {
	if stop == nil {
		return runErr
	}
	if err := stop(); err != nil && runErr == nil {
		return err
	} else if err != nil {
		return errors.Join(runErr, err)
	}
	return runErr
}
