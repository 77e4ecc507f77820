package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	write := func(text string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, text); return err }
	}
	if err := WriteFileAtomic(path, false, write("one")); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, false, write("two"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("second write without force: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "one" {
		t.Errorf("file replaced without force: %q", b)
	}
	if err := WriteFileAtomic(path, true, write("three")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Errorf("file not replaced with force: %q", b)
	}
	failed := errors.New("disk full")
	other := filepath.Join(dir, "other.txt")
	if err := WriteFileAtomic(other, false, func(io.Writer) error { return failed }); !errors.Is(err, failed) {
		t.Errorf("failed write: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only out.txt (no temporary or partial files)", len(entries))
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.txt"), false, write("x")); err == nil {
		t.Error("write into a missing directory succeeded")
	}
}

// TestLongNameWritten writes a file whose name is 250 bytes, legal on
// every common file system: the temporary name beside it must fit too.
func TestLongNameWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("é", 120)+".xlsx") // 245 bytes
	if err := WriteFileAtomic(path, false, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatalf("writing a long name: %v", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "x" {
		t.Errorf("read back %q, %v", b, err)
	}
}

// TestStaleTempsRemoved leaves the temporary file a killed run would, old
// and new: the next write of the same target removes the old one, keeps
// one that may still be being written, and leaves other files alone.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "results.xlsx")
	old := filepath.Join(dir, ".results.xlsx.123456.tmp")
	fresh := filepath.Join(dir, ".results.xlsx.654321.tmp")
	other := filepath.Join(dir, ".other.xlsx.111.tmp")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleAfter)
	for _, p := range []string{old, other} {
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFileAtomic(target, false, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, fresh: true, other: true, target: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
