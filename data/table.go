package data

import (
	"math"
	"strconv"
	"strings"
)

// row is one row of a sheet or CSV file: its number as Excel shows it and its
// cells as text.
type row struct {
	num   int
	cells []string
}

// table is one sheet or CSV file read as text.
type table struct {
	file  string // file name for problems
	sheet string // sheet name; empty for CSV
	rows  []row
}

// formulaErrors are the values Excel shows in a cell whose formula failed.
var formulaErrors = []string{"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"}

func isFormulaError(s string) bool {
	for _, e := range formulaErrors {
		if strings.EqualFold(s, e) {
			return true
		}
	}
	return false
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// headerName normalises a column heading: trimmed, lower case, inner spaces
// as underscores ("Opex m" reads as opex_m).
func headerName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "_")
}

// columns maps a table's header to column positions and reads cells by name.
type columns struct {
	t      *table
	header row
	index  map[string]int
	body   []row // data rows, blank rows left out
}

// readHeader finds the header (the first non-blank row), checks that the
// required columns are present and returns the column map. It reports
// problems and returns ok == false when the table cannot be read further.
func readHeader(t *table, required, optional []string, what string, ps *problemList) (c *columns, ok bool) {
	c = &columns{t: t, index: map[string]int{}}
	i := 0
	for i < len(t.rows) && blank(t.rows[i].cells) {
		i++
	}
	if i == len(t.rows) {
		ps.add(Problem{File: t.file, Sheet: t.sheet, Expected: "is empty: want a header row naming the columns " + strings.Join(required, ", ") + ", then one row per " + what})
		return c, false
	}
	c.header = t.rows[i]
	known := map[string]bool{}
	for _, n := range append(append([]string{}, required...), optional...) {
		known[n] = true
	}
	ok = true
	for j, h := range c.header.cells {
		n := headerName(h)
		if n == "" || !known[n] {
			continue
		}
		if _, dup := c.index[n]; dup {
			ps.add(Problem{File: t.file, Sheet: t.sheet, Row: c.header.num, Column: n, Value: strings.TrimSpace(h), Expected: "each column once (" + n + " appears twice in the header)"})
			ok = false
			continue
		}
		c.index[n] = j
	}
	for _, n := range required {
		if _, has := c.index[n]; !has {
			ps.add(Problem{File: t.file, Sheet: t.sheet, Row: c.header.num, Column: n, Expected: "missing; want a column named " + n + " in the header row", missing: true})
			ok = false
		}
	}
	for _, r := range t.rows[i+1:] {
		if !blank(r.cells) {
			c.body = append(c.body, r)
		}
	}
	return c, ok
}

// has reports whether the optional column is present.
func (c *columns) has(name string) bool { _, ok := c.index[name]; return ok }

// cell returns the trimmed text of the named column in r ("" when absent).
func (c *columns) cell(r row, name string) string {
	j, ok := c.index[name]
	if !ok || j >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[j])
}

// problem makes a problem about one cell.
func (c *columns) problem(r row, col, value, expected string) Problem {
	return Problem{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Column: col, Value: value, Expected: expected}
}

// text reads a text cell, reporting a formula error or, when required, a blank.
func (c *columns) text(r row, col string, required bool, what string, ps *problemList) (string, bool) {
	v := c.cell(r, col)
	if isFormulaError(v) {
		ps.add(c.problem(r, col, v, what+", not a formula error (fix the formula or type the value)"))
		return "", false
	}
	if v == "" && required {
		ps.add(c.problem(r, col, v, what+" (required)"))
		return "", false
	}
	return v, true
}

// parseNumber reads a number written plainly or as money ("£1,200.5").
func parseNumber(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "£")
	t = strings.ReplaceAll(t, ",", "")
	t = strings.TrimSpace(t)
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// number reads a numeric cell and checks it lies in [lo, hi] (with lo
// excluded when loOpen). A blank cell gives def when def is not nil.
func (c *columns) number(r row, col string, lo, hi float64, loOpen bool, def *float64, what string, ps *problemList) (float64, bool) {
	v, ok := c.text(r, col, def == nil, what, ps)
	if !ok {
		return 0, false
	}
	if v == "" {
		return *def, true
	}
	f, ok := parseNumber(v)
	switch {
	case !ok:
		ps.add(c.problem(r, col, v, what))
		return 0, false
	case f < lo || (loOpen && f == lo) || f > hi:
		ps.add(c.problem(r, col, v, what))
		return 0, false
	}
	return f, true
}
