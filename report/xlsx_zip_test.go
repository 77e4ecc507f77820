package report

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"corecast/internal/specialfiles"
)

// TestStableZipOrdersAndDates writes parts out of order and reads back an
// archive in name order, every entry dated alike, the spool removed.
func TestStableZipOrdersAndDates(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var out bytes.Buffer
	mod := time.Date(2021, 6, 30, 23, 59, 58, 0, time.UTC)
	z := newStableZip(context.Background(), &out, mod)
	parts := map[string]string{"xl/worksheets/sheet2.xml": strings.Repeat("<row/>", 5000), "[Content_Types].xml": "types", "_rels/.rels": "rels", "docProps/app.xml": "app"}
	for _, name := range []string{"xl/worksheets/sheet2.xml", "docProps/app.xml", "[Content_Types].xml", "_rels/.rels"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if left := specialfiles.Names(t, tmp); len(left) != 0 {
		t.Errorf("spool left behind: %v", left)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(mod) || f.Method != zip.Deflate {
			t.Errorf("%s: dated %v, method %d; want %v, deflated", f.Name, f.Modified, f.Method, mod)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil || string(b) != parts[f.Name] {
			t.Errorf("%s: read %d bytes (%v), want what was written", f.Name, len(b), err)
		}
	}
	if !slices.IsSorted(names) || len(names) != len(parts) {
		t.Errorf("entries %v, want all four in name order", names)
	}
}

// TestStableZipCancelled checks that a cancelled export stops spooling,
// writes nothing and removes the spool.
func TestStableZipCancelled(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	z := newStableZip(ctx, &out, time.Now())
	defer z.cleanup()
	w, err := z.Create("a.xml")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	// Enough to make the compressor write to the spool.
	_, err = w.Write(bytes.Repeat([]byte("0123456789abcdef"), 1<<16))
	if _, err2 := z.Create("b.xml"); err == nil {
		err = err2
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("writing after cancel: %v, want context.Canceled", err)
	}
	if err := z.Close(); !errors.Is(err, context.Canceled) {
		t.Errorf("Close: %v, want context.Canceled", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %d bytes after cancel", out.Len())
	}
	if left := specialfiles.Names(t, tmp); len(left) != 0 {
		t.Errorf("spool left behind: %v", left)
	}
}

// TestWorkbookLeavesNoTemporaryFiles writes a workbook and finds nothing
// left in the temporary directory.
func TestWorkbookLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := WriteXLSX(context.Background(), path, []Run{testRun(t, testScenario(t, "Baseline", 50))}, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if left := specialfiles.Names(t, tmp); len(left) != 0 {
		t.Errorf("left in the temporary directory: %v", left)
	}
}
