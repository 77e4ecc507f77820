package data

import (
	"corecast/internal/safefile"
	"fmt"
	"os"
)

// openRegular opens an input file for reading, refusing anything that is
// not a regular file (or a link to one) before it is opened: opening a
// named pipe waits, without end and deaf to ctrl-c, for a writer that may
// never come, and a device or socket is no input either. The file is
// opened without waiting (openNoWait) and checked again once open, so that
// one swapped for a pipe in between is refused too rather than waited on.
func openRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, pathErr(err))
	}
	if !st.Mode().IsRegular() {
		return nil, notRegularInput(path, st)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, pathErr(err))
	}
	if st, err = f.Stat(); err != nil || !st.Mode().IsRegular() {
		_ = f.Close()
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", path, err)
		}
		return nil, notRegularInput(path, st)
	}
	return f, nil
}

// notRegularInput is the problem with an input that is not a regular file.
func notRegularInput(path string, st os.FileInfo) error {
	return refuse(path, "is %s, not a regular file; corecast reads its inputs only from regular files", safefile.KindOf(st.Mode()))
}
