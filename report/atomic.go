package report

import (
	"context"
	"corecast/internal/safefile"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// checkTarget refuses an output path that is a protected input, or that
// safefile.CheckTarget refuses (a file that exists when force is off, or
// anything that is not a regular file). isDir says the output is a
// directory of files, which may exist.
func checkTarget(path string, opts Options, isDir bool) error {
	if path == "" {
		return fmt.Errorf("no output path given")
	}
	if err := checkProtected(path, opts.Protect); err != nil {
		return err
	}
	if !isDir {
		return safefile.CheckTarget(path, opts.Force)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(path)
		if ds, err := os.Stat(dir); err != nil || !ds.IsDir() {
			return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
		}
		return nil
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("cannot write CSV files to %s: it is a file, not a directory", path)
	}
	return nil
}

// checkProtected refuses path if writing it would replace one of the
// protected inputs (safefile.Reads).
func checkProtected(path string, protect []string) error {
	if in, ok := safefile.Reads(protect).Overwrites(path); ok {
		return fmt.Errorf("refusing to write %s: it is the input %s", path, in)
	}
	return nil
}

// writeFileAtomic writes a file through safefile.WriteFileAtomicContext (a
// temporary file beside the target, renamed into place when complete, removed
// otherwise) after checking the target; a cancelled ctx fails the write, so
// nothing appears.
func writeFileAtomic(ctx context.Context, path string, opts Options, write func(w io.Writer) error) error {
	if err := checkTarget(path, opts, false); err != nil {
		return err
	}
	return safefile.WriteFileAtomicContext(ctx, path, opts.Force, write)
}

// commitFile moves a finished temporary file to path (see
// safefile.PublishFile), after checking path is not a protected input.
func commitFile(tmp, path string, opts Options) error {
	if err := checkProtected(path, opts.Protect); err != nil {
		return err
	}
	defer os.Remove(tmp)
	return safefile.PublishFile(tmp, path, opts.Force)
}

// checkDirEntry checks one file to be written into an output directory: it
// is not a protected input and, if something is there already, it is a
// regular file that opts.Force allows replacing.
func checkDirEntry(target string, opts Options) error {
	if err := checkProtected(target, opts.Protect); err != nil {
		return err
	}
	if _, err := os.Lstat(target); err != nil {
		return nil // nothing there yet, or the directory is still to be made
	}
	return safefile.CheckTarget(target, opts.Force)
}
