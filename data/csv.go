package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"corecast/model"
)

// File names of a CSV input directory.
const (
	FileTrusts   = "trusts.csv"
	FileFunding  = "funding.csv"
	FileScenario = "scenario.csv"
)

// LoadDir reads a directory holding trusts.csv, funding.csv and optionally
// scenario.csv (names matched case-insensitively), with the columns of the
// Trusts, Funding and Scenario sheets.
func LoadDir(dir string) (model.Inputs, []KeyValue, error) {
	return loadDir(dir, defaultLimits())
}

func loadDir(dir string, lim limits) (model.Inputs, []KeyValue, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return model.Inputs{}, nil, fmt.Errorf("cannot read input directory %s: %w", dir, err)
	}
	found := map[string]string{}
	for _, e := range entries {
		for _, want := range []string{FileTrusts, FileFunding, FileScenario} {
			if !e.IsDir() && strings.EqualFold(e.Name(), want) {
				found[want] = filepath.Join(dir, e.Name())
			}
		}
	}
	tables := map[string]*table{}
	for want, path := range found {
		b, err := readFileLimited(path, lim)
		if err != nil {
			return model.Inputs{}, nil, err
		}
		t, err := readCSV(path, b, lim)
		if err != nil {
			return model.Inputs{}, nil, err
		}
		tables[want] = t
	}
	missing := func(sheet string) Problem {
		name := FileTrusts
		if sheet == SheetFunding {
			name = FileFunding
		}
		return Problem{File: filepath.Join(dir, name), Expected: "is missing: an input directory needs trusts.csv and funding.csv (see the workbook schema in the README)"}
	}
	return fromTables(tables[FileTrusts], tables[FileFunding], tables[FileScenario], missing)
}

// LoadCSV reads inputs from CSV streams with the columns of the Trusts,
// Funding and Scenario sheets; scenario may be nil. Problems name the files
// as dir/trusts.csv and so on. Each stream is limited to MaxFileBytes.
func LoadCSV(dir string, trusts, funding, scenario io.Reader) (model.Inputs, []KeyValue, error) {
	lim := defaultLimits()
	read := func(name string, r io.Reader) (*table, error) {
		if r == nil {
			return nil, nil
		}
		path := filepath.Join(dir, name)
		b, err := readLimited(path, r, lim)
		if err != nil {
			return nil, err
		}
		return readCSV(path, b, lim)
	}
	tt, err := read(FileTrusts, trusts)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	ft, err := read(FileFunding, funding)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	st, err := read(FileScenario, scenario)
	if err != nil {
		return model.Inputs{}, nil, err
	}
	missing := func(sheet string) Problem {
		return Problem{File: filepath.Join(dir, strings.ToLower(sheet)+".csv"), Expected: "is missing"}
	}
	return fromTables(tt, ft, st, missing)
}

// readCSV parses CSV bytes into a table whose row numbers are the line on
// which each record starts, as a text editor or spreadsheet shows it.
func readCSV(file string, b []byte, lim limits) (*table, error) {
	if int64(len(b)) > lim.maxBytes {
		return nil, refuse(file, "is larger than %d MB; corecast reads files up to that size", lim.maxBytes>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(b, zipMagic) || bytes.HasPrefix(b, oleMagic) {
		return nil, refuse(file, "is a spreadsheet file, not CSV text; save it as CSV (comma delimited) or load the workbook itself")
	}
	if !utf8.Valid(b) {
		return nil, refuse(file, "is not UTF-8 text; save it as \"CSV UTF-8 (comma delimited)\"")
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	t := &table{file: file}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, Problems{{File: file, Row: pe.StartLine, Expected: fmt.Sprintf("is not valid CSV here (%v)", pe.Err)}}
			}
			return nil, refuse(file, "is not valid CSV (%v)", err)
		}
		if len(t.rows) >= lim.maxRows {
			return nil, refuse(file, "has more than %d rows; corecast reads files up to that size", lim.maxRows)
		}
		line, _ := r.FieldPos(0)
		t.rows = append(t.rows, row{num: line, cells: rec})
	}
	return t, nil
}
