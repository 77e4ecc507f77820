package report

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/model"
)

// TestDistributionRoundTripsExactly reads the Distribution sheet back with
// excelize and finds every value the engine recorded, to the last bit: a
// reviewer re-deriving a statistic from the sheet gets the engine's number.
func TestDistributionRoundTripsExactly(t *testing.T) {
	runs := twoRuns(t, 300)
	f, _ := openBook(t, runs)
	header, rows := sheetTable(t, f, SheetDistribution, 0)
	b, err := newBook(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb := distributionSheet(b).tables[0]
	if len(rows) != tb.n {
		t.Fatalf("%d rows, want %d", len(rows), tb.n)
	}
	if !slices.Equal(header, headerNames(tb)) {
		t.Fatalf("header %v, want %v", header, headerNames(tb))
	}
	dst := make([]any, len(tb.cols))
	for i, row := range rows {
		clear(dst)
		tb.row(i, dst)
		for j, v := range dst {
			got := ""
			if j < len(row) {
				got = row[j]
			}
			var want string
			switch x := v.(type) {
			case float64:
				if got == "" || math.Float64bits(num(t, got)) != math.Float64bits(x) {
					t.Fatalf("row %d %s: %q, want %v", i+1, header[j], got, strconv.FormatFloat(x, 'g', -1, 64))
				}
				continue
			case int:
				want = strconv.Itoa(x)
			case string:
				want = x
			}
			if got != want {
				t.Fatalf("row %d %s: %q, want %q", i+1, header[j], got, want)
			}
		}
	}
	// And against the engine itself, not only the table: total_need of the
	// second run's last iteration.
	r := runs[1].Result
	at := slices.Index(header, "total_need")
	if got := num(t, rows[len(rows)-1][at]); got != r.TotalNeed[r.Iterations-1] {
		t.Errorf("last total_need %v, want the engine's %v", got, r.TotalNeed[r.Iterations-1])
	}
}

// TestDistributionTextRoundTrips names scenarios with text that XML, or a
// spreadsheet, treats specially, and reads each back from the Distribution
// as it was given.
func TestDistributionTextRoundTrips(t *testing.T) {
	names := []string{
		" leading and trailing space ", "a_x0041_b and _x005F_", `<&> "quoted" 'single'`,
		"tab\there", "line\nbreak", "carriage\r\nreturn", "bell\x07", "£ café 😀", "=1+2", "@sum",
	}
	in := testInputs()
	var runs []Run
	for _, n := range names {
		runs = append(runs, testRunOn(t, testScenario(t, n, 3), in))
	}
	f, _ := openBook(t, runs)
	hr := headerRow(t, f, SheetDistribution)
	for k, n := range names {
		ref := cellName(1, hr+1+3*k)
		got, err := f.GetCellValue(SheetDistribution, ref)
		if err != nil {
			t.Fatal(err)
		}
		if got != n {
			t.Errorf("%s: %q, want %q", ref, got, n)
		}
		if typ, _ := f.GetCellType(SheetDistribution, ref); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: type %v, want an inline string", ref, typ)
		}
	}
}

// TestCellNumbers checks the text of numbers in a worksheet: the shortest
// that reads back exactly, in plain notation but for the very small and the
// very large.
func TestCellNumbers(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1, "1"}, {-2.5, "-2.5"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"},
		{5376.044008537151, "5376.044008537151"}, {1e-6, "0.000001"}, {1.5e-7, "1.5E-07"},
		{1e20, "100000000000000000000"}, {1e21, "1E+21"}, {math.MaxFloat64, "1.7976931348623157E+308"},
		{float64(model.NumInputs), strconv.Itoa(model.NumInputs)},
	} {
		got := string(appendCellNumber(nil, c.v))
		if got != c.want {
			t.Errorf("%v: %q, want %q", c.v, got, c.want)
		}
		if back, err := strconv.ParseFloat(got, 64); err != nil || back != c.v {
			t.Errorf("%q reads back as %v (%v), want %v", got, back, err, c.v)
		}
	}
}
