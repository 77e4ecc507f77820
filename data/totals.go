package data

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

// totalWords are the words that make a row a Totals row when its code, name
// or programme holds one.
var totalWords = map[string]bool{"total": true, "totals": true, "subtotal": true, "subtotals": true}

// isTotalRow reports whether any text cell of r in a column read says Total, Totals, Grand
// total, Subtotal or Sub-total, alone or with other words ("Total funding",
// "London total", or "2019-20 Total" in the year column, as Excel's Data ›
// Subtotal writes it), or whose code, name or programme names an aggregate
// of trusts (England, All trusts) rather than one. Columns not read (a
// funder, a comment) say nothing of what the row is.
func (c *columns) isTotalRow(r row) bool {
	if c.isRegionAggregate(r) {
		return true
	}
	for _, fc := range c.readColumns() {
		field, cl := fc.field, r.get(fc.col)
		if cl.kind != cellText {
			continue
		}
		v := cl.text
		if (field == "code" || field == "name" || field == "programme") && isAggregateText(v) {
			return true
		}
		if !containsFoldASCII(v, "total") {
			// Every total word holds "total", and normalising never joins
			// letters: a cell without them is not a total, whatever its case
			// (no other character lower-cases to t, o, a or l).
			continue
		}
		for w := range strings.FieldsSeq(normalName(v)) {
			if totalWords[w] {
				return true
			}
		}
	}
	return false
}

// isRegionAggregate reports whether r stands for a region's trusts rather
// than a trust: its code names a region, or it has no code and its name or
// programme names one ("London", "NHS England North West").
func (c *columns) isRegionAggregate(r row) bool {
	names := func(v string) bool {
		if v == "" || len(v) > 80 || !mayNameRegion(v) {
			return false
		}
		_, _, ok := regionWords.read(wordKey(v))
		return ok
	}
	if code := c.cell(r, "code"); code != "" {
		return names(code)
	}
	return names(c.cell(r, "name")) || names(c.cell(r, "programme"))
}

// aggregateNames are what a row standing for many trusts says instead of a
// trust: the country, all of them, or England's ONS code.
var aggregateNames = map[string]bool{"england": true, "all trusts": true, "all providers": true, "all organisations": true,
	"all organizations": true, "all england": true, "england all": true, "all regions": true, "eng": true,
	"e92000001": true, "national aggregate": true, "all": true}

// isAggregateText reports whether a cell names an aggregate of trusts.
// Every aggregate name starts with a, e or n, which spares normalising the
// code and name of every trust.
func isAggregateText(v string) bool {
	v = strings.TrimSpace(v)
	if len(v) > 40 || v == "" || !strings.ContainsRune("aAeEnN", rune(v[0])) {
		return false
	}
	return aggregateNames[normalName(v)]
}

// regionFirstWords are the first words of the region names and the filler
// words that may come before one ("NHS England North West").
var regionFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range regionWords.words {
		m[strings.Fields(k)[0]] = true
	}
	for k := range fillerWords {
		m[k] = true
	}
	return m
}()

// mayNameRegion reports whether v starts with a word a region's name may
// start with: a quick test, without allocating, that spares reading every
// trust code as a region.
func mayNameRegion(v string) bool {
	i := strings.IndexFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i < 0 {
		return false
	}
	var buf [16]byte
	n := 0
	for j := i; j < len(v); j++ {
		b := v[j]
		switch {
		case b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
		case b >= 0x80 && n == 0:
			return true // not ASCII: let the full reading decide
		default:
			return regionFirstWords[string(buf[:n])]
		}
		if n == len(buf) {
			return false
		}
		buf[n] = b
		n++
	}
	return regionFirstWords[string(buf[:n])]
}

// totalsTolerance is how far a Totals row may be from the sum of the rows
// above it, as a share of that sum, and still be skipped as a total.
const totalsTolerance = 0.005

// totals tracks the money columns of the rows read so far, so that a Totals
// row can be checked against them. Rows struck through are not counted, but
// a total may include them (a SUM over the rows counts what a strikethrough
// leaves on the sheet), so their sums are kept as well.
type totals struct {
	cols      []string
	sinceLast []float64 // sums since the last Totals row (subtotals)
	all       []float64 // sums of every data row
	// The same, with the rows struck through.
	sinceLastShown []float64
	allShown       []float64
}

