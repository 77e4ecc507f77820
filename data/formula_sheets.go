package data

import (
	"cmp"
	"slices"
	"strconv"
)

// Bounds on the formulas kept, across the sheets read and the sheets their
// formulas refer to, to look for circular references: the formula cells,
// and the parts of their formulas and of the defined names they use (terms,
// references, names), which are what they hold in memory (under 100 bytes
// each).
const (
	maxGraphFormulas = 200_000
	maxFormulaParts  = 1_500_000
)

// fcell is one formula cell of a sheet.
type fcell struct {
	row, col int32
	f        int32 // index in sheetFormulas.formulas; -1 when not known (a shared formula's copy whose master is missing)
	dr, dc   int32 // a shared formula's copy: how far it is from the master, whose references move with it
}

// sheetFormulas is what corecast knows of one sheet's formulas: each
// formula cell, the parsed formulas, and the sheet's extent and longest
// text, which bound what a reference to it can bring.
type sheetFormulas struct {
	cells    []fcell
	formulas []*formula
	lastRow  int32   // the last row holding a cell
	lastCol  int32   // the last column holding a cell
	maxText  int     // the longest text of a cell that is not a formula, in characters
	byCol    []int32 // cells' indexes sorted by column, then row
	cols     []int32 // the distinct columns holding formulas, in order
	colStart []int32 // byCol[colStart[k]:colStart[k+1]] are the cells of cols[k]
	// sharedMaster maps a shared formula's si to its master cell, while the
	// sheet streams; copies met before their master wait in pending.
	sharedMaster map[int]int32
	pending      []pendingShared
}

type pendingShared struct {
	cell int32 // index in cells
	si   int
}

// formulaCollector gathers a sheet's formulas as it streams: the <f> of the
// cell being read, then the cell when it ends.
type formulaCollector struct {
	sf    *sheetFormulas
	text  []byte // the <f> text of the cell being read
	units int
	inF   bool
	typ   string // the <f>'s t attribute: "", "shared", "array", "dataTable"
	si    int
	hasSI bool
}

// startF begins a cell's <f>.
func (fc *formulaCollector) startF(tk *xmlToken) {
	fc.inF, fc.text, fc.units = true, fc.text[:0], 0
	fc.typ, _ = tk.attr("t")
	fc.hasSI = false
	if v, ok := tk.attrBytes("si"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil {
			fc.si, fc.hasSI = n, true
		}
	}
}

// addText takes text inside <f>; false when the formula is longer than a
// cell's text may be.
func (fc *formulaCollector) addText(t []byte, max int) bool {
	if fc.units += textUnits(t); fc.units > max {
		return false
	}
	fc.text = append(fc.text, t...)
	return true
}

// endFormulaCell records the formula of the cell that ended at row, col,
// if it had one (hadF). tooMany says the workbook holds more formulas than
// corecast follows; tooDeep that this one is nested deeper than Excel
// allows.
func (wb *workbook) endFormulaCell(fc *formulaCollector, row, col int32, hadF bool) (tooMany, tooDeep bool) {
	if !hadF {
		return false, false
	}
	fc.inF = false
	sf := fc.sf
	if wb.nFormulas++; wb.nFormulas > wb.lim.maxGraph {
		return true, false
	}
	c := fcell{row: row, col: col, f: -1}
	idx := int32(len(sf.cells))
	switch {
	case fc.typ == "shared" && fc.hasSI && len(fc.text) == 0:
		// A copy of a shared formula: its master's formula, moved.
		if m, ok := sf.sharedMaster[fc.si]; ok {
			mc := sf.cells[m]
			c.f, c.dr, c.dc = mc.f, row-mc.row, col-mc.col
		} else {
			sf.pending = append(sf.pending, pendingShared{cell: idx, si: fc.si})
		}
	case fc.typ == "dataTable":
		// A what-if data table: its cells are not followed.
		f := &formula{expr: fexpr{terms: []fterm{{kind: fDynamic}}}}
		sf.formulas = append(sf.formulas, f)
		c.f = int32(len(sf.formulas) - 1)
	default:
		f := parseFormula(string(fc.text))
		if f.bad {
			return false, true
		}
		if wb.formulaParts += f.parts; wb.formulaParts > wb.lim.maxParts {
			return true, false
		}
		sf.formulas = append(sf.formulas, f)
		c.f = int32(len(sf.formulas) - 1)
		if fc.typ == "shared" && fc.hasSI {
			if sf.sharedMaster == nil {
				sf.sharedMaster = map[int]int32{}
			}
			if _, seen := sf.sharedMaster[fc.si]; !seen {
				sf.sharedMaster[fc.si] = idx
			}
		}
	}
	sf.cells = append(sf.cells, c)
	return false, false
}

