package report

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNoDistribution checks that Options.NoDistribution leaves out the
// Distribution sheet and the distribution table of CSV and JSON, and nothing
// else.
func TestNoDistribution(t *testing.T) {
	runs := twoRuns(t, 80)
	opts := Options{NoDistribution: true}
	dir := t.TempDir()

	path := filepath.Join(dir, "r.xlsx")
	if err := WriteXLSX(context.Background(), path, runs, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{SheetBrief, SheetSummary, SheetComparison, SheetByYear, SheetByRegion, SheetByType, SheetByTrust, SheetHistogram, SheetSCurves,
		SheetAssumptions, SheetInputs, SheetManifest}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}

	csvDir := filepath.Join(dir, "csv")
	if err := WriteCSV(context.Background(), csvDir, runs, opts); err != nil {
		t.Fatal(err)
	}
	files := readCSVDir(t, csvDir)
	if _, ok := files["distribution"]; ok {
		t.Error("CSV has distribution.csv")
	}
	// The plain tables and the comparison, less the distribution.
	if _, ok := files["summary"]; !ok || len(files) != len(plainTables())+1-1 {
		t.Errorf("%d CSV files, want every table of two runs but distribution", len(files))
	}

	var buf bytes.Buffer
	if err := WriteJSON(context.Background(), &buf, runs, opts); err != nil {
		t.Fatal(err)
	}
	var doc JSONDocument
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables {
		if tb.Name == "distribution" {
			t.Error("JSON has the distribution table")
		}
	}
	if len(doc.Tables) != len(files) {
		t.Errorf("%d JSON tables, %d CSV files", len(doc.Tables), len(files))
	}
}
