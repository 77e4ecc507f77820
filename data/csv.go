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
)

// File names of a CSV input directory.
const (
	FileTrusts   = "trusts.csv"
	FileFunding  = "funding.csv"
	FileScenario = "scenario.csv"
	FileObserved = "observed.csv"
)

// LoadDir reads a directory holding trusts.csv, funding.csv and optionally
// scenario.csv (names matched case-insensitively), with the columns of the
// Trusts, Funding and Scenario sheets.
func LoadDir(dir string, m *Mapping) (Loaded, error) {
	return loadDir(dir, m, defaultLimits())
}

func loadDir(dir string, m *Mapping, lim limits) (Loaded, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Loaded{}, fmt.Errorf("cannot read input directory %s: %w", dir, pathErr(err))
	}
	var ps problemList
	var notes noteList
	tables := map[string]*table{}
	sum := newDirDigest()
	for _, s := range []sheetSchema{trustsSchema, fundingSchema, scenarioSchema, observedSchema} {
		var found []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(e.Name(), s.csv) {
				found = append(found, e.Name())
			}
		}
		if len(found) > 1 {
			ps.add(Problem{File: dir, Expected: fmt.Sprintf("holds %d files that could be %s (%s); remove all but one", len(found), s.csv, strings.Join(found, ", "))})
			continue
		}
		if len(found) == 0 {
			continue
		}
		path := filepath.Join(dir, found[0])
		b, err := readFileLimited(path, lim)
		if err != nil {
			return Loaded{}, err
		}
		sum.add(s, b)
		t, err := readCSV(path, b, lim, &notes)
		if err != nil {
			return Loaded{}, err
		}
		tables[s.sheet] = t
	}
	if err := ps.err(); err != nil {
		return Loaded{}, err
	}
	missing := func(s sheetSchema) Problem {
		return Problem{File: filepath.Join(dir, s.csv), Expected: "is missing: an input directory needs trusts.csv and funding.csv (see the workbook schema in the README)" + csvFilesFound(entries)}
	}
	out, err := fromTables(tables, m, missing, &notes)
	if err == nil {
		out.Digest = sum.digest()
	}
	return out, err
}

// csvFilesFound lists the CSV files a directory holds, for the problem that
// says one is missing: "Trust list.csv" is then one rename away.
func csvFilesFound(entries []os.DirEntry) string {
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			names = append(names, fmt.Sprintf("%q", e.Name()))
		}
	}
	switch {
	case len(names) == 0:
		return "; the directory holds no CSV files"
	case len(names) > 12:
		names = append(names[:12], fmt.Sprintf("and %d more", len(names)-12))
	}
	return "; the directory holds " + strings.Join(names, ", ") + ": rename the one that is meant"
}

// LoadCSV reads inputs from CSV streams with the columns of the Trusts,
// Funding and Scenario sheets; scenario may be nil. Problems name the files
// as dir/trusts.csv and so on. Each stream is limited to MaxFileBytes.
func LoadCSV(dir string, trusts, funding, scenario io.Reader, m *Mapping) (Loaded, error) {
	lim := defaultLimits()
	var notes noteList
	tables := map[string]*table{}
	sum := newDirDigest()
	for _, x := range []struct {
		s sheetSchema
		r io.Reader
	}{{trustsSchema, trusts}, {fundingSchema, funding}, {scenarioSchema, scenario}} {
		if x.r == nil {
			continue
		}
		path := filepath.Join(dir, x.s.csv)
		b, err := readLimited(path, x.r, lim)
		if err != nil {
			return Loaded{}, err
		}
		sum.add(x.s, b)
		t, err := readCSV(path, b, lim, &notes)
		if err != nil {
			return Loaded{}, err
		}
		tables[x.s.sheet] = t
	}
	missing := func(s sheetSchema) Problem {
		return Problem{File: filepath.Join(dir, s.csv), Expected: "is missing"}
	}
	out, err := fromTables(tables, m, missing, &notes)
	if err == nil {
		out.Digest = sum.digest()
	}
	return out, err
}

// delimiters are the separators spreadsheets write in "CSV" files, by name.
var delimiters = []struct {
	ch   byte
	name string
}{{';', "semicolons (;)"}, {'\t', "tabs"}, {'|', "vertical bars (|)"}}

// readCSV parses CSV bytes into a table whose row numbers are the line on
// which each record starts, as a text editor or spreadsheet shows it. A file
// separated by something other than commas is refused, naming what it uses;
// one with old Mac line endings (CR alone) is read, with a note.
func readCSV(file string, b []byte, lim limits, notes *noteList) (*table, error) {
	lim = lim.filled()
	if int64(len(b)) > lim.maxBytes {
		return nil, refuse(file, "is larger than %d MB; corecast reads files up to that size", lim.maxBytes>>20)
	}
	if bytes.HasPrefix(b, zipMagic) || bytes.HasPrefix(b, oleMagic) {
		return nil, refuse(file, "is a spreadsheet file, not CSV text; save it as CSV (comma delimited) or load the workbook itself")
	}
	b, err := decodeCSVText(file, b, notes)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(b, '\r') >= 0 && bytes.IndexByte(b, '\n') < 0 {
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
		notes.add(Note{File: file, Text: "has old Mac line endings (a carriage return alone); each was read as a line break"})
	}
	if err := checkDelimiter(file, b); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	t := &table{file: file, wbSheet: -1}
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
		if len(rec) > lim.maxRowCells {
			line, _ := r.FieldPos(0)
			return nil, refuse(file, "line %d has more than %d values, Excel's limit", line, lim.maxRowCells)
		}
		for i, f := range rec {
			if overText(f, lim.maxText) {
				line, _ := r.FieldPos(i)
				return nil, Problems{{File: file, Row: line, Expected: fmt.Sprintf("value %d holds more than %s characters, Excel's limit for a cell (a spreadsheet would cut it); is a quote left open?", i+1, formatThousands(lim.maxText))}}
			}
		}
		line, _ := r.FieldPos(0)
		t.rows = append(t.rows, textRow(line, rec))
	}
	return t, nil
}

// checkDelimiter refuses a file whose first line has no comma but another
// separator: reading it as one column would report every column missing.
func checkDelimiter(file string, b []byte) error {
	first := b
	for len(first) > 0 {
		line := first
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			line, first = first[:i], first[i+1:]
		} else {
			first = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if bytes.IndexByte(line, ',') >= 0 {
			return nil
		}
		for _, d := range delimiters {
			if bytes.IndexByte(line, d.ch) >= 0 {
				return refuse(file, "separates its values with %s, not commas; save it as \"CSV UTF-8 (comma delimited)\"", d.name)
			}
		}
		return nil
	}
	return nil
}
