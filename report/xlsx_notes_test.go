package report

import (
	"slices"
	"strings"
	"testing"
)

// TestNoteSpan checks a note spans every column and gets one line's height
// per line it wraps to, and a short note keeps the default height.
func TestNoteSpan(t *testing.T) {
	widths := []float64{10, 20, 10} // 40 characters across
	notes := []string{"short", strings.Repeat("x", 100)}
	last, heights := noteSpan(notes, widths)
	if last != 3 {
		t.Errorf("notes span to column %d, want 3", last)
	}
	// 100 characters at 0.95 a character over 40 is 3 lines.
	if want := []float64{0, 3 * noteLineHeight}; !slices.Equal(heights, want) {
		t.Errorf("heights %v, want %v", heights, want)
	}
}

// TestNotesAreMergedAcrossTheTable checks every note of an in-memory and a
// streamed sheet is merged across its table's columns, so that it wraps on
// screen and on paper instead of running off the page.
func TestNotesAreMergedAcrossTheTable(t *testing.T) {
	f, _ := openBook(t, analysedRuns(t, 60))
	for _, s := range []string{SheetGoalSeek, SheetDistribution} {
		header, _ := sheetTable(t, f, s, 0)
		merged, err := f.GetMergeCells(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(merged) == 0 {
			t.Fatalf("sheet %s: no note is merged", s)
		}
		for i, m := range merged {
			if want := cellName(1, i+1) + ":" + cellName(len(header), i+1); m.GetStartAxis()+":"+m.GetEndAxis() != want {
				t.Errorf("sheet %s: merge %s:%s, want %s", s, m.GetStartAxis(), m.GetEndAxis(), want)
			}
			if v, _ := f.GetCellValue(s, m.GetStartAxis()); v == "" {
				t.Errorf("sheet %s: merge %s holds no note", s, m.GetStartAxis())
			}
		}
	}
}

// TestPrintNoteOnlyInTheWorkbook checks the Distribution's note on printing
// is on the sheet but not among the distribution table's notes in JSON,
// which has no print area.
func TestPrintNoteOnlyInTheWorkbook(t *testing.T) {
	runs := []Run{testRun(t, testScenario(t, "Baseline", 40))}
	f, _ := openBook(t, runs)
	if v := mustCell(t, f, SheetDistribution, "A2"); !strings.HasPrefix(v, "Printing: ") {
		t.Errorf("Distribution A2 %q, want the note on printing", v)
	}
	for _, tb := range decodeJSON(t, runs).Tables {
		if tb.Name != "distribution" {
			continue
		}
		if len(tb.Notes) != 1 || strings.Contains(tb.Notes[0], "Printing") {
			t.Errorf("distribution notes %q, want the one note on its columns", tb.Notes)
		}
	}
}
