package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"corecast/data"
)

// TestOpenLoadsAnotherWorkbook opens a second workbook with O, its name
// completed by tab: the scenarios are kept and recomputed on its inputs,
// exports name it and its digest, and neither workbook may be written over.
func TestOpenLoadsAnotherWorkbook(t *testing.T) {
	tm, first, in, runs := startOnBook(t)
	dir := filepath.Dir(first)
	other := cloneInputs(in)
	other.Trusts[0].OpexM *= 2
	second := filepath.Join(dir, "other.xlsx")
	writeBook(t, second, other)
	press(tm, "O", "o", "tab")
	waitForText(t, tm, "Open workbook or CSV directory: other.xlsx")
	press(tm, "enter")
	waitForText(t, tm, "other.xlsx opened: 1 trust changed (opex)")
	m := finish(t, tm)
	if m.cfg.inputPath != second || m.ctx.InputName != "other.xlsx" {
		t.Errorf("input %q named %q, want %s", m.cfg.inputPath, m.ctx.InputName, second)
	}
	if got := m.ctx.Inputs.Trusts[0].OpexM; got != other.Trusts[0].OpexM {
		t.Errorf("opex %v, want %v from the workbook opened", got, other.Trusts[0].OpexM)
	}
	if len(m.ctx.Scenarios) != 1 || runs.Load() < 2 {
		t.Errorf("%d scenarios, %d runs: want the scenario kept and run again", len(m.ctx.Scenarios), runs.Load())
	}
	want, err := data.Load(second, nil)
	if err != nil {
		t.Fatal(err)
	}
	src, err := inputSource(m.cfg, other)
	if err != nil || src.Name != second || src.SHA256 != want.Digest.SHA256 {
		t.Errorf("export source %+v, %v; want %s and its digest", src, err, second)
	}
	for _, p := range []string{first, second} {
		err := m.ctx.Files.SaveScenario(p, testScenario(), true)
		if err == nil || !strings.Contains(err.Error(), "an input of this session") {
			t.Errorf("writing over %s: %v", p, err)
		}
	}
}

// TestOpenShowsProblems opens a workbook with a problem: the inputs open
// stay, and the problem is said.
func TestOpenShowsProblems(t *testing.T) {
	tm, first, in, _ := startOnBook(t)
	bad := cloneInputs(in)
	bad.Trusts[0].Maturity = -1
	writeBook(t, filepath.Join(filepath.Dir(first), "bad.xlsx"), bad)
	press(tm, "O", "bad.xlsx", "enter")
	waitForText(t, tm, "bad.xlsx is not opened (1 problem; n on Trusts lists them)")
	m := finish(t, tm)
	if m.cfg.inputPath != first || m.ctx.Inputs.Trusts[0].Maturity != in.Trusts[0].Maturity {
		t.Errorf("input %s, maturity %v: want %s as before", m.cfg.inputPath, m.ctx.Inputs.Trusts[0].Maturity, first)
	}
}

// TestCompletePath completes to the longest prefix the matching entries
// share, adds the separator to a lone directory, keeps what has no match
// and offers hidden entries only once a dot is typed.
func TestCompletePath(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"book-2020.xlsx", "book-2021.xlsx", ".hidden.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	sep := string(filepath.Separator)
	for _, c := range []struct {
		typed, want string
		choices     []string
	}{
		{"bo", "book-202", []string{"book-2020.xlsx", "book-2021.xlsx"}},
		{"book-2021", "book-2021.xlsx", []string{"book-2021.xlsx"}},
		{"c", "csv" + sep, []string{"csv" + sep}},
		{"", "", []string{"book-2020.xlsx", "book-2021.xlsx", "csv" + sep}},
		{".h", ".hidden.xlsx", []string{".hidden.xlsx"}},
		{"zz", "zz", nil},
		{dir + sep + "bo", dir + sep + "book-202", []string{"book-2020.xlsx", "book-2021.xlsx"}},
		{"nowhere" + sep + "x", "nowhere" + sep + "x", nil},
	} {
		got, choices := completePath(dir, c.typed)
		if got != c.want || !slices.Equal(choices, c.choices) {
			t.Errorf("completePath(%q) = %q, %q; want %q, %q", c.typed, got, choices, c.want, c.choices)
		}
	}
}
