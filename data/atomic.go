package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write so that readers never see it
// half written: the data goes to a temporary file in the same directory,
// which then takes the final name. Unless force is set, an existing file is
// never replaced and the error wraps fs.ErrExist.
func WriteFileAtomic(path string, force bool, write func(io.Writer) error) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return existsError(path)
		}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if tmp != nil {
			_ = tmp.Close()
		}
		_ = os.Remove(tmpName)
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	closeErr := tmp.Close()
	tmp = nil
	if closeErr != nil {
		return fmt.Errorf("writing %s: %w", path, closeErr)
	}
	return PublishFile(tmpName, path, force)
}

// PublishFile gives the finished temporary file tmp the name path. With force
// it renames, replacing any file there. Otherwise it makes a hard link, which
// fails if the name is taken, so a file created meanwhile is never replaced;
// where links are not supported it falls back to a rename after checking the
// name is free. The caller removes tmp afterwards.
func PublishFile(tmp, path string, force bool) error {
	if force {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
		return nil
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError(path)
		}
		if _, statErr := os.Lstat(path); statErr == nil {
			return existsError(path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
	}
	return nil
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
