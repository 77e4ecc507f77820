//go:build !unix

package cli

import (
	"os"
	"time"
)

// processCPU returns false: outside Unix, bench does not read the CPU time
// of its own process.
func processCPU() (time.Duration, bool) { return 0, false }

// peakMemory returns false: outside Unix, bench does not read a child
// process's peak memory.
func peakMemory(*os.ProcessState) (int64, bool) { return 0, false }
