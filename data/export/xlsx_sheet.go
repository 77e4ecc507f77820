package export

import (
	"maps"
	"math"
	"slices"

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

// writeSheet writes a sheet with the normal (in-memory) API: notes, tables
// below or beside one another, then charts below the tables.
func (w *xlsxWriter) writeSheet(s *sheet) error {
	if err := w.newSheet(s.name); err != nil {
		return err
	}
	f := w.f
	row := 1
	for _, n := range s.notes {
		if err := f.SetCellValue(s.name, cellName(1, row), n); err != nil {
			return err
		}
		if err := f.SetCellStyle(s.name, cellName(1, row), cellName(1, row), w.st.note); err != nil {
			return err
		}
		row++
	}
	if len(s.notes) > 0 {
		row++
	}
	top, col, bottom, maxCol := row, 1, row, 1
	colWidth := map[int]float64{}
	freeze := 0
	for _, t := range s.tables {
		r, c := row, 1
		if s.sideBySide {
			r, c = top, col
		}
		if t.title != "" {
			if err := f.SetCellValue(s.name, cellName(c, r), t.title); err != nil {
				return err
			}
			if err := f.SetCellStyle(s.name, cellName(c, r), cellName(c, r), w.st.title); err != nil {
				return err
			}
			r++
		}
		if freeze == 0 {
			freeze = r
		}
		if err := w.writeTable(s.name, t, r, c); err != nil {
			return err
		}
		for i, wd := range widths(t) {
			colWidth[c+i] = math.Max(colWidth[c+i], wd)
		}
		maxCol = max(maxCol, c+len(t.cols)-1)
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
	if freeze > 0 {
		if err := f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: freeze, TopLeftCell: cellName(1, freeze+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	for i, c := range s.charts {
		r := bottom + 3 + (i/chartsPerRow)*chartRows
		col, err := w.colAtPixel(s.name, (i%chartsPerRow)*(chartWidth+chartGap))
		if err != nil {
			return err
		}
		if err := w.addChart(s.name, cellName(col, r), c); err != nil {
			return err
		}
	}
	return w.pageSetup(s.name, maxCol)
}

// writeTable writes a table's header at row r, column c and its rows below,
// and makes it an Excel table with autofilter.
func (w *xlsxWriter) writeTable(sheetName string, t *table, r, c int) error {
	f := w.f
	headers := headerNames(t)
	for i, h := range headers {
		if err := f.SetCellStr(sheetName, cellName(c+i, r), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheetName, cellName(c, r), cellName(c+len(headers)-1, r), w.st.header); err != nil {
		return err
	}
	w.placed[t] = placement{sheet: sheetName, row: r, col: c}
	dst := make([]any, len(t.cols))
	for i := 0; i < t.n; i++ {
		clear(dst)
		t.row(i, dst)
		for j, v := range dst {
			val, style := w.st.value(v, t.cols[j])
			if val == nil {
				continue
			}
			ref := cellName(c+j, r+1+i)
			if err := f.SetCellValue(sheetName, ref, val); err != nil {
				return err
			}
			if style != 0 {
				if err := f.SetCellStyle(sheetName, ref, ref, style); err != nil {
					return err
				}
			}
		}
		if err := w.prog.step(); err != nil {
			return err
		}
	}
	if t.n == 0 {
		return nil
	}
	return f.AddTable(sheetName, &excelize.Table{
		Range: cellName(c, r) + ":" + cellName(c+len(t.cols)-1, r+t.n),
		Name:  t.name, StyleName: tableStyle,
	})
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
