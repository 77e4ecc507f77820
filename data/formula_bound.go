package data

import (
	"fmt"
	"strings"
)

// excelize's calculation engine follows a formula wherever it leads, builds
// text of any length (REPT repeats as often as asked, & joins whatever it
// is given, SUBSTITUTE can multiply its text) and reads a range as a matrix
// of its full size. So corecast calculates a formula only when everything
// it depends on is within bounds: it calls only functions whose work grows
// with their arguments alone (functionClasses), the text it could build at
// any step is no longer than a cell holds, and the cells excelize would
// read for all the formulas calculated stay under maxCalcArea. A formula
// outside them stays a problem, as one excelize cannot calculate does.

const (
	// maxCalcArea bounds the cells excelize reads to calculate one load's
	// formulas (each range read as excelize reads it, each cell once).
	maxCalcArea = 1_000_000
	// numberText is the most characters a number takes as text: excelize
	// writes 1e308 in full.
	numberText = 400
	// textSlack is what a text function may add to its arguments (TEXT's
	// digits, a character CHAR makes).
	textSlack = 400
	// boundCap keeps bounds from overflowing; any bound past a cell's
	// limit is as bad as another.
	boundCap = int64(1) << 50
)

// funcClass says what bounds a function's result.
type funcClass uint8

const (
	fnNumeric    funcClass = iota + 1 // a number or a boolean
	fnPick                            // one of its arguments, or one cell of a range
	fnText                            // text no longer than its arguments and a little
	fnJoin                            // its arguments joined
	fnRepeat                          // REPT: its text as often as its count says
	fnSubstitute                      // SUBSTITUTE: its text with each match replaced
)

// functionClasses lists the functions corecast lets excelize calculate.
var functionClasses = map[string]funcClass{}

func init() {
	for class, names := range map[funcClass]string{
		fnNumeric: "ABS AND AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS CEILING CEILING.MATH CODE COLUMN COLUMNS COUNT COUNTA COUNTBLANK " +
			"COUNTIF COUNTIFS DATE DATEVALUE DAY DAYS EDATE EOMONTH EXACT EXP FALSE FIND FLOOR FLOOR.MATH INT ISBLANK ISERR " +
			"ISERROR ISEVEN ISLOGICAL ISNA ISNONTEXT ISNUMBER ISODD ISTEXT LARGE LEN LN LOG LOG10 MATCH MAX MAXA MAXIFS MEDIAN " +
			"MIN MINA MINIFS MOD MONTH MROUND N NA NOT OR PERCENTILE PERCENTILE.INC PI POWER PRODUCT QUOTIENT RANK RANK.EQ " +
			"ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH SIGN SMALL SQRT STDEV STDEV.P STDEV.S SUM SUMIF SUMIFS SUMPRODUCT SUMSQ " +
			"TRUE TRUNC VALUE VAR VAR.P VAR.S WEEKDAY XOR YEAR",
		fnPick:       "CHOOSE HLOOKUP IF IFERROR IFNA IFS INDEX LOOKUP SWITCH VLOOKUP XLOOKUP",
		fnText:       "CHAR CLEAN LEFT LOWER MID PROPER REPLACE RIGHT T TEXT TRIM UNICHAR UPPER",
		fnJoin:       "CONCAT CONCATENATE TEXTJOIN",
		fnRepeat:     "REPT",
		fnSubstitute: "SUBSTITUTE",
	} {
		for _, n := range strings.Fields(names) {
			functionClasses[n] = class
		}
	}
}

func satAdd(a, b int64) int64 { return min(a+b, boundCap) }

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > boundCap/b {
		return boundCap
	}
	return min(a*b, boundCap)
}

// tooLongWhy is why a formula whose text could pass a cell's limit is not
// calculated (Excel's own result would be #VALUE!).
func tooLongWhy(limit int) string {
	return fmt.Sprintf("its result could be longer than %s characters, Excel's limit for a cell", formatThousands(limit))
}

// evaluator bounds one formula: the most characters its result and each
// step on the way could have, and why it may not be calculated.
type evaluator struct {
	g      *formulaGraph
	sheet  int32 // the sheet its unqualified references are on
	f      *formula
	dr, dc int32 // a shared formula's copy: how far it is from the master
	depth  int   // names standing for names
	why    string
}

// fail keeps the first reason found.
func (ev *evaluator) fail(why string) {
	if ev.why == "" {
		ev.why = why
	}
}

