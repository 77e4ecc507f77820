package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// headerSearchRows is how many non-blank rows from the top of a sheet are
// searched for its header row: analysts' sheets may open with a page of
// titles, notes and summary figures.
const headerSearchRows = 100

// columns is a table read through its schema: where each field's column is,
// the unit it is in, and the data rows below the header.
type columns struct {
	t       *table
	schema  sheetSchema
	header  row
	index   map[string]int       // field name -> column position
	label   map[string]string    // field name -> how problems name the column
	unit    map[string]moneyUnit // money field -> its unit
	body    []row                // data rows, blank rows left out
	notes   *noteList
	mapping sheetMapping
	scores  map[string][]scoreRead // score columns as read, for checkScales
	// titleUnit is a money unit named in the rows above the header ("All
	// figures £000"), which a money heading without its own unit leaves in doubt.
	titleUnit *moneyUnit
	titleText string
	wordKeys  map[string]string // wordKey of each word cell text read so far
	// normalNames holds each field's name and aliases normalised, by field name.
	normalNames map[string][]string
	// group is the row directly above the header, whose cells may be group
	// headings ("Funding (£m)" over National | Local) or, in a header of
	// two rows, the upper half of the column names; absent when there is
	// none.
	group    row
	hasGroup bool
	// unitsRow is a row under the header that gives the columns' units
	// (£m, £000, %), skipped as data; absent when there is none.
	unitsRow    row
	hasUnitsRow bool
	// amounts are the money read, by group, for checkThousandfold.
	amounts map[string][]amountRead
	// readCols caches readColumns; nil until asked for.
	readCols []fieldColumn
}

// headingText returns a header cell's text, trimmed.
func headingText(c cell) string {
	if c.kind == cellBlank {
		return ""
	}
	return strings.TrimSpace(c.text)
}

// fieldMatches reports whether heading h (headingName(h) is name) names
// field f, through its name or an alias, or through the map file when it
// names the field's column.
func (c *columns) fieldMatches(f field, h, name string) bool {
	if h == "" {
		return false
	}
	if m, ok := c.mapping.columns[f.name]; ok {
		return strings.EqualFold(strings.TrimSpace(m.column), h) || normalName(m.column) == normalName(h) && normalName(h) != ""
	}
	return slices.Contains(c.fieldNames(f), name)
}

// fieldNames returns field f's name and aliases normalised, worked out once
// for the table: every cell of the rows searched for the header is held
// against them.
func (c *columns) fieldNames(f field) []string {
	if names, ok := c.normalNames[f.name]; ok {
		return names
	}
	names := []string{normalName(f.name)}
	for _, a := range f.aliases {
		names = append(names, normalName(a))
	}
	if c.normalNames == nil {
		c.normalNames = map[string][]string{}
	}
	c.normalNames[f.name] = names
	return names
}

// matchRow finds which column of r each field is in; dup lists fields named
// by more than one column.
func (c *columns) matchRow(r row) (found map[string][]int) {
	found = map[string][]int{}
	for _, cl := range r.cells {
		h := headingText(cl)
		if h == "" {
			continue
		}
		name := headingName(h)
		for _, f := range c.schema.fields {
			if c.fieldMatches(f, h, name) {
				found[f.name] = append(found[f.name], int(cl.col))
			}
		}
	}
	return found
}

