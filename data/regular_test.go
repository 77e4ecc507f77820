package data

import (
	"os"
	"strings"
	"testing"

	"corecast/internal/specialfiles"
)

// TestSpecialInputsRefused: a named pipe, a device or a socket given as a
// workbook, a map file, a scenario file, or as a file of a CSV directory is
// refused before it is opened, in one sentence saying what it is. A writer
// waits on each pipe, so that a load which wrongly opened one would read an
// empty file and fail here rather than wait for ever.
func TestSpecialInputsRefused(t *testing.T) {
	dir := t.TempDir()
	files := specialfiles.Make(t, dir, ".xlsx")
	specialfiles.WaitingWriters(t, files)
	loads := []struct {
		name string
		load func(path string) error
	}{
		{"workbook", func(p string) error { _, err := Load(p, nil); return err }},
		{"map file", func(p string) error { _, err := LoadMapping(p); return err }},
		{"scenario file", func(p string) error { _, err := LoadScenarioTOML(p); return err }},
	}
	for _, f := range files {
		if strings.Contains(f.Kind, "does not exist") {
			continue
		}
		for _, l := range loads {
			if l.name == "workbook" && strings.HasSuffix(f.Kind, "a directory") {
				continue // a directory is read as CSV files
			}
			t.Run(l.name+" "+f.Name, func(t *testing.T) {
				err := l.load(f.Path)
				kind := strings.TrimPrefix(f.Kind, "a symbolic link to ")
				want := f.Path + ": is " + kind + ", not a regular file; corecast reads its inputs only from regular files"
				if err == nil || err.Error() != want {
					t.Errorf("got %v\nwant %s", err, want)
				}
			})
		}
	}
	// A CSV directory whose trusts.csv is a named pipe.
	for _, f := range specialfiles.Make(t, t.TempDir(), "") {
		if f.Name != "fifo" {
			continue
		}
		csvDir := writeFiles(t, map[string]string{FileFunding: csvFunding})
		pipe := csvDir + "/" + FileTrusts
		if err := renameTo(f.Path, pipe); err != nil {
			t.Fatal(err)
		}
		specialfiles.WaitingWriters(t, []specialfiles.File{{Path: pipe}})
		if _, err := Load(csvDir, nil); err == nil || !strings.Contains(err.Error(), "trusts.csv: is a named pipe, not a regular file") {
			t.Errorf("a CSV directory's pipe: got %v", err)
		}
	}
}

// renameTo moves a file, as os.Rename does, for tests.
func renameTo(from, to string) error { return os.Rename(from, to) }
