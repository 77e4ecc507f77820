package data

import "fmt"

// Records is one input sheet given as rows of text, its header row first,
// as another program holds it: a corecast export's Inputs sheet, whose
// tables have the columns of the Trusts, Funding and Observed sheets.
type Records struct {
	// Sheet is the sheet the rows stand for: SheetTrusts, SheetFunding or
	// SheetObserved.
	Sheet string
	// Where names the rows in problems and notes, e.g. "Inputs (Trusts)";
	// Sheet when empty.
	Where string
	// FirstRow is the row number of the header as the file shows it, so
	// that problems name the row a reader finds; 1 when zero.
	FirstRow int
	// Rows are the header and then one row per record; an empty string is
	// a blank cell.
	Rows [][]string
}

// LoadRecords reads inputs from rows of text by every rule a workbook is
// read by: the same columns, checks, problems and notes. file names the
// source in problems. Trusts and Funding must be given.
func LoadRecords(file string, sheets ...Records) (Loaded, error) {
	tables := map[string]*table{}
	for _, s := range sheets {
		switch s.Sheet {
		case SheetTrusts, SheetFunding, SheetObserved:
		default:
			return Loaded{}, fmt.Errorf("%s: rows for sheet %q, which is not an input sheet", file, s.Sheet)
		}
		first := s.FirstRow
		if first == 0 {
			first = 1
		}
		where := s.Where
		if where == "" {
			where = s.Sheet
		}
		if len(s.Rows) > MaxRows {
			return Loaded{}, refuse(file, "%s has more than %d rows; corecast reads sheets up to that size", where, MaxRows)
		}
		t := &table{file: file, sheet: where}
		for i, rec := range s.Rows {
			t.rows = append(t.rows, textRow(first+i, rec))
		}
		tables[s.Sheet] = t
	}
	missing := func(s sheetSchema) Problem {
		return Problem{File: file, Sheet: s.sheet, Expected: "is missing"}
	}
	var notes noteList
	return fromTables(tables, nil, missing, &notes)
}
