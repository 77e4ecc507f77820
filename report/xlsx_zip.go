package report

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"corecast/data"

	"github.com/xuri/excelize/v2"
)

// stableZip is the zip writer excelize saves a workbook through, so that the
// same workbook gives the same bytes. excelize writes the parts of streamed
// sheets in map order, different each time, and leaves entry times unset
// (MS-DOS date 0, no date at all). stableZip compresses each part, dated
// mod, into a spool file as excelize writes it; Close then copies the
// compressed parts to the output in name order, without compressing them
// again. The parts wait on disk, not in memory, so a million-row sheet
// costs no more memory than before.
type stableZip struct {
	ctx   context.Context
	out   io.Writer
	mod   time.Time
	spool *os.File
	zw    *zip.Writer // writes into spool
	err   error       // the first failure, which ends the write
}

// newStableZip returns a zip writer for excelize that writes to out, every
// entry dated mod (clamped to the dates a zip entry can hold). The spool
// goes in the system's temporary directory, as excelize's own files do;
// call cleanup when done, whatever happened.
func newStableZip(ctx context.Context, out io.Writer, mod time.Time) *stableZip {
	return &stableZip{ctx: ctx, out: out, mod: zipTime(mod)}
}

var _ excelize.ZipWriter = (*stableZip)(nil)

// Create starts the part name; its bytes go to the returned writer.
func (z *stableZip) Create(name string) (io.Writer, error) {
	if z.err != nil {
		return nil, z.err
	}
	if z.zw == nil {
		spool, err := os.CreateTemp("", "corecast-xlsx-*.zip")
		if err != nil {
			return nil, z.fail(fmt.Errorf("spooling the workbook: %w", err))
		}
		z.spool = spool
		z.zw = zip.NewWriter(data.ContextWriter(z.ctx, spool))
	}
	w, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.mod})
	if err != nil {
		return nil, z.fail(err)
	}
	return failWriter{z: z, w: w}, nil
}

// AddFS adds the regular files of fsys, as Create would.
func (z *stableZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		src, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer src.Close()
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, src)
		return err
	})
}

// Close writes the spooled parts to the output in name order and removes
// the spool. After a failure it writes nothing.
func (z *stableZip) Close() error {
	defer z.cleanup()
	if z.err != nil {
		return z.err
	}
	out := zip.NewWriter(z.out)
	if z.zw != nil {
		if err := z.zw.Close(); err != nil {
			return z.fail(err)
		}
		size, err := z.spool.Seek(0, io.SeekEnd)
		if err != nil {
			return z.fail(err)
		}
		zr, err := zip.NewReader(z.spool, size)
		if err != nil {
			return z.fail(fmt.Errorf("reading the spooled workbook: %w", err))
		}
		parts := slices.Clone(zr.File)
		slices.SortStableFunc(parts, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
		for _, p := range parts {
			if err := out.Copy(p); err != nil {
				return z.fail(err)
			}
		}
	}
	if err := out.Close(); err != nil {
		return z.fail(err)
	}
	return nil
}

// cleanup removes the spool; it may be called more than once.
func (z *stableZip) cleanup() {
	if z.spool == nil {
		return
	}
	_ = z.spool.Close()
	_ = os.Remove(z.spool.Name())
	z.spool = nil
}

// fail records the first failure and returns it.
func (z *stableZip) fail(err error) error {
	if z.err == nil {
		z.err = err
	}
	return z.err
}

// failWriter writes a part, stopping once the export is cancelled, and
// records a failure so that Close writes nothing.
type failWriter struct {
	z *stableZip
	w io.Writer
}

func (f failWriter) Write(p []byte) (int, error) {
	if err := f.z.ctx.Err(); err != nil {
		return 0, f.z.fail(err)
	}
	n, err := f.w.Write(p)
	if err != nil {
		return n, f.z.fail(err)
	}
	return n, nil
}
