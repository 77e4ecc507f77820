package data

import (
	"sort"
	"strings"
)

// cellKind is what a cell holds, as the workbook stores it.
type cellKind uint8

const (
	cellBlank  cellKind = iota
	cellText            // a string (shared, inline or a formula's text result)
	cellNumber          // a number, text holds its stored form ("0.62")
	cellBool            // TRUE or FALSE
	cellError           // a formula error value such as #DIV/0!
)

// cellFormat is what the cell's number format makes of a number.
type cellFormat uint8

const (
	fmtGeneral   cellFormat = iota
	fmtPercent              // shown as a percentage: 0.62 shows as 62%
	fmtDate                 // shown as a date or time
	fmtThousands            // shown divided by 1,000 (a format such as #,##0,)
	fmtMillions             // shown divided by 1,000,000 (#,##0.0,,)
	fmtBillions             // shown divided by 1,000,000,000 (#,##0,,,)
)

// displayScale is what a scaled format divides a number by for display
// (1 for the other formats).
func (f cellFormat) displayScale() float64 {
	switch f {
	case fmtThousands:
		return 1e3
	case fmtMillions:
		return 1e6
	case fmtBillions:
		return 1e9
	}
	return 1
}

// formulaState says whether a cell holds a formula and where its value came from.
type formulaState uint8

const (
	noFormula    formulaState = iota
	savedValue                // a formula whose value the file saved
	calculated                // a formula corecast calculated (no saved value)
	uncalculable              // a formula with no saved value that could not be calculated
	circular                  // a formula whose value depends on itself: a problem whatever it saved
)

// cell is one cell of a sheet or CSV file.
type cell struct {
	col     int32 // column, 0 for A
	kind    cellKind
	format  cellFormat
	formula formulaState
	// filled marks a cell of a merge other than its first, given the first
	// cell's value.
	filled bool
	// struck marks a cell whose font strikes its text through.
	struck bool
	// subtotal marks a formula calling SUBTOTAL or AGGREGATE, as the rows
	// Excel's Data › Subtotal adds hold.
	subtotal bool
	text     string // the value as text; a number in the form the file stores it
}

// row is one row of a sheet or CSV file: its number as Excel shows it and its
// non-blank cells in column order.
type row struct {
	num    int
	hidden bool
	cells  []cell
}

// get returns the cell in column col (a blank cell when there is none).
func (r row) get(col int) cell {
	i := sort.Search(len(r.cells), func(i int) bool { return int(r.cells[i].col) >= col })
	if i < len(r.cells) && int(r.cells[i].col) == col {
		return r.cells[i]
	}
	return cell{col: int32(col)}
}

// blank reports whether the row holds nothing but blanks and spaces.
func (r row) blank() bool {
	for _, c := range r.cells {
		if c.kind != cellBlank && strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// table is one sheet or CSV file.
type table struct {
	file    string // file name for problems
	sheet   string // sheet name; empty for CSV
	hidden  bool   // the sheet is hidden in the workbook
	rows    []row
	hidCols []bool // hidden columns (by index), when the sheet hides any
	// wbSheet is the sheet's place in its workbook (-1 for CSV), and why
	// says, by row and column, why a formula cell is circular or was not
	// calculated.
	wbSheet int
	why     map[[2]int32]string
	// merges are the sheet's merged ranges, which readSheet has filled, for
	// the note that says so.
	merges []cellRange
}

// cellRange is a rectangle of cells, as a merge names it: columns from 0,
// rows as Excel numbers them.
type cellRange struct {
	col1, row1, col2, row2 int
}

// String writes the range as Excel does, e.g. "A2:A5".
func (m cellRange) String() string {
	return cellName(m.col1, m.row1) + ":" + cellName(m.col2, m.row2)
}

// setWhy records why the formula at row, col is circular or not calculated.
func (t *table) setWhy(row int, col int32, why string) {
	if t.why == nil {
		t.why = map[[2]int32]string{}
	}
	t.why[[2]int32{int32(row), col}] = why
}

// whyOf is the reason setWhy recorded for the cell, or "".
func (t *table) whyOf(row int, col int32) string { return t.why[[2]int32{int32(row), col}] }

// textRow builds a row of text cells, as a CSV record gives them.
func textRow(num int, rec []string) row {
	r := row{num: num, cells: make([]cell, 0, len(rec))}
	for i, s := range rec {
		if s == "" {
			continue
		}
		r.cells = append(r.cells, cell{col: int32(i), kind: cellText, text: s})
	}
	return r
}
