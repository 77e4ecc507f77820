package data

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// zipMembers reads every member of a zip archive.
func zipMembers(t testing.TB, b []byte) (names []string, content map[string][]byte) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	content = map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		c, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		content[f.Name] = c
	}
	return names, content
}

// FuzzLoadXLSXSheet fuzzes the XML of the Trusts sheet inside an otherwise
// valid workbook, reaching the row parser that mutations of whole zip files
// rarely get past the zip checksums to.
func FuzzLoadXLSXSheet(f *testing.F) {
	names, content := zipMembers(f, smallBook(f))
	const sheetPath = "xl/worksheets/sheet1.xml"
	orig := content[sheetPath]
	f.Add(orig)
	f.Add(bytes.Replace(orig, []byte(`r="2"`), []byte(`r="1048576"`), 1))
	f.Add(orig[:len(orig)/2])
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="XFD1" t="s"><v>99999</v></c></row></sheetData></worksheet>`))
	// The constructs analysts' workbooks hold: a formula with no saved value,
	// a hidden row, a styled cell, hidden columns, an inline string, a shared
	// formula, an error value.
	f.Add(bytes.Replace(orig, []byte(`<c r="E2"`), []byte(`<c r="E2" s="2"><f>100+20</f></c><c r="E99"`), 1))
	f.Add(bytes.Replace(orig, []byte(`<row r="3"`), []byte(`<row r="3" hidden="1"`), 1))
	f.Add([]byte(`<worksheet><cols><col min="2" max="3" hidden="1"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NHS trusts</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>Org Code</t></is></c><c t="inlineStr"><is><t>Trust name</t></is></c><c t="inlineStr"><is><t>Trust type</t></is></c>` +
		`<c t="inlineStr"><is><t>Region</t></is></c><c t="inlineStr"><is><t>Opex (£000)</t></is></c><c t="inlineStr"><is><t>DMA score</t></is></c></row>` +
		`<row r="3"><c t="inlineStr"><is><t>RAA</t></is></c><c t="inlineStr"><is><t>A</t></is></c><c t="inlineStr"><is><t>Acute Trust</t></is></c>` +
		`<c t="inlineStr"><is><t>London Region</t></is></c><c><f t="shared" si="0" ref="E3:E4">400*1000</f></c><c s="1"><v>0.62</v></c></row>` +
		`<row r="4"><c t="inlineStr"><is><t>Total</t></is></c><c t="e"><v>#DIV/0!</v></c><c><f t="shared" si="0"/></c></row></sheetData></worksheet>`))
	// Merged cells, a formula saved as empty text, a header below a title and
	// a units row, and funding years as dates.
	f.Add(bytes.Replace(orig, []byte(`</sheetData>`), []byte(`</sheetData><mergeCells count="3"><mergeCell ref="D2:D4"/><mergeCell ref="A1:XFD1"/><mergeCell ref="B3"/></mergeCells>`), 1))
	f.Add(bytes.Replace(orig, []byte(`<c r="H2"`), []byte(`<c r="H2" t="str"><f>IFERROR(VLOOKUP(A2,X!A:B,2,FALSE),"")</f><v></v></c><c r="H99"`), 1))
	f.Add([]byte(`<worksheet><sheetData><row r="30"><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t>name</t></is></c></row>` +
		`<row r="31"><c t="inlineStr"><is><t>£m</t></is></c><c t="inlineStr"><is><t>%</t></is></c></row><row r="32"><c t="inlineStr"><is><t>London</t></is></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="A32:H32"/><mergeCell ref="A1:A1048576"/></mergeCells></worksheet>`))
	// Hostile cells: circular formulas (saved and not, through a range and
	// a shared formula), a REPT bomb with no saved value, text at and over
	// the limit, a run of many rich-text pieces, overlapping hidden columns.
	f.Add(bytes.Replace(orig, []byte(`<c r="E2"`), []byte(`<c r="E2"><f>E2+1</f><v>1</v></c><c r="E98"`), 1))
	f.Add(bytes.Replace(orig, []byte(`<c r="E3"`), []byte(`<c r="E3"><f>SUM(E2:E3)</f></c><c r="E97"`), 1))
	f.Add(bytes.Replace(orig, []byte(`<c r="B2"`), []byte(`<c r="B2" t="str"><f>REPT(REPT("x",32767),32767)</f></c><c r="B99"`), 1))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="E2"><f t="shared" ref="E2:E4" si="3">E3*1</f><v>1</v></c></row>` +
		`<row r="3"><c r="E3"><f t="shared" si="3"/><v>1</v></c></row><row r="4"><c r="E4"><f t="shared" si="3"/></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>` + strings.Repeat("x", 4001) + `</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is>` + strings.Repeat(`<r><t>xyz</t></r>`, 1400) + `</is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><cols>` + strings.Repeat(`<col min="1" max="16384" hidden="1"/>`, 100) + `</cols><sheetData/></worksheet>`))
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		defer watchdog()()
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			c := content[n]
			if n == sheetPath {
				c = sheetXML
			}
			if _, err := w.Write(c); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		in, _, err := split3(loadWorkbookBytes("fuzz.xlsx", buf.Bytes(), nil, fuzzLimits))
		checkLoaded(t, in, err)
	})
}
