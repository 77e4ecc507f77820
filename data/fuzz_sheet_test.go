package data

import (
	"archive/zip"
	"bytes"
	"io"
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
