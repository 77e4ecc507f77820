package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an input file, located as precisely as the
// file allows.
type Problem struct {
	File   string // file name as given, e.g. "book.xlsx" or "dir/trusts.csv"
	Sheet  string // worksheet name; empty for CSV and for whole-file problems
	Row    int    // row as Excel shows it (header is row 1); 0 when not about a row
	Column string // column name as in the header; empty when not about a column
	// Value is the text found in the cell. It is shown only for problems about
	// one cell (Row and Column set).
	Value string
	// Expected says what was wanted, e.g. "one of acute, mental health, ...".
	// For problems not about one cell it is the whole explanation.
	Expected string
	// missing marks a problem about something absent (a column), whose
	// Expected is the whole explanation although Row and Column are set.
	missing bool
}

// aboutCell reports whether the problem is about one cell's value.
func (p Problem) aboutCell() bool { return p.Row > 0 && p.Column != "" && !p.missing }

// Error writes the problem as one sentence, e.g.
// `book.xlsx: sheet Trusts, row 14, column type: found "hospital", want one of acute, ...`.
func (p Problem) Error() string {
	return p.line([]int{p.Row}, []string{p.Value})
}

// line writes the problem as it applies to rows, with values found.
func (p Problem) line(rows []int, values []string) string {
	var b strings.Builder
	b.WriteString(location(p.File, p.Sheet, rows, p.Column))
	if p.aboutCell() {
		b.WriteString(foundValues(values))
		b.WriteString("want ")
	}
	b.WriteString(p.Expected)
	return b.String()
}

// location writes "file: sheet S, rows 2–4, column C: ".
func location(file, sheet string, rows []int, column string) string {
	var loc []string
	if sheet != "" {
		loc = append(loc, "sheet "+shortText(sheet))
	}
	if len(rows) > 0 && rows[0] > 0 {
		loc = append(loc, rowRanges(rows))
	}
	if column != "" {
		loc = append(loc, "column "+shortText(column))
	}
	var b strings.Builder
	b.WriteString(file)
	if len(loc) > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(strings.Join(loc, ", "))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	return b.String()
}

// foundValues writes `found "a", ` or, for several rows, up to three distinct
// values found: `found "a", "b", "c" and others, `.
func foundValues(values []string) string {
	var distinct []string
	seen := map[string]bool{}
	more := false
	for _, v := range values {
		if seen[v] {
			continue
		}
		seen[v] = true
		if len(distinct) == 3 {
			more = true
			break
		}
		distinct = append(distinct, v)
	}
	if len(distinct) == 1 && distinct[0] == "" {
		return "found nothing, "
	}
	q := make([]string, len(distinct))
	for i, v := range distinct {
		if v == "" {
			q[i] = "nothing"
		} else {
			q[i] = quoteShort(v)
		}
	}
	s := "found " + strings.Join(q, ", ")
	if more {
		s += " and others"
	}
	return s + ", "
}

// rowRanges writes row numbers as Excel users read them: "row 14", or for
// several "rows 2–40, 45, 50–52 (45 rows)".
func rowRanges(rows []int) string {
	if len(rows) == 1 {
		return "row " + strconv.Itoa(rows[0])
	}
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(rows[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", rows[i], rows[j]))
		}
		i = j + 1
	}
	const shown = 6
	if len(parts) > shown {
		parts = append(parts[:shown], "…")
	}
	return fmt.Sprintf("rows %s (%d rows)", strings.Join(parts, ", "), len(rows))
}

// Problems is every problem found in one load. It is returned as an error
// only when it holds at least one Problem.
type Problems []Problem

// Error lists the problems, one per line, with those repeated in three or
// more rows of one column collapsed into one line (see Lines).
func (ps Problems) Error() string { return strings.Join(ps.Lines(), "\n") }

// collapseAt is how many rows of one column must share a problem for them to
// be reported as one line.
const collapseAt = 3

// Lines writes the problems one per line, in the order found. Problems about
// cells that repeat in collapseAt or more rows of one column (the same file,
// sheet, column and expectation) become one line naming the row ranges, the
// count and up to three values found.
func (ps Problems) Lines() []string {
	type key struct{ file, sheet, column, expected string }
	return collapse(len(ps), collapseAt,
		func(i int) (key, bool) {
			p := ps[i]
			return key{p.File, p.Sheet, p.Column, p.Expected}, p.aboutCell()
		},
		func(i int) string { return ps[i].Error() },
		func(i int) (int, string) { return ps[i].Row, ps[i].Value },
		func(first int, rows []int, values []string) string { return ps[first].line(rows, values) })
}

// collapse writes n items one per line, in order, except that the
// groupable items sharing a key, when there are at least atLeast of them,
// become one line at the first of them, naming their rows (sorted, each
// once) and values. It is how problems and notes repeated down a column
// read as one.
func collapse[K comparable](n, atLeast int, keyOf func(i int) (K, bool), one func(i int) string,
	rowOf func(i int) (int, string), group func(first int, rows []int, values []string) string) []string {
	groups := map[K][]int{}
	for i := range n {
		if k, ok := keyOf(i); ok {
			groups[k] = append(groups[k], i)
		}
	}
	var out []string
	for i := range n {
		k, ok := keyOf(i)
		g := groups[k]
		switch {
		case !ok || len(g) < atLeast:
			out = append(out, one(i))
		case g[0] == i:
			rows := make([]int, len(g))
			values := make([]string, len(g))
			for j, m := range g {
				rows[j], values[j] = rowOf(m)
			}
			out = append(out, group(i, sortedUnique(rows), values))
		}
	}
	return out
}

func sortedUnique(rows []int) []int {
	out := append([]int(nil), rows...)
	slices.Sort(out)
	w := 0
	for i, r := range out {
		if i == 0 || r != out[w-1] {
			out[w] = r
			w++
		}
	}
	return out[:w]
}

// maxProblems bounds how many problems one load collects, so that a file
// that is wrong on every row still gives a bounded report. Repeated problems
// collapse, so the bound is rarely met.
const maxProblems = 100_000

// problemList collects problems up to maxProblems.
type problemList struct {
	list    Problems
	dropped int
}

func (l *problemList) add(p Problem) {
	if len(l.list) >= maxProblems {
		l.dropped++
		return
	}
	l.list = append(l.list, p)
}

// err returns the collected problems as an error, or nil when there are none.
func (l *problemList) err() error {
	if len(l.list) == 0 {
		return nil
	}
	out := l.list
	if l.dropped > 0 {
		last := out[len(out)-1]
		out = append(out, Problem{File: last.File, Expected: fmt.Sprintf("%d more problems not listed; fix the ones above and check again", l.dropped)})
	}
	return out
}

// refuse returns a single-problem error for a file that cannot be read at all.
func refuse(file, format string, a ...any) error {
	return Problems{{File: file, Expected: fmt.Sprintf(format, a...)}}
}