// limit is the most characters a cell holds.
func (ev *evaluator) limit() int64 { return int64(ev.g.wb.lim.maxText) }

// checked fails when b passes a cell's limit, and returns b.
func (ev *evaluator) checked(b int64) int64 {
	if b > ev.limit() {
		ev.fail(tooLongWhy(ev.g.wb.lim.maxText))
	}
	return b
}

// wellFormed fails for a formula not well formed, whose reading here
// excelize may not share.
func (ev *evaluator) wellFormed(f *formula) {
	if f.odd {
		ev.fail("it is not written as corecast can read it well enough to calculate it: look for a missing comma, operator or bracket")
	}
}

// evalCell bounds the formula of cell c of sheet s, whose links are all
// settled.
func (g *formulaGraph) evalCell(s, c int32) (int64, string) {
	cl := g.wb.fsheets[s].cells[c]
	if cl.f < 0 {
		return 0, "it is a copy of a shared formula whose first cell is missing"
	}
	f := g.wb.fsheets[s].formulas[cl.f]
	ev := &evaluator{g: g, sheet: s, f: f, dr: cl.dr, dc: cl.dc}
	ev.wellFormed(f)
	b := ev.checked(ev.expr(f.expr, false))
	return b, ev.why
}

// expr bounds an expression; join says a range alone counts all its cells
// (they are joined) rather than one.
func (ev *evaluator) expr(e fexpr, join bool) int64 {
	switch {
	case len(e.terms) == 0:
		return 0
	case len(e.terms) == 1 && !e.concat:
		return ev.term(e.terms[0], join)
	case e.concat:
		var sum int64
		for _, t := range e.terms {
			sum = satAdd(sum, ev.term(t, true))
		}
		return ev.checked(sum)
	}
	for _, t := range e.terms {
		ev.term(t, false) // for what it calls and refers to
	}
	return numberText
}

// term bounds one term.
func (ev *evaluator) term(t fterm, join bool) int64 {
	switch t.kind {
	case fLit:
		return int64(t.units)
	case fNum:
		return numberText
	case fOther:
		return 16
	case fRef:
		return ev.ref(ev.f.refs[t.ref], join)
	case fName:
		if ev.depth >= maxNameDepth {
			ev.fail("it uses names that stand for names more than " + formatThousands(maxNameDepth) + " deep")
			return 0
		}
		info := ev.g.name(ev.sheet, t, ev.depth)
		if info.why != "" {
			ev.fail(info.why)
			return 0
		}
		sub := &evaluator{g: ev.g, sheet: info.sheet, f: info.f, depth: ev.depth + 1}
		sub.wellFormed(info.f)
		b := sub.expr(info.f.expr, join)
		ev.fail(sub.why)
		return b
	case fCall:
		return ev.call(t)
	}
	ev.fail("it uses a reference corecast does not follow (to another workbook, a table's column, a range across sheets or a spilled range)")
	return 0
}

// ref bounds a reference: one cell's text, or with join every cell's.
func (ev *evaluator) ref(r fref, join bool) int64 {
	g := ev.g
	moved, ok := r.shifted(ev.dr, ev.dc)
	if !ok {
		ev.fail("it refers to a cell off the sheet (#REF!)")
		return 0
	}
	s := g.sheetOf(r.sheet, ev.sheet)
	if s < 0 {
		ev.fail("it refers to a sheet named " + shortText(r.sheet) + ", which the workbook does not have")
		return 0
	}
	sf := g.sheetF(s)
	if sf == nil {
		ev.fail("a sheet it refers to could not be read")
		return 0
	}
	rs, ok := g.stats[keyOf(s, moved)]
	if !ok {
		it := newRangeIter(sf, moved)
		for k, ok := it.next(&g.work); ok; k, ok = it.next(&g.work) {
			st := g.st(s, k)
			if rs.why == "" {
				rs.why = st.why
			}
			rs.n++
			rs.sum, rs.most = satAdd(rs.sum, st.bound), max(rs.most, st.bound)
		}
		g.stats[keyOf(s, moved)] = rs
	}
	if rs.why != "" {
		ev.fail(rs.why)
	}
	sum, most := rs.sum, rs.most
	values := max(0, sf.area(moved)-rs.n)
	if join {
		return satAdd(sum, satMul(values, int64(sf.maxText)))
	}
	if values > 0 {
		most = max(most, int64(sf.maxText))
	}
	return most
}

