package export

import (
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// layoutCases are the exports whose every sheet the layout tests check: one
// run, and two runs with every analysis (every sheet there is).
func layoutCases(t *testing.T) map[string][]Run {
	t.Helper()
	return map[string][]Run{
		"one run":                {testRun(t, testScenario(t, "Baseline", 150))},
		"two runs with analyses": analysedRuns(t, 150),
	}
}

// TestDimensionIsUsedRange reads every sheet's XML and checks its
// <dimension> is the range its cells occupy, so that readers that trust it
// (openpyxl's read-only mode, Power Query) see every row.
func TestDimensionIsUsedRange(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			f, path := openBook(t, runs)
			raw := readRawBook(t, path)
			for _, s := range raw.order {
				got, want := raw.sheets[s].Dimension.Ref, raw.sheets[s].usedRange(t)
				if got != want {
					t.Errorf("sheet %s: dimension %q, cells occupy %q", s, got, want)
				}
				// excelize, reading back, agrees on the last row.
				rows, err := f.GetRows(s)
				if err != nil {
					t.Fatal(err)
				}
				if !endsOnRow(want, len(rows)) {
					t.Errorf("sheet %s: excelize reads %d rows, the range %s ends elsewhere", s, len(rows), want)
				}
			}
		})
	}
}

// endsOnRow reports whether a range like "A1:R27" ends on row n.
func endsOnRow(ref string, n int) bool {
	i := len(ref)
	for i > 0 && ref[i-1] >= '0' && ref[i-1] <= '9' {
		i--
	}
	r, err := strconv.Atoi(ref[i:])
	return err == nil && r == n
}

// TestNoEmptyTextCells checks that blanks are left empty: no cell holds the
// empty string, which COUNTA would count.
func TestNoEmptyTextCells(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			_, path := openBook(t, runs)
			raw := readRawBook(t, path)
			for _, s := range raw.order {
				for _, c := range raw.sheets[s].cells() {
					text, isText := raw.text(t, c)
					if isText && text == "" {
						t.Errorf("sheet %s: cell %s holds empty text", s, c.Ref)
					}
					if !isText && (c.Value == nil || *c.Value == "") {
						t.Errorf("sheet %s: cell %s has no value", s, c.Ref)
					}
				}
			}
		})
	}
}

// TestPrintSetup checks every sheet prints one page wide, as many tall as
// needed, with its table header repeated on every page.
func TestPrintSetup(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			f, path := openBook(t, runs)
			raw := readRawBook(t, path)
			for i, s := range raw.order {
				rs := raw.sheets[s]
				ps := rs.PageSetup
				if !rs.SheetPr.PageSetUpPr.FitToPage || ps.FitToWidth == nil || *ps.FitToWidth != 1 || ps.FitToHeight == nil || *ps.FitToHeight != 0 {
					t.Errorf("sheet %s: fit to page %v, width %v, height %v; want fit to one page wide", s,
						rs.SheetPr.PageSetUpPr.FitToPage, ps.FitToWidth, ps.FitToHeight)
				}
				want := printTitlesRef(s, headerRowOf(t, f, s))
				found := slices.ContainsFunc(raw.defined, func(d rawDefinedName) bool {
					return d.Name == printTitles && d.LocalID != nil && *d.LocalID == i && d.Value == want
				})
				if !found {
					t.Errorf("sheet %s: no print titles %s among %+v", s, want, raw.defined)
				}
			}
		})
	}
}

// headerRowOf finds the header row of the first table on a sheet: the first
// row that starts with a table's first column name.
func headerRowOf(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && slices.Contains([]string{"scenario", "field", "input_file"}, r[0]) {
			return i + 1
		}
	}
	t.Fatalf("%s: no header", sheet)
	return 0
}
