package data

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fbook describes a workbook built by hand for the formula tests: the
// Trusts sheet's cells by reference (a value, or "=formula" with no saved
// value, or "=formula|saved"), the XML of a second sheet named Calc, and
// the defined names of the workbook.
type fbook struct {
	cells    map[string]string
	calcXML  string   // the Calc sheet's XML; "" for an empty sheet
	names    []string // <definedName> elements
	fullCalc bool
}

// trustRow is row 2 of the Trusts sheet: one valid trust.
var trustRow = map[string]string{"A2": "RAA", "B2": "Alpha NHS Trust", "C2": "acute", "D2": "London", "E2": "420", "F2": "61"}

// cellXML writes one cell as a worksheet holds it.
func cellXML(ref, spec string) string {
	if strings.HasPrefix(spec, "<") {
		return spec // written out in full
	}
	if f, ok := strings.CutPrefix(spec, "="); ok {
		f, saved, hasSaved := strings.Cut(f, "|")
		f = html.EscapeString(f)
		switch {
		case !hasSaved:
			return fmt.Sprintf(`<c r="%s"><f>%s</f></c>`, ref, f)
		case isNumber(saved):
			return fmt.Sprintf(`<c r="%s"><f>%s</f><v>%s</v></c>`, ref, f, saved)
		}
		return fmt.Sprintf(`<c r="%s" t="str"><f>%s</f><v>%s</v></c>`, ref, f, html.EscapeString(saved))
	}
	if isNumber(spec) {
		return fmt.Sprintf(`<c r="%s"><v>%s</v></c>`, ref, spec)
	}
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, html.EscapeString(spec))
}

func isNumber(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }

