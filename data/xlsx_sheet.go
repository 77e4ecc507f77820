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
// one are marked for calculation. The sheet's formulas are kept as well, to
// look for circular references.
func (wb *workbook) readSheet(ref sheetRef) (*table, error) {
	return wb.streamSheet(ref, true)
}

// readSheetFormulas streams a sheet that is not read as a table, which a
// formula refers to, keeping only its formulas, under the same limits.
func (wb *workbook) readSheetFormulas(ref sheetRef) error {
	_, err := wb.streamSheet(ref, false)
	return err
}

// streamSheet reads a sheet's XML: into a table when keep is set, and its
// formulas into wb.fsheets in any case.
func (wb *workbook) streamSheet(ref sheetRef, keep bool) (*table, error) {
	r := &sheetReader{wb: wb, ref: ref, t: &table{file: wb.file, sheet: ref.name, hidden: ref.hidden, wbSheet: ref.index}, lastCol: -1, keep: keep}
	r.fc.sf = &sheetFormulas{}
	err := wb.decode(ref.part, func(tk *xmlToken) error {
		switch tk.kind {
		case xmlStart:
			return r.start(tk)
		case xmlEnd:
			return r.end(tk)
		case xmlText:
			return r.text(tk)
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
		var tl *xmlTooLong
		if errors.As(err, &tl) && tl.text && r.inValue {
			return nil, r.tooMuchText()
		}
		return nil, refuse(wb.file, "sheet %s could not be read; it looks damaged (%v)", ref.name, err)
	}
	r.finishRow()
	r.markHiddenColumns()
	sortRows(r.t)
	if r.keep {
		if err := fillMerges(r.t, r.wb.lim.maxCells-r.nCells); err != nil {
			return nil, r.refuse("%v", err)
		}
	}
	r.fc.sf.finish()
	if r.sharedSeen {
		r.fc.sf.maxText = max(r.fc.sf.maxText, wb.maxShared)
	}
	if wb.fsheets == nil {
		wb.fsheets = make([]*sheetFormulas, len(wb.sheets))
	}
	wb.fsheets[ref.index] = r.fc.sf
	return r.t, nil
}

// sheetReader is readSheet's state as it walks a sheet's XML: the row and
// the cell being read, and the counts the limits are held to.
type sheetReader struct {
	wb  *workbook
	ref sheetRef
	t   *table

	cur      row
	inRow    bool
	width    int // cells in the last row read, to size the next
	c        cell
	inCell   bool
	inValue  bool // inside <v> or an inline string's <t>
	phonetic int
	value    []byte // the cell's value as the file has it, reused cell to cell
	units    int    // the characters in value, as Excel counts them
	cellType string
	style    int
	hasF     bool
	inF      bool // inside <f>
	subtotal bool // the cell's formula calls SUBTOTAL or AGGREGATE
	hasV     bool // the cell has a <v>, even an empty one: its value was saved
	lastRow  int
	lastCol  int
	nCells   int
	nRows    int
	nCols    int      // <col> elements read
	hidSpans [][2]int // the first and last column of each hidden <col>

	keep       bool // keep the rows (a table), not only the formulas
	fc         formulaCollector
	sharedSeen bool // a cell holds a shared string
}

// refuse is a problem with the whole sheet.
func (r *sheetReader) refuse(format string, a ...any) error {
	return Problems{{File: r.wb.file, Sheet: r.ref.name, Expected: fmt.Sprintf(format, a...)}}
}

// start takes an element's start tag.
func (r *sheetReader) start(tk *xmlToken) error {
	switch string(tk.name) {
	case "col":
		return r.hideColumns(tk)
	case "row":
		return r.startRowTag(tk)
	case "c":
		return r.startCell(tk)
	case "f":
		if r.hasF = r.inCell; r.inCell {
			r.fc.startF(tk)
		}
		r.inF = r.inCell
	case "v":
		r.inValue = r.inCell
		r.hasV = r.inCell
	case "rPh":
		r.phonetic++
	case "t":
		r.inValue = r.inCell && r.phonetic == 0
	case "mergeCell":
		if ref, ok := tk.attrBytes("ref"); ok {
			if m, ok := mergeRef(ref); ok {
				if len(r.t.merges) >= r.wb.lim.maxCells {
					return r.refuse("has more than %d merged ranges; corecast reads sheets up to that size", r.wb.lim.maxCells)
				}
				r.t.merges = append(r.t.merges, m)
			}
		}
	}
	return nil
}

// hideColumns keeps the span of columns a hidden <col> covers. A sheet
// has at most one <col> for each of its columns: more are refused. The
// spans are marked once the sheet is read (markHiddenColumns), since
// spans that overlap, as a hostile file's may, would take as long as the
// file likes to mark one by one.
func (r *sheetReader) hideColumns(tk *xmlToken) error {
	if r.nCols++; r.nCols > r.wb.lim.maxRowCells {
		return r.refuse("describes more than %d columns, Excel's limit; the file looks damaged", r.wb.lim.maxRowCells)
	}
	if h, _ := tk.attr("hidden"); h != "1" && h != "true" {
		return nil
	}
	lo, _ := strconv.Atoi(tk.attrOr("min", "0"))
	hi, _ := strconv.Atoi(tk.attrOr("max", "0"))
	if lo, hi = max(lo, 1), min(hi, r.wb.lim.maxRowCells); lo <= hi {
		r.hidSpans = append(r.hidSpans, [2]int{lo, hi})
	}
	return nil
}

// markHiddenColumns marks the columns of the hidden spans, each once.
func (r *sheetReader) markHiddenColumns() {
	if len(r.hidSpans) == 0 {
		return
	}
	slices.SortFunc(r.hidSpans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	last := 0
	for _, sp := range r.hidSpans {
		if sp[1] > last {
			last = sp[1]
		}
	}
	r.t.hidCols = make([]bool, last)
	done := 0 // columns 1 to done are marked where hidden
	for _, sp := range r.hidSpans {
		for i := max(sp[0], done+1); i <= sp[1]; i++ {
			r.t.hidCols[i-1] = true
		}
		done = max(done, sp[1])
	}
}

// startRowTag begins a <row>, numbered by its r attribute or after the last.
func (r *sheetReader) startRowTag(tk *xmlToken) error {
	lim := r.wb.lim
	r.finishRow()
	r.nRows++
	if r.nRows > lim.maxRows {
		return r.refuse("has more than %d rows; corecast reads sheets up to that size (check for stray cells far down the sheet)", lim.maxRows)
	}
	n := r.lastRow + 1
	if v, ok := tk.attrBytes("r"); ok {
		if v, err := strconv.Atoi(string(v)); err == nil && v > 0 {
			n = v
		}
	}
	if n > lim.maxRows {
		return r.refuse("has more than %d rows; corecast reads sheets up to that size (check for stray cells far down the sheet: row %d holds something)", lim.maxRows, n)
	}
	if n > 1_048_576 {
		return r.refuse("has a row numbered %d, past Excel's last row 1048576; the file looks damaged", n)
	}
	r.lastRow, r.lastCol = n, -1
	h, _ := tk.attrBytes("hidden")
	r.startRow(n, string(h) == "1" || string(h) == "true")
	return nil
}

// startCell begins a <c>, in the column its r attribute names or after the
// last.
func (r *sheetReader) startCell(tk *xmlToken) error {
	lim := r.wb.lim
	if !r.inRow {
		r.lastRow++
		r.startRow(r.lastRow, false)
	}
	r.inCell, r.hasF, r.hasV, r.subtotal = true, false, false, false
	r.value, r.units = r.value[:0], 0
	col := r.lastCol + 1
	if ref, ok := tk.attrBytes("r"); ok {
		if cc, _, err := splitCellRef(ref); err == nil {
			col = cc
		}
	}
	if col >= lim.maxRowCells || len(r.cur.cells) >= lim.maxRowCells {
		return r.refuse("row %d is wider than %d cells, Excel's limit; the file looks damaged", r.cur.num, lim.maxRowCells)
	}
	r.nCells++
	if r.nCells > lim.maxCells {
		return r.refuse("has more than %d cells; corecast reads sheets up to that size", lim.maxCells)
	}
	r.lastCol = col
	typ, _ := tk.attrBytes("t")
	r.cellType = cellTypeName(typ)
	r.style = 0
	if st, ok := tk.attrBytes("s"); ok {
		r.style, _ = strconv.Atoi(string(st))
	}
	r.c = cell{col: int32(col)}
	return nil
}

// end takes an element's end tag.
func (r *sheetReader) end(tk *xmlToken) error {
	switch string(tk.name) {
	case "f":
		r.fc.inF, r.inF = false, false
	case "v", "t":
		r.inValue = false
	case "rPh":
		r.phonetic--
	case "c":
		if !r.inCell {
			return nil
		}
		r.inCell = false
		if err := r.wb.finishCell(&r.c, r.cellType, r.style, r.hasF, r.hasV, r.value); err != nil {
			return r.refuse("cell %s: %v", cellName(int(r.c.col), r.cur.num), err)
		}
		r.c.subtotal = r.subtotal
		if err := r.endFormula(); err != nil {
			return err
		}
		if r.keep && (r.c.kind != cellBlank || r.c.formula != noFormula) {
			r.cur.cells = append(r.cur.cells, r.c)
		}
	case "row":
		r.finishRow()
	}
	return nil
}

// endFormula keeps the formula of the cell just read, if it has one, and
// the sheet's extent and longest text, which bound what a reference to the
// sheet brings.
func (r *sheetReader) endFormula() error {
	sf := r.fc.sf
	sf.lastRow = max(sf.lastRow, int32(r.cur.num))
	sf.lastCol = max(sf.lastCol, r.c.col)
	switch {
	case r.hasF:
	case r.cellType == "s":
		r.sharedSeen = true
	default:
		sf.maxText = max(sf.maxText, r.units)
	}
	tooMany, tooDeep := r.wb.endFormulaCell(&r.fc, int32(r.cur.num), r.c.col, r.hasF)
	switch {
	case tooMany:
		return r.wb.tooManyFormulas()
	case tooDeep:
		return r.refuse("cell %s holds a formula nested more than %d levels deep; the file looks damaged", cellName(int(r.c.col), r.cur.num), maxFormulaDepth)
	}
	return nil
}

// tooManyFormulas is the problem with a workbook whose formulas are more,
// or larger, than corecast keeps to look for circular references.
func (wb *workbook) tooManyFormulas() error {
	if wb.nFormulas > wb.lim.maxGraph {
		return refuse(wb.file, "has more than %s formulas in the sheets corecast reads and the sheets they refer to; corecast checks formulas for circular references up to that many", formatThousands(wb.lim.maxGraph))
	}
	return refuse(wb.file, "has formulas of more than %s parts (references, names, values, functions) in all in the sheets corecast reads and the sheets they refer to; corecast checks formulas for circular references up to that size", formatThousands(wb.lim.maxParts))
}

// text takes character data, kept when it is a cell's value or formula.
func (r *sheetReader) text(tk *xmlToken) error {
	if r.inF && (containsFoldASCII(string(tk.text), "subtotal(") || containsFoldASCII(string(tk.text), "aggregate(")) {
		r.subtotal = true
	}
	if r.fc.inF {
		if !r.fc.addText(tk.text, r.wb.lim.maxText) {
			return r.refuse("cell %s holds a formula of more than %s characters; the file looks damaged", cellName(int(r.c.col), r.cur.num), formatThousands(r.wb.lim.maxText))
		}
		return nil
	}
	if !r.inValue {
		return nil
	}
	// A cell's text may come in several runs (rich text, CDATA), so the
	// count is kept across them.
	if r.units += textUnits(tk.text); r.units > r.wb.lim.maxText {
		return r.tooMuchText()
	}
	r.value = append(r.value, tk.text...)
	return nil
}

// tooMuchText is the problem with a cell holding more text than Excel
// allows, which only a damaged or made-up file can.
func (r *sheetReader) tooMuchText() error {
	return r.refuse("cell %s holds more than %s characters, Excel's limit for a cell; the file looks damaged", cellName(int(r.c.col), r.cur.num), formatThousands(r.wb.lim.maxText))
}

// finishRow keeps the row being read if it holds a cell or is hidden.
func (r *sheetReader) finishRow() {
	if r.keep && r.inRow && (len(r.cur.cells) > 0 || r.cur.hidden) {
		r.t.rows = append(r.t.rows, r.cur)
		r.width = len(r.cur.cells)
	}
	r.cur, r.inRow = row{}, false
}

// startRow begins row n.
func (r *sheetReader) startRow(n int, hidden bool) {
	r.cur, r.inRow = row{num: n, hidden: hidden, cells: make([]cell, 0, max(r.width, 4))}, true
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
// v (which it does not keep: the caller reuses it); hasF says the cell holds
// a formula and hasV that it has a <v> element, even an empty one.
func (wb *workbook) finishCell(c *cell, typ string, style int, hasF, hasV bool, v []byte) error {
	if style >= 0 && style < len(wb.formats) {
		c.format = wb.formats[style]
		c.struck = wb.strike[style]
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
		c.struck = c.struck || wb.struckStrings[i]
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
		switch {
		case wb.fullCalc:
			c.formula = uncalculable // until calculated
		case c.kind == cellBlank && typ == "str" && hasV:
			// A saved result of empty text, as IFERROR(VLOOKUP(…),"") gives
			// where the lookup fails: the cell shows nothing, and is blank.
			// (Without a <v> nothing was saved: excelize writes t="str" on
			// a formula it has not calculated.)
		case c.kind == cellBlank:
			c.formula = uncalculable // no saved value, until calculated
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
