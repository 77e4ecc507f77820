package report

import (
	"context"
	"corecast/internal/safefile"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/internal/specialfiles"
)

// TestRefusesSpecialFiles exports, with force, onto things that are not
// regular files, in every single-file format: each is refused by Check and
// by Write, and the directory is left as it was.
func TestRefusesSpecialFiles(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	for _, format := range []Format{XLSX, JSON, CSV} {
		t.Run(string(format), func(t *testing.T) {
			dir := t.TempDir()
			ext := "." + string(format)
			if format == CSV {
				ext = ".zip"
			}
			files := specialfiles.Make(t, dir, ext)
			before := specialfiles.Names(t, dir)
			for _, f := range files {
				opts := Options{Force: true}
				if err := Check(f.Path, format, opts); !isNotRegular(err, f.Path) {
					t.Errorf("Check %s: %v", f.Name, err)
				}
				if err := Write(context.Background(), f.Path, format, runs, opts); !isNotRegular(err, f.Path) {
					t.Errorf("Write %s: %v", f.Name, err)
				}
			}
			if after := specialfiles.Names(t, dir); !slices.Equal(after, before) {
				t.Errorf("directory changed from %v to %v", before, after)
			}
		})
	}
}

// isNotRegular reports whether err refuses path for not being a regular file.
func isNotRegular(err error, path string) bool {
	var nr *safefile.NotRegularError
	return errors.As(err, &nr) && strings.Contains(err.Error(), path)
}

// TestCSVDirectoryRefusesSpecialEntry writes CSV files into a directory where
// one of the names is taken by a directory: nothing is written.
func TestCSVDirectoryRefusesSpecialEntry(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	dir := filepath.Join(t.TempDir(), "out")
	blocker := filepath.Join(dir, tableNames()[0]+".csv")
	if err := os.MkdirAll(blocker, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := Options{Force: true}
	if err := Check(dir, CSV, opts); !isNotRegular(err, blocker) {
		t.Errorf("Check: %v", err)
	}
	if err := Write(context.Background(), dir, CSV, runs, opts); !isNotRegular(err, blocker) {
		t.Errorf("Write: %v", err)
	}
	if got := specialfiles.Names(t, dir); len(got) != 1 {
		t.Errorf("written: %v", got)
	}
	if left := specialfiles.Names(t, filepath.Dir(dir)); len(left) != 1 {
		t.Errorf("left behind: %v", left)
	}
}

// TestSymlinkOutputs writes through a link to a regular file, which is
// replaced with the link kept, and refuses a link to the input.
func TestSymlinkOutputs(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	input := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(input, []byte("input workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	toOld, toInput := filepath.Join(dir, "latest.json"), filepath.Join(dir, "book-link.xlsx")
	if err := os.Symlink("old.json", toOld); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(input, toInput); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := Write(ctx, toOld, JSON, runs, Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(old); !strings.HasPrefix(string(b), "{") {
		t.Errorf("the linked file was not replaced: %.20q", b)
	}
	if fi, err := os.Lstat(toOld); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link itself was replaced (%v)", err)
	}
	err := Write(ctx, toInput, XLSX, runs, Options{Force: true, Protect: []string{input}})
	if err == nil || !strings.Contains(err.Error(), "is the input") {
		t.Errorf("write through a link to the input: %v", err)
	}
	if b, _ := os.ReadFile(input); string(b) != "input workbook" {
		t.Errorf("input changed")
	}
	if got := specialfiles.Names(t, dir); len(got) != 4 {
		t.Errorf("left behind: %v", got)
	}
}
