package ui

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetTable reads the table of an exported sheet whose header row holds
// col: one map of column to raw cell text per row, up to the next blank
// row. Raw cells hold numbers as stored, not as formatted.
func sheetTable(t *testing.T, f *excelize.File, sheet, col string) []map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	var head []string
	var out []map[string]string
	for _, r := range rows {
		if head == nil {
			if len(r) > 0 && r[0] == "scenario" && slices.Contains(r, col) {
				head = r
			}
			continue
		}
		if len(r) == 0 || r[0] == "" {
			break
		}
		row := map[string]string{}
		for i, h := range head {
			if i < len(r) {
				row[h] = r[i]
			}
		}
		out = append(out, row)
	}
	if head == nil {
		t.Fatalf("sheet %s has no table with a column %s", sheet, col)
	}
	return out
}

// near reports whether a stored cell holds v, to the 15 significant digits
// a workbook keeps.
func near(t *testing.T, cell string, v float64) bool {
	t.Helper()
	got, err := strconv.ParseFloat(cell, 64)
	if err != nil {
		return false
	}
	return math.Abs(got-v) <= 1e-12*math.Max(1, math.Abs(v))
}

// openXLSX opens an exported workbook, closed when the test ends.
func openXLSX(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
