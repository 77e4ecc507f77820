package data

import "strings"

// sectionRow reports whether r is a section heading within the table: a
// row holding one text alone (in one cell, or one merge across the row)
// that names a region, a trust type or England, as "London" above the
// London trusts. Such a row is not data: it is skipped, with a note. A row
// holding any other text alone stays data, and its problems say what is
// missing: a heading such as "Withdrawn schemes" changes what the rows
// under it mean, which is not for corecast to guess.
func (c *columns) sectionRow(r row) bool {
	var text string
	for _, cl := range r.cells {
		t := strings.TrimSpace(cl.text)
		if t == "" && cl.formula == noFormula {
			continue
		}
		if cl.kind != cellText || cl.formula != noFormula {
			return false
		}
		if text == "" {
			text = t
			continue
		}
		if !cl.filled || t != text {
			return false
		}
	}
	if text == "" || len(text) > 80 {
		return false
	}
	k := wordKey(text)
	_, _, region := regionWords.read(k)
	_, _, kind := typeWords.read(k)
	if !region && !kind && !isAggregateText(text) {
		return false
	}
	c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: firstText(r),
		Text: "a section heading (a region, type or England alone on its row), skipped"})
	return true
}
