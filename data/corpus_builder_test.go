package data

import (
	"archive/zip"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// corpusOut, when set, writes every corpus workbook to a directory, so that a
// person can open the cases in Excel or LibreOffice.
var corpusOut = flag.String("corpus-out", "", "write the import corpus workbooks to this directory")

// analystBook builds a workbook the way analysts' workbooks are really made:
// styled cells, formulas without saved values, hidden rows, columns and
// sheets, title rows.
type analystBook struct {
	t testing.TB
	f *excelize.File
}

func newAnalystBook(t testing.TB, sheets ...sheet) *analystBook {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(bookBytes(t, sheets...)))
	if err != nil {
		t.Fatal(err)
	}
	return &analystBook{t: t, f: f}
}

func (b *analystBook) check(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

// numFmt gives cells a built-in (id) or custom (code) number format.
func (b *analystBook) numFmt(sheet, from, to string, id int, code string) *analystBook {
	st := &excelize.Style{NumFmt: id}
	if code != "" {
		st = &excelize.Style{CustomNumFmt: &code}
	}
	s, err := b.f.NewStyle(st)
	b.check(err)
	b.check(b.f.SetCellStyle(sheet, from, to, s))
	return b
}

// formula puts a formula with no saved value in a cell, as scripts write them.
func (b *analystBook) formula(sheet, cell, formula string) *analystBook {
	b.check(b.f.SetCellValue(sheet, cell, nil))
	b.check(b.f.SetCellFormula(sheet, cell, strings.TrimPrefix(formula, "=")))
	return b
}

func (b *analystBook) value(sheet, cell string, v any) *analystBook {
	b.check(b.f.SetCellValue(sheet, cell, v))
	return b
}

func (b *analystBook) hideRow(sheet string, row int) *analystBook {
	b.check(b.f.SetRowVisible(sheet, row, false))
	return b
}

func (b *analystBook) hideCol(sheet, col string) *analystBook {
	b.check(b.f.SetColVisible(sheet, col, false))
	return b
}

func (b *analystBook) hideSheet(sheet string) *analystBook {
	b.check(b.f.SetSheetVisible(sheet, false))
	return b
}

// insertTitle puts n title rows above everything on the sheet.
func (b *analystBook) insertTitle(sheet string, lines ...string) *analystBook {
	b.check(b.f.InsertRows(sheet, 1, len(lines)))
	for i, l := range lines {
		b.check(b.f.SetCellValue(sheet, cellName(0, i+1), l))
	}
	return b
}

func (b *analystBook) bytes() []byte {
	b.t.Helper()
	var buf bytes.Buffer
	b.check(b.f.Write(&buf))
	_ = b.f.Close()
	return buf.Bytes()
}

// saveCorpus writes a corpus workbook when -corpus-out is set.
func saveCorpus(t testing.TB, name string, b []byte) {
	if *corpusOut == "" {
		return
	}
	if err := os.MkdirAll(*corpusOut, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*corpusOut, name+".xlsx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// patchPart rewrites one part of a workbook, for the constructs excelize
// does not write as Excel, LibreOffice or openpyxl do.
func patchPart(t testing.TB, book []byte, part string, edit func(string) string) []byte {
	t.Helper()
	names, content := zipMembers(t, book)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		c := content[n]
		if n == part {
			c = []byte(edit(string(c)))
		}
		if _, err := w.Write(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetPart is the part of the n-th sheet (from 1) of an excelize workbook.
func sheetPart(n int) string { return "xl/worksheets/sheet" + strconv.Itoa(n) + ".xml" }

// merge merges a range of cells, as Format › Merge cells does: excelize
// keeps the first cell's value and clears the others.
func (b *analystBook) merge(sheet, from, to string) *analystBook {
	b.check(b.f.MergeCell(sheet, from, to))
	return b
}

// strike strikes cells through, as Format › Cells › Font › Strikethrough
// does to a withdrawn line.
func (b *analystBook) strike(sheet, from, to string) *analystBook {
	s, err := b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Strike: true}})
	b.check(err)
	b.check(b.f.SetCellStyle(sheet, from, to, s))
	return b
}
