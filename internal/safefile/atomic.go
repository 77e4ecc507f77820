package safefile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// WriteFileAtomic is WriteFileAtomicContext for a write that is never
// cancelled.
func WriteFileAtomic(path string, force bool, write func(io.Writer) error) error {
	return WriteFileAtomicContext(context.Background(), path, force, write)
}

// WriteFileAtomicContext writes a file through write so that readers never
// see it half written and a failed write leaves nothing behind: the data
// goes to a hidden temporary file in the same directory, which takes the
// final name only when complete and is removed otherwise. Once ctx is
// cancelled every further write to w fails, and so does the whole write,
// with the context's error.
//
// What may be at path is checked as CheckTarget describes: without force
// nothing is replaced; with force only a regular file is, or the regular
// file a symbolic link points to (the link is kept).
func WriteFileAtomicContext(ctx context.Context, path string, force bool, write func(io.Writer) error) error {
	target, err := resolveTarget(path, force)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// The temporary file sits beside the file it will replace, so that the
	// final rename stays within one file system and is atomic.
	RemoveStaleTemps(filepath.Dir(target), TempPattern(target), time.Now())
	tmp, err := os.CreateTemp(filepath.Dir(target), TempPattern(target))
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if tmp != nil {
			_ = tmp.Close()
		}
		// After a successful rename tmpName no longer exists; after a
		// successful link it is a second name that must go.
		_ = os.Remove(tmpName)
	}()
	if err := write(ctxWriter{ctx: ctx, w: tmp}); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// A writer that buffered everything may not have written since the
	// cancellation; the file must not appear all the same.
	if err := ctx.Err(); err != nil {
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
	return publish(tmpName, path, target, force)
}

// TempPattern is the os.CreateTemp pattern of the hidden temporary file
// that becomes path: ".name.*.tmp", the name cut short (at a character's
// edge) so that a legal name of 255 bytes still leaves room for the rest.
func TempPattern(path string) string {
	base := filepath.Base(path)
	const keep = 100
	if len(base) > keep {
		cut := keep
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".*.tmp"
}

// staleAfter is how old a temporary file of ours must be before a later
// write takes it for the leftover of a run that was killed (SIGKILL, a
// power cut: nothing ran to remove it) rather than one still being
// written.
const staleAfter = 6 * time.Hour

// RemoveStaleTemps removes, from dir, the hidden temporary files matching
// pattern (TempPattern's, or the spool's) that were last written more than
// staleAfter before now: what runs that were killed left behind. It is
// best effort; a file it cannot remove is left.
func RemoveStaleTemps(dir, pattern string, now time.Time) {
	matches, err := filepath.Glob(filepath.Join(dir, strings.ReplaceAll(pattern, "[", "[[]")))
	if err != nil {
		return
	}
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err != nil || !(st.Mode().IsRegular() || st.IsDir()) || now.Sub(st.ModTime()) < staleAfter {
			continue
		}
		_ = os.RemoveAll(m)
	}
}

// PublishFile gives the finished temporary file tmp the name path, under the
// rules of CheckTarget, which it applies again at this moment. With force it
// renames tmp onto path (or onto the regular file path links to). Otherwise
// it makes a hard link, which fails if the name is taken, so a file created
// meanwhile is never replaced; where links are not supported it falls back
// to a rename after checking the name is free. The caller removes tmp
// afterwards.
func PublishFile(tmp, path string, force bool) error {
	target, err := resolveTarget(path, force)
	if err != nil {
		return err
	}
	return publish(tmp, path, target, force)
}

// publish moves tmp to path, target being what resolveTarget found there
// when the write began.
func publish(tmp, path, target string, force bool) error {
	if force {
		// Look again just before replacing: a directory or a device put at
		// path while the data was written must not be replaced either.
		again, err := resolveTarget(path, true)
		if err != nil {
			return err
		}
		if again != target {
			return fmt.Errorf("cannot write %s: it was changed to point elsewhere while being written", path)
		}
		if err := os.Rename(tmp, target); err != nil {
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

// ContextWriter returns a writer to w that fails every write once ctx is
// done, so that a long write (a large workbook being zipped to disk) stops
// soon after a cancellation instead of running to the end.
func ContextWriter(ctx context.Context, w io.Writer) io.Writer { return ctxWriter{ctx: ctx, w: w} }

type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

// Write writes p unless the context is done.
func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
