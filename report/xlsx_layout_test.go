package report

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// layoutCases are the exports whose every sheet the layout tests check: one
// run, and two runs with every analysis (every sheet there is).
func layoutCases(t *testing.T) map[string][]Run {
	t.Helper()
	return map[string][]Run{
		"one run":                {testRun(t, testScenario(t, "Baseline", 150))},
		"two runs with analyses": analysedRuns(t, 150),
	}
}

// TestDimensionIsUsedRange reads every sheet's XML and checks its
// <dimension> is the range its cells occupy, so that readers that trust it
// (openpyxl's read-only mode, Power Query) see every row.
func TestDimensionIsUsedRange(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			f, path := openBook(t, runs)
			raw := readRawBook(t, path)
			for _, s := range raw.order {
				got, want := raw.sheets[s].Dimension.Ref, raw.sheets[s].usedRange(t)
				if got != want {
					t.Errorf("sheet %s: dimension %q, cells occupy %q", s, got, want)
				}
				// excelize, reading back, agrees on the last row.
				rows, err := f.GetRows(s)
				if err != nil {
					t.Fatal(err)
				}
				if !endsOnRow(want, len(rows)) {
					t.Errorf("sheet %s: excelize reads %d rows, the range %s ends elsewhere", s, len(rows), want)
				}
			}
		})
	}
}

// endsOnRow reports whether a range like "A1:R27" ends on row n.
func endsOnRow(ref string, n int) bool {
	i := len(ref)
	for i > 0 && ref[i-1] >= '0' && ref[i-1] <= '9' {
		i--
	}
	r, err := strconv.Atoi(ref[i:])
	return err == nil && r == n
}

// TestNoEmptyTextCells checks that blanks are left empty: no cell holds the
// empty string, which COUNTA would count.
func TestNoEmptyTextCells(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			_, path := openBook(t, runs)
			raw := readRawBook(t, path)
			for _, s := range raw.order {
				for _, c := range raw.sheets[s].cells() {
					text, isText := raw.text(t, c)
					if isText && text == "" {
						t.Errorf("sheet %s: cell %s holds empty text", s, c.Ref)
					}
					if !isText && (c.Value == nil || *c.Value == "") {
						t.Errorf("sheet %s: cell %s has no value", s, c.Ref)
					}
				}
			}
		})
	}
}

// TestPrintSetup checks every sheet prints one page wide, as many tall as
// needed (the Brief one page tall), with its table header repeated on every
// page.
func TestPrintSetup(t *testing.T) {
	for name, runs := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			f, path := openBook(t, runs)
			raw := readRawBook(t, path)
			charted := 0
			for i, s := range raw.order {
				rs := raw.sheets[s]
				if len(rs.chartRows) > 0 {
					charted++
				}
				ps := rs.PageSetup
				tall := 0 // pages: as many as needed
				if s == SheetBrief {
					tall = 1
				}
				if !rs.SheetPr.PageSetUpPr.FitToPage || ps.FitToWidth == nil || *ps.FitToWidth != 1 || ps.FitToHeight == nil || *ps.FitToHeight != tall {
					t.Errorf("sheet %s: fit to page %v, width %v, height %v; want fit to one page wide", s,
						rs.SheetPr.PageSetUpPr.FitToPage, ps.FitToWidth, ps.FitToHeight)
				}
				// Each row of charts begins a page, so no chart is cut in two.
				var breaks []int
				for _, b := range rs.RowBreaks {
					breaks = append(breaks, b.ID)
				}
				starts := slices.Compact(slices.Sorted(slices.Values(rs.chartRows)))
				if !slices.Equal(breaks, starts) {
					t.Errorf("sheet %s: page breaks before rows %v, charts start at rows %v", s, breaks, starts)
				}
				want := printTitlesRef(s, headerRowOf(t, f, s))
				found := slices.ContainsFunc(raw.defined, func(d rawDefinedName) bool {
					return d.Name == printTitles && d.LocalID != nil && *d.LocalID == i && d.Value == want
				})
				if !found {
					t.Errorf("sheet %s: no print titles %s among %+v", s, want, raw.defined)
				}
				// Every page names its sheet; only the Distribution prints
				// less than the whole sheet.
				hf, err := f.GetHeaderFooter(s)
				if err != nil || hf == nil || hf.OddHeader != pageHeader || !strings.HasPrefix(hf.OddFooter, "&Lcorecast forecast: ") {
					t.Errorf("sheet %s: header and footer %+v (%v), want %q and the scenarios", s, hf, err, pageHeader)
				}
				limited := slices.ContainsFunc(raw.defined, func(d rawDefinedName) bool {
					return d.Name == printArea && d.LocalID != nil && *d.LocalID == i
				})
				if limited != (s == SheetDistribution) {
					t.Errorf("sheet %s: print area %v", s, limited)
				}
			}
			if charted == 0 {
				t.Error("no sheet has charts: the page breaks went unchecked")
			}
		})
	}
}

// headerRowOf finds the header row of the first table on a sheet: the first
// row that starts with a table's first column name.
func headerRowOf(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && slices.Contains([]string{"scenario", "field", "input_file"}, r[0]) {
			return i + 1
		}
	}
	t.Fatalf("%s: no header", sheet)
	return 0
}

// TestTextBesideNumbersIsIndented checks that a text column just right of
// right-aligned numbers is indented, and no other.
func TestTextBesideNumbersIsIndented(t *testing.T) {
	cols := sheetColumns([]column{
		{name: "scenario"}, {name: "name"}, {name: "p", kind: kPctSE}, {name: "year"},
		{name: "settings", kind: kMixed, left: true}, {name: "note"}, {name: "n", kind: kCount},
	})
	var got []string
	for _, c := range cols {
		if c.indent {
			got = append(got, c.name)
		}
	}
	if !slices.Equal(got, []string{"year"}) {
		t.Errorf("indented %v, want [year]", got)
	}
}

// TestPageFooter checks the footer escapes "&", which would start a code,
// and is cut to the 255 characters a footer may hold.
func TestPageFooter(t *testing.T) {
	b := &book{labels: []string{"R&D", "Base\tline"}}
	if got, want := pageFooter(b), "&Lcorecast forecast: R&&D, Base line&R&F"; got != want {
		t.Errorf("footer %q, want %q", got, want)
	}
	b.labels = []string{strings.Repeat("&", 300)}
	got := pageFooter(b)
	if utf16Len(got) > excelize.MaxFieldLength || !strings.HasSuffix(got, "…&R&F") || strings.Contains(got, "&&&R") {
		t.Errorf("footer of %d characters %q, want at most %d ending …&R&F", utf16Len(got), got, excelize.MaxFieldLength)
	}
}
