//go:build linux

package specialfiles

import (
	"os"
	"syscall"
)

// mkfifo makes a named pipe.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// mknull makes a character device with the numbers of /dev/null (1, 3), so
// that even a faulty writer that opened it would write nowhere.
func mknull(path string) error { return syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3) }

// openReadNoWait opens a named pipe for reading without waiting for a
// writer, which releases a writer waiting for a reader.
func openReadNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
