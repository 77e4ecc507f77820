package data

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// calculate works out, with excelize's calculation engine, the value of every
// formula cell in the tables that has no saved value (or whose saved value
// the workbook itself says is stale). It returns how many it calculated. A
// formula that cannot be calculated stays marked uncalculable, so that the
// parsers report it: a formula cell is never read as blank or 0. Only the
// formulas the graph g finds within bounds are given to excelize (see
// formula_bound.go); each other one stays uncalculable with the reason.
func (wb *workbook) calculate(tables []*table, g *formulaGraph) (n int, err error) {
	var pending int
	for _, t := range tables {
		for _, r := range t.rows {
			for _, c := range r.cells {
				if c.formula == uncalculable {
					pending++
				}
			}
		}
	}
	if pending == 0 {
		return 0, nil
	}
	if pending > wb.lim.maxFormulas {
		// Too many to calculate in bounded time: each stays a problem.
		return 0, nil
	}
	if pending = wb.allowCalculation(tables, g); g.err != nil || pending == 0 {
		return 0, g.err
	}
	defer func() {
		if r := recover(); r != nil {
			err = refuse(wb.file, "has formulas with no saved value that could not be calculated (%v); open and save the file in Excel or LibreOffice", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(wb.data), excelize.Options{RawCellValue: true, UnzipSizeLimit: wb.lim.maxUnzip})
	if err != nil {
		return 0, nil // each formula stays a problem
	}
	defer func() { _ = f.Close() }()
	// The calculation engine's work grows with the formulas' depth, which a
	// hostile workbook chooses: past the budget, what is left stays a
	// problem rather than keeping the load waiting.
	deadline := time.Now().Add(calcBudget)
	for _, t := range tables {
		for i := range t.rows {
			r := &t.rows[i]
			for j := range r.cells {
				c := &r.cells[j]
				if c.formula != uncalculable || t.whyOf(r.num, c.col) != "" || time.Now().After(deadline) {
					continue
				}
				v, cerr := f.CalcCellValue(t.sheet, cellName(int(c.col), r.num), excelize.Options{RawCellValue: true})
				if cerr == nil && v == "" && givesEmptyText(f, t.sheet, cellName(int(c.col), r.num)) {
					c.formula, c.kind, c.text = calculated, cellBlank, ""
					n++
					continue
				}
				if cerr != nil || v == "" || isFormulaError(v) {
					continue
				}
				if overText(v, wb.lim.maxText) {
					t.setWhy(r.num, c.col, tooLongWhy(wb.lim.maxText))
					continue
				}
				c.formula, c.text = calculated, v
				c.kind = cellText
				if _, perr := strconv.ParseFloat(strings.TrimSpace(v), 64); perr == nil {
					c.kind = cellNumber
				} else if strings.EqualFold(v, "TRUE") || strings.EqualFold(v, "FALSE") {
					c.kind = cellBool
				}
				n++
			}
		}
	}
	return n, nil
}

// givesEmptyText reports whether a formula that calculated to "" can give
// empty text, as IFERROR(VLOOKUP(…),"") does: it holds the empty text
// itself. The calculation engine gives "" for other failures too, which
// must stay problems.
func givesEmptyText(f *excelize.File, sheet, cell string) bool {
	formula, err := f.GetCellFormula(sheet, cell)
	return err == nil && strings.Contains(formula, `""`)
}

// allowCalculation leaves marked for calculation only the formula cells
// the graph finds within bounds, in order, while the cells excelize would
// read for them stay within maxCalcArea; it records why for each other,
// and returns how many are left to calculate. Should the walk pass a limit
// on the way, g.err says which.
func (wb *workbook) allowCalculation(tables []*table, g *formulaGraph) int {
	n := 0
	spent := false
	for _, t := range tables {
		s := int32(t.wbSheet)
		sf := wb.fsheets[s]
		for i := range t.rows {
			r := &t.rows[i]
			for j := range r.cells {
				c := &r.cells[j]
				if c.formula != uncalculable {
					continue
				}
				k := sf.find(int32(r.num), c.col)
				why := "it could not be found again"
				if k >= 0 {
					why = g.st(s, k).why
				}
				if why == "" && (spent || !g.calcArea(s, k)) {
					spent = true
					why = "it depends on more cells than corecast reads to calculate (" + formatThousands(maxCalcArea) + ")"
				}
				if why != "" {
					t.setWhy(r.num, c.col, why)
					continue
				}
				n++
			}
		}
	}
	return n
}

// calcBudget bounds the time one load spends calculating formulas.
const calcBudget = 10 * time.Second

// formulaNote says how many formulas were calculated, and why.
func formulaNote(file string, n int, fullCalc bool) Note {
	why := "had no saved value"
	if fullCalc {
		why = "are marked for recalculation on opening (as files written by scripts are), so their saved values were not trusted"
	}
	return Note{File: file, Text: fmt.Sprintf("%d formula cells %s; corecast calculated them with excelize's calculation engine", n, why)}
}
