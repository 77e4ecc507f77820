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
	waitForText(t, tm, "book.xlsx as saved is not used (1 problem; n on Trusts lists them): sheet Trusts, row 2, column maturity")
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

// startOnScenarioFile opens the program on a scenario file, watching it,
// and returns the file's path.
func startOnScenarioFile(t *testing.T) (*teatest.TestModel, string) {
	t.Helper()
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
	return tm, path
}

// saveScenarioByRename saves text as the scenario file at path, by a new
// file renamed over it.
func saveScenarioByRename(t *testing.T, path, text string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestWatchReloadsScenarioFile saves a scenario file the session was
// started with: that scenario is read again and rerun.
func TestWatchReloadsScenarioFile(t *testing.T) {
	tm, path := startOnScenarioFile(t)
	saveScenarioByRename(t, path, "name = \"Plan\"\niterations = 500\nseed = 8\n")
	waitForText(t, tm, "s.toml saved: scenario Plan read again.")
	if got := finish(t, tm).ctx.Scenarios[0].Seed; got != 8 {
		t.Errorf("seed %d after the save, want 8", got)
	}
}

// TestWatchKeepsUnsavedScenarioEdits: a scenario edited here and not saved
// is not replaced by its file saved elsewhere; the notice says so.
func TestWatchKeepsUnsavedScenarioEdits(t *testing.T) {
	tm, path := startOnScenarioFile(t)
	editCapacity(t, tm)
	saveScenarioByRename(t, path, "name = \"Plan\"\niterations = 500\nseed = 8\n")
	waitForText(t, tm, "s.toml was saved, but Plan has changes here that are not saved: they are kept")
	m := finish(t, tm)
	if sc := m.ctx.Scenarios[0]; sc.Seed != 7 || sc.CapacityStarts != 150 {
		t.Errorf("seed %d, capacity %v: want the edit kept and the file not read", sc.Seed, sc.CapacityStarts)
	}
}

// TestWatcherSeesFilesOfDirectory: a CSV directory is watched whole, so a
// file in it saved by rename is told as the directory; a file beside a
// watched file, such as its temporary file, is not told.
func TestWatcherSeesFilesOfDirectory(t *testing.T) {
	root := t.TempDir()
	csv := filepath.Join(root, "csv")
	if err := os.Mkdir(csv, 0o755); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(root, "book.xlsx")
	w, err := newWatcher(10 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	if err := w.watch([]string{book}, []string{csv}); err != nil {
		t.Fatal(err)
	}
	// Not watched: beside the workbook, and the workbook's temporary file.
	for _, p := range []string{filepath.Join(root, "notes.txt"), book + ".tmp"} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tmp := filepath.Join(csv, "trusts.csv.tmp")
	if err := os.WriteFile(tmp, []byte("code\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(csv, "trusts.csv")); err != nil {
		t.Fatal(err)
	}
	done := make(chan filesSavedMsg, 1)
	go func() { done <- w.next()().(filesSavedMsg) }()
	select {
	case msg := <-done:
		if msg.err != nil || !slices.Equal(msg.paths, []string{csv}) {
			t.Errorf("told %q, %v; want only %s", msg.paths, msg.err, csv)
		}
	case <-time.After(patience):
		t.Fatal("the save in the CSV directory was never told")
	}
}
