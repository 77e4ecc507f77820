package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"corecast/data"
	"corecast/model"
)

// testLoader reads inputs as the command line does for a workbook.
func testLoader(path string) (Loaded, error) {
	l, err := data.Load(path, nil)
	if err != nil {
		return Loaded{}, err
	}
	return Loaded{Inputs: l.Inputs, Notes: l.Notes.Lines(), Digest: l.Digest}, nil
}

// writeBook writes in as a workbook at path.
func writeBook(t *testing.T, path string, in model.Inputs) {
	t.Helper()
	if err := data.WriteInputsWorkbook(path, in, true); err != nil {
		t.Fatal(err)
	}
}

// saveByRename saves in over path as Excel and LibreOffice do: a new file
// written beside it, then renamed over it.
func saveByRename(t *testing.T, path string, in model.Inputs) {
	t.Helper()
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.WriteInputsXLSX(f, in, nil); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// cloneInputs copies in deeply enough to change trusts and funding.
func cloneInputs(in model.Inputs) model.Inputs {
	in.Trusts = slices.Clone(in.Trusts)
	in.Funding = slices.Clone(in.Funding)
	return in
}

// startOnBook writes the sample as a workbook in a new directory and
// opens the program on it, watching it; it returns the workbook's path,
// the inputs as read and a count of the runs started.
func startOnBook(t *testing.T, opts ...Option) (*teatest.TestModel, string, model.Inputs, *atomic.Int32) {
	t.Helper()
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	writeBook(t, book, sample(t))
	l, err := testLoader(book)
	if err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int32
	opts = append([]Option{WithInput(book), WithInputDigest(l.Digest), WithInputLoader(testLoader),
		WithWatch(10 * time.Millisecond), WithWorkDir(dir),
		WithRunStarted(func(model.Scenario) { runs.Add(1) })}, opts...)
	tm := startWith(t, 120, 40, l.Inputs, []model.Scenario{testScenario()}, opts...)
	return tm, book, l.Inputs, &runs
}

// TestWatchReloadsWorkbookSavedByRename saves the workbook as a
// spreadsheet program does, by writing a new file and renaming it over the
// old one: the program reads it again, says which trusts changed and how,
// lists it in the Data view, and recomputes.
func TestWatchReloadsWorkbookSavedByRename(t *testing.T) {
	tm, book, in, runs := startOnBook(t)
	next := cloneInputs(in)
	next.Trusts[0].Maturity += 10
	gone := next.Trusts[len(next.Trusts)-1].Code
	next.Trusts = next.Trusts[:len(next.Trusts)-1]
	next.Funding = slices.DeleteFunc(next.Funding, func(f model.Funding) bool { return f.Code == gone })
	next.Observed = slices.DeleteFunc(slices.Clone(next.Observed), func(o model.Observation) bool { return o.Code == gone })
	saveByRename(t, book, next)
	waitForText(t, tm, "book.xlsx saved: 1 trust removed; 1 trust changed (maturity)")
	press(tm, "3", "n")
	waitForText(t, tm, "What the latest reading of the input changed:")
	m := finish(t, tm)
	if got := m.ctx.Inputs.Trusts[0].Maturity; got != next.Trusts[0].Maturity {
		t.Errorf("maturity %v after the save, want %v", got, next.Trusts[0].Maturity)
	}
	if len(m.ctx.Inputs.Trusts) != len(next.Trusts) {
		t.Errorf("%d trusts after the save, want %d", len(m.ctx.Inputs.Trusts), len(next.Trusts))
	}
	if n := runs.Load(); n < 2 {
		t.Errorf("%d runs started; want the first and one on the saved inputs", n)
	}
	want, err := data.Load(book, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.cfg.inputDigest.SHA256 != want.Digest.SHA256 {
		t.Error("the input's digest is of the workbook before the save")
	}
}

// TestWatchKeepsInputsOnBadSave saves a workbook with a maturity out of
// range: the inputs read before stay, and the problem is shown on the
// notice line and in the Data view.
func TestWatchKeepsInputsOnBadSave(t *testing.T) {
	tm, book, in, _ := startOnBook(t)
	bad := cloneInputs(in)
	bad.Trusts[0].Maturity = 250
	saveByRename(t, book, bad)
	waitForText(t, tm, "book.xlsx as saved has 1 problem, so the inputs read before are kept")
	press(tm, "3", "n")
	waitForText(t, tm, "1 problem in the input as last read, so the inputs read before it are kept:")
	m := finish(t, tm)
	if got := m.ctx.Inputs.Trusts[0].Maturity; got != in.Trusts[0].Maturity {
		t.Errorf("maturity %v after a bad save, want %v as before", got, in.Trusts[0].Maturity)
	}
	if len(m.ctx.InputProblems) != 1 || !strings.Contains(m.ctx.InputProblems[0], "maturity") {
		t.Errorf("problems %q, want the maturity", m.ctx.InputProblems)
	}
}

// TestWatchReloadsScenarioFile saves a scenario file the session was
// started with: that scenario is read again and rerun.
func TestWatchReloadsScenarioFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(path, []byte("name = \"Plan\"\niterations = 500\nseed = 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := data.LoadScenarioTOML(path)
	if err != nil {
		t.Fatal(err)
	}
	tm := startWith(t, 120, 40, sample(t), []model.Scenario{sc}, WithWatch(10*time.Millisecond), WithWorkDir(dir),
		WithScenarioFiles([]string{path}), WithScenarioSources([]string{path}))
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte("name = \"Plan\"\niterations = 500\nseed = 8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	waitForText(t, tm, "s.toml saved: scenario Plan read again.")
	if got := finish(t, tm).ctx.Scenarios[0].Seed; got != 8 {
		t.Errorf("seed %d after the save, want 8", got)
	}
}
