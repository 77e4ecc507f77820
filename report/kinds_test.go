package report

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fullRuns is every table there is: two runs, each with a sensitivity
// analysis and goal seeks, so Comparison, Sensitivity and GoalSeek are there
// too.
func fullRuns(t *testing.T) []Run {
	t.Helper()
	return analysedRuns(t, 150)
}

// checkJSONKind reports whether v, decoded with UseNumber, is a value of a
// column of the named kind.
func checkJSONKind(kind string, v any) error {
	if v == nil {
		return nil // not defined: allowed in every kind
	}
	n, isNum := v.(json.Number)
	_, isText := v.(string)
	switch kind {
	case "text":
		if !isText {
			return fmt.Errorf("%v (%T) is not text", v, v)
		}
	case "number_or_text":
		if !isText && !isNum {
			return fmt.Errorf("%v (%T) is neither a number nor text", v, v)
		}
	case "£m", "number", "seconds", "count", "probability":
		if !isNum {
			return fmt.Errorf("%v (%T) is not a number", v, v)
		}
		f, err := n.Float64()
		if err != nil {
			return err
		}
		if kind == "count" && f != math.Trunc(f) {
			return fmt.Errorf("%v is not a whole number", f)
		}
		if kind == "probability" && (f < 0 || f > 1) {
			return fmt.Errorf("%v is not a probability", f)
		}
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	return nil
}

// TestJSONColumnKindsMatchValues checks, over every table of a full export,
// that each JSON column's declared kind is true of every value in it.
func TestJSONColumnKindsMatchValues(t *testing.T) {
	doc := decodeJSON(t, fullRuns(t))
	var names []string
	for _, tb := range doc.Tables {
		names = append(names, tb.Name)
		for j, c := range tb.Columns {
			for i, row := range tb.Rows {
				if err := checkJSONKind(c.Kind, row[j]); err != nil {
					t.Errorf("table %s, column %s (%s), row %d: %v", tb.Name, c.Name, c.Kind, i+1, err)
				}
			}
		}
	}
	for _, n := range tableNames() {
		if !slices.Contains(names, n) {
			t.Errorf("table %s is not in the full export, so its kinds went unchecked", n)
		}
	}
}

// TestNumbersAreStoredAsNumbers reads every cell of a full workbook as
// stored: no column of a numeric kind holds text anywhere, and no text cell
// anywhere reads as a number (numbers stored as text).
func TestNumbersAreStoredAsNumbers(t *testing.T) {
	runs := fullRuns(t)
	f, path := openBook(t, runs)
	raw := readRawBook(t, path)
	b, err := newBook(runs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]kind{} // by table name
	for _, s := range b.sheets() {
		for _, tb := range s.tables {
			for _, c := range tb.cols {
				kinds[tb.name] = append(kinds[tb.name], c.kind)
			}
		}
	}
	checked := 0
	for _, s := range raw.order {
		rs := raw.sheets[s]
		numeric := map[string]bool{} // cells of numeric columns
		tables, err := f.GetTables(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			ks, ok := kinds[tb.Name]
			if !ok {
				t.Fatalf("sheet %s: table %s is not in the book", s, tb.Name)
			}
			c1, r1, c2, r2 := tableCorners(t, tb.Range)
			if c2-c1+1 != len(ks) {
				t.Fatalf("table %s spans %d columns, has %d", tb.Name, c2-c1+1, len(ks))
			}
			for c := c1; c <= c2; c++ {
				if k := ks[c-c1]; k == kText || k == kMixed {
					continue
				}
				for r := r1 + 1; r <= r2; r++ {
					numeric[cellName(c, r)] = true
				}
			}
		}
		for _, c := range rs.cells() {
			text, isText := raw.text(t, c)
			if !isText {
				continue
			}
			checked++
			if numeric[c.Ref] {
				t.Errorf("sheet %s: cell %s of a numeric column holds text %q", s, c.Ref, text)
			}
			if _, err := strconv.ParseFloat(text, 64); err == nil {
				t.Errorf("sheet %s: cell %s holds the number %q as text", s, c.Ref, text)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no text cells found: the check read nothing")
	}
}

// tableCorners splits a range like "A5:R27" into its corners.
func tableCorners(t *testing.T, ref string) (c1, r1, c2, r2 int) {
	t.Helper()
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		t.Fatalf("range %q has no corners", ref)
	}
	var err error
	if c1, r1, err = excelize.CellNameToCoordinates(from); err == nil {
		c2, r2, err = excelize.CellNameToCoordinates(to)
	}
	if err != nil {
		t.Fatalf("range %q: %v", ref, err)
	}
	return c1, r1, c2, r2
}

// TestSeedStoredExactly checks a seed is a number where a spreadsheet shows
// every digit of it, and text, with a note, where it would not.
func TestSeedStoredExactly(t *testing.T) {
	tests := []struct {
		seed   uint64
		number bool
	}{
		{7, true},
		{maxNumericSeed, true},
		{maxNumericSeed + 1, false},
		{1<<53 + 1, false}, // not even held exactly by a double
		{math.MaxUint64, false},
	}
	for _, tc := range tests {
		t.Run(strconv.FormatUint(tc.seed, 10), func(t *testing.T) {
			sc := testScenario(t, "Baseline", 50)
			sc.Seed = tc.seed
			run := testRun(t, sc)
			digits := strconv.FormatUint(tc.seed, 10)
			f, _ := openBook(t, []Run{run})
			for _, where := range []struct{ sheet, first, name string }{
				{SheetSummary, "measure", "Seed"}, {SheetManifest, "field", "seed"}, {SheetAssumptions, "key", "seed"},
			} {
				ref, context := findRow(t, f, where.sheet, where.first, where.name)
				typ, err := f.GetCellType(where.sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				shown, _ := f.GetCellValue(where.sheet, ref)
				isText := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
				if isText == tc.number || shown != digits {
					t.Errorf("%s %s: type %v, shown %q; want the seed %s as a number %v", where.sheet, ref, typ, shown, digits, tc.number)
				}
				if noted := strings.Contains(context, "written as text"); noted == tc.number {
					t.Errorf("%s: a note that the seed is written as text %v, want %v", where.sheet, noted, !tc.number)
				}
			}
			doc := decodeJSON(t, []Run{run})
			for _, tb := range doc.Tables {
				if tb.Name != "headline" {
					continue
				}
				for _, row := range tb.Rows {
					if row[1] != "Seed" {
						continue
					}
					_, isNum := row[2].(json.Number)
					if isNum != tc.number || fmt.Sprint(row[2]) != digits {
						t.Errorf("JSON seed %v (%T), want %s as a number %v", row[2], row[2], digits, tc.number)
					}
				}
			}
		})
	}
}

// findRow finds the row of a sheet's table whose column first holds name,
// and returns the cell to its right and the text where a note on it may be:
// the row, and on the Manifest the notes above the table.
func findRow(t *testing.T, f *excelize.File, sheet, first, name string) (string, string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col, notes := -1, ""
	for i, r := range rows {
		if j := slices.Index(r, first); j >= 0 && col < 0 {
			col = j
			continue
		}
		if col < 0 && sheet == SheetManifest {
			notes += strings.Join(r, " ")
		}
		if col >= 0 && len(r) > col+1 && r[col] == name {
			return cellName(col+2, i+1), notes + strings.Join(r, " ")
		}
	}
	t.Fatalf("%s: no row %s", sheet, name)
	return "", ""
}