// readHeader finds the header row — the first of the first 20 non-blank
// rows that names every required column — and maps the columns. Rows above
// it are skipped with a note. It reports problems and returns ok == false
// when the table cannot be read further.
func readHeader(t *table, schema sheetSchema, m sheetMapping, ps *problemList, notes *noteList) (c *columns, ok bool) {
	c = &columns{t: t, schema: schema, index: map[string]int{}, label: map[string]string{}, unit: map[string]moneyUnit{}, notes: notes, mapping: m, scores: map[string][]scoreRead{}}
	var required []string
	for _, f := range schema.fields {
		if f.required {
			required = append(required, f.name)
		}
	}
	var candidates []int // indices of non-blank rows searched
	for i := 0; i < len(t.rows) && len(candidates) < headerSearchRows; i++ {
		if !t.rows[i].blank() {
			candidates = append(candidates, i)
		}
	}
	if len(candidates) == 0 {
		ps.add(Problem{File: t.file, Sheet: t.sheet, Expected: "is empty: want a header row naming the columns " + strings.Join(required, ", ") + ", then one row per " + schema.what})
		return c, false
	}
	best, bestScore, at := -1, -1, -1
	var found map[string][]int
	twoRow := false
	score := func(f map[string][]int) int {
		n := 0
		for _, name := range required {
			if len(f[name]) > 0 {
				n++
			}
		}
		return n
	}
	for _, i := range candidates {
		f := c.matchRow(t.rows[i])
		n := score(f)
		if n < len(required) && i > 0 && t.rows[i-1].num == t.rows[i].num-1 {
			// A header of two rows: column names split between a group
			// heading and the row under it, read as one.
			if f2 := c.matchRow(stackRows(t.rows[i-1], t.rows[i])); score(f2) == len(required) {
				f, n, twoRow = f2, len(required), true
			}
		}
		if n == len(required) {
			at, found = i, f
			break
		}
		if n > bestScore {
			best, bestScore = i, n
		}
	}
	if at < 0 {
		c.header = t.rows[best]
		found = c.matchRow(c.header)
		if bestScore == 0 {
			c.header = t.rows[candidates[0]]
		}
		for _, n := range required {
			if len(found[n]) == 0 {
				ps.add(Problem{File: t.file, Sheet: t.sheet, Row: c.header.num, Column: n, missing: true,
					Expected: c.missingColumn(schema.field(n))})
			}
		}
		return c, false
	}
	c.header = t.rows[at]
	above := t.rows[:at]
	if at > 0 && t.rows[at-1].num == c.header.num-1 && !t.rows[at-1].blank() {
		c.group, c.hasGroup = t.rows[at-1], true
	}
	if twoRow {
		c.header = stackRows(c.group, c.header)
		above = t.rows[:at-1]
		notes.add(Note{File: t.file, Sheet: t.sheet, Row: c.group.num,
			Text: fmt.Sprintf("rows %d–%d read as one header (column names under group headings)", c.group.num, c.header.num)})
	}
	c.skipAbove(above)
	ok = true
	c.findUnitsRow(t.rows[at+1:])
	for _, f := range schema.fields {
		cols := found[f.name]
		if len(cols) == 0 {
			continue
		}
		if len(cols) > 1 {
			var hs []string
			for _, col := range cols {
				hs = append(hs, fmt.Sprintf("%q in column %s", headingText(c.header.get(col)), columnLetters(col)))
			}
			ps.add(Problem{File: t.file, Sheet: t.sheet, Row: c.header.num, Column: f.name, missing: true,
				Expected: fmt.Sprintf("one column for %s, not %d: %s; remove or rename all but one", f.name, len(cols), strings.Join(hs, " and "))})
			ok = false
			continue
		}
		col := cols[0]
		h := headingText(c.header.get(col))
		c.index[f.name] = col
		c.label[f.name] = f.name
		if headingName(h) != normalName(f.name) || strings.ContainsAny(h, "([£") {
			c.label[f.name] = fmt.Sprintf("%s (%s)", h, f.name)
		}
		if col < len(t.hidCols) && t.hidCols[col] {
			notes.add(Note{File: t.file, Sheet: t.sheet, Column: c.label[f.name], Text: "is a hidden column; it was read"})
		}
		if f.kind == kindMoney {
			if !c.readUnit(f, h, ps) {
				ok = false
			}
		}
	}
	c.noteUnread()
	for _, r := range t.rows[at+1:] {
		if !r.blank() && !(c.hasUnitsRow && r.num == c.unitsRow.num) {
			c.body = append(c.body, r)
		}
	}
	c.skipFootnotes()
	return c, ok
}

