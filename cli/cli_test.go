package cli

import (
	"bytes"
	"context"
	"corecast/internal/safefile"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/data"
	"corecast/model"
)

// run executes the command line and returns the exit code and outputs.
func run(t *testing.T, opts Options, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	opts.Stdout, opts.Stderr = &out, &errOut
	code := Execute(context.Background(), args, opts)
	if strings.Contains(errOut.String(), "goroutine ") || strings.Contains(errOut.String(), "panic:") {
		t.Errorf("stderr holds a panic trace:\n%s", errOut.String())
	}
	return code, out.String(), errOut.String()
}

// book writes a workbook with the given sheets (first row a header).
func book(t *testing.T, sheets map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for name, rows := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func goodSheets() map[string][][]any {
	return map[string][][]any{
		"Trusts": {
			{"code", "name", "type", "region", "opex_m", "maturity"},
			{"RAA", "Alpha", "acute", "London", 400, 60},
			{"RBB", "Beta", "community", "Midlands", 150, 50},
		},
		"Funding": {
			{"code", "programme", "year", "national_m", "local_m", "status"},
			{"RAA", "GDE", "2018-19", 5, 5, "received"},
		},
	}
}

func writeText(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, Options{}, "version")
	if code != 0 || !strings.HasPrefix(out, "corecast dev") {
		t.Errorf("code %d, out %q", code, out)
	}
	code, out, _ = run(t, Options{Version: "v1.2.3"}, "version")
	if code != 0 || out != "corecast v1.2.3\n" {
		t.Errorf("code %d, out %q", code, out)
	}
}

func TestRootSummaryOnSample(t *testing.T) {
	code, out, errOut := run(t, Options{})
	if code != 0 || !strings.Contains(out, "217") || !strings.Contains(out, "embedded sample") || !strings.Contains(out, "Baseline") {
		t.Errorf("code %d\nout %s\nerr %s", code, out, errOut)
	}
	if n := strings.Count(out, "\n"); n > 24 {
		t.Errorf("summary is %d lines, want one screen", n)
	}
}

// captureTUI returns a TUI hook that records its session.
func captureTUI(got *Session) TUIFunc {
	return func(_ context.Context, s Session) error { *got = s; return nil }
}

func TestRootSessions(t *testing.T) {
	sheets := goodSheets()
	sheets["Scenario"] = [][]any{{"key", "value"}, {"capacity_starts", 40}, {"unit_cost.acute.mode", 2}}
	withSheet := book(t, sheets)
	fast := writeText(t, "fast.toml", "name = \"Fast\"\ncapacity_starts = 150\n")
	slow := writeText(t, "slow.toml", "name = \"Slow\"\n")

	var s Session
	code, _, errOut := run(t, Options{RunTUI: captureTUI(&s)}, "--input", withSheet)
	if code != 0 || len(s.Inputs.Trusts) != 2 || len(s.Scenarios) != 1 || s.Scenarios[0].CapacityStarts != 40 || s.Scenarios[0].UnitCost[model.Acute].Mode != 2 {
		t.Fatalf("code %d (%s), session %+v", code, errOut, s)
	}
	code, _, errOut = run(t, Options{RunTUI: captureTUI(&s)}, "--input", withSheet, "--scenario", fast, "--scenario", slow)
	if code != 0 || len(s.Scenarios) != 2 || s.Scenarios[0].CapacityStarts != 150 || s.Scenarios[1].Name != "Slow" {
		t.Fatalf("code %d (%s), scenarios %+v", code, errOut, s.Scenarios)
	}
	if !strings.Contains(errOut, "sheet Scenario is not used") {
		t.Errorf("no note about the unused Scenario sheet: %q", errOut)
	}
	if s.InputPath != withSheet || len(s.ScenarioPaths) != 2 {
		t.Errorf("paths not recorded: %+v", s)
	}
	code, _, _ = run(t, Options{RunTUI: captureTUI(&s)})
	if code != 0 || s.InputName != SampleName || s.InputPath != "" || len(s.Inputs.Trusts) != 217 {
		t.Errorf("sample session: code %d, %s %d", code, s.InputName, len(s.Inputs.Trusts))
	}
}

