package data

import (
	"bytes"
	"strings"
	"testing"
)

// sheetWith returns smallBook with its Trusts sheet XML replaced.
func sheetWith(t *testing.T, sheetXML string) []byte {
	t.Helper()
	return rewriteZipFile(t, smallBook(t), "xl/worksheets/sheet1.xml", func(string) string { return sheetXML })
}

// Limits are enforced while the sheet streams in, before anything is held
// whole: a row wider than Excel's 16,384 cells, a sheet of more cells or
// rows than allowed, a workbook that unpacks to too much.
func TestLimitsWhileStreaming(t *testing.T) {
	var wide strings.Builder
	wide.WriteString(`<worksheet><sheetData><row r="1">`)
	for range 20_000 {
		wide.WriteString(`<c><v>1</v></c>`)
	}
	wide.WriteString(`</row></sheetData></worksheet>`)
	var many strings.Builder
	many.WriteString(`<worksheet><sheetData>`)
	for r := 1; r <= 300; r++ {
		many.WriteString(`<row>`)
		for range 10 {
			many.WriteString(`<c><v>1</v></c>`)
		}
		many.WriteString(`</row>`)
	}
	many.WriteString(`</sheetData></worksheet>`)
	cases := []struct {
		name string
		b    []byte
		lim  limits
		want string
	}{
		{"a row wider than Excel allows", sheetWith(t, wide.String()), defaultLimits(), "sheet Trusts: row 1 is wider than 16384 cells, Excel's limit"},
		{"a cell past column XFD", sheetWith(t, `<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`), defaultLimits(), "wider than 16384 cells"},
		{"more cells than allowed", sheetWith(t, many.String()), limits{maxCells: 2000}, "sheet Trusts: has more than 2000 cells"},
		{"more rows than allowed", sheetWith(t, many.String()), limits{maxRows: 100}, "sheet Trusts: has more than 100 rows"},
		{"a row numbered past Excel's last", sheetWith(t, `<worksheet><sheetData><row r="2000000"><c><v>1</v></c></row></sheetData></worksheet>`), limits{maxRows: 3_000_000}, "past Excel's last row"},
		{"unpacks to too much", smallBook(t), limits{maxUnzip: 4096}, "unpacks to more than"},
		{"a shared string that does not exist", sheetWith(t, `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>`), defaultLimits(), "refers to shared string"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadWorkbookBytes("book.xlsx", c.b, nil, c.lim)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("want one sentence, got:\n%v", err)
			}
		})
	}
}

// A sheet of one row of millions of cells is refused after reading only
// the first 16,384 of them: the work is bounded by the limit, not the file.
func TestWideRowRefusedEarly(t *testing.T) {
	row := bytes.Repeat([]byte(`<c><v>1</v></c>`), 500_000)
	b := sheetWith(t, `<worksheet><sheetData><row r="1">`+string(row)+`</row></sheetData></worksheet>`)
	allocs := testing.AllocsPerRun(1, func() {
		if _, err := loadWorkbookBytes("book.xlsx", b, nil, defaultLimits()); err == nil {
			t.Fatal("loaded")
		}
	})
	// Reading 500,000 cells would allocate at least once per cell.
	if allocs > 200_000 {
		t.Errorf("%v allocations: the row was read past the limit", allocs)
	}
}
