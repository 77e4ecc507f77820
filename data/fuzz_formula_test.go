package data

import (
	"html"
	"strings"
	"testing"
)

// FuzzParseFormula fuzzes the formula reader: any text is read, never with
// a panic or a stack as deep as it likes, and every reference it finds lies
// on the sheet.
func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{
		`SUM($A$1:B2,Sheet2!C3,'My ''sheet'''!D:D,3:5)+IF(E2>0,"E2 ""x""",_xlfn.CONCAT(Rate,'Q1'!Total))&#REF!&[1]Other!A1&A1#`,
		`REPT(REPT("x",32767),32767)`, `E2+1`, `SUBSTITUTE(A1,"",B1)`, `TEXTJOIN("-",TRUE,A:A)`, `{1,2;3,"x"}`,
		`Sheet1:Sheet3!A1`, `INDEX(A:A,1):B5`, `Table1[[#This Row],[Opex]]`, `@A1:A3`, `'unterminated`, `"unterminated`,
		strings.Repeat("(", 300) + "1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		defer watchdog()()
		p := parseFormula(s)
		for _, r := range p.refs {
			if r.r1 < 1 || r.r2 > excelRows || r.r1 > r.r2 || r.c1 < 0 || r.c2 > excelLastCol || r.c1 > r.c2 {
				t.Fatalf("reference off the sheet: %+v", r)
			}
		}
		var walk func(e fexpr)
		walk = func(e fexpr) {
			for _, x := range e.terms {
				if x.kind == fRef && int(x.ref) >= len(p.refs) {
					t.Fatalf("term refers to reference %d of %d", x.ref, len(p.refs))
				}
				for _, a := range x.args {
					walk(a)
				}
			}
		}
		walk(p.expr)
	})
}

// FuzzFormulaGraph fuzzes the formulas of a workbook: the Trusts sheet's
// opex cell, three cells of a second sheet and a defined name. Whatever
// they are (circular, bombs, references to anywhere), the load ends in
// bounded time and memory with inputs or problems, never a panic: what
// excelize is given to calculate is bounded first.
func FuzzFormulaGraph(f *testing.F) {
	f.Add("E2+1", "A2*2\nA3&A3\nTrusts!E2", "Calc!$A$1", false)
	f.Add("Calc!A1", "REPT(REPT(\"x\",32767),32767)\n1\n2", "1", true)
	f.Add("SUM(Calc!A:A)", "A2\nA3\nA1", "Calc!A1:A3", false)
	f.Add("Name*2", "Name\nSUBSTITUTE(A1,\"\",A1)\nTEXTJOIN(A1,TRUE,A:A)", "Name+1", true)
	f.Add("VLOOKUP(A2,Calc!A1:B3,2,FALSE)", "RAA\n310\nCONCAT(A1:A2)", "Trusts!$E$2", false)
	f.Add("REPT(\"4\",3)", "INDIRECT(\"A1\")\nOFFSET(A1,1,1)\n[1]X!A1", "#REF!", true)
	f.Fuzz(func(t *testing.T, opex, calc, name string, saved bool) {
		defer watchdog()()
		cells := map[string]string{"A1": "", "A2": "", "A3": ""}
		for i, c := range strings.SplitN(calc, "\n", 3) {
			ref := []string{"A1", "A2", "A3"}[i]
			cells[ref] = "=" + c
			if saved {
				cells[ref] += "|1"
			}
		}
		for k, v := range cells {
			if v == "" {
				delete(cells, k)
			}
		}
		e2 := "=" + opex
		if saved {
			e2 += "|420"
		}
		b := fbook{cells: map[string]string{"E2": e2}, calcXML: sheetXMLOf(cells), fullCalc: !saved,
			names: []string{`<definedName name="Name">` + html.EscapeString(name) + `</definedName>`}}.build(t)
		in, _, err := split3(loadWorkbookBytes("fuzz.xlsx", b, nil, fuzzLimits))
		checkLoaded(t, in, err)
	})
}
