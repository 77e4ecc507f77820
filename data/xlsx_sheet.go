package data

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// readSheet streams one sheet's XML into a table, refusing it as soon as it
// passes a limit: more rows than maxRows, a row wider than maxRowCells or more
// cells than maxCells. Formula cells keep their saved values; those without
// one are marked for calculation.
func (wb *workbook) readSheet(ref sheetRef) (*table, error) {
	t := &table{file: wb.file, sheet: ref.name, hidden: ref.hidden}
	refuseSheet := func(format string, a ...any) error {
		return Problems{{File: wb.file, Sheet: ref.name, Expected: fmt.Sprintf(format, a...)}}
	}
	var (
		cur      row
		inRow    bool
		width    int // cells in the last row read, to size the next
		c        cell
		inCell   bool
		inValue  bool // inside <v> or an inline string's <t>
		phonetic int
		value    []byte // the cell's value as the file has it, reused cell to cell
		cellType string
		style    int
		hasF     bool
		lastRow  int
		lastCol  = -1
		nCells   int
		nRows    int
	)
	finishRow := func() {
		if inRow && (len(cur.cells) > 0 || cur.hidden) {
			t.rows = append(t.rows, cur)
			width = len(cur.cells)
		}
		cur, inRow = row{}, false
	}
	startRow := func(n int, hidden bool) {
		cur, inRow = row{num: n, hidden: hidden, cells: make([]cell, 0, max(width, 4))}, true
	}
	err := wb.decode(ref.part, func(tk *xmlToken) error {
		switch tk.kind {
		case xmlStart:
			switch string(tk.name) {
			case "col":
				if h, _ := tk.attr("hidden"); h == "1" || h == "true" {
					lo, _ := strconv.Atoi(tk.attrOr("min", "0"))
					hi, _ := strconv.Atoi(tk.attrOr("max", "0"))
					hi = min(hi, wb.lim.maxRowCells)
					for i := max(lo, 1); i <= hi; i++ {
						for len(t.hidCols) < i {
							t.hidCols = append(t.hidCols, false)
						}
						t.hidCols[i-1] = true
					}
				}
			case "row":
				finishRow()
				nRows++
				if nRows > wb.lim.maxRows {
					return refuseSheet("has more than %d rows; corecast reads sheets up to that size (check for stray cells far down the sheet)", wb.lim.maxRows)
				}
				n := lastRow + 1
				if r, ok := tk.attrBytes("r"); ok {
					if v, err := strconv.Atoi(string(r)); err == nil && v > 0 {
						n = v
					}
				}
				if n > wb.lim.maxRows {
					return refuseSheet("has more than %d rows; corecast reads sheets up to that size (check for stray cells far down the sheet: row %d holds something)", wb.lim.maxRows, n)
				}
				if n > 1_048_576 {
					return refuseSheet("has a row numbered %d, past Excel's last row 1048576; the file looks damaged", n)
				}
				lastRow, lastCol = n, -1
				h, _ := tk.attrBytes("hidden")
				startRow(n, string(h) == "1" || string(h) == "true")
			case "c":
				if !inRow {
					lastRow++
					startRow(lastRow, false)
				}
				inCell, hasF = true, false
				value = value[:0]
				col := lastCol + 1
				if r, ok := tk.attrBytes("r"); ok {
					if cc, _, err := splitCellRef(r); err == nil {
						col = cc
					}
				}
				if col >= wb.lim.maxRowCells || len(cur.cells) >= wb.lim.maxRowCells {
					return refuseSheet("row %d is wider than %d cells, Excel's limit; the file looks damaged", cur.num, wb.lim.maxRowCells)
				}
				nCells++
				if nCells > wb.lim.maxCells {
					return refuseSheet("has more than %d cells; corecast reads sheets up to that size", wb.lim.maxCells)
				}
				lastCol = col
				typ, _ := tk.attrBytes("t")
				cellType = cellTypeName(typ)
				style = 0
				if st, ok := tk.attrBytes("s"); ok {
					style, _ = strconv.Atoi(string(st))
				}
				c = cell{col: int32(col)}
			case "f":
				hasF = inCell
			case "v":
				inValue = inCell
			case "rPh":
				phonetic++
			case "t":
				inValue = inCell && phonetic == 0
			}
		case xmlEnd:
			switch string(tk.name) {
			case "v", "t":
				inValue = false
			case "rPh":
				phonetic--
			case "c":
				if !inCell {
					return nil
				}
				inCell = false
				if err := wb.finishCell(&c, cellType, style, hasF, value); err != nil {
					return refuseSheet("cell %s: %v", cellName(int(c.col), cur.num), err)
				}
				if c.kind != cellBlank || c.formula != noFormula {
					cur.cells = append(cur.cells, c)
				}
			case "row":
				finishRow()
			}
		case xmlText:
			if inValue {
				if len(value) > 1<<20 {
					return refuseSheet("row %d holds a cell of more than 1 MB of text", cur.num)
				}
				value = append(value, tk.text...)
			}
		}
		return nil
	})
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) {
			return nil, err
		}
		if errors.Is(err, errLimit) {
			return nil, refuse(wb.file, "unpacks to more than %d MB; corecast reads workbooks up to that size", wb.lim.maxUnzip>>20)
		}
		return nil, refuse(wb.file, "sheet %s could not be read; it looks damaged (%v)", ref.name, err)
	}
	finishRow()
	sortRows(t)
	return t, nil
}

