package report

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corecast/data"
	"corecast/forecast"
	"corecast/model"
)

// exportKind is one way to write an export: a format and, for CSV, a zip
// or a directory.
type exportKind struct {
	name   string
	format Format
	ext    string
}

// exportKinds are every kind of export verify reads.
var exportKinds = []exportKind{
	{"xlsx", XLSX, ".xlsx"},
	{"csv zip", CSV, ".zip"},
	{"csv dir", CSV, ""},
	{"json", JSON, ".json"},
}

// writeExport writes runs as an export of kind k in a new directory.
func writeExport(t *testing.T, k exportKind, runs []Run, opts Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "results"+k.ext)
	if err := Write(context.Background(), path, k.format, runs, opts); err != nil {
		t.Fatal(err)
	}
	return path
}

// verify reads an export, makes its runs again and compares, failing the
// test on an error; it returns what was found and the runs made again.
func verify(t *testing.T, path string) (*Verification, []Run, *Export) {
	t.Helper()
	ctx := context.Background()
	e, err := ReadExport(path)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := e.RunAgain(ctx, forecast.Options{Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.Compare(ctx, runs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v, runs, e
}

// wantVerified fails the test unless v found no difference.
func wantVerified(t *testing.T, v *Verification) {
	t.Helper()
	if v.Differ != 0 {
		t.Errorf("%d differences, want none; the first: %+v", v.Differ, v.Differences[:min(5, len(v.Differences))])
	}
	if v.Figures == 0 || v.Texts == 0 || v.Sheets == 0 {
		t.Errorf("compared %d figures and %d texts in %d sheets, want some of each", v.Figures, v.Texts, v.Sheets)
	}
}

// Every format verifies: two scenarios on inputs with observations, with
// every analysis, and one plain run; with the Distribution and without,
// when the export verifies what it holds. The workbook and the JSON hold
// the same numbers, so they count the same figures.
func TestVerifyEveryFormat(t *testing.T) {
	analysed := analysedRuns(t, 200)
	plain := []Run{testRun(t, testScenario(t, "Plain", 200))}
	for _, c := range []struct {
		name string
		runs []Run
		opts Options
	}{
		{"analysed", analysed, Options{}},
		{"plain", plain, Options{}},
		{"no distribution", analysed, Options{NoDistribution: true}},
		{"source date", plain, Options{SourceDate: fixedDate}},
	} {
		figures := map[Format]int{}
		for _, k := range exportKinds {
			t.Run(c.name+"/"+k.name, func(t *testing.T) {
				path := writeExport(t, k, c.runs, c.opts)
				v, _, e := verify(t, path)
				wantVerified(t, v)
				if e.NoDistribution != c.opts.NoDistribution || !e.SourceDate.Equal(c.opts.SourceDate) {
					t.Errorf("read NoDistribution %v, SourceDate %v; want %v, %v", e.NoDistribution, e.SourceDate, c.opts.NoDistribution, c.opts.SourceDate)
				}
				if v.Excluded == 0 && c.opts.SourceDate.IsZero() {
					t.Error("no run date or time left out of the comparison")
				}
				if k.ext != "" {
					figures[k.format] = v.Figures
				}
			})
		}
		if figures[XLSX] != figures[JSON] {
			t.Errorf("%s: the workbook has %d figures, the JSON %d", c.name, figures[XLSX], figures[JSON])
		}
	}
}

// Changing one number in any sheet or table is found and named: the cell
// of the workbook, the table, row and column of CSV and JSON, with the
// value stored and the value recomputed. Each file differs from the
// export in that one number, so the runs made again from the export serve
// for all.
func TestVerifyNamesAChangedNumber(t *testing.T) {
	runs := analysedRuns(t, 200)[:1]
	for _, k := range exportKinds {
		t.Run(k.name, func(t *testing.T) {
			path := writeExport(t, k, runs, Options{})
			v, again, _ := verify(t, path)
			wantVerified(t, v)
			targets := numberCells(t, path)
			if len(targets) < 15 {
				t.Fatalf("numbers found in %d parts, want every sheet's", len(targets))
			}
			for _, c := range targets {
				changed := changeNumber(t, k, path, c)
				e, err := ReadExport(changed)
				if err != nil {
					t.Fatal(err)
				}
				v, err := e.Compare(context.Background(), again, nil)
				if err != nil {
					t.Fatal(err)
				}
				if v.Differ != 1 || v.Differences[0].Where != c.where || v.Differences[0].Recomputed != c.text || v.Differences[0].Stored == c.text {
					t.Errorf("%s changed: %d differences %+v; want one at %s, recomputed %s", c.where, v.Differ, v.Differences, c.where, c.text)
				}
			}
		})
	}
}

// numberCell is a number of an export to change: the part and cell it is
// in, its text, and where verify names it.
type numberCell struct {
	part     string
	row, col int
	text     string
	where    string
}

// numberCells finds the first number of every part of an export outside
// the Manifest's run times, which verify does not compare.
func numberCells(t *testing.T, path string) []numberCell {
	t.Helper()
	r, e, err := openExport(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	c := &comparison{format: e.Format, v: &Verification{}}
	var out []numberCell
	for _, p := range r.parts() {
		rows, err := r.open(p.name)
		if err != nil {
			t.Fatal(err)
		}
		c.names = map[int]string{}
		for {
			n, cells, err := rows.next()
			if err != nil {
				break
			}
			if c.headerRow(n) {
				for _, x := range cells {
					c.names[x.col] = x.text
				}
			}
			if excludedRow(cells) {
				continue
			}
			c.field = ""
			if p.name == "manifest" {
				c.field = rowField(cells, nil)
			}
			found := false
			for _, x := range cells {
				if x.kind == xNumber {
					out = append(out, numberCell{part: p.name, row: n, col: x.col, text: x.text, where: c.where(p.name, n, x.col)})
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		rows.close()
	}
	return out
}

// TestVerifyFindsAChangedInputRow changes a trust's opex on the Inputs
// sheet, which changes every figure that depends on it, and its earlier
// maturity score, which changes no figure: both are found, the second by
// the hash of the inputs as read.
func TestVerifyFindsAChangedInputRow(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 200))}
	for _, k := range exportKinds {
		path := writeExport(t, k, runs, Options{})
		for _, column := range []string{"opex_m", "maturity_prev"} {
			t.Run(k.name+"/"+column, func(t *testing.T) {
				c := inputCell(t, path, column)
				v, again, e := verify(t, changeNumber(t, k, path, c))
				if v.Differ == 0 {
					t.Fatalf("a changed %s is not found", column)
				}
				if got := e.InputsChanged(again); len(got) != 1 {
					t.Errorf("runs whose inputs changed: %v, want the one", got)
				}
				found := false
				for _, d := range v.Differences {
					found = found || strings.Contains(d.Where, ", "+FieldInputsSHA256+", column Baseline") || strings.HasPrefix(d.Where, "Manifest!B")
				}
				if column == "maturity_prev" && (v.Differ != 1 || !found) {
					t.Errorf("changed maturity_prev: %+v; want the one difference of the inputs' hash", v.Differences)
				}
			})
		}
	}
}

// inputCell finds the first number in the named column of the Inputs
// sheet's trusts, as numberCells finds a number.
func inputCell(t *testing.T, path, column string) numberCell {
	t.Helper()
	r, e, err := openExport(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	part := "inputs_trusts"
	if e.Format == XLSX {
		part = SheetInputs
	}
	rows, err := r.open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.close()
	c := &comparison{format: e.Format, v: &Verification{}, names: map[int]string{}}
	col := 0
	for {
		n, cells, err := rows.next()
		if err != nil {
			t.Fatalf("no %s number in %s", column, path)
		}
		for _, x := range cells {
			if col == 0 && x.text == column {
				col = x.col
				c.names[col] = column
			} else if col != 0 && x.col == col && x.kind == xNumber {
				return numberCell{part: part, row: n, col: col, text: x.text, where: c.where(part, n, col)}
			}
		}
	}
}

// The record of the analyses reads back to itself, every setting in full.
func TestAnalysesRecordReadsBack(t *testing.T) {
	run := analysedRuns(t, 100)[0]
	a := AnalysesOf(run)
	want := "sensitivity; frontier p=0.8 uplift_max=0 uplift_steps=3 capacity_min=40 capacity_max=320 capacity_steps=2 tolerance=50; " +
		"goal_seek lever=envelope p=0.8 tolerance=1; goal_seek lever=capacity p=0.8; phased p=0.05 tolerance=10 objective=total; investment answers="
	if s := a.String(); !strings.HasPrefix(s, want) {
		t.Errorf("record\n%s\nwant it to start\n%s", s, want)
	}
	back, err := ParseAnalyses(a.String())
	if err != nil {
		t.Fatal(err)
	}
	if back.String() != a.String() {
		t.Errorf("read back as %q, want %q", back.String(), a.String())
	}
	if none := AnalysesOf(testRun(t, testScenario(t, "Plain", 50))).String(); none != "none" {
		t.Errorf("a run without analyses records %q", none)
	}
	for _, bad := range []string{"tornado", "goal_seek lever=sideways p=0.8", "frontier p=x", "goal_seek lever=phased p=0.8 tolerance=1 objective=least"} {
		if _, err := ParseAnalyses(bad); err == nil {
			t.Errorf("%q read without error", bad)
		}
	}
}

// A run laid out as another caller may lay it out — a phased goal seek
// whose uniform answer is not among the goal seeks, both answers set out
// as money by year, a frontier with its defaults — records its analyses
// from the results and verifies.
func TestVerifyAnalysesLaidOutOtherwise(t *testing.T) {
	ctx := context.Background()
	run := testRun(t, testScenario(t, "Screens", 200))
	sc, opts := run.Result.Scenario, forecast.Options{Workers: 2}
	var err error
	if run.Frontier, err = forecast.Frontier(ctx, run.Inputs, sc, forecast.FrontierOptions{Goal: 0.05, UpliftSteps: 3, CapacitySteps: 2}, opts); err != nil {
		t.Fatal(err)
	}
	if run.Phased, err = forecast.GoalSeekPhased(ctx, run.Inputs, sc, 0.05, 10, forecast.ObjectivePV, opts); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		name   string
		answer func(model.Scenario) (model.Scenario, bool)
	}{{AnswerPhased, run.Phased.Answer}, {AnswerName(run.Phased.Uniform), run.Phased.Uniform.Answer}} {
		next, ok := a.answer(sc)
		if !ok {
			t.Fatalf("the %s answer has nothing to apply", a.name)
		}
		iv, err := forecast.InvestmentNeeded(ctx, run.Inputs, run.Result, next, a.name, opts)
		if err != nil {
			t.Fatal(err)
		}
		run.Investment = append(run.Investment, iv)
	}
	if got, want := AnalysesOf(run).String(), "phased p=0.05 tolerance=10 objective=pv; investment answers=phased,phased_uniform"; !strings.HasSuffix(got, want) {
		t.Errorf("record %q, want it to end %q", got, want)
	}
	v, _, _ := verify(t, writeExport(t, exportKinds[0], []Run{run}, Options{}))
	wantVerified(t, v)
}

// A file that is not an export is said to be none; an export written
// before exports recorded their scenarios cannot be run again, and says why.
func TestReadExportRefusesOthers(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := data.WriteInputsWorkbook(book, testInputs(), false); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.txt")
	other := filepath.Join(dir, "other.json")
	for p, b := range map[string]string{text: "hello", other: `{"format":"something else","tables":[]}`} {
		if err := os.WriteFile(p, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := os.ReadFile(writeExport(t, exportKinds[0], []Run{testRun(t, testScenario(t, "Cut", 50))}, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.xlsx")
	if err := os.WriteFile(cut, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{book, text, other, dir, cut} {
		_, err := ReadExport(p)
		var ne *NotExportError
		if !errors.As(err, &ne) {
			t.Errorf("%s: %v, want it not an export", p, err)
		}
		if LooksLikeExport(p) {
			t.Errorf("%s looks like an export", p)
		}
	}
	path := writeExport(t, exportKinds[3], []Run{testRun(t, testScenario(t, "Old", 50))}, Options{})
	old := withoutManifestRow(t, path, FieldScenarioTOML)
	e, err := ReadExport(old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.RunAgain(context.Background(), forecast.Options{}, nil); !errors.Is(err, ErrCannotRunAgain) || !errors.Is(err, ErrNoScenario) {
		t.Errorf("an export without its scenario: %v", err)
	}
}

// A scenario with every kind of value at full precision — a name a
// spreadsheet would take for a formula, a seed past what a spreadsheet
// shows, an uplift table by year, a lognormal given by its P10 and P90, a
// correlation set of its own — is carried whole by the Manifest's
// scenario file in every format, and its export verifies.
func TestExportCarriesTheScenarioWhole(t *testing.T) {
	sc := testScenario(t, "=Odd name, \"quoted\"", 100)
	sc.Seed = math.MaxUint64 - 12345
	sc.Sampling = model.Random
	sc.DiscountRate = 0.0351234567891234
	sc.ClearUplift()
	sc.EnvelopeUpliftByYear = map[model.FinancialYear]float64{2020: 123.456789012345678, 2022: 1e-9}
	sc.DeployYears = model.NewDistribution(model.Lognormal)
	sc.DeployYears.P10, sc.DeployYears.P90 = 1.1000000000000001, 3.3
	sc.Inflation = model.NormalDist(0.021, 0.0099999999)
	sc.SizeElasticity = model.FixedDist(0.7000000000000001)
	sc.Correlations = []model.Correlation{{A: "inflation", B: "optimism_bias", Rho: -0.2512345678901234}, {A: "unit_cost.acute", B: "unit_cost.community", Rho: 0.3}}
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	runs := []Run{testRun(t, sc)}
	for _, k := range exportKinds {
		t.Run(k.name, func(t *testing.T) {
			path := writeExport(t, k, runs, Options{})
			e, err := ReadExport(path)
			if err != nil {
				t.Fatal(err)
			}
			back, err := e.Scenario(0)
			if err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			if err := data.WriteScenarioTOML(&want, sc); err != nil {
				t.Fatal(err)
			}
			if err := data.WriteScenarioTOML(&got, back); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("the scenario read back:\n%s\nwant:\n%s", got.String(), want.String())
			}
			v, _, _ := verify(t, path)
			wantVerified(t, v)
		})
	}
}
