package report

import (
	"archive/zip"
	"bufio"
	"context"
	"corecast/internal/safefile"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteCSV writes the runs as one CSV file per table (summary.csv,
// by_year.csv, ...): into a directory at path, or into a zip file when path
// ends in .zip. Text from input data that a spreadsheet would read as a
// formula is prefixed with a single quote. Files appear only when all are
// complete; existing files are replaced only with opts.Force.
func WriteCSV(ctx context.Context, path string, runs []Run, opts Options) error {
	b, err := newBook(runs, opts)
	if err != nil {
		return err
	}
	sheets := b.sheets()
	tables, _ := allTables(sheets)
	prog := newProgress(ctx, sheets, opts.Progress)
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		mod := zipTime(opts.stamp())
		return writeFileAtomic(ctx, path, opts, func(w io.Writer) error {
			zw := zip.NewWriter(w)
			// The distribution table is most of the export: compress on
			// every core.
			zw.RegisterCompressor(zip.Deflate, newDeflaters(deflateLevel).compressor)
			for _, t := range tables {
				fw, err := zw.CreateHeader(&zip.FileHeader{Name: t.name + ".csv", Method: zip.Deflate, Modified: mod})
				if err != nil {
					return err
				}
				if err := writeCSVTable(fw, t, prog); err != nil {
					return err
				}
			}
			if err := zw.Close(); err != nil {
				return err
			}
			return prog.finish()
		})
	}
	return writeCSVDir(ctx, path, tables, opts, prog)
}

// writeCSVTable writes one table with its header, as encoding/csv would,
// but appending records to buffers of many rows (see writeTableRows)
// instead of formatting every value as a string of its own: a million-row
// table has twenty million values.
func writeCSVTable(w io.Writer, t *table, prog *progress) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var line []byte
	for j, h := range headerNames(t) {
		if j > 0 {
			line = append(line, ',')
		}
		// A header may be input text (the Manifest's columns are the
		// scenarios' names): escaped as every input field is. corecast's own
		// column names never begin with a formula character.
		if dangerous(h) {
			h = "'" + h
		}
		line = appendCSVField(line, h)
	}
	line = append(line, '\n')
	if _, err := bw.Write(line); err != nil {
		return err
	}
	if err := writeTableRows(bw, t, csvRowAppender(t.cols), prog); err != nil {
		return err
	}
	return bw.Flush()
}

// csvRowAppender appends a row of a table of cols as one CSV record.
func csvRowAppender(cols []column) rowAppender {
	return func(buf []byte, _ int, vals []any, nums []float64) []byte {
		for j, v := range vals {
			if j > 0 {
				buf = append(buf, ',')
			}
			if _, ok := v.(inNums); ok {
				buf = appendCSVNumber(buf, nums[j])
			} else {
				buf = appendCSVValue(buf, v, cols[j])
			}
		}
		return append(buf, '\n')
	}
}

// writeCSVDir writes the tables into a temporary directory beside dir, then
// moves them into dir (renaming the whole directory when dir is new).
func writeCSVDir(ctx context.Context, dir string, tables []*table, opts Options, prog *progress) (err error) {
	if err := checkTarget(dir, opts, true); err != nil {
		return err
	}
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.name + ".csv"
		target := filepath.Join(dir, names[i])
		if err := checkDirEntry(target, opts); err != nil {
			return err
		}
	}
	clean := filepath.Clean(dir)
	safefile.RemoveStaleTemps(filepath.Dir(clean), safefile.TempPattern(clean), time.Now())
	tmp, err := os.MkdirTemp(filepath.Dir(clean), safefile.TempPattern(clean))
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	for i, t := range tables {
		if err := writeCSVFile(filepath.Join(tmp, names[i]), t, prog); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("writing %s: %w", filepath.Join(dir, names[i]), err)
		}
	}
	if err := prog.finish(); err != nil {
		return err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Chmod(tmp, 0o755); err != nil {
			return fmt.Errorf("cannot write %s: %w", dir, err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("cannot write %s: %w", dir, err)
		}
		return nil
	}
	for _, n := range names {
		if err := commitFile(filepath.Join(tmp, n), filepath.Join(dir, n), opts); err != nil {
			return err
		}
	}
	return nil
}

// writeCSVFile writes one table to a new file.
func writeCSVFile(path string, t *table, prog *progress) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeCSVTable(f, t, prog); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
