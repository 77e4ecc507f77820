package report

import (
	"archive/zip"
	"bytes"
	"context"
	"corecast/internal/safefile"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// stableZip is the zip writer excelize saves a workbook through, so that the
// same workbook gives the same bytes. excelize writes the parts of streamed
// sheets in map order, different each time, and leaves entry times unset
// (MS-DOS date 0, no date at all). stableZip compresses each part, dated
// mod, into a spool file as excelize writes it; Close then copies the
// compressed parts to the output in name order, without compressing them
// again. The parts wait on disk, not in memory. The rows of a streamed sheet
// (rows) are not among them: Close writes them straight into the output, in
// the sheet's part, compressing them on every core.
type stableZip struct {
	ctx   context.Context
	out   io.Writer
	mod   time.Time
	spool *os.File
	zw    *zip.Writer // writes into spool
	err   error       // the first failure, which ends the write
	// rows writes the rows of a sheet, by sheet name, into the sheet's
	// part: Close puts them at the end of its <sheetData>.
	rows map[string]func(io.Writer) error
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
		safefile.RemoveStaleTemps(os.TempDir(), "corecast-xlsx-*.zip", time.Now())
		spool, err := os.CreateTemp("", "corecast-xlsx-*.zip")
		if err != nil {
			return nil, z.fail(fmt.Errorf("spooling the workbook: %w", err))
		}
		z.spool = spool
		z.zw = zip.NewWriter(safefile.ContextWriter(z.ctx, spool))
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
		rows, err := z.rowsByPart(zr)
		if err != nil {
			return z.fail(err)
		}
		// The parts rows go into are the large ones: compress them on every
		// core.
		out.RegisterCompressor(zip.Deflate, newDeflaters(deflateLevel).compressor)
		parts := slices.Clone(zr.File)
		slices.SortStableFunc(parts, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
		for _, p := range parts {
			if write, ok := rows[p.Name]; ok {
				err = z.splice(out, p, write)
			} else {
				err = out.Copy(p)
			}
			if err != nil {
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

// sheetDataEnd ends the rows of a worksheet part. Text cannot contain it:
// XML escapes "<" in text.
var sheetDataEnd = []byte("</sheetData>")

// splice writes part p to out with the rows that write writes at the end of
// its <sheetData>, compressed anew.
func (z *stableZip) splice(out *zip.Writer, p *zip.File, write func(io.Writer) error) error {
	r, err := p.Open()
	if err != nil {
		return err
	}
	part, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return fmt.Errorf("reading the spooled %s: %w", p.Name, err)
	}
	at := bytes.Index(part, sheetDataEnd)
	if at < 0 {
		return fmt.Errorf("%s has no %s to write rows before", p.Name, sheetDataEnd)
	}
	w, err := out.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, Modified: z.mod})
	if err != nil {
		return err
	}
	if _, err := w.Write(part[:at]); err != nil {
		return err
	}
	if err := write(w); err != nil {
		return err
	}
	_, err = w.Write(part[at:])
	return err
}

// rowsByPart finds the part of each sheet that rows names, as a reader finds
// it: from the sheet's relationship id in xl/workbook.xml to the target of
// that relationship in xl/_rels/workbook.xml.rels.
func (z *stableZip) rowsByPart(zr *zip.Reader) (map[string]func(io.Writer) error, error) {
	if len(z.rows) == 0 {
		return nil, nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		if t, ok := strings.CutPrefix(r.Target, "/"); ok {
			target[r.ID] = t
		} else {
			target[r.ID] = path.Join("xl", r.Target)
		}
	}
	byPart := map[string]func(io.Writer) error{}
	for _, s := range wb.Sheets {
		if write, ok := z.rows[s.Name]; ok {
			byPart[target[s.RID]] = write
		}
	}
	if len(byPart) != len(z.rows) {
		return nil, fmt.Errorf("found the parts of %d of the %d streamed sheets", len(byPart), len(z.rows))
	}
	return byPart, nil
}

// decodePart decodes the XML part name of zr into v.
func decodePart(zr *zip.Reader, name string, v any) error {
	r, err := zr.Open(name)
	if err != nil {
		return fmt.Errorf("reading the spooled workbook: %w", err)
	}
	defer r.Close()
	if err := xml.NewDecoder(r).Decode(v); err != nil {
		return fmt.Errorf("reading the spooled %s: %w", name, err)
	}
	return nil
}
