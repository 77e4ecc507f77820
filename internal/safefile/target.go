package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckTarget reports whether a file may be written at path. The directory
// must exist. Without force, nothing may be at path (an *ExistsError).
// Whatever force says, only a regular file is ever replaced: a directory, a
// device such as /dev/null, a named pipe or a socket is refused with a
// *NotRegularError, since writing "over" it would either fail half way or
// silently swap it for a plain file. A symbolic link to a regular file
// counts as that file: with force the file it points to is replaced and the
// link kept, as a shell's > redirection would do; a link to anything else,
// or to nothing, is refused.
func CheckTarget(path string, force bool) error {
	_, err := resolveTarget(path, force)
	return err
}

// resolveTarget applies CheckTarget and returns the file to be replaced or
// created: path itself, or the file path links to.
func resolveTarget(path string, force bool) (string, error) {
	if path == "" {
		return "", errors.New("no output path given")
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return path, checkDir(path)
	case err != nil:
		return "", fmt.Errorf("cannot write %s: %w", path, err)
	}
	target := path
	if fi.Mode()&fs.ModeSymlink != 0 {
		resolved, err := filepath.EvalSymlinks(path)
		if errors.Is(err, fs.ErrNotExist) {
			return "", &NotRegularError{Path: path, Kind: "a symbolic link to a file that does not exist"}
		}
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, err)
		}
		rfi, err := os.Stat(resolved)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, err)
		}
		if !rfi.Mode().IsRegular() {
			return "", &NotRegularError{Path: path, Kind: "a symbolic link to " + KindOf(rfi.Mode())}
		}
		target = resolved
	} else if !fi.Mode().IsRegular() {
		return "", &NotRegularError{Path: path, Kind: KindOf(fi.Mode())}
	}
	if !force {
		return "", existsError(path)
	}
	return target, nil
}

// checkDir checks that the directory a new file would go into exists.
func checkDir(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	return nil
}

// KindOf names what a file that is not a regular file is, for messages.
func KindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

func existsError(path string) error { return &ExistsError{Path: path} }

// ExistsError is returned when a file to be written already exists and
// force was not given. It matches fs.ErrExist with errors.Is.
type ExistsError struct{ Path string }

// Error says the file exists and how to replace it.
func (e *ExistsError) Error() string {
	return e.Path + " already exists; choose another name or pass --force to replace it"
}

// Is reports whether target is fs.ErrExist.
func (e *ExistsError) Is(target error) bool { return target == fs.ErrExist }

// NotRegularError is returned when the path to be written holds something
// that is not a regular file (or a link to one), which is never replaced.
type NotRegularError struct {
	Path string
	Kind string // what is there, e.g. "a directory" or "a character device"
}

// Error names the path and what it is.
func (e *NotRegularError) Error() string {
	return "refusing to replace " + e.Path + ": it is " + e.Kind + ", not a regular file"
}
