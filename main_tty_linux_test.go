package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: the controlling side, which the test
// reads, and the terminal a child process is given.
func openPTY(t *testing.T) (ctl, term *os.File) {
	t.Helper()
	ctl, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctl.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		_ = ctl.Close()
		t.Skipf("cannot unlock the pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ctl.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		_ = ctl.Close()
		t.Skipf("cannot name the pseudo-terminal: %v", e)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		_ = ctl.Close()
		t.Skipf("cannot open the pseudo-terminal: %v", err)
	}
	return ctl, term
}

// TestBatchCommandsDoNotQueryTheTerminal runs commands that draw no
// interactive program on a terminal that never answers, as `script` and some
// CI pseudo-terminals are: none may ask it for its colours (OSC 10/11) or
// the cursor position, which would stall the command until the query timed
// out.
func TestBatchCommandsDoNotQueryTheTerminal(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"version"},
		{"run", "--iterations", "20", "--out", dir + "/r.json"},
	} {
		t.Run(args[0], func(t *testing.T) {
			ctl, term := openPTY(t)
			defer func() { _ = ctl.Close() }()
			cmd := corecast(args...)
			cmd.Stdin, cmd.Stdout, cmd.Stderr = term, term, term
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
			if err := cmd.Start(); err != nil {
				_ = term.Close()
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = cmd.Process.Kill() })
			_ = term.Close() // the child holds the terminal now
			var out bytes.Buffer
			copied := make(chan struct{})
			go func() {
				// Reading ends with an error once no process holds the terminal.
				_, _ = io.Copy(&out, ctl)
				close(copied)
			}()
			err := cmd.Wait()
			<-copied
			if err != nil {
				t.Fatalf("corecast %s: %v\n%s", strings.Join(args, " "), err, out.String())
			}
			for _, q := range []string{"\x1b]10;?", "\x1b]11;?", "\x1b[6n"} {
				if i := strings.Index(out.String(), q); i >= 0 {
					t.Errorf("corecast %s queried the terminal: %q", strings.Join(args, " "), out.String()[max(0, i-40):min(out.Len(), i+40)])
				}
			}
		})
	}
}
