package report

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the runs as one Excel workbook at path (DESIGN §9). The
// file appears only when complete: it is written to a temporary file in the
// same directory and renamed. It refuses to replace an existing file unless
// opts.Force, and never replaces a path in opts.Protect. If ctx is cancelled
// it stops, removes the temporary file and returns the context's error.
func WriteXLSX(ctx context.Context, path string, runs []Run, opts Options) error {
	if err := checkTarget(path, opts, false); err != nil {
		return err
	}
	b, err := newBook(runs, opts)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	stamp := opts.stamp()
	xw, err := buildWorkbook(ctx, f, b, opts, stamp)
	if err != nil {
		return err
	}
	return writeFileAtomic(ctx, path, opts, func(w io.Writer) error {
		// excelize assembles the whole zip in a memory buffer before copying
		// it out. Handing it a zip writer on the output file instead sends
		// the parts to disk, in a fixed order and dated stamp, with the rows
		// of streamed sheets written into their parts on the way; the buffer
		// it passes stays empty.
		z := newStableZip(ctx, w, stamp)
		defer z.cleanup()
		z.rows = xw.rows
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
		if _, err := f.WriteTo(io.Discard); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("saving the workbook: %w", err)
		}
		return xw.prog.finish()
	})
}

// placement is where a table was written: its sheet, header row and first
// column (both 1-based).
type placement struct {
	sheet    string
	row, col int
}

// xlsxWriter builds one workbook.
type xlsxWriter struct {
	f      *excelize.File
	st     *styles
	prog   *progress
	placed map[*table]placement
	first  bool // the next sheet is the first, which renames Sheet1
	// maxRows is the most rows a worksheet holds: Excel's limit, or a lower
	// one a test sets.
	maxRows int
	// footer foots every printed page (pageFooter).
	footer string
	// rows writes the rows of each streamed sheet, by name, into its part
	// as the workbook is saved.
	rows map[string]func(io.Writer) error
}

// buildWorkbook writes every sheet of the book into f, dated stamp, but for
// the rows of streamed sheets, which the returned writer's rows write as f
// is saved.
func buildWorkbook(ctx context.Context, f *excelize.File, b *book, opts Options, stamp time.Time) (*xlsxWriter, error) {
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	sheets := b.sheets()
	w := &xlsxWriter{f: f, st: st, prog: newProgress(ctx, sheets, opts.Progress), placed: map[*table]placement{}, first: true,
		maxRows: excelize.TotalRows, footer: pageFooter(b), rows: map[string]func(io.Writer) error{}}
	if opts.maxRows > 0 {
		w.maxRows = opts.maxRows
	}
	for _, s := range sheets {
		if s.stream {
			err = w.writeStream(s)
		} else {
			err = w.writeSheet(s)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("writing sheet %s: %w", s.name, err)
		}
	}
	numericXValues(f)
	f.SetActiveSheet(0)
	// Without dates of its own, the workbook would say it was made on
	// excelize's default date, 2006-09-16.
	date := stamp.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "corecast forecast",
		Creator:  "corecast " + b.runs[0].Manifest.Version,
		Subject:  "Monte Carlo forecast of national investment needed for core digitisation of NHS trusts",
		Created:  date,
		Modified: date,
	}); err != nil {
		return nil, fmt.Errorf("setting workbook properties: %w", err)
	}
	sortContentTypes(f)
	return w, ctx.Err()
}

// sortContentTypes puts the workbook's default content types in extension
// order: excelize adds those of images from a map, in a different order in
// each export, whenever a chart is drawn.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

// newSheet creates a worksheet, renaming the default sheet for the first.
func (w *xlsxWriter) newSheet(name string) error {
	if w.first {
		w.first = false
		return w.f.SetSheetName(w.f.GetSheetName(0), name)
	}
	_, err := w.f.NewSheet(name)
	return err
}

// cellName names the cell at column col, row row (both 1-based).
func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// colName names column col (1-based).
func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// headerNames returns the table's column names made unique, as an Excel
// table requires.
func headerNames(t *table) []string {
	seen := map[string]int{}
	out := make([]string, len(t.cols))
	for i, c := range t.cols {
		name := c.name
		seen[name]++
		if n := seen[name]; n > 1 {
			name = fmt.Sprintf("%s (%d)", name, n)
		}
		out[i] = name
	}
	return out
}

// tableStyle is the built-in style of every Excel table: light banding that
// leaves the header style visible.
const tableStyle = "TableStyleLight1"
