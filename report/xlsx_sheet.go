package report

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Chart size and layout on the sheet, in pixels and rows.
const (
	chartWidth   = 600
	chartHeight  = 320
	chartGap     = 20
	chartRows    = 18 // rows a chart takes, with a gap, at the default row height
	chartsPerRow = 2
)

// sheetCells writes the cells of one in-memory sheet and keeps its used
// range.
type sheetCells struct {
	f    *excelize.File
	name string
	used usedRange
}

// set writes v with the given style (0 for none) at column col, row row.
// A float64 keeps every digit it needs to read back exactly, as in the
// Distribution (writeRows): excelize's SetCellValue would round it to 15
// significant digits.
func (c *sheetCells) set(col, row int, v any, style int) error {
	ref := cellName(col, row)
	var err error
	switch x := v.(type) {
	case float64:
		err = c.f.SetCellDefault(c.name, ref, string(appendCellNumber(nil, x)))
	case string:
		err = c.f.SetCellValue(c.name, ref, cutCellText(x))
	default:
		err = c.f.SetCellValue(c.name, ref, v)
	}
	if err != nil {
		return err
	}
	c.used.add(col, row)
	if style == 0 {
		return nil
	}
	return c.f.SetCellStyle(c.name, ref, ref, style)
}

// writeSheet writes a sheet with the normal (in-memory) API: notes, tables
// below or beside one another, then charts below the tables.
func (w *xlsxWriter) writeSheet(s *sheet) error {
	if err := w.newSheet(s.name); err != nil {
		return err
	}
	f := w.f
	cells := &sheetCells{f: f, name: s.name}
	notes := s.bookNotes()
	row := 1
	for _, n := range notes {
		if err := cells.set(1, row, n, w.st.note); err != nil {
			return err
		}
		row++
	}
	if len(notes) > 0 {
		row++
	}
	top, col, bottom := row, 1, row
	colWidth := map[int]float64{}
	freeze := 0
	type placed struct {
		t    *table
		r, c int // the table's first data row and first column
	}
	var wrapped []placed
	for _, t := range s.tables {
		r, c := row, 1
		if s.sideBySide {
			r, c = top, col
		}
		if t.title != "" {
			if err := cells.set(c, r, t.title, w.st.title); err != nil {
				return err
			}
			r++
		}
		if freeze == 0 {
			freeze = r
		}
		if err := w.writeTable(cells, t, r, c); err != nil {
			return err
		}
		wrapped = append(wrapped, placed{t, r + 1, c})
		for i, wd := range widths(t) {
			colWidth[c+i] = math.Max(colWidth[c+i], wd)
		}
		bottom = max(bottom, r+t.n)
		row = r + t.n + 3
		col = c + len(t.cols) + 1
	}
	// In column order, not map order: the <cols> element must come out the
	// same in every export.
	for _, c := range slices.Sorted(maps.Keys(colWidth)) {
		if err := f.SetColWidth(s.name, colName(c), colName(c), colWidth[c]); err != nil {
			return err
		}
	}
	if err := w.wrapNotes(s.name, notes, colWidth); err != nil {
		return err
	}
	for _, p := range wrapped {
		if err := w.wrapRows(s.name, p.t, p.r, p.c, colWidth); err != nil {
			return err
		}
	}
	if freeze > 0 {
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: freeze, TopLeftCell: cellName(1, freeze+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	for i, c := range s.charts {
		r := bottom + 3 + (i/chartsPerRow)*chartRows
		if i%chartsPerRow == 0 {
			// Each row of charts starts a printed page, so that no chart is
			// cut in two and none runs under the header row repeated at the
			// top of the page.
			if err := f.InsertPageBreak(s.name, cellName(1, r)); err != nil {
				return err
			}
		}
		col, err := w.colAtPixel(s.name, (i%chartsPerRow)*(chartWidth+chartGap))
		if err != nil {
			return err
		}
		if err := w.addChart(s.name, cellName(col, r), c); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(s.name, cells.used.ref()); err != nil {
		return err
	}
	return w.pageSetup(s.name, freeze, s.onePage)
}

// writeTable writes a table's header at row r, column c and its rows below,
// and makes it an Excel table with autofilter.
func (w *xlsxWriter) writeTable(cells *sheetCells, t *table, r, c int) error {
	cols := sheetColumns(t.cols)
	for i, h := range headerNames(t) {
		if err := cells.set(c+i, r, h, w.st.headerOf(cols[i])); err != nil {
			return err
		}
	}
	w.placed[t] = placement{sheet: cells.name, row: r, col: c}
	dst := make([]any, len(t.cols))
	for i := 0; i < t.n; i++ {
		clear(dst)
		t.row(i, dst)
		for j, v := range dst {
			val, style := w.st.value(v, cols[j])
			if val == nil {
				continue
			}
			if err := cells.set(c+j, r+1+i, val, style); err != nil {
				return err
			}
		}
		if err := w.prog.step(); err != nil {
			return err
		}
	}
	if t.n == 0 {
		return nil
	}
	return w.f.AddTable(cells.name, &excelize.Table{
		Range: cellName(c, r) + ":" + cellName(c+len(t.cols)-1, r+t.n),
		Name:  t.name, StyleName: tableStyle,
	})
}

// wrappedLines estimates the lines text takes wrapped in a column width
// wide: each of its own lines wraps on its own.
func wrappedLines(text string, width float64) float64 {
	lines := 0.0
	for _, l := range strings.Split(text, "\n") {
		lines += max(1, math.Ceil(float64(utf8.RuneCountInString(l))*noteCharWidth/width))
	}
	return lines
}

// colAtPixel returns the first column whose left edge is at least px pixels
// from the sheet's left edge, at excelize's 8 pixels per width unit.
func (w *xlsxWriter) colAtPixel(sheetName string, px int) (int, error) {
	x, col := 0.0, 1
	for x < float64(px) {
		wd, err := w.f.GetColWidth(sheetName, colName(col))
		if err != nil {
			return 0, err
		}
		x += math.Floor(wd*8 + 0.5)
		col++
	}
	return col, nil
}

// wrapRows sets each row of table t (its first data row r, first column c)
// tall enough for the text of its wrapped columns, whose widths colWidth
// gives: a spreadsheet does not grow a row for wrapped text it did not
// write itself, so without this the lines would overlap the next row.
func (w *xlsxWriter) wrapRows(name string, t *table, r, c int, colWidth map[int]float64) error {
	var wraps []int
	for j, col := range t.cols {
		if col.wrap {
			wraps = append(wraps, j)
		}
	}
	if len(wraps) == 0 {
		return nil
	}
	dst := make([]any, len(t.cols))
	for i := 0; i < t.n; i++ {
		t.row(i, dst)
		lines := 1.0
		for _, j := range wraps {
			text, ok := dst[j].(string)
			width := colWidth[c+j]
			if !ok || width == 0 {
				continue
			}
			lines = math.Max(lines, wrappedLines(text, width))
		}
		if lines > 1 {
			// No taller than a row may be: a long text (a scenario file on
			// the Manifest) shows its start, and the cell holds it whole.
			if err := w.f.SetRowHeight(name, r+i, math.Min(lines*noteLineHeight, excelize.MaxRowHeight)); err != nil {
				return err
			}
		}
	}
	return nil
}