// cellTypeName returns a cell's t attribute as a string without allocating
// for the types finishCell tells apart; any other reads as a number there,
// as no type does.
func cellTypeName(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return ""
}

// finishCell sets the cell's kind, text and format from what the XML held,
// v (which it does not keep: the caller reuses it).
func (wb *workbook) finishCell(c *cell, typ string, style int, hasF bool, v []byte) error {
	if style >= 0 && style < len(wb.formats) {
		c.format = wb.formats[style]
	}
	// A shared string cell holds an index, read without making it a string.
	text := func() string {
		if len(bytes.TrimSpace(v)) == 0 {
			return ""
		}
		return string(v)
	}
	switch typ {
	case "s":
		if len(v) == 0 {
			c.kind = cellBlank
			break
		}
		i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
		if err != nil || i < 0 || i >= len(wb.strings) {
			return fmt.Errorf("refers to shared string %q, which the file does not have", v)
		}
		c.kind, c.text = cellText, wb.strings[i]
	case "str", "inlineStr":
		c.kind, c.text = cellText, text()
	case "b":
		c.kind = cellBool
		c.text = "FALSE"
		if t := bytes.TrimSpace(v); string(t) == "1" || strings.EqualFold(string(t), "true") {
			c.text = "TRUE"
		}
	case "e":
		c.kind, c.text = cellError, text()
	case "d":
		c.kind, c.format, c.text = cellText, fmtDate, text()
	default:
		c.kind, c.text = cellNumber, text()
	}
	if strings.TrimSpace(c.text) == "" {
		c.kind, c.text = cellBlank, ""
	}
	if hasF {
		c.formula = savedValue
		if c.kind == cellBlank || wb.fullCalc {
			c.formula = uncalculable // until calculated
		}
	}
	return nil
}

// splitCellRef splits "AB12" into column 27 (0-based) and row 12.
func splitCellRef[T string | []byte](ref T) (col, rowNum int, err error) {
	i := 0
	col = 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' || i < len(ref) && ref[i] >= 'a' && ref[i] <= 'z' {
		ch := ref[i] | 0x20
		col = col*26 + int(ch-'a'+1)
		if col > 1<<20 {
			return 0, 0, fmt.Errorf("bad cell reference %q", ref)
		}
		i++
	}
	if i == 0 {
		return 0, 0, fmt.Errorf("bad cell reference %q", ref)
	}
	rowNum, err = strconv.Atoi(string(ref[i:]))
	return col - 1, rowNum, err
}

// cellName gives the Excel name of a cell, e.g. "C14".
func cellName(col, rowNum int) string {
	return columnLetters(col) + strconv.Itoa(rowNum)
}

// columnLetters gives column col (0 for A) in Excel's letters.
func columnLetters(col int) string {
	var b []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// sortRows puts rows in number order and each row's cells in column order,
// keeping the last of any cell given twice; files written by hand may list
// them out of order.
func sortRows(t *table) {
	sorted := true
	for i := 1; i < len(t.rows); i++ {
		if t.rows[i].num <= t.rows[i-1].num {
			sorted = false
		}
	}
	if !sorted {
		sortStableRows(t.rows)
	}
	for i := range t.rows {
		sortCells(&t.rows[i])
	}
}

func sortStableRows(rows []row) {
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.num, b.num) })
	// Merge rows given twice under one number, later cells winning.
	out := rows[:0]
	for _, r := range rows {
		if n := len(out); n > 0 && out[n-1].num == r.num {
			out[n-1].cells = append(out[n-1].cells, r.cells...)
			out[n-1].hidden = out[n-1].hidden || r.hidden
			continue
		}
		out = append(out, r)
	}
	clear(rows[len(out):])
}

func sortCells(r *row) {
	if slices.IsSortedFunc(r.cells, func(a, b cell) int { return cmp.Compare(a.col, b.col) }) {
		ok := true
		for i := 1; i < len(r.cells); i++ {
			if r.cells[i].col == r.cells[i-1].col {
				ok = false
				break
			}
		}
		if ok {
			return
		}
	}
	slices.SortStableFunc(r.cells, func(a, b cell) int { return cmp.Compare(a.col, b.col) })
	out := r.cells[:0]
	for _, c := range r.cells {
		if n := len(out); n > 0 && out[n-1].col == c.col {
			out[n-1] = c
			continue
		}
		out = append(out, c)
	}
	r.cells = out
}
