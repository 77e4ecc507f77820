package data

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// part is one member of a zip archive built by hand.
type part struct {
	name    string
	content []byte
}

// zipOf builds a zip archive of the parts, in order, as given: archive/zip
// writes two members of one name without complaint, as hostile files have
// them.
func zipOf(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p.content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bookParts returns the members of smallBook in order.
func bookParts(t testing.TB) []part {
	t.Helper()
	names, content := zipMembers(t, smallBook(t))
	out := make([]part, len(names))
	for i, n := range names {
		out[i] = part{n, content[n]}
	}
	return out
}

// TestDuplicatePartsRefused: a workbook holding two parts of one name, or
// of names that differ only in case, slashes or a leading slash, is refused
// as damaged, whichever comes first: corecast would read one and other
// programs the other.
func TestDuplicatePartsRefused(t *testing.T) {
	const sheet = "xl/worksheets/sheet1.xml"
	decoy := []byte(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>decoy</t></is></c></row></sheetData></worksheet>`)
	cases := []struct{ name, dup string }{
		{"the same name", sheet},
		{"upper case", strings.ToUpper(sheet)},
		{"mixed case", "xl/Worksheets/Sheet1.XML"},
		{"a leading slash", "/" + sheet},
		{"backslashes", `xl\worksheets\sheet1.xml`},
		{"the workbook part", "XL/workbook.xml"},
		{"the shared strings", "xl/SharedStrings.xml"},
	}
	for _, c := range cases {
		for _, first := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, decoy first %v", c.name, first), func(t *testing.T) {
				parts := bookParts(t)
				if first {
					parts = append([]part{{c.dup, decoy}}, parts...)
				} else {
					parts = append(parts, part{c.dup, decoy})
				}
				_, err := loadWorkbookBytes("book.xlsx", zipOf(t, parts), nil, defaultLimits())
				if err == nil || !strings.Contains(err.Error(), "book.xlsx: is a damaged file: it holds two parts") {
					t.Fatalf("got %v", err)
				}
				if strings.Count(err.Error(), "\n") != 0 {
					t.Errorf("want one sentence, got:\n%v", err)
				}
			})
		}
	}
	// A workbook of distinct parts still loads.
	if _, err := loadWorkbookBytes("book.xlsx", zipOf(t, bookParts(t)), nil, defaultLimits()); err != nil {
		t.Fatalf("the rebuilt workbook does not load: %v", err)
	}
}

// TestPartCountRefused: an archive listing more members than any workbook
// has is refused before archive/zip reads its directory, whose entries it
// would otherwise hold every one of.
func TestPartCountRefused(t *testing.T) {
	parts := bookParts(t)
	for i := range maxParts {
		parts = append(parts, part{name: fmt.Sprintf("x/%d", i)})
	}
	_, err := loadWorkbookBytes("book.xlsx", zipOf(t, parts), nil, defaultLimits())
	if err == nil || !strings.Contains(err.Error(), "holds more than 20,000 parts") {
		t.Fatalf("got %v", err)
	}
}
