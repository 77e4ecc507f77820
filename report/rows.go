package report

import (
	"fmt"
	"io"
	"runtime"
	"sync"
)

// rowChunk is how many rows of a table are formatted as one piece of text.
// It is a fixed number, never derived from the number of CPUs: the text of
// a row does not depend on its chunk, so the bytes written are the same
// whatever the chunks, but the work and memory of each piece then do not
// vary from machine to machine either. 256 Distribution rows are about
// 90 KB of JSON: enough to keep a core busy for a while (handing a chunk to
// a goroutine costs a few microseconds), few enough that the pieces in
// flight stay small.
const rowChunk = 256

// rowAppender appends the text of row i of a table to buf, given the row's
// values as table.fill gives them.
type rowAppender func(buf []byte, i int, vals []any, nums []float64) []byte

// rowScratch holds one row's values while it is formatted.
type rowScratch struct {
	vals []any
	nums []float64
}

// newRowScratch makes room for one row of t.
func newRowScratch(t *table) *rowScratch {
	return &rowScratch{vals: make([]any, len(t.cols)), nums: make([]float64, len(t.cols))}
}

// appendRows appends the text of rows [lo, hi) of t to buf.
func (s *rowScratch) appendRows(buf []byte, t *table, lo, hi int, appendRow rowAppender) []byte {
	for i := lo; i < hi; i++ {
		t.fill(i, s.vals, s.nums)
		buf = appendRow(buf, i, s.vals, s.nums)
	}
	return buf
}

// writeTableRows writes the text of every row of t to w, in order, counting
// them on prog. A table of several chunks whose rows may be made
// concurrently (table.concurrent) is formatted on every core, a chunk at a
// time, since formatting its numbers is most of the work of a CSV or JSON
// export; the chunks are written in order, so the bytes are those of
// formatting it row by row.
func writeTableRows(w io.Writer, t *table, appendRow rowAppender, prog *progress) error {
	workers := min(runtime.GOMAXPROCS(0), (t.n+rowChunk-1)/rowChunk)
	if workers <= 1 || !t.concurrent {
		return writeRowsSerial(w, t, appendRow, prog)
	}
	return writeRowsParallel(w, t, appendRow, prog, workers)
}

// writeRowsSerial formats and writes the chunks of t one after another.
func writeRowsSerial(w io.Writer, t *table, appendRow rowAppender, prog *progress) error {
	s := newRowScratch(t)
	var buf []byte
	for lo := 0; lo < t.n; lo += rowChunk {
		hi := min(lo+rowChunk, t.n)
		buf = s.appendRows(buf[:0], t, lo, hi, appendRow)
		if err := writeChunk(w, t, buf, hi-lo, prog); err != nil {
			return err
		}
	}
	return nil
}

// writeChunk writes one chunk's text of table t and counts its rows.
func writeChunk(w io.Writer, t *table, text []byte, rows int, prog *progress) error {
	if _, err := w.Write(text); err != nil {
		return fmt.Errorf("writing table %s: %w", t.name, err)
	}
	return prog.add(rows)
}

// rowJob is one chunk of rows to format: rows [lo, hi) into buf. done is
// closed when buf holds their text.
type rowJob struct {
	lo, hi int
	buf    []byte
	done   chan struct{}
}

// writeRowsParallel formats the chunks of t on workers goroutines and
// writes them in order. At most twice as many chunks as workers are in
// flight, so memory stays a few chunks whatever the size of the table, and
// their buffers are reused.
func writeRowsParallel(w io.Writer, t *table, appendRow rowAppender, prog *progress, workers int) (err error) {
	maxPending := 2 * workers
	jobs := make(chan *rowJob, maxPending)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := newRowScratch(t)
			for j := range jobs {
				j.buf = s.appendRows(j.buf[:0], t, j.lo, j.hi, appendRow)
				close(j.done)
			}
		})
	}
	// However this returns, the workers finish the chunks they were given
	// and stop, so none outlives the write.
	defer func() {
		close(jobs)
		wg.Wait()
	}()
	var pending []*rowJob // in row order
	var spare [][]byte
	for lo := 0; lo < t.n || len(pending) > 0; {
		if lo < t.n && len(pending) < maxPending {
			j := &rowJob{lo: lo, hi: min(lo+rowChunk, t.n), done: make(chan struct{})}
			if n := len(spare); n > 0 {
				j.buf, spare = spare[n-1], spare[:n-1]
			}
			jobs <- j
			pending = append(pending, j)
			lo = j.hi
			continue
		}
		j := pending[0]
		pending = pending[1:]
		<-j.done
		if err := writeChunk(w, t, j.buf, j.hi-j.lo, prog); err != nil {
			return err
		}
		spare = append(spare, j.buf)
	}
	return nil
}
