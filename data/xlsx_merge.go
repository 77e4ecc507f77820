package data

import (
	"bytes"
	"fmt"
	"sort"
)

// mergeRef reads a <mergeCell>'s ref, such as "A2:A5"; a range of one
// cell, or one that names no cells, is no merge.
func mergeRef(ref []byte) (cellRange, bool) {
	i := bytes.IndexByte(ref, ':')
	if i < 0 {
		return cellRange{}, false
	}
	c1, r1, err1 := splitCellRef(ref[:i])
	c2, r2, err2 := splitCellRef(ref[i+1:])
	if err1 != nil || err2 != nil || r1 < 1 || r2 < 1 {
		return cellRange{}, false
	}
	m := cellRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}
	if m.col1 == m.col2 && m.row1 == m.row2 {
		return cellRange{}, false
	}
	return m, true
}

// fillMerges gives every cell of each merge the value of its first, as a
// person reading the sheet sees it: a programme or region merged down the
// rows it covers belongs to each of them. Only rows that hold something of
// their own are filled (a row wholly inside a merge would only repeat the
// one above). The cells filled count against budget, the cells the sheet
// may still hold; merges that would pass it are refused.
func fillMerges(t *table, budget int) error {
	var kept []cellRange
	for _, m := range t.merges {
		first, ok := firstCell(t, m)
		if !ok {
			continue
		}
		i := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].num >= m.row1 })
		filled := false
		for ; i < len(t.rows) && t.rows[i].num <= m.row2; i++ {
			r := &t.rows[i]
			added := false
			for col := m.col1; col <= m.col2; col++ {
				if r.num == m.row1 && col == m.col1 {
					continue
				}
				if budget--; budget < 0 {
					return fmt.Errorf("merged cells cover more cells than corecast reads in one sheet")
				}
				c := first
				c.col, c.filled = int32(col), true
				r.cells = append(r.cells, c)
				added = true
			}
			if added {
				sortCells(r)
				filled = true
			}
		}
		if filled {
			kept = append(kept, m)
		}
	}
	t.merges = kept
	return nil
}

// firstCell returns the first cell of a merge when it holds something.
func firstCell(t *table, m cellRange) (cell, bool) {
	i := sort.Search(len(t.rows), func(i int) bool { return t.rows[i].num >= m.row1 })
	if i == len(t.rows) || t.rows[i].num != m.row1 {
		return cell{}, false
	}
	c := t.rows[i].get(m.col1)
	return c, c.kind != cellBlank || c.formula != noFormula
}

// mergeNotes says which merges were filled: one note per merge, which the
// notes' lines collapse to one per sheet.
func mergeNotes(t *table, notes *noteList) {
	for _, m := range t.merges {
		c, _ := firstCell(t, m)
		v := c.text
		if len([]rune(v)) > 30 {
			v = string([]rune(v)[:30]) + "…"
		}
		notes.add(Note{File: t.file, Sheet: t.sheet, Row: m.row1, Value: fmt.Sprintf("%s %q", m, v),
			Text: "merged cells, each read as the merge's first cell"})
	}
}
