//go:build unix

package cli

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// processCPU returns the CPU time, user and system, this process has used
// so far; false when the system does not say.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

// peakMemory returns the peak resident memory, in bytes, of a child process
// that has finished; false when the system does not say.
func peakMemory(ps *os.ProcessState) (int64, bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, false
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss), true // bytes
	}
	return int64(ru.Maxrss) * 1024, true // kilobytes
}
