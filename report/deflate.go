package report

import (
	"bytes"
	"errors"
	"io"
	"runtime"

	"github.com/klauspost/compress/flate"
)

// deflateBlockSize is how many bytes a parallelDeflate compresses as one
// block. It is fixed, never derived from the number of CPUs, so that the
// compressed bytes are the same on every machine.
const deflateBlockSize = 1 << 20

// deflateLevel is the compression level of the large parts (the rows of the
// Distribution sheet, the distribution table of a CSV zip). On worksheet XML,
// klauspost/compress's level 2 compresses about as well as the standard
// library's level 2 and four to five times as fast, and eight times as fast
// as the standard library's default level, for a part a tenth larger:
// compression is most of the work of exporting a million iterations, and at
// the standard library's speed alone it would take longer than the target
// of DESIGN §10.
const deflateLevel = 2

// deflaters makes the parallel compressors of the parts of one file, which
// share their buffers and compressors: a part is compressed only once the
// one before it is done, and most parts are small.
type deflaters struct {
	level      int
	maxPending int
	// spareJobs and spareWriters hold blocks' buffers and compressors to
	// reuse. Compressors come back from the goroutines blocks are
	// compressed on, hence a channel.
	spareJobs    []*deflateJob
	spareWriters chan *flate.Writer
}

// newDeflaters prepares to compress at level, with as many blocks in
// flight as keep every core busy.
func newDeflaters(level int) *deflaters {
	n := 2 * runtime.GOMAXPROCS(0)
	return &deflaters{level: level, maxPending: n, spareWriters: make(chan *flate.Writer, n)}
}

// compressor returns a parallelDeflate writing to w, for
// zip.Writer.RegisterCompressor.
func (p *deflaters) compressor(w io.Writer) (io.WriteCloser, error) {
	return &parallelDeflate{w: w, pool: p}, nil
}

// parallelDeflate is a DEFLATE compressor that compresses fixed-size blocks
// of its input on several goroutines and writes them out in order, as pigz
// does. Each block but the last ends with a sync flush (an empty stored
// block), which ends it on a byte boundary without ending the stream, so the
// blocks joined are one valid DEFLATE stream. A block refers back only into
// itself, costing a little compression at each block's start.
type parallelDeflate struct {
	w    io.Writer
	pool *deflaters
	// cur collects input until it holds deflateBlockSize bytes.
	cur *deflateJob
	// pending are the blocks being compressed, in input order; at most
	// pool.maxPending, so that memory stays bounded when compression is
	// slower than the input.
	pending []*deflateJob
	err     error
	closed  bool
}

// deflateJob is one block being compressed.
type deflateJob struct {
	in   []byte
	last bool
	out  bytes.Buffer
	err  error
	done chan struct{}
}

// Write compresses p.
func (d *parallelDeflate) Write(p []byte) (int, error) {
	if d.closed {
		return 0, errors.New("deflate: write after close")
	}
	if d.err != nil {
		return 0, d.err
	}
	n := len(p)
	for len(p) > 0 {
		if d.cur == nil {
			d.cur = d.newJob()
		}
		k := min(len(p), deflateBlockSize-len(d.cur.in))
		d.cur.in = append(d.cur.in, p[:k]...)
		p = p[k:]
		if len(d.cur.in) == deflateBlockSize {
			if err := d.submit(false); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// Close compresses what is left, ends the stream and writes every block
// still pending. It waits for every block being compressed, even after a
// failure, so that no goroutine outlives it.
func (d *parallelDeflate) Close() error {
	if d.closed {
		return d.err
	}
	if d.err == nil {
		if d.cur == nil {
			d.cur = d.newJob()
		}
		_ = d.submit(true)
	}
	d.closed = true
	for len(d.pending) > 0 {
		_ = d.writeOldest()
	}
	return d.err
}

// newJob returns an empty block to fill, reusing the buffers of a written
// one.
func (d *parallelDeflate) newJob() *deflateJob {
	p := d.pool
	n := len(p.spareJobs)
	if n == 0 {
		// A block's size at once, rather than growing it: blocks are reused
		// across the parts of a file, so there are only as many as are
		// ever in flight.
		return &deflateJob{in: make([]byte, 0, deflateBlockSize)}
	}
	j := p.spareJobs[n-1]
	p.spareJobs = p.spareJobs[:n-1]
	j.in, j.err = j.in[:0], nil
	j.out.Reset()
	return j
}

// submit starts compressing the current block, first writing out the
// oldest blocks while too many are pending.
func (d *parallelDeflate) submit(last bool) error {
	for len(d.pending) >= d.pool.maxPending {
		if err := d.writeOldest(); err != nil {
			return err
		}
	}
	j := d.cur
	d.cur = nil
	j.last, j.done = last, make(chan struct{})
	d.pending = append(d.pending, j)
	go d.compress(j)
	return nil
}

// compress deflates one block into j.out, with a compressor of its own.
func (d *parallelDeflate) compress(j *deflateJob) {
	defer close(j.done)
	var fw *flate.Writer
	select {
	case fw = <-d.pool.spareWriters:
		fw.Reset(&j.out)
	default:
		fw, j.err = flate.NewWriter(&j.out, d.pool.level)
		if j.err != nil {
			return
		}
	}
	if _, j.err = fw.Write(j.in); j.err != nil {
		return
	}
	if j.last {
		j.err = fw.Close()
	} else {
		j.err = fw.Flush()
	}
	select {
	case d.pool.spareWriters <- fw:
	default:
	}
}

// writeOldest waits for the oldest pending block and writes it out, unless
// the stream has already failed.
func (d *parallelDeflate) writeOldest() error {
	j := d.pending[0]
	d.pending = d.pending[1:]
	<-j.done
	if d.err == nil && j.err != nil {
		d.err = j.err
	}
	if d.err == nil {
		if _, err := d.w.Write(j.out.Bytes()); err != nil {
			d.err = err
		}
	}
	d.pool.spareJobs = append(d.pool.spareJobs, j)
	return d.err
}
