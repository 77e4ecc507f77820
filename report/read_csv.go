package report

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// csvReader reads a CSV export back, from a .zip or a directory: one
// table a file, name.csv.
type csvReader struct {
	zc    *zip.ReadCloser      // the zip; nil for a directory
	files map[string]*zip.File // the zip's tables by name
	dir   string               // the directory; empty for a zip
	names []string             // the tables, in the zip's order or by name
}

// openCSVZip opens a zip of CSV files.
func openCSVZip(path string) (*csvReader, error) {
	zc, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	r := &csvReader{zc: zc, files: map[string]*zip.File{}}
	for _, f := range zc.File {
		if name, ok := strings.CutSuffix(f.Name, ".csv"); ok && !strings.Contains(name, "/") {
			r.files[name] = f
			r.names = append(r.names, name)
		}
	}
	return r, nil
}

// openCSVDir opens a directory of CSV files. Only the files named as an
// export's tables are its own: a directory may hold others.
func openCSVDir(dir string) (*csvReader, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	r := &csvReader{dir: dir}
	known := tableNames()
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".csv"); ok && !e.IsDir() && slices.Contains(known, name) {
			r.names = append(r.names, name)
		}
	}
	return r, nil
}

func (r *csvReader) close() error {
	if r.zc != nil {
		return r.zc.Close()
	}
	return nil
}

// has reports whether the export holds the named table.
func (r *csvReader) has(name string) bool { return slices.Contains(r.names, name) }

// reader opens the named table's file.
func (r *csvReader) reader(name string) (io.ReadCloser, error) {
	if r.zc != nil {
		return r.files[name].Open()
	}
	return os.Open(filepath.Join(r.dir, name+".csv"))
}

// parts lists the tables; a CSV file names no sheet.
func (r *csvReader) parts() []partRef {
	out := make([]partRef, len(r.names))
	for i, n := range r.names {
		out[i] = partRef{name: n}
	}
	return out
}

// open streams the named table's records, the header row 1.
func (r *csvReader) open(name string) (cellRows, error) {
	if !r.has(name) {
		return nil, nil
	}
	rc, err := r.reader(name)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(rc)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvRows{rc: rc, r: cr}, nil
}

// table reads the named table as text, input text unescaped.
func (r *csvReader) table(name string) (*textTable, error) {
	rows, err := r.open(name)
	if err != nil || rows == nil {
		return nil, err
	}
	return readTextTable(rows, 1, 2, unescapeCSVText)
}

// unescapeCSVText undoes the quote that the CSV writer puts before input
// text a spreadsheet would read as a formula.
func unescapeCSVText(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && dangerous(rest) {
		return rest
	}
	return s
}

// csvRows streams a CSV file's records.
type csvRows struct {
	rc  io.ReadCloser
	r   *csv.Reader
	row int
}

func (c *csvRows) close() error { return c.rc.Close() }

// next returns the next record, numbered from 1 for the header, its
// empty fields left out; a field that reads as a number is one.
func (c *csvRows) next() (int, []xcell, error) {
	rec, err := c.r.Read()
	if err != nil {
		return 0, nil, err
	}
	c.row++
	cells := make([]xcell, 0, len(rec))
	for j, f := range rec {
		if f == "" {
			continue
		}
		k := xText
		if csvNumber(f) {
			k = xNumber
		}
		cells = append(cells, xcell{col: j + 1, kind: k, text: f})
	}
	return c.row, cells, nil
}

// csvNumber reports whether a CSV field is a number as the writer writes
// one: decimal digits, a sign, a point and an exponent, never NaN, Inf or
// hexadecimal.
func csvNumber(f string) bool {
	if strings.ContainsFunc(f, func(r rune) bool { return !strings.ContainsRune("0123456789+-.eE", r) }) {
		return false
	}
	_, err := strconv.ParseFloat(f, 64)
	return err == nil
}
