package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"corecast/data"
)

// checkTarget refuses an output path that is a protected input, or that
// data.CheckTarget refuses (a file that exists when force is off, or
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
		return data.CheckTarget(path, opts.Force)
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

// inputCSVNames are the files of an input CSV directory.
var inputCSVNames = []string{"trusts.csv", "funding.csv", "scenario.csv"}

// checkProtected refuses path if it names one of the protected inputs: the
// same file (by cleaned absolute path or os.SameFile), the same directory, or
// one of the input files inside a protected CSV directory.
func checkProtected(path string, protect []string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("cannot resolve output path %s: %w", path, err)
	}
	for _, p := range protect {
		if p != "" && sameInput(abs, p) {
			return fmt.Errorf("refusing to write %s: it is the input %s", path, p)
		}
	}
	return nil
}

// sameInput reports whether the output abs would overwrite the input p.
func sameInput(abs, p string) bool {
	pa, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	if filepath.Clean(pa) == filepath.Clean(abs) {
		return true
	}
	in, err := os.Stat(pa)
	if err != nil {
		return false
	}
	if out, err := os.Stat(abs); err == nil && os.SameFile(in, out) {
		return true
	}
	if !in.IsDir() {
		return false
	}
	parent, err := os.Stat(filepath.Dir(abs))
	if err != nil || !os.SameFile(in, parent) {
		return false
	}
	base := strings.ToLower(filepath.Base(abs))
	for _, n := range inputCSVNames {
		if base == n {
			return true
		}
	}
	return false
}

// writeFileAtomic writes a file through data.WriteFileAtomicContext (a
// temporary file beside the target, renamed into place when complete, removed
// otherwise) after checking the target; a cancelled ctx fails the write, so
// nothing appears.
func writeFileAtomic(ctx context.Context, path string, opts Options, write func(w io.Writer) error) error {
	if err := checkTarget(path, opts, false); err != nil {
		return err
	}
	return data.WriteFileAtomicContext(ctx, path, opts.Force, write)
}

// commitFile moves a finished temporary file to path (see
// data.PublishFile), after checking path is not a protected input.
func commitFile(tmp, path string, opts Options) error {
	if err := checkProtected(path, opts.Protect); err != nil {
		return err
	}
	defer os.Remove(tmp)
	return data.PublishFile(tmp, path, opts.Force)
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
	return data.CheckTarget(target, opts.Force)
}