// skipAbove notes the rows above the header, which are skipped, and looks
// in them for a unit the money headings may leave in doubt.
func (c *columns) skipAbove(above []row) {
	var skipped []string
	first, last := 0, 0
	for _, r := range above {
		if r.blank() {
			continue
		}
		if first == 0 {
			first = r.num
		}
		last = r.num
		if len(skipped) < 2 {
			skipped = append(skipped, strconv.Quote(firstText(r)))
		}
	}
	for _, r := range slices.Concat(above, []row{c.group}) {
		for _, cl := range r.cells {
			if u, ok := headingUnit(cl.text); ok && c.titleUnit == nil && cl.kind == cellText {
				c.titleUnit, c.titleText = &u, strings.TrimSpace(cl.text)
			}
		}
	}
	if first == 0 {
		return
	}
	rows := "row " + strconv.Itoa(first)
	if last > first {
		rows = fmt.Sprintf("rows %d–%d", first, last)
	}
	c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Text: fmt.Sprintf("%s above the header (row %d) skipped: %s", rows, c.header.num, strings.Join(skipped, ", "))})
}

// stackRows reads two rows as one header: each column's name from the
// lower row, or where that is blank, from the upper one. The result has
// the lower row's number, as the data starts under it.
func stackRows(upper, lower row) row {
	out := row{num: lower.num, hidden: lower.hidden}
	i, j := 0, 0
	for i < len(upper.cells) || j < len(lower.cells) {
		switch {
		case j == len(lower.cells) || i < len(upper.cells) && upper.cells[i].col < lower.cells[j].col:
			out.cells = append(out.cells, upper.cells[i])
			i++
		case i == len(upper.cells) || lower.cells[j].col < upper.cells[i].col:
			out.cells = append(out.cells, lower.cells[j])
			j++
		default:
			c := lower.cells[j]
			if headingText(c) == "" {
				c = upper.cells[i]
			}
			out.cells = append(out.cells, c)
			i++
			j++
		}
	}
	return out
}

// skipFootnotes drops, with a note, the rows at the foot of the table that
// hold a single cell ("Source: NHS Digital", "* provisional"): a row of data
// has more than one.
func (c *columns) skipFootnotes() {
	end := len(c.body)
	for end > 0 && nonBlank(c.body[end-1]) == 1 {
		end--
	}
	if end == 0 {
		return // every row has one cell: they are data rows with problems
	}
	for _, r := range c.body[end:] {
		c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: firstText(r), Text: "a note below the table (one cell, no data), skipped"})
	}
	c.body = c.body[:end]
}

// nonBlank counts a row's cells that hold something of their own: a merge
// across the row ("Source: NHS Digital" over A:H) counts once.
func nonBlank(r row) int {
	n := 0
	for _, cl := range r.cells {
		if cl.filled {
			continue
		}
		if cl.kind != cellBlank && strings.TrimSpace(cl.text) != "" || cl.formula != noFormula {
			n++
		}
	}
	return n
}

