package data

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// rewriteZipFile returns the zip b with the named member passed through edit.
func rewriteZipFile(t *testing.T, b []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			content = []byte(edit(string(content)))
			found = true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no %s in the workbook", name)
	}
	return out.Bytes()
}

// A cell whose formula failed, stored as Excel stores it (t="e"), is reported.
func TestLoadWorkbookFormulaErrorCell(t *testing.T) {
	b := bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()})
	b = rewriteZipFile(t, b, "xl/worksheets/sheet1.xml", func(s string) string {
		old := `<c r="F3"><v>48</v></c>`
		if !strings.Contains(s, old) {
			t.Fatalf("cell F3 not found in:\n%s", s)
		}
		return strings.Replace(s, old, `<c r="F3" t="e"><f>E3/0</f><v>#DIV/0!</v></c>`, 1)
	})
	_, _, err := split3(LoadWorkbookBytes("book.xlsx", b, nil))
	ps := problemsOf(t, err)
	want := `book.xlsx: sheet Trusts, row 3, column maturity: found "#DIV/0!", want a digital maturity score, a number from 0 to 100, not a formula error (fix the formula or type the value)`
	if len(ps) != 1 || ps[0].Error() != want {
		t.Errorf("got %v\nwant %s", ps, want)
	}
}
