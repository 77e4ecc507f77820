package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/internal/specialfiles"
)

// TestSpecialInputsRefused gives a named pipe, a device or a socket as
// --input, --scenario or --map, and as validate's workbook: each is refused
// with exit code 2 and one sentence naming the path and what it is, before
// it is opened, so that the command never waits on a pipe (where ctrl-c
// could not end it). A writer waits on each pipe, so that a command which
// wrongly opened one would read an empty file and fail here rather than
// wait for ever.
func TestSpecialInputsRefused(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	files := specialfiles.Make(t, dir, ".toml")
	specialfiles.WaitingWriters(t, files)
	for _, f := range files {
		if strings.Contains(f.Kind, "does not exist") || strings.HasSuffix(f.Kind, "a directory") {
			continue
		}
		kind := strings.TrimPrefix(f.Kind, "a symbolic link to ")
		want := f.Path + ": is " + kind + ", not a regular file; corecast reads its inputs only from regular files\n"
		for _, args := range [][]string{
			{"run", "--iterations", "20", "--out", "-", "--input", f.Path},
			{"run", "--iterations", "20", "--out", "-", "--scenario", f.Path},
			{"run", "--iterations", "20", "--out", "-", "--input", book, "--map", f.Path},
			{"validate", f.Path},
			{"validate", book, "--map", f.Path},
		} {
			t.Run(strings.Join(args[:1], " ")+" "+args[len(args)-2]+" "+f.Name, func(t *testing.T) {
				code, stdout, stderr := runCLI(t, context.Background(), args...)
				// run says it in one line on stderr; validate lists it on
				// stdout, with the count of problems on stderr.
				if code != ExitInvalid || !strings.Contains(stdout+stderr, want) || args[0] == "run" && stderr != "corecast: "+want {
					t.Errorf("%v: exit %d, stdout %q, stderr %q\nwant 2 and %q", args, code, stdout, stderr, want)
				}
			})
		}
	}
}