// readUnit sets a money column's unit, noting any conversion. The unit is
// the map file's; or its heading's; or the group heading's directly above
// it ("Funding (£000)" over National | Local); or the units row's under the
// header. A heading and a units row that disagree are a problem, as is a
// heading with no unit under a title that names one other than £m.
func (c *columns) readUnit(f field, h string, ps *problemList) bool {
	col := c.index[f.name]
	u, named := headingUnit(h)
	from := "its heading"
	if !named && c.hasGroup {
		if g := headingText(c.group.get(col)); g != "" && g != h {
			if gu, ok := headingUnit(g); ok {
				u, named, from = gu, true, fmt.Sprintf("the group heading %q above it", g)
			}
		}
	}
	if c.hasUnitsRow {
		if text := headingText(c.unitsRow.get(col)); text != "" {
			bu, ok := parseUnit(strings.Trim(text, "()[] "))
			switch {
			case !ok:
				ps.add(Problem{File: c.t.file, Sheet: c.t.sheet, Row: c.unitsRow.num, Column: c.label[f.name], Value: text,
					Expected: "a unit of money: £000, £m or £bn (the row under the header gives the columns' units)"})
				return false
			case named && bu.scale != u.scale:
				ps.add(Problem{File: c.t.file, Sheet: c.t.sheet, Row: c.unitsRow.num, Column: c.label[f.name], Value: text,
					Expected: fmt.Sprintf("the unit %s, as %s says: the two disagree; correct one of them", u.name, from)})
				return false
			case !named:
				u, named, from = bu, true, fmt.Sprintf("the units row (row %d)", c.unitsRow.num)
			}
		}
	}
	if m, ok := c.mapping.columns[f.name]; ok && m.unit != "" {
		mu, good := parseUnit(m.unit)
		if !good {
			ps.add(Problem{File: c.mapping.file, Expected: fmt.Sprintf("[%s] %s: unit %q is not one of £000, £m, £bn", strings.ToLower(c.schema.sheet), f.name, m.unit)})
			return false
		}
		u, named, from = mu, true, "the map file"
	}
	if !named {
		if c.titleUnit != nil && c.titleUnit.scale != 1 {
			ps.add(Problem{File: c.t.file, Sheet: c.t.sheet, Row: c.header.num, Column: c.label[f.name], missing: true,
				Expected: fmt.Sprintf("a heading that says its unit: the rows above the header say %q, so these amounts may be in %s, not £m; say the unit in the heading, e.g. \"%s (%s)\", or in a --map file", c.titleText, c.titleUnit.name, h, c.titleUnit.name)})
			return false
		}
		u = unitMillions
	}
	c.unit[f.name] = u
	if u.scale != 1 {
		op := "divided by 1,000"
		if u.scale > 1 {
			op = "multiplied by 1,000"
		}
		c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Column: c.label[f.name],
			Text: fmt.Sprintf("amounts in %s (from %s) %s to £m", u.name, from, op)})
	}
	return true
}

// unitTokens are what a units row under the header says of columns that
// do not hold money: a score's scale, a year's form, text.
var unitTokens = map[string]bool{"%": true, "score": true, "points": true, "pts": true, "0-100": true, "0–100": true,
	"0 to 100": true, "text": true, "yyyy-yy": true, "yyyy/yy": true, "year": true, "fy": true, "code": true,
	"ods": true, "name": true, "n/a": true, "-": true, "–": true, "number": true, "no.": true, "#": true,
	"dma": true, "status": true, "1-100": true, "index": true, "region": true, "type": true, "date": true,
	"programme": true, "yyyy/yyyy": true, "yyyy-yyyy": true, "£ / %": true, "ratio": true}

// findUnitsRow looks for a row of units under the header (£m, £000, %):
// the first non-blank row below it, when every cell it holds is a unit and
// one under a money column names a unit of money. Such a row is not data;
// readUnit reads the money columns' units from it.
func (c *columns) findUnitsRow(below []row) {
	named := c.matchRow(c.header)
	for _, r := range below {
		if r.blank() {
			continue
		}
		money := false
		for _, cl := range r.cells {
			text := headingText(cl)
			if text == "" {
				continue
			}
			if cl.kind != cellText {
				return
			}
			bare := strings.ToLower(strings.Trim(text, "()[] "))
			_, isMoney := parseUnit(bare)
			// A pound sign alone is no unit corecast reads, but it says the
			// row is one of units; readUnit then asks which.
			isMoney = isMoney || bare == "£" || bare == "gbp"
			if !isMoney && !unitTokens[bare] {
				return
			}
			for _, f := range c.schema.fields {
				if f.kind == kindMoney && isMoney && slices.Contains(named[f.name], int(cl.col)) {
					money = true
				}
			}
		}
		if money {
			c.unitsRow, c.hasUnitsRow = r, true
			c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Value: rowText(r),
				Text: "a row of units under the header, read as the columns' units and not as data"})
		}
		return
	}
}

