//go:build !linux

package specialfiles

import (
	"errors"
	"os"
)

var errUnsupported = errors.New("not made on this system")

func mkfifo(string) error { return errUnsupported }

func mknull(string) error { return errUnsupported }

func openReadNoWait(string) (*os.File, error) { return nil, errUnsupported }