// sheetXMLOf writes a worksheet of the cells, row by row.
func sheetXMLOf(cells map[string]string) string {
	rows := map[int][]string{}
	var nums []int
	for ref := range cells {
		_, r, err := splitCellRef(ref)
		if err != nil {
			panic(ref)
		}
		if _, ok := rows[r]; !ok {
			nums = append(nums, r)
		}
		rows[r] = append(rows[r], ref)
	}
	slices.Sort(nums)
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for _, r := range nums {
		refs := rows[r]
		slices.SortFunc(refs, func(a, b string) int {
			ca, _, _ := splitCellRef(a)
			cb, _, _ := splitCellRef(b)
			return ca - cb
		})
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for _, ref := range refs {
			b.WriteString(cellXML(ref, cells[ref]))
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

// build writes the workbook: the parts of smallBook with its Trusts,
// Funding (a NATIONAL row alone) and third sheet (named Calc) replaced.
func (fb fbook) build(t testing.TB) []byte {
	t.Helper()
	cells := map[string]string{"A1": "code", "B1": "name", "C1": "type", "D1": "region", "E1": "opex_m", "F1": "maturity"}
	for k, v := range trustRow {
		cells[k] = v
	}
	for k, v := range fb.cells {
		if v == "" {
			delete(cells, k)
			continue
		}
		cells[k] = v
	}
	funding := map[string]string{"A1": "code", "B1": "programme", "C1": "year", "D1": "national_m", "E1": "local_m", "F1": "status",
		"A2": "NATIONAL", "B2": "Envelope", "C2": "2019-20", "D2": "350", "E2": "0", "F2": "committed"}
	calc := fb.calcXML
	if calc == "" {
		calc = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`
	}
	calcPr := `<calcPr calcId="1"/>`
	if fb.fullCalc {
		calcPr = `<calcPr calcId="1" fullCalcOnLoad="1"/>`
	}
	wbXML := `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="Trusts" sheetId="1" r:id="rId1"/><sheet name="Funding" sheetId="2" r:id="rId5"/><sheet name="Calc" sheetId="3" r:id="rId6"/></sheets>` +
		`<definedNames>` + strings.Join(fb.names, "") + `</definedNames>` + calcPr + `</workbook>`
	replaced := map[string]string{
		"xl/worksheets/sheet1.xml": sheetXMLOf(cells),
		"xl/worksheets/sheet2.xml": sheetXMLOf(funding),
		"xl/worksheets/sheet3.xml": calc,
		"xl/workbook.xml":          wbXML,
	}
	parts := bookParts(t)
	for i, p := range parts {
		if r, ok := replaced[p.name]; ok {
			parts[i].content = []byte(r)
		}
	}
	return zipOf(t, parts)
}

// TestCircularReferences: a formula whose value depends on itself, directly
// or through other cells, sheets, ranges, shared formulas or names, is a
// problem naming the cells around it, whether or not it saved a value and
// whether or not its workbook asks to be recalculated; a formula that
// depends on one is a problem too. Formulas that only look alike load.
func TestCircularReferences(t *testing.T) {
	cases := []struct {
		name string
		book fbook
		want []string // substrings of the problems; none: the book loads
	}{
		{"a cell adding to itself, saved as Excel saves it", fbook{cells: map[string]string{"E2": "=E2+1|0"}}, []string{
			`book.xlsx: sheet Trusts, row 2, column opex_m: found "formula, saved as 0", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E2 → E2), whose value is no result: fix the formula or type the value`}},
		{"a cell adding to itself, saved after iterating", fbook{cells: map[string]string{"E2": "=E2+1|1"}}, []string{
			`found "formula, saved as 1", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E2 → E2)`}},
		{"a cell adding to itself, no saved value", fbook{cells: map[string]string{"E2": "=E2+1"}}, []string{
			`found "formula with no saved value", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E2 → E2)`}},
		{"marked for recalculation", fbook{cells: map[string]string{"E2": "=E2+1|1"}, fullCalc: true}, []string{
			`not a formula with a circular reference (its value depends on itself: E2 → E2)`}},
		{"through two other cells", fbook{cells: map[string]string{"E2": "=I2*2|4", "I2": "=J2+1|2", "J2": "=E2/4|1"}}, []string{
			`row 2, column opex_m: found "formula, saved as 4", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E2 → I2 → J2 → E2)`}},
		{"through another sheet", fbook{cells: map[string]string{"E2": "=Calc!B3|5"}, calcXML: sheetXMLOf(map[string]string{"B3": "=Trusts!E2*1|5"})}, []string{
			`its value depends on itself: E2 → Calc!B3 → E2`}},
		{"through a quoted sheet name and absolute references", fbook{cells: map[string]string{"E2": "='Calc'!$B$3|5"}, calcXML: sheetXMLOf(map[string]string{"B3": "='Trusts'!$E$2|5"})}, []string{
			`its value depends on itself: E2 → Calc!B3 → E2`}},
		{"a total that includes itself", fbook{cells: map[string]string{"A3": "RBB", "B3": "Beta", "C3": "acute", "D3": "London", "E3": "=SUM(E2:E3)|420", "F3": "50"}}, []string{
			`row 3, column opex_m: found "formula, saved as 420", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E3 → E3)`}},
		{"a whole column that includes itself", fbook{cells: map[string]string{"E2": "=MAX(E:E)|420"}}, []string{
			`its value depends on itself: E2 → E2`}},
		{"depending on a cell that adds to itself", fbook{cells: map[string]string{"E2": "=I2*2|2", "I2": "=I2+1|1"}}, []string{
			`row 2, column opex_m: found "formula, saved as 2", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (it depends on a circular reference: I2 → I2)`}},
		{"a shared formula whose copies add to themselves", fbook{cells: map[string]string{
			"A3": "RBB", "B3": "Beta", "C3": "acute", "D3": "London", "F3": "50",
			"E2": `<c r="E2"><f t="shared" ref="E2:E3" si="0">E2+1</f><v>1</v></c>`,
			"E3": `<c r="E3"><f t="shared" si="0"/><v>1</v></c>`}}, []string{
			`row 2, column opex_m: found "formula, saved as 1", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E2 → E2)`,
			`row 3, column opex_m: found "formula, saved as 1", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (its value depends on itself: E3 → E3)`}},
		{"through a defined name", fbook{cells: map[string]string{"E2": "=OPEX_BASE+1|1"}, names: []string{`<definedName name="Opex_Base">Trusts!$E$2</definedName>`}}, []string{
			`its value depends on itself: E2 → E2`}},
		{"through a name local to the sheet", fbook{cells: map[string]string{"E2": "=Here+1|1"}, names: []string{`<definedName name="here" localSheetId="0">Trusts!$E$2</definedName>`}}, []string{
			`its value depends on itself: E2 → E2`}},
		{"a name that stands for itself", fbook{cells: map[string]string{"E2": "=Rate*2|2"}, names: []string{`<definedName name="Rate">Rate+1</definedName>`}}, []string{
			`found "formula, saved as 2", want annual operating expenditure in £m, a number above 0, not a formula with a circular reference (E2 uses the name RATE, which stands for itself)`}},
		{"names that stand for each other, used through a cell", fbook{cells: map[string]string{"E2": "=I2|2", "I2": "=A_1+1|2"},
			names: []string{`<definedName name="A_1">B_1*2</definedName>`, `<definedName name="B_1">A_1</definedName>`}}, []string{
			`not a formula with a circular reference (it depends on a circular reference: I2 uses the name A_1, which stands for itself)`}},
		{"a long cycle, shown in part", fbook{cells: map[string]string{"E2": "=I2|1", "I2": "=J2|1", "J2": "=K2|1", "K2": "=L2|1", "L2": "=M2|1", "M2": "=N2|1", "N2": "=E2|1"}}, []string{
			`its value depends on itself: E2 → I2 → J2 → K2 → L2 → M2 → … → E2`}},

		{"a formula that refers to its neighbours loads", fbook{cells: map[string]string{"E2": "=I2+J2|420", "I2": "400", "J2": "=10*2|20"}}, nil},
		{"a shared formula moving down a column loads", fbook{cells: map[string]string{
			"A3": "RBB", "B3": "Beta", "C3": "acute", "D3": "London", "F3": "50", "I2": "100", "I3": "200",
			"E2": `<c r="E2"><f t="shared" ref="E2:E3" si="0">I2*2</f><v>200</v></c>`,
			"E3": `<c r="E3"><f t="shared" si="0"/><v>400</v></c>`}}, nil},
		{"a sheet's total of the column above loads", fbook{cells: map[string]string{"E2": "=Calc!B2|420"}, calcXML: sheetXMLOf(map[string]string{"B1": "=SUM(B3:B9)|10", "B2": "=B1*42|420", "B3": "=1+1|2"})}, nil},
		{"a reference that only looks like the same cell on another sheet loads", fbook{cells: map[string]string{"E2": "=Calc!E2|420"}, calcXML: sheetXMLOf(map[string]string{"E2": "420"})}, nil},
		{"text that looks like a reference loads", fbook{cells: map[string]string{"B2": `="E2 & B2"|E2 & B2`}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := loadWorkbookBytes("book.xlsx", c.book.build(t), nil, defaultLimits())
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("want it to load, got:\n%v", err)
				}
				if len(l.Inputs.Trusts) == 0 {
					t.Fatal("no trusts")
				}
				return
			}
			if err == nil {
				t.Fatalf("loaded: %+v", l.Inputs.Trusts)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("no problem contains\n%s\nin:\n%v", w, err)
				}
			}
		})
	}
}

// TestParseFormula: the references, names and functions of a formula are
// read as Excel writes them.
func TestParseFormula(t *testing.T) {
	f := parseFormula(`SUM($A$1:B2,Sheet2!C3,'My ''sheet'''!D:D,3:5)+IF(E2>0,"E2 ""x""",_xlfn.CONCAT(Rate,'Q1'!Total))&#REF!&[1]Other!A1&A1#`)
	var got []string
	for _, r := range f.refs {
		got = append(got, fmt.Sprintf("%s!%s:%s", r.sheet, cellName(int(r.c1), int(r.r1)), cellName(int(r.c2), int(r.r2))))
	}
	want := []string{"!A1:B2", "Sheet2!C3:C3", "My 'sheet'!D1:D1048576", "!A3:XFD5", "!E2:E2", "!A1:A1"} // not [1]Other!A1: another workbook's
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("refs %v\nwant %v", got, want)
	}
	var names []string
	for _, n := range f.names {
		names = append(names, n.sheet+"!"+n.name)
	}
	if strings.Join(names, " ") != "!RATE Q1!TOTAL" {
		t.Errorf("names %v", names)
	}
	if !f.expr.concat {
		t.Error("the & was not seen")
	}
	var calls []string
	var walk func(e fexpr)
	walk = func(e fexpr) {
		for _, t := range e.terms {
			if t.kind == fCall {
				calls = append(calls, t.name)
				for _, a := range t.args {
					walk(a)
				}
			}
			if t.kind == fLit && t.units != 6 {
				calls = append(calls, fmt.Sprintf("literal of %d", t.units))
			}
		}
	}
	walk(f.expr)
	if strings.Join(calls, " ") != "SUM IF CONCAT" {
		t.Errorf("calls %v", calls)
	}
	if !parseFormula(strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300)).bad {
		t.Error("a formula nested 300 deep was read")
	}
	for _, s := range []string{"", "(", ")", "'", `"`, "A1:", ":A1", "Sheet1!", "'x'!", "#", "[", "{1,2;3,4}", "1e", "$", "$$$", "A1:B", "LOG10(100)", "XFE1", "A1048577"} {
		parseFormula(s) // never a panic or a hang
	}
	if f := parseFormula("LOG10(100)+XFE1+A0"); len(f.refs) != 0 || len(f.names) != 2 {
		t.Errorf("LOG10, XFE1 and A0 read as %v, %v", f.refs, f.names)
	}
	for s, odd := range map[string]bool{
		`SUM(A1:B2)*2`: false, `-A1%+"x"&B1`: false, `A:A 2:2`: false, `{1,2;3,4}`: false, `IF(A1,,B1)`: false, `[1]Sheet1!A1+1`: false,
		`REPT("x",3)3`: true, `A1 B1+`: true, `(A1`: true, `A1)`: true, `"open`: true, `'Sheet`: true, `A1+`: true, `A1!`: true, `1 2`: true,
	} {
		if got := parseFormula(s).odd; got != odd {
			t.Errorf("%s: odd %v, want %v", s, got, odd)
		}
	}
}

