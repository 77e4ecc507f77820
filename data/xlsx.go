package data

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Magic bytes at the start of the file formats a user may hand us.
var (
	zipMagic      = []byte("PK\x03\x04")
	emptyZipMagic = []byte("PK\x05\x06")
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// encryptedPackage is the stream name "EncryptedPackage" in UTF-16LE, as an
	// OLE container of an encrypted xlsx holds it.
	encryptedPackage = utf16le("EncryptedPackage")
)

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// Sheet names of the input workbook.
const (
	SheetTrusts   = "Trusts"
	SheetFunding  = "Funding"
	SheetScenario = "Scenario"
)

// checkXLSXMagic refuses files that are not zip archives, naming what they
// seem to be instead.
func checkXLSXMagic(file string, b []byte) error {
	switch {
	case len(b) == 0:
		return refuse(file, "is empty (0 bytes); want an xlsx workbook")
	case bytes.HasPrefix(b, oleMagic):
		if bytes.Contains(b, encryptedPackage) {
			return refuse(file, "is encrypted or password-protected; save a copy without a password (File > Info > Protect Workbook) and load that")
		}
		return refuse(file, "is encrypted or password-protected, or an old Excel 97-2003 .xls file; save it as an .xlsx workbook without a password")
	case bytes.HasPrefix(b, zipMagic), bytes.HasPrefix(b, emptyZipMagic):
		return nil
	}
	return refuse(file, "is not an xlsx workbook (want an Excel .xlsx file, or a directory holding trusts.csv and funding.csv)")
}

// readXLSX reads the sheets named in want (matched case-insensitively) from
// workbook bytes. A sheet that is absent is absent from the result. Any panic
// inside the xlsx library is turned into a refusal.
func readXLSX(file string, b []byte, want []string, lim limits) (tables map[string]*table, err error) {
	if int64(len(b)) > lim.maxBytes {
		return nil, refuse(file, "is larger than %d MB; corecast reads workbooks up to that size", lim.maxBytes>>20)
	}
	if err := checkXLSXMagic(file, b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			tables, err = nil, refuse(file, "could not be read as an xlsx workbook; it looks damaged (%v)", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipLimit})
	if err != nil {
		return nil, refuse(file, "could not be read as an xlsx workbook; it looks damaged or is not a workbook (%v)", err)
	}
	defer func() { _ = f.Close() }()
	tables = map[string]*table{}
	for _, name := range f.GetSheetList() {
		for _, w := range want {
			if !strings.EqualFold(strings.TrimSpace(name), w) || tables[w] != nil {
				continue
			}
			t, err := readSheet(f, file, name, lim)
			if err != nil {
				return nil, err
			}
			tables[w] = t
		}
	}
	return tables, nil
}

// readSheet reads every row of one sheet, stopping with a refusal past the
// row limit.
func readSheet(f *excelize.File, file, sheet string, lim limits) (*table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, refuse(file, "sheet %s could not be read (%v)", sheet, err)
	}
	defer func() { _ = rows.Close() }()
	t := &table{file: file, sheet: sheet}
	for n := 1; rows.Next(); n++ {
		if n > lim.maxRows {
			return nil, Problems{{File: file, Sheet: sheet, Expected: fmt.Sprintf("has more than %d rows; corecast reads sheets up to that size (check for stray cells far down the sheet)", lim.maxRows)}}
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, Problems{{File: file, Sheet: sheet, Row: n, Expected: fmt.Sprintf("could not be read (%v)", err)}}
		}
		t.rows = append(t.rows, row{num: n, cells: cells})
	}
	if err := rows.Error(); err != nil {
		return nil, refuse(file, "sheet %s could not be read (%v)", sheet, err)
	}
	return t, nil
}
