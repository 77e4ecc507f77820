package report

import (
	"math"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Note layout: a sheet's notes wrap within the width of its tables, so that
// none runs off the printed page.
const (
	noteLineHeight = 15   // points per line of a note, Calibri 11's row height
	noteCharWidth  = 0.95 // column-width units per character of a note, on average
)

// noteSpan returns the last column a sheet's notes span, given the width
// of each column from the first, and each note's row height in points (0
// for a note that fits one line, whose row keeps its default height).
func noteSpan(notes []string, widths []float64) (lastCol int, heights []float64) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	heights = make([]float64, len(notes))
	if total <= 0 {
		return 1, heights
	}
	for i, n := range notes {
		lines := math.Ceil(float64(utf8.RuneCountInString(n)) * noteCharWidth / total)
		if lines > 1 {
			heights[i] = lines * noteLineHeight
		}
	}
	return max(len(widths), 1), heights
}

// wrapNotes merges each note of an in-memory sheet (rows 1 to len(notes))
// across the columns its tables use and sets its row tall enough for the
// note to wrap; colWidth is the width of each column by number.
func (w *xlsxWriter) wrapNotes(name string, notes []string, colWidth map[int]float64) error {
	last := 0
	for c := range colWidth {
		last = max(last, c)
	}
	widths := make([]float64, last)
	for c := 1; c <= last; c++ {
		widths[c-1] = colWidth[c]
		if widths[c-1] == 0 {
			widths[c-1] = defaultColWidth
		}
	}
	lastCol, heights := noteSpan(notes, widths)
	for i := range notes {
		row := i + 1
		if lastCol > 1 {
			if err := w.f.MergeCell(name, cellName(1, row), cellName(lastCol, row)); err != nil {
				return err
			}
		}
		if heights[i] > 0 {
			if err := w.f.SetRowHeight(name, row, heights[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// defaultColWidth is the width, in characters, of a column whose width is
// not set.
const defaultColWidth = 8.43

// streamNotes writes the notes of a streamed sheet at rows 1 to len(notes),
// each merged across the table's columns and tall enough to wrap.
func (w *xlsxWriter) streamNotes(sw *excelize.StreamWriter, notes []string, widths []float64) error {
	lastCol, heights := noteSpan(notes, widths)
	for i, n := range notes {
		row := i + 1
		var opts []excelize.RowOpts
		if heights[i] > 0 {
			opts = append(opts, excelize.RowOpts{Height: heights[i]})
		}
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: w.st.note, Value: n}}, opts...); err != nil {
			return err
		}
		if lastCol > 1 {
			if err := sw.MergeCell(cellName(1, row), cellName(lastCol, row)); err != nil {
				return err
			}
		}
	}
	return nil
}
