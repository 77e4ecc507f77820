package report

import (
	"math"
	"slices"
	"strings"
)

// kind says what a column's values are and how they are formatted. Every
// value of a column is of its kind, or missing (nil, NaN): a text column
// holds strings, a numeric column numbers; kNumber and kMixed columns hold
// cells, each with the kind of its own row.
type kind int

const (
	kText    kind = iota // plain text
	kMoney               // £m, #,##0.0
	kCount               // whole number, #,##0
	kTrusts              // expected number of trusts, #,##0.0
	kPercent             // probability or share, 0.0%
	kPctSE               // standard error of a probability, 0.00%
	kRatio               // scenario-level inputs and other small numbers, 0.0000
	kSeconds             // run time, 0.000
	kScore               // a z score, 0.00
	kWhole               // a whole number shown with every digit and no separators, such as a seed, 0
	kNumber              // numbers in the General format; as a column, numbers whose unit a row gives
	kMixed               // a column of numbers and text, such as settings: one value per row of any kind
)

// column is one column of a table.
type column struct {
	name string
	kind kind
	// input marks text taken from input data, which is escaped against
	// formula injection.
	input bool
	// overflow marks long text that may run into the empty cells to its
	// right: the column is sized by its header only.
	overflow bool
	// wide lets the column grow past the usual maximum width.
	wide bool
	// left aligns numbers to the left, for columns that mix text and numbers.
	left bool
	// wrap wraps long text onto several lines, at the top of its cell.
	wrap bool
	// indent indents text from the left: the workbook sets it on a text
	// column right of numbers (see sheetColumns).
	indent bool
}

// cell is a value with its own format, for tables whose value column mixes
// kinds (a probability next to an amount).
type cell struct {
	v float64
	k kind
}

// table is one rectangular table of the export. Rows are produced on demand
// by row, so that large tables are streamed rather than held whole.
type table struct {
	name  string // file name (name.csv), JSON name and Excel table name
	title string // caption written above the table in the workbook, if any
	cols  []column
	n     int // number of rows
	// row fills dst (len(cols)) with row i's values: string, float64 (NaN is
	// empty), int, cell or nil.
	row func(i int, dst []any)
	// rowNums, when set, fills row i as row does but puts float64 values
	// in nums (len(cols)) instead, marking them in dst with inNums: a
	// float64 put in an interface is copied to the heap, and a table may
	// have millions of them. Only CSV and JSON use it; row gives the same
	// values.
	rowNums func(i int, dst []any, nums []float64)
	// concurrent says row and rowNums may be called from several goroutines
	// at once, so that the rows can be formatted on every core.
	concurrent bool
}

// inNums in a row's values says that the value of its column is the
// float64 at the same index of the row's nums (see table.rowNums).
type inNums struct{}

// fill clears vals and fills them, and nums when the table has rowNums,
// with row i's values.
func (t *table) fill(i int, vals []any, nums []float64) {
	clear(vals)
	if t.rowNums != nil {
		t.rowNums(i, vals, nums)
		return
	}
	t.row(i, vals)
}

// rowFromNums is a table.row made from a table.rowNums, for the writers
// that take every value as an interface and look at few rows (column
// widths, tables written cell by cell); the rest use table.fill.
func rowFromNums(rowNums func(i int, dst []any, nums []float64)) func(i int, dst []any) {
	return func(i int, dst []any) {
		nums := make([]float64, len(dst))
		rowNums(i, dst, nums)
		for j, v := range dst {
			if _, ok := v.(inNums); ok {
				dst[j] = nums[j]
			}
		}
	}
}

// chartKind is the kind of a native chart.
type chartKind int

const (
	chartLines   chartKind = iota // line chart
	chartStacked                  // stacked columns
	chartColumns                  // clustered columns
	chartBars                     // horizontal bars (a tornado)
	// chartCurves draws each series as a line on two value axes, its
	// values (val) along the horizontal against its categories (cat) up
	// the vertical: S-curves, amounts against the share of iterations.
	chartCurves
)

// series is one chart series: values of column val against categories of
// column cat, over rows [lo, hi) of table t. It is named by the header of
// val, or by the scenario cell of its first row when byScenario is set.
type series struct {
	byScenario bool
	color      string // hex RGB; empty for the theme's
	dashed     bool
	t          *table
	cat, val   string
	lo, hi     int
}

// chart is a native chart placed on a sheet.
type chart struct {
	title  string
	kind   chartKind
	xTitle string
	yTitle string
	series []series
}

// sheet is one worksheet: notes above its tables, the tables (below one
// another), and charts placed to the right of or below them.
type sheet struct {
	name   string
	notes  []string
	tables []*table
	charts []chart
	// sideBySide places the tables next to one another instead of below.
	sideBySide bool
	// onePage prints the sheet on one page, tall as well as wide.
	onePage bool
	// stream writes the sheet with excelize's StreamWriter; it must then hold
	// exactly one table and no charts.
	stream bool
	// printRows, when not zero, limits what prints of a streamed sheet to its
	// notes, header and the first printRows rows of its table.
	printRows int
	// printNotes are notes on printing the sheet, which the workbook adds
	// after notes and CSV and JSON leave out.
	printNotes []string
}

// bookNotes are the notes the workbook writes above the sheet's tables.
func (s *sheet) bookNotes() []string {
	return slices.Concat(s.notes, s.printNotes)
}

// dangerous reports whether text would be read as a formula by a spreadsheet.
func dangerous(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// finite reports whether v is a number to write (not NaN or infinite).
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// colIndex returns the position of the named column, or -1.
func (t *table) colIndex(name string) int {
	for i, c := range t.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}
