package data

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"corecast/model"
)

// CSV files as spreadsheets in other locales save them are refused naming
// the separator; old Mac line endings are read, with a note.
func TestCSVSeparatorsAndLineEndings(t *testing.T) {
	semi := strings.NewReplacer(",", ";").Replace(strings.ReplaceAll(csvTrusts, `"Beta, Mental Health"`, "Beta"))
	cases := []struct {
		name    string
		trusts  string
		problem string
		note    string
	}{
		{"semicolons", semi, "trusts.csv: separates its values with semicolons (;), not commas", ""},
		{"tabs", strings.ReplaceAll(semi, ";", "\t"), "separates its values with tabs, not commas", ""},
		{"carriage returns alone", strings.ReplaceAll(csvTrusts, "\n", "\r"), "", "has old Mac line endings"},
		{"Windows line endings", strings.ReplaceAll(csvTrusts, "\n", "\r\n"), "", ""},
		{"percent maturity as text", strings.Replace(csvTrusts, ",61\n", ",61%\n", 1), "", "a percentage read as maturity points"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := LoadCSV("dir", strings.NewReader(c.trusts), strings.NewReader(csvFunding), nil, nil)
			if c.problem != "" {
				if err == nil || !strings.Contains(err.Error(), c.problem) {
					t.Fatalf("got %v, want a problem containing %q", err, c.problem)
				}
				if strings.Count(err.Error(), "\n") != 0 {
					t.Errorf("one sentence wanted, got:\n%v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Inputs.Trusts) != 2 || l.Inputs.Trusts[0].Maturity != 61 {
				t.Fatalf("trusts %+v", l.Inputs.Trusts)
			}
			notes := strings.Join(l.Notes.Lines(), "\n")
			if c.note != "" && !strings.Contains(notes, c.note) {
				t.Errorf("notes %q lack %q", notes, c.note)
			}
			if c.note == "" && notes != "" {
				t.Errorf("unexpected notes %q", notes)
			}
		})
	}
}

// Two files that could be trusts.csv are ambiguous.
func TestCSVDirectoryAmbiguous(t *testing.T) {
	dir := writeFiles(t, map[string]string{"trusts.csv": csvTrusts, "TRUSTS.csv": csvTrusts, "funding.csv": csvFunding})
	if des, _ := os.ReadDir(dir); len(des) != 3 {
		t.Skip("the file system does not tell names apart by case")
	}
	_, err := Load(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "files that could be trusts.csv") {
		t.Fatalf("got %v", err)
	}
}

// Two sheets whose names match after normalising are ambiguous.
func TestSheetsThatDifferOnlyInCase(t *testing.T) {
	b := bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}, sheet{"TRUSTS ", goodTrusts()})
	_, err := LoadWorkbookBytes("book.xlsx", b, nil)
	if err == nil || !strings.Contains(err.Error(), `has 2 sheets that could be the Trusts sheet ("Trusts", "TRUSTS ")`) {
		t.Fatalf("got %v", err)
	}
}

// A workbook that asks to be recalculated on opening (as XlsxWriter's do)
// has placeholder formula values: they are calculated, never trusted.
func TestFullCalcOnLoadFormulasRecalculated(t *testing.T) {
	b := plain(t).formula("Funding", "D4", "=300+50").bytes()
	b = rewriteZipFile(t, b, "xl/worksheets/sheet2.xml", func(s string) string {
		return strings.Replace(s, "<f>300+50</f>", "<f>300+50</f><v>0</v>", 1)
	})
	l, err := LoadWorkbookBytes("book.xlsx", b, nil)
	if err != nil || national(l)[2019] != 0 {
		t.Fatalf("without fullCalcOnLoad the saved value is used: %v, %v", national(l), err)
	}
	b = rewriteZipFile(t, b, "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, "<calcPr ", `<calcPr fullCalcOnLoad="1" `, 1)
	})
	l, err = LoadWorkbookBytes("book.xlsx", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := national(l)[2019]; got != 350 {
		t.Errorf("national = %v, want 350", got)
	}
	if notes := strings.Join(l.Notes.Lines(), "\n"); !strings.Contains(notes, "marked for recalculation on opening") {
		t.Errorf("notes %q", notes)
	}
}

// A map file names the column and unit of fields the aliases do not cover,
// and wins over them.
func TestMapFile(t *testing.T) {
	tr := goodTrusts()
	tr[0] = []any{"Provider", "Provider name", "Kind", "Area", "Opex 19/20", "Score A", "maturity_prev", "epr"}
	tr[1][4], tr[2][4], tr[3][4] = 420500, 180000, 260000
	m, err := ParseMapping("map.toml", []byte(`
[trusts]
code = "Provider"
name = { column = "provider name" }
type = "Kind"
region = "Area"
opex_m = { column = "Opex 19/20", unit = "£000" }
maturity = "Score A"
`))
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadWorkbookBytes("book.xlsx", bookBytes(t, sheet{"Trusts", tr}, sheet{"Funding", goodFunding()}), m)
	if err != nil {
		t.Fatal(err)
	}
	if got := trust(t, l, "RAA"); got.OpexM != 420.5 || got.Maturity != 61 || got.Type != model.Acute {
		t.Errorf("RAA = %+v", got)
	}
	if notes := strings.Join(l.Notes.Lines(), "\n"); !strings.Contains(notes, "amounts in £000 (from the map file) divided by 1,000 to £m") {
		t.Errorf("notes %q", notes)
	}
}