// TestCalculationBounded: a formula corecast must calculate is given to
// excelize only when what excelize would do is bounded: known functions
// whose work grows with their arguments, text no longer than a cell holds
// at any step, and a bounded number of cells read. Any other stays a
// problem saying why, found without calculating it: the bombs below would
// take excelize gigabytes or for ever, and the load allocates a few
// megabytes. Formulas within bounds are calculated as before.
func TestCalculationBounded(t *testing.T) {
	doubling := map[string]string{"A1": `=REPT("ab",500)`}
	for i := 2; i <= 30; i++ {
		doubling[fmt.Sprintf("A%d", i)] = fmt.Sprintf("=A%d&A%d", i-1, i-1)
	}
	longTexts := map[string]string{}
	for i := 1; i <= 1000; i++ {
		longTexts[fmt.Sprintf("A%d", i)] = strings.Repeat("t", 100)
	}
	const tooLong = `(its result could be longer than 32,767 characters, Excel's limit for a cell)`
	cases := []struct {
		name  string
		book  fbook
		want  string // a substring of the problem; "" when the book loads
		name2 string // the trust's name when it loads
		opex  float64
	}{
		{"nested REPT", fbook{cells: map[string]string{"B2": `=REPT(REPT("x",32767),32767)`}},
			`row 2, column name: found "formula with no saved value", want the trust's name; corecast could not calculate it (its result could be longer than 32,767 characters, Excel's limit for a cell): open and save the file in Excel or LibreOffice`, "", 0},
		{"REPT of nothing a thousand million million times", fbook{cells: map[string]string{"B2": `=REPT("",1E+15)`}}, tooLong, "", 0},
		{"a comma left out, which excelize would read otherwise", fbook{cells: map[string]string{"B2": `=REPT(REPT("x",32767)32767)`}},
			`corecast could not calculate it (it is not written as corecast can read it well enough to calculate it: look for a missing comma, operator or bracket)`, "", 0},
		{"REPT counted by a cell", fbook{cells: map[string]string{"B2": `=REPT("x",I2)`, "I2": "1E+15"}},
			`corecast could not calculate it (it uses REPT with a count that is not a number written in the formula)`, "", 0},
		{"text doubled through thirty cells", fbook{cells: map[string]string{"B2": `=Calc!A30`}, calcXML: sheetXMLOf(doubling)}, tooLong, "", 0},
		{"SUBSTITUTE multiplying text", fbook{cells: map[string]string{"B2": `=SUBSTITUTE(REPT("x",30000),"x",REPT("y",30000))`}}, tooLong, "", 0},
		{"CONCAT of a long column", fbook{cells: map[string]string{"B2": `=CONCAT(Calc!A1:A1000)`}, calcXML: sheetXMLOf(longTexts)}, tooLong, "", 0},
		{"& of a long column", fbook{cells: map[string]string{"B2": `=Calc!A1:A1000&"x"`}, calcXML: sheetXMLOf(longTexts)}, tooLong, "", 0},
		{"TEXTJOIN with a long delimiter", fbook{cells: map[string]string{"B2": `=TEXTJOIN(REPT("-",100),TRUE,Calc!B1:B1000)`}, calcXML: sheetXMLOf(longTexts)}, tooLong, "", 0},
		{"a saved value not trusted", fbook{cells: map[string]string{"B2": `=REPT(REPT("x",32767),32767)|x`}, fullCalc: true}, tooLong, "", 0},
		{"INDIRECT", fbook{cells: map[string]string{"E2": `=INDIRECT("I2")`, "I2": "420"}},
			`corecast could not calculate it (it uses INDIRECT, which corecast does not calculate)`, "", 0},
		{"a function corecast does not list, on another sheet", fbook{cells: map[string]string{"E2": `=Calc!A1*2`}, calcXML: sheetXMLOf(map[string]string{"A1": `=MUNIT(100000)|1`})},
			`corecast could not calculate it (it uses MUNIT, which corecast does not calculate)`, "", 0},
		{"a sheet that is not there", fbook{cells: map[string]string{"E2": `=Nowhere!A1*2`}},
			`corecast could not calculate it (it refers to a sheet named Nowhere, which the workbook does not have)`, "", 0},
		{"a name that is not there", fbook{cells: map[string]string{"E2": `=Opex_2019*2`}},
			`corecast could not calculate it (it uses the name OPEX_2019, which the workbook does not define)`, "", 0},
		{"another workbook", fbook{cells: map[string]string{"E2": `=[1]Sheet1!A1`}},
			`corecast could not calculate it (it uses a reference corecast does not follow`, "", 0},
		{"a range of 1.4 million cells", fbook{cells: map[string]string{"E2": `=SUM(Calc!A1:ZZ2000)`}},
			`corecast could not calculate it (it depends on more cells than corecast reads to calculate (1,000,000))`, "", 0},

		{"arithmetic", fbook{cells: map[string]string{"E2": `=400+20`}}, "", "Alpha NHS Trust", 420},
		{"text joined", fbook{cells: map[string]string{"B2": `=CONCATENATE("Alpha"," NHS ")&"Trust"`}}, "", "Alpha NHS Trust", 420},
		{"a short REPT", fbook{cells: map[string]string{"E2": `=VALUE(REPT("4",3))`}}, "", "Alpha NHS Trust", 444},
		{"a sum of another sheet's column", fbook{cells: map[string]string{"E2": `=SUM(Calc!A:A)`}, calcXML: sheetXMLOf(map[string]string{"A1": "400", "A2": "=10+10|20"})}, "", "Alpha NHS Trust", 420},
		{"a lookup in another sheet", fbook{cells: map[string]string{"E2": `=VLOOKUP(A2,Calc!A1:B3,2,FALSE)`}, calcXML: sheetXMLOf(map[string]string{"A1": "RZZ", "B1": "1", "A2": "RAA", "B2": "310", "A3": "RBB", "B3": "5"})}, "", "Alpha NHS Trust", 310},
		{"a name for a cell", fbook{cells: map[string]string{"E2": `=Base*2`}, names: []string{`<definedName name="Base">Calc!$A$1</definedName>`}, calcXML: sheetXMLOf(map[string]string{"A1": "210"})}, "", "Alpha NHS Trust", 420},
		{"a long text joined once", fbook{cells: map[string]string{"B2": `=Calc!A1&" Trust"`}, calcXML: sheetXMLOf(map[string]string{"A1": strings.Repeat("n", 30_000)})}, "", strings.Repeat("n", 30_000) + " Trust", 420},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := c.book.build(t)
			var l Loaded
			var err error
			n := allocatedBy(func() { l, err = loadWorkbookBytes("book.xlsx", b, nil, defaultLimits()) })
			if c.want == "" {
				if err != nil {
					t.Fatalf("want it to load, got:\n%v", err)
				}
				if tr := l.Inputs.Trusts[0]; tr.Name != c.name2 || tr.OpexM != c.opex {
					t.Errorf("read %q, %v; want %q, %v", shortText(tr.Name), tr.OpexM, shortText(c.name2), c.opex)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v\nwant %s", err, c.want)
			}
			if n > 64<<20 {
				t.Errorf("the load allocated %d MB", n>>20)
			}
		})
	}
}