func TestRootErrors(t *testing.T) {
	bad := goodSheets()
	bad["Trusts"][2][2] = "hospital"
	badBook := book(t, bad)
	sheets := goodSheets()
	sheets["Scenario"] = [][]any{{"key", "value"}, {"local_share", 1.5}}
	badSheet := book(t, sheets)
	badTOML := writeText(t, "bad.toml", "capacity_start = 3\n")
	boom := func(context.Context, Session) error { return errors.New("the terminal went away") }
	panicky := func(context.Context, Session) error { panic("boom") }
	cases := []struct {
		name string
		opts Options
		args []string
		code int
		err  string
	}{
		{"bad workbook", Options{}, []string{"--input", badBook}, 2, `sheet Trusts, row 3, column type: found "hospital"`},
		{"missing input", Options{}, []string{"--input", filepath.Join(t.TempDir(), "none.xlsx")}, 2, "none.xlsx"},
		{"bad scenario sheet", Options{}, []string{"--input", badSheet}, 2, "book.xlsx: sheet Scenario: local_share: 1.5 is outside 0–1"},
		{"unknown scenario key", Options{}, []string{"--scenario", badTOML}, 2, "bad.toml: capacity_start: unknown key"},
		{"unknown command", Options{}, []string{"bogus"}, 2, `unknown command or argument "bogus"`},
		{"unknown flag", Options{}, []string{"--bogus"}, 2, "unknown flag"},
		{"runtime failure", Options{RunTUI: boom}, nil, 1, "corecast: the terminal went away"},
		{"panic", Options{RunTUI: panicky}, nil, 1, "corecast: internal error: boom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := run(t, c.opts, c.args...)
			if code != c.code || !strings.Contains(errOut, c.err) {
				t.Errorf("code %d, stderr %q; want code %d and %q", code, errOut, c.code, c.err)
			}
		})
	}
}

func TestSampleCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xlsx")
	code, out, errOut := run(t, Options{}, "sample", path)
	if code != 0 || !strings.Contains(out, "217 trusts") {
		t.Fatalf("code %d, out %q, err %q", code, out, errOut)
	}
	in, _, err := split3(data.Load(path, nil))
	if err != nil || len(in.Trusts) != 217 {
		t.Fatalf("written sample does not load: %v", err)
	}
	if code, _, errOut = run(t, Options{}, "sample", path); code != 2 || !strings.Contains(errOut, "already exists") {
		t.Errorf("overwrite without --force: code %d, %q", code, errOut)
	}
	if code, _, errOut = run(t, Options{}, "sample", "--force", path); code != 0 {
		t.Errorf("--force: code %d, %q", code, errOut)
	}
	if code, _, _ = run(t, Options{}, "sample"); code != 2 {
		t.Errorf("no argument: code %d", code)
	}
	if code, _, _ = run(t, Options{}, "sample", filepath.Join(t.TempDir(), "out.csv")); code != 2 {
		t.Errorf("wrong extension: code %d", code)
	}
}