// dataRow sorts a row of a sheet whose amounts sums checks: a struck-through
// row is left out (its amounts kept for the totals that may include them), a
// section row skipped, a total row checked against the rows above it. It
// reports whether r is a row of data to read, having noted it if hidden.
func (c *columns) dataRow(r row, sums *totals, ps *problemList) bool {
	switch {
	case c.struckRow(r, ps):
		sums.addStruck(c, r)
		return false
	case c.sectionRow(r):
		return false
	case c.isTotalRow(r):
		sums.check(c, r, ps)
		return false
	}
	noteHidden(c, r)
	return true
}

func newTotals(cols ...string) *totals {
	n := len(cols)
	return &totals{cols: cols, sinceLast: make([]float64, n), all: make([]float64, n),
		sinceLastShown: make([]float64, n), allShown: make([]float64, n)}
}

// add counts one data row's amounts.
func (t *totals) add(v ...float64) {
	for i, x := range v {
		t.sinceLast[i] += x
		t.all[i] += x
		t.sinceLastShown[i] += x
		t.allShown[i] += x
	}
}

// addStruck counts a struck-through row's amounts, read as well as they
// can be, among the sums that include such rows.
func (t *totals) addStruck(c *columns, r row) {
	for i, col := range t.cols {
		var discard problemList
		if v, ok := c.money(r, col, &discard); ok {
			t.sinceLastShown[i] += v
			t.allShown[i] += v
		}
	}
}

// check reads a Totals row's amounts: when they equal the sum of the data
// rows above (since the last Totals row, or all of them, with or without
// rows struck through) within 0.5%, the row is skipped with a note;
// otherwise it is a problem.
func (t *totals) check(c *columns, r row, ps *problemList) {
	if t.bySubtotal(c, r) {
		return
	}
	got := make([]float64, len(t.cols))
	for i, col := range t.cols {
		var discard problemList
		v, ok := c.money(r, col, &discard)
		if !ok {
			ps.add(c.problem(r, col, c.cell(r, col), "a Totals row to hold the sum of the rows above it, or the row removed"))
			return
		}
		got[i] = v
	}
	label := strings.TrimSpace(firstText(r))
	for _, sums := range [][]float64{t.sinceLast, t.all, t.sinceLastShown, t.allShown} {
		if matches(got, sums) {
			c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: label,
				Text: "a Totals row, equal to the sum of the rows above it, skipped"})
			clear(t.sinceLast)
			clear(t.sinceLastShown)
			return
		}
	}
	var parts []string
	for i, col := range t.cols {
		against := formatFloat(t.all[i])
		if t.sinceLast[i] != t.all[i] {
			against = fmt.Sprintf("%s since the last total, %s in all", formatFloat(t.sinceLast[i]), formatFloat(t.all[i]))
		}
		parts = append(parts, fmt.Sprintf("%s %s against %s", c.colLabel(col), formatFloat(got[i]), against))
	}
	ps.add(Problem{File: c.t.file, Sheet: c.t.sheet, Row: r.num,
		Expected: fmt.Sprintf("the row says %q but its amounts are not the sum of the rows above it (%s): correct or remove it, so that nothing is counted twice", label, strings.Join(parts, "; "))})
	clear(t.sinceLast)
	clear(t.sinceLastShown)
}

// bySubtotal skips, with a note, a Totals row whose amounts are all
// SUBTOTAL (or AGGREGATE) formulas with no saved value, as a script writes
// Excel's Data › Subtotal rows: such a row is the sum of the rows it covers
// by its own formula. Its amounts are not checked, since a SUBTOTAL leaves
// out the subtotals in its range, which the calculation engine does not
// do. With saved values the row is checked like any total.
func (t *totals) bySubtotal(c *columns, r row) bool {
	n := 0
	for _, col := range t.cols {
		cl := c.raw(r, col)
		if strings.TrimSpace(cl.text) == "" && cl.formula == noFormula {
			continue
		}
		if !cl.subtotal || cl.formula == savedValue {
			return false
		}
		n++
	}
	if n == 0 {
		return false
	}
	c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: strings.TrimSpace(firstText(r)),
		Text: "a Subtotal row (its amounts are SUBTOTAL formulas over the rows above), skipped"})
	clear(t.sinceLast)
	clear(t.sinceLastShown)
	return true
}

func matches(got, sums []float64) bool {
	for i := range got {
		if math.Abs(got[i]-sums[i]) > totalsTolerance*math.Abs(sums[i])+1e-9 {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s holds sub (lower-case ASCII letters)
// in any mix of ASCII cases.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