// finish resolves shared copies met before their master, sorts the cells
// and indexes them by column.
func (sf *sheetFormulas) finish() {
	for _, p := range sf.pending {
		if m, ok := sf.sharedMaster[p.si]; ok {
			mc, c := sf.cells[m], &sf.cells[p.cell]
			c.f, c.dr, c.dc = mc.f, c.row-mc.row, c.col-mc.col
		}
	}
	sf.pending, sf.sharedMaster = nil, nil
	slices.SortStableFunc(sf.cells, func(a, b fcell) int {
		return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	// A cell given twice keeps the last, as the table does.
	out := sf.cells[:0]
	for _, c := range sf.cells {
		if n := len(out); n > 0 && out[n-1].row == c.row && out[n-1].col == c.col {
			out[n-1] = c
			continue
		}
		out = append(out, c)
	}
	sf.cells = out
	sf.byCol = make([]int32, len(sf.cells))
	for i := range sf.byCol {
		sf.byCol[i] = int32(i)
	}
	slices.SortFunc(sf.byCol, func(a, b int32) int {
		x, y := sf.cells[a], sf.cells[b]
		return cmp.Or(cmp.Compare(x.col, y.col), cmp.Compare(x.row, y.row))
	})
	sf.cols, sf.colStart = nil, nil
	for i, k := range sf.byCol {
		if c := sf.cells[k].col; len(sf.cols) == 0 || sf.cols[len(sf.cols)-1] != c {
			sf.cols = append(sf.cols, c)
			sf.colStart = append(sf.colStart, int32(i))
		}
	}
	sf.colStart = append(sf.colStart, int32(len(sf.byCol)))
}

// find returns the index of the formula cell at row, col, or -1.
func (sf *sheetFormulas) find(row, col int32) int32 {
	i, ok := slices.BinarySearchFunc(sf.cells, fcell{row: row, col: col}, func(a, b fcell) int {
		return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	if !ok {
		return -1
	}
	return int32(i)
}

// rangeIter walks the formula cells of a sheet inside a rectangle, column
// by column, doing work in proportion to the cells it finds and the
// columns holding formulas, not to the rectangle's size.
type rangeIter struct {
	sf         *sheetFormulas
	r1, r2, c2 int32
	colPos     int  // in sf.cols
	pos, end   int  // in sf.byCol, within the current column
	inCol      bool // pos and end are set for sf.cols[colPos]
}

// newRangeIter starts a walk of the rectangle r (already on sf's sheet).
func newRangeIter(sf *sheetFormulas, r fref) rangeIter {
	k, _ := slices.BinarySearch(sf.cols, r.c1)
	return rangeIter{sf: sf, r1: r.r1, r2: r.r2, c2: r.c2, colPos: k}
}

// next returns the next formula cell's index in sf.cells; steps counts the
// work done, columns looked at included.
func (it *rangeIter) next(steps *int64) (int32, bool) {
	sf := it.sf
	for {
		if it.inCol {
			if it.pos < it.end {
				if k := sf.byCol[it.pos]; sf.cells[k].row <= it.r2 {
					it.pos++
					*steps++
					return k, true
				}
			}
			it.colPos++
			it.inCol = false
		}
		if it.colPos >= len(sf.cols) || sf.cols[it.colPos] > it.c2 {
			return 0, false
		}
		*steps++
		lo, hi := int(sf.colStart[it.colPos]), int(sf.colStart[it.colPos+1])
		j, _ := slices.BinarySearchFunc(sf.byCol[lo:hi], it.r1, func(k int32, row int32) int { return cmp.Compare(sf.cells[k].row, row) })
		it.pos, it.end, it.inCol = lo+j, hi, true
	}
}

// area is how many cells the rectangle r of sf's sheet covers as excelize
// reads it: a whole-column or whole-row reference only as far as the
// sheet's cells go, any other in full.
func (sf *sheetFormulas) area(r fref) int64 {
	rows := int64(r.r2 - r.r1 + 1)
	cols := int64(r.c2 - r.c1 + 1)
	if r.wholeCols {
		rows = int64(max(0, min(r.r2, sf.lastRow)-r.r1+1))
	}
	if r.wholeRows {
		cols = int64(max(0, min(r.c2, sf.lastCol)-r.c1+1))
	}
	return rows * cols
}
