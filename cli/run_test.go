package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/data"
	"corecast/report"
)

// runCLI executes corecast with args in-process and returns the exit code,
// stdout and stderr.
func runCLI(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := Execute(ctx, args, Options{Version: "test", Stdout: &out, Stderr: &errs})
	return code, out.String(), errs.String()
}

// examplePath returns a file under the repository's examples directory.
func examplePath(name string) string { return filepath.Join("..", "examples", name) }

func TestRunCommand(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteSampleWorkbook(book, false); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "existing.xlsx")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	few := []string{"--iterations", "64", "--seed", "7"}
	tests := []struct {
		name       string
		args       []string
		code       int
		stderr     string // a substring of stderr
		file       string // a file that must exist afterwards
		noFile     string // a file that must not exist afterwards
		quietCheck bool   // stderr must be empty
	}{
		{name: "xlsx on the sample", args: append([]string{"run", "--out", filepath.Join(dir, "a.xlsx")}, few...),
			code: 0, stderr: "Baseline: total need £", file: filepath.Join(dir, "a.xlsx")},
		{name: "two scenarios to csv zip", args: append([]string{"run", "--scenario", examplePath("baseline.toml"), "--scenario", examplePath("faster-deployment.toml"), "--out", filepath.Join(dir, "b.zip")}, few...),
			code: 0, stderr: "Faster deployment: total need", file: filepath.Join(dir, "b.zip")},
		{name: "input workbook and format flag", args: append([]string{"run", "--input", book, "--format", "json", "--out", filepath.Join(dir, "c.out"), "--target", "2025-26"}, few...),
			code: 0, stderr: "P(all core by 2025-26)", file: filepath.Join(dir, "c.out")},
		{name: "quiet", args: append([]string{"run", "-q", "--out", filepath.Join(dir, "d.json")}, few...),
			code: 0, file: filepath.Join(dir, "d.json"), quietCheck: true},
		{name: "missing --out", args: append([]string{"run"}, few...), code: 2, stderr: "--out is required"},
		{name: "bad --set key", args: append([]string{"run", "--set", "unit_cost.acute.mood=2", "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "--set unit_cost.acute.mood=2", noFile: filepath.Join(dir, "e.xlsx")},
		{name: "bad --set value", args: append([]string{"run", "--set", "capacity_starts=many", "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "capacity_starts", noFile: filepath.Join(dir, "e.xlsx")},
		{name: "--set without =", args: append([]string{"run", "--set", "capacity_starts", "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "want key=value"},
		{name: "invalid after --set", args: append([]string{"run", "--set", "local_share=2", "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "local_share"},
		{name: "bad target", args: append([]string{"run", "--target", "2023", "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "--target"},
		{name: "unknown format", args: append([]string{"run", "--format", "pdf", "--out", filepath.Join(dir, "e.pdf")}, few...),
			code: 2, stderr: "--format"},
		{name: "unknown extension", args: append([]string{"run", "--out", filepath.Join(dir, "e.txt")}, few...),
			code: 2, stderr: "extension"},
		{name: "existing output", args: append([]string{"run", "--out", existing}, few...),
			code: 2, stderr: "already exists"},
		{name: "existing output with --force", args: append([]string{"run", "--force", "--out", existing}, few...),
			code: 0, file: existing},
		{name: "output is the input", args: append([]string{"run", "--input", book, "--force", "--out", book}, few...),
			code: 2, stderr: "is the input"},
		{name: "missing scenario file", args: append([]string{"run", "--scenario", filepath.Join(dir, "nope.toml"), "--out", filepath.Join(dir, "e.xlsx")}, few...),
			code: 2, stderr: "nope.toml"},
		{name: "stray argument", args: []string{"run", "extra", "--out", filepath.Join(dir, "e.xlsx")}, code: 2, stderr: "extra"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, context.Background(), tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q does not mention %q", stderr, tc.stderr)
			}
			if tc.quietCheck && stderr != "" {
				t.Errorf("--quiet printed %q", stderr)
			}
			if tc.code != 0 && strings.Count(strings.TrimSpace(stderr), "\n") > 2 {
				t.Errorf("error is not short:\n%s", stderr)
			}
			if tc.file != "" {
				if _, err := os.Stat(tc.file); err != nil {
					t.Errorf("%s not written: %v", tc.file, err)
				}
			}
			if tc.noFile != "" {
				if _, err := os.Stat(tc.noFile); err == nil {
					t.Errorf("%s written", tc.noFile)
				}
			}
		})
	}
	if b, _ := os.ReadFile(book); len(b) < 1000 {
		t.Error("input workbook was overwritten")
	}
}

// TestRunJSONToStdout checks --out - writes one JSON document to stdout, with
// the --set value and a comparison of the two scenarios.
func TestRunJSONToStdout(t *testing.T) {
	code, stdout, stderr := runCLI(t, context.Background(), "run", "--out", "-", "--iterations", "50", "--quiet",
		"--scenario", examplePath("baseline.toml"), "--scenario", examplePath("faster-deployment.toml"),
		"--set", "unit_cost.acute.mode=2.0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc report.JSONDocument
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	var names []string
	for _, tb := range doc.Tables {
		names = append(names, tb.Name)
		if tb.Name == "assumptions" {
			found := 0
			for _, r := range tb.Rows {
				if r[1] == "unit_cost.acute" && strings.Contains(r[2].(string), "pert(1, 2, 3.5)") {
					found++
				}
			}
			if found != 2 {
				t.Errorf("--set reached %d of 2 scenarios", found)
			}
		}
		if tb.Name == "manifest" && len(tb.Columns) != 3 {
			t.Errorf("manifest has %d columns, want field and two scenarios", len(tb.Columns))
		}
	}
	if !slices.Contains(names, "comparison") {
		t.Errorf("no comparison table in %v", names)
	}
}

// TestRunCancelled checks a cancelled run exits 1 and writes nothing.
func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, stderr := runCLI(t, ctx, "run", "--iterations", "5000", "--out", filepath.Join(dir, "r.xlsx"))
	if code != 1 || !strings.Contains(stderr, "cancelled") {
		t.Fatalf("exit %d, stderr %q; want 1 and a cancelled message", code, stderr)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
}

// TestRunManifestReproduces checks the workbook records the seed, the
// iterations and a command that re-runs the scenario.
func TestRunManifestReproduces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.xlsx")
	code, _, stderr := runCLI(t, context.Background(), "run", "--iterations", "80", "--seed", "11", "--set", "capacity_starts=90", "--out", path, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(report.SheetManifest)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	for _, r := range rows {
		if len(r) > 1 {
			fields[r[0]] = r[1]
		}
	}
	if fields["seed"] != "11" || fields["iterations"] != "80" || fields["input_file"] != report.SampleName || len(fields["input_sha256"]) != 64 {
		t.Errorf("manifest %v", fields)
	}
	want := "corecast run --set capacity_starts=90 --iterations 80 --seed 11 --target 2023-24"
	if !strings.HasPrefix(fields["command"], want) || !strings.HasSuffix(fields["command"], " --out "+path) {
		t.Errorf("command %q, want it to start %q and end --out %s", fields["command"], want, path)
	}
}