// call bounds a function call.
func (ev *evaluator) call(t fterm) int64 {
	class, ok := functionClasses[t.name]
	if !ok {
		ev.fail("it uses " + shortText(t.name) + ", which corecast does not calculate")
		return 0
	}
	switch class {
	case fnNumeric:
		for _, a := range t.args {
			ev.expr(a, false)
		}
		return numberText
	case fnPick:
		var most int64
		for _, a := range t.args {
			most = max(most, ev.expr(a, false))
		}
		return most
	case fnText:
		sum := int64(textSlack)
		for _, a := range t.args {
			sum = satAdd(sum, ev.expr(a, true))
		}
		return ev.checked(sum)
	case fnJoin:
		var sum int64
		for _, a := range t.args {
			sum = satAdd(sum, ev.expr(a, true))
		}
		if t.name == "TEXTJOIN" && len(t.args) > 2 {
			// The delimiter goes between every pair of cells joined.
			var cells int64
			for _, a := range t.args[2:] {
				cells = satAdd(cells, ev.cells(a))
			}
			sum = satAdd(sum, satMul(ev.expr(t.args[0], false), cells))
		}
		return ev.checked(sum)
	case fnRepeat:
		if len(t.args) != 2 {
			ev.fail("it uses REPT with other than two arguments")
			return 0
		}
		text := ev.expr(t.args[0], true)
		count := t.args[1].terms
		if len(count) != 1 || count[0].kind != fNum || t.args[1].concat {
			// excelize repeats as often as the count says, even the
			// empty text: a count from a cell could keep it for ever.
			ev.fail("it uses REPT with a count that is not a number written in the formula")
			return 0
		}
		if count[0].num > float64(ev.limit()) {
			ev.fail(tooLongWhy(ev.g.wb.lim.maxText))
			return boundCap
		}
		return ev.checked(satMul(text, max(0, int64(count[0].num))))
	case fnSubstitute:
		if len(t.args) < 3 || len(t.args) > 4 {
			ev.fail("it uses SUBSTITUTE with other than three or four arguments")
			return 0
		}
		var text, with int64
		for i, a := range t.args {
			b := ev.expr(a, true)
			switch i {
			case 0:
				text = b
			case 2:
				with = b
			}
		}
		// Every character, or the gap between two, may be replaced.
		return ev.checked(satMul(satAdd(text, 1), satAdd(with, 1)))
	}
	return numberText
}

// cells counts the values an argument gives a function: a range's cells,
// one for anything else.
func (ev *evaluator) cells(a fexpr) int64 {
	if len(a.terms) != 1 || a.concat || a.terms[0].kind != fRef {
		return 1
	}
	r, ok := ev.f.refs[a.terms[0].ref].shifted(ev.dr, ev.dc)
	s := ev.g.sheetOf(r.sheet, ev.sheet)
	if !ok || s < 0 {
		return 1
	}
	if sf := ev.g.sheetF(s); sf != nil {
		return sf.area(r)
	}
	return 1
}

// calcArea counts, towards maxCalcArea, the cells excelize would read to
// calculate cell c of sheet s that no formula calculated before has made it
// read: each formula cell reached once, and each range as excelize reads it.
// It returns false when the count passes the limit.
func (g *formulaGraph) calcArea(s, c int32) bool {
	type node struct{ s, c int32 }
	if g.st(s, c).seen {
		return g.area <= maxCalcArea
	}
	g.st(s, c).seen = true
	queue := []node{{s, c}}
	for len(queue) > 0 && g.area <= maxCalcArea && g.err == nil {
		n := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		g.area++
		for k := 0; ; k++ {
			r, more := g.refAt(n.s, n.c, k)
			if !more {
				break
			}
			if !r.ok || r.sheet < 0 {
				continue
			}
			sf := g.sheetF(r.sheet)
			if sf == nil {
				return false
			}
			g.area = satAdd(g.area, sf.area(r.r))
			it := newRangeIter(sf, r.r)
			for k2, ok := it.next(&g.work); ok; k2, ok = it.next(&g.work) {
				if st := g.st(r.sheet, k2); !st.seen {
					st.seen = true
					queue = append(queue, node{r.sheet, k2})
				}
			}
		}
	}
	return g.area <= maxCalcArea && g.err == nil
}
