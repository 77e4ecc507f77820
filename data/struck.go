package data

import (
	"fmt"
	"slices"
	"strings"
)

// strikeState says how much of a row is struck through.
type strikeState uint8

const (
	notStruck  strikeState = iota
	allStruck              // every cell the row holds in the columns read
	someStruck             // some of those cells, not all
)

// strike says whether row r is struck through, and returns the columns
// struck. A row is struck through when every cell it holds in the columns
// read is: cells in other columns (a comment saying why) do not count.
func (c *columns) strike(r row) (strikeState, []int) {
	var struck []int
	plain := 0
	for _, fc := range c.readColumns() {
		col := fc.col
		cl := r.get(col)
		if strings.TrimSpace(cl.text) == "" && cl.formula == noFormula {
			continue
		}
		if cl.struck {
			struck = append(struck, col)
		} else {
			plain++
		}
	}
	switch {
	case len(struck) == 0:
		return notStruck, nil
	case plain == 0:
		return allStruck, struck
	}
	slices.Sort(struck)
	return someStruck, struck
}

// struckRow reports whether row r is struck through, and so left out: a
// line an analyst has struck through is withdrawn, and a person reading the
// sheet does not count it. The row is noted. A row that strikes through
// only some of its cells is a problem (is the line withdrawn, or only that
// amount?), reported here, and left out of the reading too.
func (c *columns) struckRow(r row, ps *problemList) bool {
	state, struck := c.strike(r)
	switch state {
	case notStruck:
		return false
	case allStruck:
		c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: firstText(r),
			Text: "struck through (a withdrawn line), left out"})
		return true
	}
	var names []string
	for _, col := range struck {
		names = append(names, c.headingAt(col))
	}
	ps.add(Problem{File: c.t.file, Sheet: c.t.sheet, Row: r.num,
		Expected: fmt.Sprintf("some of the row's cells are struck through (%s) and others are not: strike the whole row through to leave it out, or clear the strikethrough to count it", strings.Join(names, ", "))})
	return true
}

// struckCode marks, in the map of trust codes, a trust whose row on the
// Trusts sheet is struck through: its funding is a problem, not an
// unknown trust's.
const struckCode = "\x00struck"

// headingAt names the column at position col as problems do: its field's
// label, or its letter.
func (c *columns) headingAt(col int) string {
	for f, j := range c.index {
		if j == col {
			return c.colLabel(f)
		}
	}
	return "column " + columnLetters(col)
}

// fieldColumn is a field read and the position of its column.
type fieldColumn struct {
	field string
	col   int
}

// readColumns lists the columns read, in column order, worked out once the
// header is read: the checks made on every row walk it, not the map. Code
// that moves a column read (a wide sheet, year by year) clears it.
func (c *columns) readColumns() []fieldColumn {
	if c.readCols != nil {
		return c.readCols
	}
	c.readCols = make([]fieldColumn, 0, len(c.index))
	for f, col := range c.index {
		c.readCols = append(c.readCols, fieldColumn{f, col})
	}
	slices.SortFunc(c.readCols, func(a, b fieldColumn) int { return a.col - b.col })
	return c.readCols
}