func TestMapFileProblems(t *testing.T) {
	cases := []struct{ toml, want string }{
		{"[trusts]\nopex = \"Opex\"\n", "[trusts] opex is not a column of Trusts"},
		{"[people]\ncode = \"x\"\n", "[people] is not a sheet corecast reads"},
		{"[trusts]\nopex_m = { column = \"Opex\", unit = \"$m\" }\n", `unit "$m" is not one of £000, £m, £bn`},
		{"[trusts]\nmaturity = { column = \"M\", unit = \"£000\" }\n", "a unit applies only to money columns"},
		{"[trusts]\nopex_m = 5\n", "want a column name"},
		{"[trusts]\nopex_m = { column = \"\" }\n", "want the column's heading as text"},
		{"[trusts\n", "is not a valid map file"},
		{"a = " + strings.Repeat("[", 10) + strings.Repeat("]", 10) + "\n", "nests tables and arrays more than 4 levels deep"},
	}
	for _, c := range cases {
		_, err := ParseMapping("map.toml", []byte(c.toml))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "map.toml") {
			t.Errorf("%q: got %v, want %q", c.toml, err, c.want)
		}
	}
}

// The sheet named in a map file is read in place of Trusts.
func TestMapFileSheet(t *testing.T) {
	m, err := ParseMapping("map.toml", []byte("[trusts]\nsheet = \"Provider list\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := bookBytes(t, sheet{"Provider list", goodTrusts()}, sheet{"Funding", goodFunding()})
	l, err := LoadWorkbookBytes("book.xlsx", b, m)
	if err != nil || len(l.Inputs.Trusts) != 3 {
		t.Fatalf("%d trusts, %v", len(l.Inputs.Trusts), err)
	}
}

// Number formats are read as Excel shows them.
func TestClassifyFormatCode(t *testing.T) {
	cases := map[string]cellFormat{
		"General": fmtGeneral, "0.0%": fmtPercent, "#,##0.00": fmtGeneral, `0.0"%"`: fmtGeneral,
		"dd/mm/yyyy": fmtDate, "[h]:mm": fmtDate, `£#,##0.0,,"m"`: fmtMillions, "#,##0,": fmtThousands, `0,,,"bn"`: fmtBillions, `#,##0.0`: fmtGeneral, `[Red]0.00%;-0.00%`: fmtPercent,
		`#,##0;[Red]-#,##0`: fmtGeneral, "mmm-yy": fmtDate, `_-£* #,##0_-`: fmtGeneral,
	}
	for code, want := range cases {
		if got := classifyFormatCode(code); got != want {
			t.Errorf("%q: %v, want %v", code, got, want)
		}
	}
}

func TestParseStrict(t *testing.T) {
	good := map[string]float64{"1234.5": 1234.5, "1,234.5": 1234.5, "1,234,567": 1234567, ".5": 0.5, "1e3": 1000, "0": 0, "-2": -2,
		"1 000": 1000, "1\u00a0234.5": 1234.5, "12\u2009345\u2009678": 12345678, "1\u202f000": 1000}
	for s, want := range good {
		if got, ok := parseStrict(s); !ok || got != want {
			t.Errorf("%q = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"522,1", "1,5", "1_000", "0x10", "0x1p4", "NaN", "Inf", "+Inf", "1,2345", "12,34,567", ",5", "1.", "e3", "12 34", "1 0000", "1 000,5", "1 000 ", "--1", ""} {
		if got, ok := parseStrict(s); ok {
			t.Errorf("%q read as %v", s, got)
		}
	}
}

// A chain of formulas, each on the one below, none with a saved value, is
// calculated to the value Excel would show.
func TestFormulaChainCalculated(t *testing.T) {
	b := plain(t)
	_, err := b.f.NewSheet("Workings")
	b.check(err)
	const depth = 300
	b.value("Workings", "A1", 50)
	for i := 2; i <= depth; i++ {
		b.formula("Workings", cellName(0, i), "=A"+strconv.Itoa(i-1)+"+1")
	}
	b.formula("Funding", "D4", "=Workings!A"+strconv.Itoa(depth))
	l, err := LoadWorkbookBytes("book.xlsx", b.bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := national(l)[2019]; got != 50+depth-1 {
		t.Errorf("national = %v, want %d", got, 50+depth-1)
	}
}

// Every column the parsers ask the schemas for is declared there.
func TestSchemaHasTheColumnsParsersRead(t *testing.T) {
	asked := map[*sheetSchema][]string{
		&trustsSchema:   {"code", "name", "type", "region", "opex_m", "maturity", "maturity_prev", "epr"},
		&fundingSchema:  {"code", "programme", "year", "national_m", "local_m", "status"},
		&observedSchema: {"code", "year", "maturity"},
		&scenarioSchema: {"key", "value"},
	}
	for s, names := range asked {
		for _, n := range names {
			if f := s.field(n); f.want == "a valid "+n {
				t.Errorf("%s: no column %s", s.sheet, n)
			}
		}
	}
}
