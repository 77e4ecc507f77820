package report

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

// Options controls an export.
type Options struct {
	// Force allows replacing an existing output file (or existing CSV files
	// in an output directory).
	Force bool
	// Protect lists input paths that must never be overwritten, whatever
	// Force says: the input workbook or CSV directory.
	Protect []string
	// Progress, if set, is called as rows are written with the number of
	// rows done and the total.
	Progress func(done, total int)
	// SourceDate, when not zero, is the one date the export records: the
	// Manifest's run date, the workbook's created and modified dates and
	// the time of every zip entry (in the workbook and in a CSV zip). The
	// run time, which differs from one run to the next, is then left out.
	// So the same inputs, scenario, seed and iterations give the same bytes.
	// ParseSourceDateEpoch reads it from SOURCE_DATE_EPOCH. When zero, the
	// dates are the real ones.
	SourceDate time.Time
	// NoDistribution leaves out the Distribution sheet and the distribution
	// table of CSV and JSON: one row per iteration, which at many iterations
	// is most of the export's size.
	NoDistribution bool

	// maxRows is the most rows a worksheet may hold; zero for Excel's limit.
	// Tests lower it to exercise the split of a long table.
	maxRows int
}

// Write exports the runs to path in the given format: XLSX and JSON write one
// file, CSV a directory of files or a .zip. It returns the context's error,
// leaving no output, if ctx is cancelled first. To write JSON to a stream
// such as stdout, use WriteJSON.
func Write(ctx context.Context, path string, format Format, runs []Run, opts Options) error {
	switch format {
	case XLSX:
		return WriteXLSX(ctx, path, runs, opts)
	case CSV:
		return WriteCSV(ctx, path, runs, opts)
	case JSON:
		return writeFileAtomic(ctx, path, opts, func(w io.Writer) error {
			return WriteJSON(ctx, w, runs, opts)
		})
	}
	return fmt.Errorf("unknown format %q: want xlsx, csv or json", format)
}

// Check reports, before any work is done, whether Write could write path in
// the given format: the directory exists, the path is not a protected input,
// and nothing would be replaced without opts.Force. Write checks again.
func Check(path string, format Format, opts Options) error {
	isDir := format == CSV && !strings.EqualFold(filepath.Ext(path), ".zip")
	if err := checkTarget(path, opts, isDir); err != nil {
		return err
	}
	if !isDir {
		return nil
	}
	for _, n := range tableNames() {
		target := filepath.Join(path, n+".csv")
		if err := checkDirEntry(target, opts); err != nil {
			return err
		}
	}
	return nil
}

// progress counts rows written, checks for cancellation and reports.
type progress struct {
	ctx         context.Context
	done, total int
	report      func(done, total int)
}

// newProgress counts the rows of every table of the sheets.
func newProgress(ctx context.Context, sheets []*sheet, report func(done, total int)) *progress {
	total := 0
	for _, s := range sheets {
		for _, t := range s.tables {
			total += t.n
		}
	}
	return &progress{ctx: ctx, total: total, report: report}
}

// step counts one row; every 1024 rows it reports and returns the context's
// error if the export was cancelled.
func (p *progress) step() error {
	p.done++
	if p.done%1024 != 0 {
		return nil
	}
	if p.report != nil {
		p.report(p.done, p.total)
	}
	return p.ctx.Err()
}

// add counts rows written together, as step counts one: it reports, and
// returns the context's error if the export was cancelled, when the count
// passes a multiple of 1024.
func (p *progress) add(rows int) error {
	before := p.done
	p.done += rows
	if p.done/1024 == before/1024 {
		return nil
	}
	if p.report != nil {
		p.report(p.done, p.total)
	}
	return p.ctx.Err()
}

// finish reports completion.
func (p *progress) finish() error {
	if err := p.ctx.Err(); err != nil {
		return err
	}
	if p.report != nil {
		p.report(p.total, p.total)
	}
	return nil
}
