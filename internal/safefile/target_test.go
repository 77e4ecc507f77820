package safefile

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/internal/specialfiles"
)

func writeText(text string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
}

// TestWriteFileAtomicRefusesSpecialFiles writes, with and without force,
// onto everything that is not a regular file: each is refused in one
// sentence naming the path and what it is, and left as it was.
func TestWriteFileAtomicRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	files := specialfiles.Make(t, dir, ".txt")
	before := specialfiles.Names(t, dir)
	for _, f := range files {
		for _, force := range []bool{false, true} {
			err := WriteFileAtomic(f.Path, force, writeText("data"))
			var nr *NotRegularError
			if !errors.As(err, &nr) {
				t.Errorf("%s (force %v): error %v, want a NotRegularError", f.Name, force, err)
				continue
			}
			want := "refusing to replace " + f.Path + ": it is " + f.Kind + ", not a regular file"
			if err.Error() != want {
				t.Errorf("%s: message %q, want %q", f.Name, err, want)
			}
			if cerr := CheckTarget(f.Path, force); cerr == nil || cerr.Error() != want {
				t.Errorf("%s: CheckTarget says %v", f.Name, cerr)
			}
		}
		if fi, err := os.Lstat(f.Path); err != nil || fi.Mode().IsRegular() {
			t.Errorf("%s was replaced (%v)", f.Name, err)
		}
	}
	if after := specialfiles.Names(t, dir); !slices.Equal(after, before) {
		t.Errorf("directory changed from %v to %v", before, after)
	}
	// The system's own null device is refused before anything is created
	// beside it.
	if _, err := os.Stat(os.DevNull); err == nil && filepath.IsAbs(os.DevNull) {
		if err := CheckTarget(os.DevNull, true); err == nil || !strings.Contains(err.Error(), os.DevNull) {
			t.Errorf("CheckTarget(%s) = %v", os.DevNull, err)
		}
	}
}

// TestWriteFileAtomicThroughSymlink writes onto a link to a regular file:
// without force it exists; with force the file it points to is replaced and
// the link kept.
func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "real.txt")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := WriteFileAtomic(link, false, writeText("new")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("without force: %v, want fs.ErrExist", err)
	}
	if err := WriteFileAtomic(link, true, writeText("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); string(b) != "new" {
		t.Errorf("the linked file holds %q, want new", b)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if got := specialfiles.Names(t, dir); !slices.Equal(got, []string{"link.txt", "real.txt"}) {
		t.Errorf("left behind: %v", got)
	}
}

// TestWriteFileAtomicCancelled cancels during a write, and before the end of
// a write that buffers everything: no file appears and no temporary file is
// left.
func TestWriteFileAtomicCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	t.Run("during", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		err := WriteFileAtomicContext(ctx, path, false, func(w io.Writer) error {
			if _, err := io.WriteString(w, "first part"); err != nil {
				return err
			}
			cancel()
			_, err := io.WriteString(w, "second part")
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
	t.Run("after", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		err := WriteFileAtomicContext(ctx, path, false, func(io.Writer) error { cancel(); return nil })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
	})
	if left := specialfiles.Names(t, dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