func TestValidateCommand(t *testing.T) {
	good := book(t, goodSheets())
	bad := goodSheets()
	bad["Trusts"][1][3] = "Wales"
	bad["Funding"][1][2] = "2018"
	badBook := book(t, bad)
	dir := t.TempDir()
	csvDir := filepath.Join(dir, "csv")
	if err := os.Mkdir(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(csvDir, "trusts.csv"), []byte("code,name,type,region,opex_m,maturity\nRAA,A,acute,London,1,2\n"), 0o644)
	os.WriteFile(filepath.Join(csvDir, "funding.csv"), []byte("code,programme,year,national_m,local_m,status\n"), 0o644)
	goodTOML := writeText(t, "good.toml", "name = \"Good\"\n")
	badTOML := writeText(t, "bad.toml", "[unit_cost]\nacute = { dist = \"pert\", min = 3, mode = 2, max = 4 }\n")

	code, out, _ := run(t, Options{}, "validate", good)
	if code != 0 || out != "ok: 2 trusts, 1 funding rows\n" {
		t.Errorf("good: code %d, out %q", code, out)
	}
	code, out, errOut := run(t, Options{}, "validate", badBook)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 2 || len(lines) != 2 || !strings.Contains(lines[0], "sheet Trusts, row 2, column region") || !strings.Contains(lines[1], "sheet Funding, row 2, column year") {
		t.Errorf("bad: code %d, out %q", code, out)
	}
	if !strings.Contains(errOut, "2 problems found") {
		t.Errorf("bad: stderr %q", errOut)
	}
	if code, out, _ = run(t, Options{}, "validate", csvDir); code != 0 || !strings.Contains(out, "ok: 1 trusts, 0 funding rows") {
		t.Errorf("csv: code %d, out %q", code, out)
	}
	if code, out, _ = run(t, Options{}, "validate", goodTOML); code != 0 || !strings.Contains(out, `scenario "Good"`) {
		t.Errorf("toml: code %d, out %q", code, out)
	}
	if code, out, _ = run(t, Options{}, "validate", badTOML); code != 2 || !strings.Contains(out, "unit_cost.acute") {
		t.Errorf("bad toml: code %d, out %q", code, out)
	}
	if code, _, _ = run(t, Options{}, "validate", filepath.Join(dir, "none.xlsx")); code != 2 {
		t.Errorf("missing file: code %d", code)
	}
	if code, _, _ = run(t, Options{}, "validate"); code != 2 {
		t.Errorf("no argument: code %d", code)
	}
	notBook := writeText(t, "notes.xlsx", "just text")
	if code, out, _ = run(t, Options{}, "validate", notBook); code != 2 || !strings.Contains(out, "is not an xlsx workbook") {
		t.Errorf("not a workbook: code %d, out %q", code, out)
	}
}

func TestExitCode(t *testing.T) {
	cases := []struct {
		err  error
		code int
	}{
		{nil, 0},
		{errors.New("disk full"), 1},
		{data.Problems{{File: "x"}}, 2},
		{&safefile.ExistsError{Path: "x"}, 2},
		{&safefile.NotRegularError{Path: "x", Kind: "a directory"}, 2},
		{os.ErrNotExist, 2},
		{&ExitError{Code: 1, Err: errors.New("x")}, 1},
	}
	for _, c := range cases {
		if got := ExitCode(c.err); got != c.code {
			t.Errorf("ExitCode(%v) = %d, want %d", c.err, got, c.code)
		}
	}
}

// split3 returns a load's inputs, Scenario rows and error.
func split3(l data.Loaded, err error) (model.Inputs, []data.KeyValue, error) {
	return l.Inputs, l.Scenario, err
}

// failingWriter fails every write, as /dev/full does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestValidateReportNotWritten checks that validate whose report cannot be
// written fails (exit 1), rather than counting problems (exit 2) or
// passing (exit 0).
func TestValidateReportNotWritten(t *testing.T) {
	path := book(t, goodSheets())
	var errOut bytes.Buffer
	code := Execute(context.Background(), []string{"validate", path}, Options{Stdout: failingWriter{}, Stderr: &errOut})
	if code != ExitFailure || !strings.Contains(errOut.String(), "cannot write the report") {
		t.Errorf("exit %d, want %d:\n%s", code, ExitFailure, errOut.String())
	}
}

// TestRootPrecision checks the interactive program's --precision: a
// precision outside (0, 1), or a maximum below the scenario's iterations,
// is a usage error before anything opens; a good one reaches the session.
func TestRootPrecision(t *testing.T) {
	for _, args := range [][]string{{"--precision", "2"}, {"--precision", "0.01", "--max-iterations", "10"}} {
		if code, _, stderr := run(t, Options{}, args...); code != ExitInvalid || !strings.Contains(stderr, "--precision") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	var got Session
	code := Execute(context.Background(), []string{"--precision", "0.01"}, Options{RunTUI: captureTUI(&got)})
	if code != ExitOK || got.Precision.Target != 0.01 {
		t.Errorf("exit %d, precision %+v", code, got.Precision)
	}
}
