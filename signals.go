package main

import (
	"os"
	"syscall"
)

// stopSignals are the signals that end corecast: an interrupt (ctrl-c), a
// termination request (kill, a process manager), the terminal closing
// (SIGHUP) and ctrl-\ (SIGQUIT), which would otherwise end the program with
// a dump of its goroutines and leave a half-written file behind.
func stopSignals() []os.Signal {
	return []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}
}
