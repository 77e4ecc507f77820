package data

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/model"
)

// sheet is one worksheet of a test workbook.
type sheet struct {
	name string
	rows [][]any
}

// bookBytes builds an xlsx workbook holding the given sheets.
func bookBytes(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, cells := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &cells); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeBook writes a test workbook to a temporary directory and returns its path.
func writeBook(t testing.TB, sheets ...sheet) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, bookBytes(t, sheets...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func trustsHeader() []any {
	return []any{"code", "name", "type", "region", "opex_m", "maturity", "maturity_prev", "epr"}
}

// goodTrusts is a small valid Trusts sheet: rows 2 to 4.
func goodTrusts() [][]any {
	return [][]any{
		trustsHeader(),
		{"RAA", "Alpha Hospitals NHS Trust", "acute", "London", 420.5, 61, 55, "Cerner"},
		{"RBB", "Beta Mental Health NHS Trust", "mental health", "North West", 180, 48, nil, ""},
		{"RCC", "Gamma Ambulance Service NHS Trust", "ambulance", "South West", 260, 70, nil, nil},
	}
}

func fundingHeader() []any {
	return []any{"code", "programme", "year", "national_m", "local_m", "status"}
}

// goodFunding is a small valid Funding sheet: rows 2 to 4.
func goodFunding() [][]any {
	return [][]any{
		fundingHeader(),
		{"RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"},
		{"RBB", "Fast Follower", "2019-20", 2.5, 2.5, "committed"},
		{"NATIONAL", "National envelope", "2019-20", 350, 0, "committed"},
	}
}

// replace returns rows with cell (r, c) (0-based, r = 0 is the header) set to v.
func replace(rows [][]any, r, c int, v any) [][]any {
	out := make([][]any, len(rows))
	for i := range rows {
		out[i] = append([]any(nil), rows[i]...)
	}
	out[r][c] = v
	return out
}

// writeFiles writes name -> content files into a new temporary directory.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// problemsOf returns err as Problems, failing the test if it is not.
func problemsOf(t testing.TB, err error) Problems {
	t.Helper()
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("error %v (%T) is not Problems", err, err)
	}
	return ps
}

// bookBytesWithCell builds a workbook and sets one more cell.
func bookBytesWithCell(t testing.TB, sh, cell string, v any, sheets ...sheet) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(bookBytes(t, sheets...)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue(sh, cell, v); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// split3 returns a load's inputs, Scenario rows and error, for tests that
// do not look at the notes.
func split3(l Loaded, err error) (model.Inputs, []KeyValue, error) {
	return l.Inputs, l.Scenario, err
}
