package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/data"
	"corecast/internal/specialfiles"
)

// TestForceRefusesSpecialFiles points corecast sample and corecast run, with
// --force, at things that are not regular files: each is refused with exit
// code 2 and one sentence naming the path and what it is, and nothing in the
// directory changes.
func TestForceRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	xlsx := specialfiles.Make(t, dir, ".xlsx")
	json := specialfiles.Make(t, dir, ".json")
	prof := specialfiles.Make(t, dir, ".prof")
	before := specialfiles.Names(t, dir)
	check := func(t *testing.T, f specialfiles.File, args ...string) {
		t.Helper()
		code, _, stderr := runCLI(t, context.Background(), args...)
		want := "corecast: refusing to replace " + f.Path + ": it is " + f.Kind + ", not a regular file\n"
		if code != ExitInvalid || stderr != want {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", args, code, stderr, want)
		}
	}
	for _, f := range xlsx {
		t.Run("sample onto "+f.Name, func(t *testing.T) {
			check(t, f, "sample", f.Path, "--force")
			check(t, f, "sample", f.Path)
		})
		t.Run("run --out "+f.Name, func(t *testing.T) {
			check(t, f, "run", "--iterations", "20", "--force", "--out", f.Path)
		})
	}
	for _, f := range json {
		t.Run("run json --out "+f.Name, func(t *testing.T) {
			check(t, f, "run", "--iterations", "20", "--force", "--out", f.Path)
		})
	}
	for _, f := range prof {
		t.Run("--cpuprofile "+f.Name, func(t *testing.T) {
			code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "20", "--cpuprofile", f.Path, "--out", filepath.Join(t.TempDir(), "r.json"))
			if code != ExitInvalid || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("exit %d, stderr %q; want 2 and a refusal", code, stderr)
			}
		})
	}
	if after := specialfiles.Names(t, dir); !slices.Equal(after, before) {
		t.Errorf("directory changed from %v to %v", before, after)
	}
}

// TestForceThroughSymlink writes the sample through a link to a regular
// file: the file is replaced and the link kept. A link to the input of a run
// is refused.
func TestForceThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "latest.xlsx")
	if err := os.Symlink("book.xlsx", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if code, _, stderr := runCLI(t, context.Background(), "sample", link); code != ExitInvalid || !strings.Contains(stderr, "already exists") {
		t.Errorf("without --force: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, context.Background(), "sample", link, "--force"); code != 0 {
		t.Fatalf("with --force: exit %d, %q", code, stderr)
	}
	if in, _, err := split3(data.Load(file, nil)); err != nil || len(in.Trusts) != 217 {
		t.Errorf("the linked file is not the sample: %v", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	before, _ := os.ReadFile(file)
	code, _, stderr := runCLI(t, context.Background(), "run", "--input", file, "--iterations", "20", "--force", "--out", link)
	if code != ExitInvalid || !strings.Contains(stderr, "is the input") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("run onto a link to its input: exit %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("the input was overwritten")
	}
	if got := specialfiles.Names(t, dir); !slices.Equal(got, []string{"book.xlsx", "latest.xlsx"}) {
		t.Errorf("left behind: %v", got)
	}
}

// TestSampleCancelled cancels corecast sample before it writes: exit code 1,
// one sentence, and the existing file is kept.
func TestSampleCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, stderr := runCLI(t, ctx, "sample", path, "--force")
	if code != ExitFailure || stderr != "corecast: cancelled: nothing was written\n" {
		t.Errorf("exit %d, stderr %q; want 1 and a cancelled message", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Error("the existing file was changed")
	}
	if got := specialfiles.Names(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// TestOutputsNeverReplaceInputs names, as an output, a file the command
// reads — a file of the input CSV directory as the CPU profile, the map
// file as calibrate's --out, even with --force — and finds each refused
// (exit 2) with the input unchanged.
func TestOutputsNeverReplaceInputs(t *testing.T) {
	dir := t.TempDir()
	csvDir := filepath.Join(dir, "csv")
	if code, _, stderr := run(t, Options{}, "sample", filepath.Join(dir, "book.xlsx")); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	if err := os.Mkdir(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"trusts.csv":  "code,name,type,region,opex_m,maturity\nRAA,Alpha,acute,London,400,60\n",
		"funding.csv": "code,programme,year,national_m,local_m,status\nRAA,GDE,2018-19,5,5,received\n",
	} {
		if err := os.WriteFile(filepath.Join(csvDir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mapFile := filepath.Join(dir, "m.toml")
	if err := os.WriteFile(mapFile, []byte("[trusts]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		args  []string
		input string
	}{
		{"profile over a CSV input", []string{"run", "--input", csvDir, "--iterations", "20", "--cpuprofile", filepath.Join(csvDir, "trusts.csv"), "--out", filepath.Join(dir, "r.json")}, filepath.Join(csvDir, "trusts.csv")},
		{"calibrate over its map", []string{"calibrate", filepath.Join(dir, "book.xlsx"), "--map", mapFile, "--out", mapFile, "--force"}, mapFile},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.input)
			code, _, stderr := run(t, Options{}, c.args...)
			after, _ := os.ReadFile(c.input)
			if code != ExitInvalid || string(before) != string(after) || !strings.Contains(stderr, "which this command reads") {
				t.Errorf("exit %d, input unchanged %v:\n%s", code, string(before) == string(after), stderr)
			}
		})
	}
}
