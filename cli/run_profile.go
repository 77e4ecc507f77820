package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// startCPUProfile starts a CPU profile of the rest of the run (loading,
// forecasting, analyses and writing) written to path, for go tool pprof. An
// existing profile is replaced, as profilers do, but never a file the run
// reads or writes (protect). The returned stop ends the profile and closes
// the file.
func startCPUProfile(path string, protect []string) (stop func() error, err error) {
	for _, p := range protect {
		if p == "" || p == "-" {
			continue
		}
		if samePath(path, p) {
			return nil, usageError(fmt.Errorf("--cpuprofile %s: that is a file the run reads or writes; choose another name", path))
		}
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

// samePath reports whether a and b name the same file: the same path once
// cleaned, or, when both exist, the same file through links.
func samePath(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
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
