package data

import (
	"slices"
	"strings"
)

// Note records something the loader did to a value rather than read it as
// written: a conversion (a percentage read as points, £000 divided to £m, a
// formula calculated), a row skipped (a title or a Totals row) or something
// a reviewer should know (a hidden row that was read). A conversion that
// could change a number is never made without a Note.
type Note struct {
	File   string // file name as given
	Sheet  string // worksheet name; empty for CSV and for whole-file notes
	Row    int    // row as Excel shows it; 0 when not about a row
	Column string // column name as in the header; empty when not about a column
	// Value shows the cell as found and as read, e.g. "62% → 62"; it is
	// shown only for notes about one cell.
	Value string
	// Text says what was done, e.g. "a percentage read as maturity points".
	Text string
}

// String writes the note as one sentence.
func (n Note) String() string { return n.line([]int{n.Row}, []string{n.Value}) }

func (n Note) line(rows []int, values []string) string {
	var b strings.Builder
	b.WriteString(location(n.File, n.Sheet, rows, n.Column))
	b.WriteString(n.Text)
	var vs []string
	for _, v := range values {
		if v = shortText(v); v != "" && !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	if len(vs) > 3 {
		vs = append(vs[:3], "…")
	}
	if len(vs) > 0 {
		b.WriteString(" (" + strings.Join(vs, ", ") + ")")
	}
	return b.String()
}

// Notes is every note made in one load.
type Notes []Note

// Lines writes the notes one per line in the order made; notes with the same
// file, sheet, column and text on several rows become one line naming the
// row ranges and up to three of the values.
func (ns Notes) Lines() []string {
	type key struct{ file, sheet, column, text string }
	return collapse(len(ns), 2,
		func(i int) (key, bool) {
			n := ns[i]
			return key{n.File, n.Sheet, n.Column, n.Text}, n.Row > 0
		},
		func(i int) string { return ns[i].String() },
		func(i int) (int, string) { return ns[i].Row, ns[i].Value },
		func(first int, rows []int, values []string) string { return ns[first].line(rows, values) })
}

// noteList collects notes, bounded like problems.
type noteList struct{ list Notes }

func (l *noteList) add(n Note) {
	if len(l.list) < maxProblems {
		l.list = append(l.list, n)
	}
}
