package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// writeStream writes a sheet of one large table with excelize's
// StreamWriter, so rows are not held as cells in memory: its notes and
// header, with the rows left to write as the workbook is saved. A table longer than
// a worksheet allows continues on further sheets ("Distribution 2", ...),
// each with the notes and header.
func (w *xlsxWriter) writeStream(s *sheet) error {
	if len(s.tables) != 1 || len(s.charts) != 0 {
		return fmt.Errorf("a streamed sheet takes one table and no charts")
	}
	t := s.tables[0]
	notes := s.bookNotes()
	header := len(notes) + 1
	if len(notes) > 0 {
		header++
	}
	perSheet := w.maxRows - header
	wd := widths(t)
	for part, lo := 1, 0; part == 1 || lo < t.n; part, lo = part+1, lo+perSheet {
		name, tname := s.name, t.name
		if part > 1 {
			name += " " + strconv.Itoa(part)
			tname += "_" + strconv.Itoa(part)
		}
		if err := w.streamPart(s, name, tname, header, wd, lo, min(lo+perSheet, t.n)); err != nil {
			return err
		}
	}
	return nil
}

// streamPart puts rows [lo, hi) of the sheet's table onto one worksheet:
// its notes, header and Excel table now, the rows (w.rows) as the workbook
// is saved.
func (w *xlsxWriter) streamPart(s *sheet, name, tname string, header int, wd []float64, lo, hi int) error {
	t, notes := s.tables[0], s.bookNotes()
	if err := w.newSheet(name); err != nil {
		return err
	}
	// Page setup and the dimension go before streaming: the stream writer
	// writes the sheet's head, <dimension> included, when it is created.
	// Every row has its scenario in the first column and the header spans
	// every column, so the used range is known before a row is written.
	if err := w.pageSetup(name, header, false); err != nil {
		return err
	}
	if s.printRows > 0 {
		if err := w.printOnly(name, header+min(s.printRows, max(hi-lo, 1)), len(t.cols)); err != nil {
			return fmt.Errorf("setting the print area: %w", err)
		}
	}
	used := usedRange{}
	if len(notes) > 0 {
		used.add(1, 1)
	}
	used.add(1, header)
	used.add(len(t.cols), header+hi-lo)
	if err := w.f.SetSheetDimension(name, used.ref()); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, x := range wd {
		if err := sw.SetColWidth(i+1, i+1, x); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: header, TopLeftCell: cellName(1, header+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := w.streamNotes(sw, notes, wd); err != nil {
		return err
	}
	cols := sheetColumns(t.cols)
	cells := make([]any, len(cols))
	for i, h := range headerNames(t) {
		cells[i] = excelize.Cell{StyleID: w.st.headerOf(cols[i]), Value: h}
	}
	if err := sw.SetRow(cellName(1, header), cells); err != nil {
		return err
	}
	// The rows themselves go into the sheet's part as the workbook is saved
	// (stableZip.splice): see writeRows for why not through SetRow.
	w.rows[name] = func(out io.Writer) error { return w.writeRows(out, t, cols, lo, hi, header+1) }
	if hi > lo {
		if err := sw.AddTable(&excelize.Table{
			Range: cellName(1, header) + ":" + cellName(len(t.cols), header+hi-lo),
			Name:  tname, StyleName: tableStyle,
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}