// rowText shows up to four of a row's cells, for a note.
func rowText(r row) string {
	var parts []string
	for _, cl := range r.cells {
		if t := headingText(cl); t != "" && len(parts) < 4 {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, ", ")
}

// missingColumn says a required column is missing, naming a heading that
// may be it.
func (c *columns) missingColumn(f field) string {
	if m, ok := c.mapping.columns[f.name]; ok {
		var hs []string
		for _, cl := range c.header.cells {
			if h := headingText(cl); h != "" && len(hs) < 12 {
				hs = append(hs, strconv.Quote(h))
			}
		}
		return fmt.Sprintf("missing: the map file (%s) names its column %q ([%s] %s), and no heading in the header row is that; the headings are %s: correct the name in the map file",
			c.mapping.file, m.column, strings.ToLower(c.schema.sheet), f.name, strings.Join(hs, ", "))
	}
	s := "missing; want a column named " + f.name
	if len(f.aliases) > 0 {
		n := min(3, len(f.aliases))
		s += " (or " + strings.Join(f.aliases[:n], ", ") + ")"
	}
	s += " in the header row"
	for _, cl := range c.header.cells {
		h := headingText(cl)
		if h != "" && resembles(h, f) {
			return s + fmt.Sprintf("; the column headed %q may be it: rename it, or name it in a --map file", h)
		}
	}
	return s
}

// noteUnread notes each header column that was not read but resembles a
// field of the sheet, so that a column such as "DMA score 2017" is not
// dropped without a word.
func (c *columns) noteUnread() {
	used := map[int]bool{}
	for _, col := range c.index {
		used[col] = true
	}
	for _, cl := range c.header.cells {
		h := headingText(cl)
		if h == "" || used[int(cl.col)] {
			continue
		}
		var like []string
		for _, f := range c.schema.fields {
			if _, taken := c.index[f.name]; !taken && resembles(h, f) {
				like = append(like, f.name)
			}
		}
		if len(like) == 0 {
			continue
		}
		c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: c.header.num,
			Text: fmt.Sprintf("column %s, headed %q, was not read; if it is %s, rename it or name it in a --map file", columnLetters(int(cl.col)), h, strings.Join(like, " or "))})
	}
}

// resembles reports whether heading h shares a distinctive word with field
// f's name or aliases.
func resembles(h string, f field) bool {
	words := strings.Fields(headingName(h))
	for _, name := range append([]string{f.name}, f.aliases...) {
		for _, w := range strings.Fields(normalName(name)) {
			if len(w) < 3 || commonWord[w] {
				continue
			}
			for _, hw := range words {
				if hw == w {
					return true
				}
			}
		}
	}
	return false
}

// commonWord lists words too common in headings to suggest a column.
var commonWord = map[string]bool{"the": true, "and": true, "trust": true, "name": true, "total": true, "score": true, "org": true, "nhs": true}

// firstText returns the text of a row's first non-blank cell, shortened.
func firstText(r row) string {
	for _, c := range r.cells {
		if s := strings.TrimSpace(c.text); s != "" {
			if len([]rune(s)) > 40 {
				s = string([]rune(s)[:40]) + "…"
			}
			return s
		}
	}
	return ""
}

// has reports whether the optional column is present.
func (c *columns) has(name string) bool { _, ok := c.index[name]; return ok }

// raw returns the named column's cell in r (a blank cell when absent).
func (c *columns) raw(r row, name string) cell {
	j, ok := c.index[name]
	if !ok {
		return cell{}
	}
	return r.get(j)
}

// cell returns the trimmed text of the named column in r ("" when absent).
func (c *columns) cell(r row, name string) string {
	cl := c.raw(r, name)
	if cl.kind == cellBlank {
		return ""
	}
	return strings.TrimSpace(cl.text)
}

// problem makes a problem about one cell.
func (c *columns) problem(r row, col, value, expected string) Problem {
	return Problem{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Column: c.colLabel(col), Value: value, Expected: expected}
}

// note makes a note about one cell.
func (c *columns) note(r row, col, value, text string) {
	c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Column: c.colLabel(col), Value: value, Text: text})
}

func (c *columns) colLabel(col string) string {
	if l, ok := c.label[col]; ok {
		return l
	}
	return col
}
