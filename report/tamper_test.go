package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixedDate is a SOURCE_DATE_EPOCH for the tests of verify.
var fixedDate = time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)

// changed is a number other than the one written as text, by a little.
func changed(t *testing.T, text string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v*1.001 + 1
}

// changeNumber copies the export at path, as a reviewer's editor would,
// with the number at c changed: excelize for a workbook, the one CSV file
// rewritten (in its zip or directory), the JSON document decoded and
// encoded again. It returns the copy's path.
func changeNumber(t *testing.T, k exportKind, path string, c numberCell) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "changed"+k.ext)
	switch {
	case k.format == XLSX:
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.SetCellValue(c.part, cellName(c.col, c.row), changed(t, c.text)); err != nil {
			t.Fatal(err)
		}
		if err := f.SaveAs(out); err != nil {
			t.Fatal(err)
		}
	case k.format == JSON:
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		changeJSON(t, b, out, func(doc map[string]any) {
			for _, tb := range doc["tables"].([]any) {
				table := tb.(map[string]any)
				if table["name"] == c.part {
					row := table["rows"].([]any)[c.row-jsonRowFirst].([]any)
					row[c.col-1] = json.Number(strconv.FormatFloat(changed(t, c.text), 'g', -1, 64))
				}
			}
		})
	case k.ext == ".zip":
		rewriteZip(t, path, out, func(name string, b []byte) []byte {
			if name != c.part+".csv" {
				return b
			}
			return changeCSV(t, b, c)
		})
	default:
		if err := os.CopyFS(out, os.DirFS(path)); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(out, c.part+".csv")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, changeCSV(t, b, c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// changeCSV changes the field at c of a CSV file.
func changeCSV(t *testing.T, b []byte, c numberCell) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	recs[c.row-1][c.col-1] = strconv.FormatFloat(changed(t, c.text), 'g', -1, 64)
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// rewriteZip copies a zip, each entry's bytes passed through edit.
func rewriteZip(t *testing.T, from, to string, edit func(name string, b []byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, b)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// changeJSON decodes a JSON export, numbers as written, lets edit change
// it and writes it to out.
func changeJSON(t *testing.T, b []byte, out string, edit func(doc map[string]any)) {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var doc map[string]any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	nb, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, nb, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withoutManifestRow copies a JSON export without one row of its
// Manifest, as a file from before that row was written.
func withoutManifestRow(t *testing.T, path, field string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "old.json")
	changeJSON(t, b, out, func(doc map[string]any) {
		for _, tb := range doc["tables"].([]any) {
			table := tb.(map[string]any)
			if table["name"] != "manifest" {
				continue
			}
			var keep []any
			for _, r := range table["rows"].([]any) {
				if r.([]any)[0] != field {
					keep = append(keep, r)
				}
			}
			table["rows"] = keep
		}
	})
	return out
}