// TestFormulaWalkBounded: the walk of the formula graph does work in
// proportion to the links between cells, a range many formulas share
// walked once, and stops at its limit with a problem rather than go on.
func TestFormulaWalkBounded(t *testing.T) {
	const rows = 20_000
	shares, running := map[string]string{}, map[string]string{}
	for i := 1; i <= rows; i++ {
		shares[fmt.Sprintf("A%d", i)] = "=1+1|2"
		shares[fmt.Sprintf("B%d", i)] = fmt.Sprintf("=A%d/SUM(A:A)|0", i)
		running[fmt.Sprintf("A%d", i)] = "=1+1|2"
		running[fmt.Sprintf("B%d", i)] = fmt.Sprintf("=SUM(A$1:A%d)|0", i)
	}
	// Every share reads the whole column: 400 million links if each read
	// it anew, under ten per row when the column is walked once.
	b := fbook{cells: map[string]string{"E2": "=SUM(Calc!B:B)*420|420"}, calcXML: sheetXMLOf(shares)}.build(t)
	if _, err := loadWorkbookBytes("book.xlsx", b, nil, limits{maxLinks: 10 * rows}); err != nil {
		t.Errorf("shares of a column's total: %v", err)
	}
	// Running totals each read a longer range: 200 million links.
	b = fbook{cells: map[string]string{"E2": "=SUM(Calc!B:B)|420"}, calcXML: sheetXMLOf(running)}.build(t)
	_, err := loadWorkbookBytes("book.xlsx", b, nil, limits{maxLinks: 1_000_000})
	if err == nil || err.Error() != "book.xlsx: has formulas too many or too entangled to check for circular references (more than 1,000,000 links between cells); corecast reads workbooks up to that" {
		t.Errorf("running totals: %v", err)
	}
}

