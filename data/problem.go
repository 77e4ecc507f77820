package data

import (
	"fmt"
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

// Error writes the problem as one sentence, e.g.
// `book.xlsx: sheet Trusts, row 14, column type: found "hospital", want one of acute, ...`.
func (p Problem) Error() string {
	var loc []string
	if p.Sheet != "" {
		loc = append(loc, "sheet "+p.Sheet)
	}
	if p.Row > 0 {
		loc = append(loc, fmt.Sprintf("row %d", p.Row))
	}
	if p.Column != "" {
		loc = append(loc, "column "+p.Column)
	}
	var b strings.Builder
	b.WriteString(p.File)
	if len(loc) > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(strings.Join(loc, ", "))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Row > 0 && p.Column != "" && !p.missing {
		if p.Value == "" {
			b.WriteString("found nothing, want ")
		} else {
			fmt.Fprintf(&b, "found %q, want ", p.Value)
		}
	}
	b.WriteString(p.Expected)
	return b.String()
}

// Problems is every problem found in one load. It is returned as an error
// only when it holds at least one Problem.
type Problems []Problem

// Error lists every problem, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// maxProblems bounds how many problems one load collects, so that a file
// that is wrong on every row still gives a readable report.
const maxProblems = 1000

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
