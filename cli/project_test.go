package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/model"
)

// writeProject writes a project of two scenarios on a workbook in a
// directory beside the project's, and returns the project's path and
// the workbook's.
func writeProject(t *testing.T) (project, book string) {
	t.Helper()
	dir := t.TempDir()
	book = filepath.Join(dir, "books", "trusts.xlsx")
	project = filepath.Join(dir, "work", "plan.toml")
	for _, d := range []string{filepath.Dir(book), filepath.Dir(project)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, context.Background(), "sample", book); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	a := model.DefaultScenario()
	a.Iterations = 64
	b := a.Clone()
	b.Name = "Faster"
	b.CapacityStarts = 160
	if err := b.SetAll([]string{"envelope_uplift_m.2020-21=300"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(project)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := data.WriteProjectTOML(f, project, data.Project{Input: book, Scenarios: []model.Scenario{a, b}}); err != nil {
		t.Fatal(err)
	}
	return project, book
}

// run --project runs every scenario of the project on its input, found
// relative to the project file wherever the command runs from, and the
// Manifest's command names the project; the input it names is never
// replaced, and --project does not mix with --input.
func TestRunProject(t *testing.T) {
	ctx := context.Background()
	project, book := writeProject(t)
	out := filepath.Join(t.TempDir(), "r.json")
	code, _, stderr := runCLI(t, ctx, "run", "--project", project, "--out", out, "--no-distribution")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "Baseline: total need") || !strings.Contains(stderr, "Faster: total need") {
		t.Errorf("stderr does not report both scenarios:\n%s", stderr)
	}
	m := jsonTable(t, out, "manifest")
	if len(m.Columns) != 3 {
		t.Errorf("manifest has %d columns, want field and two scenarios", len(m.Columns))
	}
	command, _ := manifestField(t, out, "command").(string)
	if !strings.HasPrefix(command, "corecast run --project "+project+" ") || strings.Contains(command, "--input") {
		t.Errorf("command %q does not name the project", command)
	}
	if input, _ := manifestField(t, out, "input_file").(string); filepath.Clean(input) != book {
		t.Errorf("input_file %q, want %s", input, book)
	}
	if code, _, stderr := runCLI(t, ctx, "run", "--project", project, "--out", book, "--force"); code != ExitInvalid || !strings.Contains(stderr, "trusts.xlsx") {
		t.Errorf("writing over the project's input: exit %d, %q; want it refused", code, stderr)
	}
	if code, _, stderr := runCLI(t, ctx, "run", "--project", project, "--input", book, "--out", out, "--force"); code != ExitInvalid || !strings.Contains(stderr, "--project") {
		t.Errorf("--project with --input: exit %d, %q; want a usage error", code, stderr)
	}
}