// TestFormulaCountBounded: the formulas kept to look for circular
// references are bounded, the sheets a formula refers to counted with those
// read, and passing the bound is a problem saying so.
func TestFormulaCountBounded(t *testing.T) {
	calc := map[string]string{}
	for i := 1; i <= 600; i++ {
		calc[fmt.Sprintf("A%d", i)] = "=1+1|2"
	}
	b := fbook{cells: map[string]string{"E2": "=Calc!A1*210|420"}, calcXML: sheetXMLOf(calc)}.build(t)
	_, err := loadWorkbookBytes("book.xlsx", b, nil, limits{maxGraph: 500})
	if err == nil || err.Error() != "book.xlsx: has more than 500 formulas in the sheets corecast reads and the sheets they refer to; corecast checks formulas for circular references up to that many" {
		t.Errorf("got %v", err)
	}
	if _, err := loadWorkbookBytes("book.xlsx", b, nil, limits{maxGraph: 700}); err != nil {
		t.Errorf("under the bound: %v", err)
	}
	// One long formula, and a long name, count by their parts.
	long := "=" + strings.Repeat("A1+", 100) + "1|1"
	b = fbook{cells: map[string]string{"E2": "=Calc!A1*210|420"}, calcXML: sheetXMLOf(map[string]string{"A1": long})}.build(t)
	_, err = loadWorkbookBytes("book.xlsx", b, nil, limits{maxParts: 150})
	if err == nil || err.Error() != "book.xlsx: has formulas of more than 150 parts (references, names, values, functions) in all in the sheets corecast reads and the sheets they refer to; corecast checks formulas for circular references up to that size" {
		t.Errorf("a long formula: %v", err)
	}
	b = fbook{cells: map[string]string{"E2": "=Big*210|420"}, names: []string{`<definedName name="Big">` + strings.Repeat("Calc!A1+", 100) + `1</definedName>`}}.build(t)
	if _, err := loadWorkbookBytes("book.xlsx", b, nil, limits{maxParts: 150}); err == nil || !strings.Contains(err.Error(), "more than 150 parts") {
		t.Errorf("a long name: %v", err)
	}
}
