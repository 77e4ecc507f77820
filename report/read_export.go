package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// xkind is what a cell read back from an export holds.
type xkind uint8

const (
	xNumber xkind = iota // a number, its text as stored
	xText                // text
	xBool                // TRUE or FALSE
	xError               // an error value, or something no writer of ours makes
)

// xcell is one cell read back: its column (1-based), kind and text (a
// number's as stored, so that every digit is there to compare).
type xcell struct {
	col  int
	kind xkind
	text string
}

// cellRows streams the rows of a sheet or table that hold cells, each with
// its number; io.EOF after the last.
type cellRows interface {
	next() (row int, cells []xcell, err error)
	close() error
}

// partRef names a sheet (xlsx) or table (CSV, JSON) of an export, with
// the workbook sheet it is on where the file says.
type partRef struct{ name, sheet string }

// textTable is one table read back as text: its header, its rows, and the
// row number of the header as the file shows it.
type textTable struct {
	header   []string
	rows     [][]string
	firstRow int
}

// readTextTable reads rows as a table of text: each cell's text through
// text (which undoes what the format did to it), cells placed in their
// columns, the row numbered head as the header and the rows from first on
// as data.
func readTextTable(rows cellRows, head, first int, text func(string) string) (*textTable, error) {
	defer rows.close()
	out := &textTable{firstRow: 1}
	for {
		n, cells, err := rows.next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		rec := []string{}
		for _, c := range cells {
			for len(rec) < c.col-1 {
				rec = append(rec, "")
			}
			rec = append(rec, text(c.text))
		}
		switch {
		case n == head:
			out.header = rec
		case n >= first:
			out.rows = append(out.rows, rec)
		}
	}
}

// exportReader reads one export file of any format.
type exportReader interface {
	parts() []partRef
	open(name string) (cellRows, error) // nil when the file has no such part
	table(name string) (*textTable, error)
	close() error
}

// NotExportError says a file is not a corecast export, and why.
type NotExportError struct {
	Path string
	Why  string
}

// Error says what the file is not.
func (e *NotExportError) Error() string {
	return e.Path + " is not a corecast export: " + e.Why
}

// LooksLikeExport reports, cheaply, whether path is a corecast export
// rather than an input workbook or directory: a file or directory that
// cannot be read is not one, and its loader says why.
func LooksLikeExport(path string) (ok bool) {
	var err error
	defer func() { ok = ok && err == nil }()
	defer recoverDamaged(path, &err)
	r, _, err := openExport(path)
	if err != nil {
		return false
	}
	_ = r.close()
	return true
}

// recoverDamaged turns a panic in reading a damaged file into an error
// saying it is not an export that can be read: a reviewer's file may be
// anything.
func recoverDamaged(path string, err *error) {
	if r := recover(); r != nil {
		*err = &NotExportError{Path: path, Why: fmt.Sprintf("it cannot be read as one; it looks damaged (%v)", r)}
	}
}

// openExport opens the export at path in whichever format it is, knowing
// it one by its Manifest.
func openExport(path string) (exportReader, *Export, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	e := &Export{Path: path}
	not := func(why string) error { return &NotExportError{Path: path, Why: why} }
	if st.IsDir() {
		r, err := openCSVDir(path)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %s: %w", path, err)
		}
		if !r.has("manifest") || !r.has("inputs_trusts") {
			return nil, nil, not("the directory holds no manifest.csv and inputs_trusts.csv")
		}
		e.Format = CSV
		return r, e, nil
	}
	// A pipe or device is read by nothing here: opening one may wait for
	// ever, and no export is one.
	if !st.Mode().IsRegular() {
		return nil, nil, not("it is not a regular file")
	}
	head, err := fileHead(path, 512)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if x, err := openXLSX(path); err == nil {
			if x.sheetNamed(SheetManifest) == nil || x.sheetNamed(SheetInputs) == nil {
				_ = x.close()
				return nil, nil, not("the workbook has no Manifest and Inputs sheets (an input workbook is read with --input; verify checks what corecast run writes)")
			}
			e.Format = XLSX
			return x, e, nil
		}
		r, err := openCSVZip(path)
		if err != nil {
			return nil, nil, not(fmt.Sprintf("it cannot be read as a zip (%v)", err))
		}
		if !r.has("manifest") || !r.has("inputs_trusts") {
			_ = r.close()
			return nil, nil, not("the zip holds neither a workbook nor manifest.csv and inputs_trusts.csv")
		}
		e.Format, e.Zip = CSV, true
		return r, e, nil
	case bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"), []byte("{")):
		j, err := openJSON(path)
		if err != nil {
			return nil, nil, not(fmt.Sprintf("it is not a corecast JSON export (%v)", err))
		}
		e.Format = JSON
		return j, e, nil
	}
	return nil, nil, not("it is neither a workbook, a CSV zip nor a JSON document")
}

// fileHead reads up to n bytes from the start of a file.
func fileHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(bufio.NewReader(f), int64(n)))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return b, nil
}
