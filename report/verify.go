package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDifferences is the most differences a Verification lists; it counts
// them all.
const MaxDifferences = 200

// Verification is what comparing an export with the export of its runs
// made again found: how much was compared and every difference.
type Verification struct {
	// Figures and Texts count the numbers and the text cells compared.
	Figures, Texts int
	// Sheets counts the sheets compared: the workbook's, or for CSV and
	// JSON the sheets their tables are on; Tables the tables of CSV and JSON.
	Sheets, Tables int
	// Excluded counts the cells not compared: the Manifest's run dates
	// and run times, which differ from one run to the next.
	Excluded int
	// Differences are the first MaxDifferences found, in file order;
	// Differ counts them all.
	Differences []Difference
	Differ      int
}

// Difference is one value of the export that is not what its runs, made
// again, give.
type Difference struct {
	// Where names the cell: "Summary!D7" in a workbook, the table, row
	// and column in CSV and JSON.
	Where string
	// Stored is the value in the file; Recomputed what the runs give.
	Stored, Recomputed string
}

// excludedFields are the Manifest's rows whose values are not reproducible
// figures: the date and time of a run differ whenever it is made.
var excludedFields = []string{"run_date", "run_time_s"}

// Compare writes runs (each made again from the export: Export.Run) as an
// export of the same format, with the same options, to a temporary place,
// and compares it with the export cell by cell: every number to the bit,
// every text to the character. progress, if set, hears how far it is.
func (e *Export) Compare(ctx context.Context, runs []Run, progress func(done, total int)) (*Verification, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	dir, err := os.MkdirTemp("", "corecast-verify-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a place to write the export again: %w", err)
	}
	defer os.RemoveAll(dir)
	target := filepath.Join(dir, "again")
	switch {
	case e.Format == XLSX:
		target += ".xlsx"
	case e.Format == JSON:
		target += ".json"
	case e.Zip:
		target += ".zip"
	}
	// Writing is the first half of the bar, comparing the second.
	rows := 0
	opts := Options{SourceDate: e.SourceDate, NoDistribution: e.NoDistribution, Progress: func(done, total int) {
		rows = total
		progress(done, 2*total)
	}}
	if err := Write(ctx, target, e.Format, runs, opts); err != nil {
		return nil, fmt.Errorf("writing the export again: %w", err)
	}
	again, _, err := openExport(target)
	if err != nil {
		return nil, fmt.Errorf("reading the export written again: %w", err)
	}
	defer again.close()
	stored, _, err := openExport(e.Path)
	if err != nil {
		return nil, err
	}
	defer stored.close()
	sheetOf, err := tableSheets(runs, opts)
	if err != nil {
		return nil, err
	}
	c := &comparison{ctx: ctx, format: e.Format, v: &Verification{}, tick: func(done int) { progress(rows+min(done, rows), 2*rows) }}
	sheets := map[string]bool{}
	made := map[string]bool{}
	for _, p := range again.parts() {
		made[p.name] = true
		sheet := p.sheet
		if sheet == "" {
			sheet = sheetOf[p.name]
		}
		sheets[sheet] = true
		if e.Format != XLSX {
			c.v.Tables++
		}
		if err := c.part(p.name, stored, again); err != nil {
			return nil, err
		}
	}
	for _, p := range stored.parts() {
		if !made[p.name] {
			c.differ(c.partName(p.name), "holds it", "none: these runs make no "+c.partWord())
		}
	}
	c.v.Sheets = len(sheets)
	return c.v, nil
}

// tableSheets names the sheet each table of the runs' export is on.
func tableSheets(runs []Run, opts Options) (map[string]string, error) {
	b, err := newBook(runs, opts)
	if err != nil {
		return nil, err
	}
	tables, sheetOf := allTables(b.sheets())
	out := map[string]string{}
	for _, t := range tables {
		out[t.name] = sheetOf[t].name
	}
	return out, nil
}

// comparison compares the parts of two exports of one format.
type comparison struct {
	ctx    context.Context
	format Format
	v      *Verification
	rows   int // rows compared, for progress
	tick   func(done int)
	// names are the column names of the part being compared (CSV, JSON).
	names map[int]string
	// field is the Manifest field of the row being compared, which names
	// the row in CSV and JSON.
	field string
}

// part compares one sheet or table of the export written again with the
// stored one's of the same name.
func (c *comparison) part(name string, stored, again exportReader) error {
	a, err := again.open(name)
	if err != nil {
		return fmt.Errorf("reading the export written again: %w", err)
	}
	defer a.close()
	s, err := stored.open(name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", c.partName(name), err)
	}
	if s == nil {
		c.differ(c.partName(name), "none", "a "+c.partWord()+" of that name")
		return nil
	}
	defer s.close()
	c.names = map[int]string{}
	manifest := name == SheetManifest || name == "manifest"
	ra, ca, errA := a.next()
	rs, cs, errS := s.next()
	for {
		endA, endS := errors.Is(errA, io.EOF), errors.Is(errS, io.EOF)
		if errA != nil && !endA {
			return fmt.Errorf("reading the export written again: %w", errA)
		}
		if errS != nil && !endS {
			c.differ(c.partName(name), "cannot be read: "+errS.Error(), "readable")
			return nil
		}
		switch {
		case endA && endS:
			return nil
		case !endA && (endS || ra < rs):
			c.row(name, ra, ca, nil, manifest)
			ra, ca, errA = a.next()
		case !endS && (endA || rs < ra):
			c.row(name, rs, nil, cs, manifest)
			rs, cs, errS = s.next()
		default:
			c.row(name, ra, ca, cs, manifest)
			ra, ca, errA = a.next()
			rs, cs, errS = s.next()
		}
		if c.rows++; c.rows%1024 == 0 {
			c.tick(c.rows)
			if err := c.ctx.Err(); err != nil {
				return err
			}
		}
	}
}

// row compares the cells of one row: want as written again, got as stored.
// On the Manifest, a run date or time is not compared.
func (c *comparison) row(part string, r int, want, got []xcell, manifest bool) {
	if c.headerRow(r) {
		for _, w := range want {
			c.names[w.col] = w.text
		}
	}
	excluded := manifest && (excludedRow(want) || excludedRow(got))
	c.field = ""
	if manifest {
		c.field = rowField(want, got)
	}
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		var w, g *xcell
		switch {
		case j >= len(got) || i < len(want) && want[i].col < got[j].col:
			w = &want[i]
			i++
		case i >= len(want) || got[j].col < want[i].col:
			g = &got[j]
			j++
		default:
			w, g = &want[i], &got[j]
			i++
			j++
		}
		col := 0
		if w != nil {
			col = w.col
		} else {
			col = g.col
		}
		if excluded && col > 1 {
			c.v.Excluded++
			continue
		}
		switch {
		case w == nil:
			c.differ(c.where(part, r, col), show(g), "(empty)")
		case g != nil && w.kind == xNumber && g.kind == xNumber && sameBits(w.text, g.text):
			c.v.Figures++
		case g != nil && w.kind != xNumber && g.kind == w.kind && g.text == w.text:
			c.v.Texts++
		default:
			c.differ(c.where(part, r, col), show(g), show(w))
		}
	}
}

// excludedRow reports whether a Manifest row is one of a run's date or time.
func excludedRow(cells []xcell) bool {
	return slices.Contains(excludedFields, rowField(cells, nil))
}

// rowField is the text in the first column of a row, as written again or
// else as stored: a Manifest row's field.
func rowField(want, got []xcell) string {
	for _, cells := range [][]xcell{want, got} {
		if len(cells) > 0 && cells[0].col == 1 && cells[0].kind == xText {
			return cells[0].text
		}
	}
	return ""
}

// sameBits reports whether two numbers as stored are the same float64,
// to the bit.
func sameBits(a, b string) bool {
	x, err := strconv.ParseFloat(a, 64)
	if err != nil {
		return false
	}
	y, err := strconv.ParseFloat(b, 64)
	return err == nil && math.Float64bits(x) == math.Float64bits(y)
}

// show writes a value for a difference: a number as stored, text quoted.
func show(c *xcell) string {
	switch {
	case c == nil:
		return "(empty)"
	case c.kind == xNumber:
		return c.text
	}
	s := c.text
	if utf8.RuneCountInString(s) > 80 {
		s = string([]rune(s)[:77]) + "..."
	}
	return strconv.Quote(s)
}

// differ records a difference.
func (c *comparison) differ(where, stored, recomputed string) {
	c.v.Differ++
	if len(c.v.Differences) < MaxDifferences {
		c.v.Differences = append(c.v.Differences, Difference{Where: where, Stored: stored, Recomputed: recomputed})
	}
}

// headerRow reports whether row r of a part holds its column names.
func (c *comparison) headerRow(r int) bool {
	switch c.format {
	case CSV:
		return r == 1
	case JSON:
		return r == jsonRowNames
	}
	return false
}

// partWord is what a part of the format is called.
func (c *comparison) partWord() string {
	if c.format == XLSX {
		return "sheet"
	}
	return "table"
}

// partName names a part: "sheet Summary", "summary.csv", "table summary".
func (c *comparison) partName(name string) string {
	switch c.format {
	case XLSX:
		return "sheet " + name
	case CSV:
		return name + ".csv"
	}
	return "table " + name
}

// where names a cell: "Summary!D7", or the table, row and column.
func (c *comparison) where(part string, r, col int) string {
	if c.format == XLSX {
		return sheetRef(part) + "!" + cellName(col, r)
	}
	column := c.names[col]
	if column == "" {
		column = strconv.Itoa(col)
	}
	switch {
	case c.format == CSV && r == 1:
		return fmt.Sprintf("%s, header, column %d", c.partName(part), col)
	case c.field != "" && (c.format == CSV || r >= jsonRowFirst):
		return fmt.Sprintf("%s, %s, column %s", c.partName(part), c.field, column)
	case c.format == CSV:
		return fmt.Sprintf("%s, row %d, column %s", c.partName(part), r-1, column)
	case r == jsonRowNotes && col == 1:
		return c.partName(part) + ", its sheet"
	case r == jsonRowNotes:
		return fmt.Sprintf("%s, note %d", c.partName(part), col-1)
	case r == jsonRowNames:
		return fmt.Sprintf("%s, name of column %d", c.partName(part), col)
	case r == jsonRowKinds:
		return fmt.Sprintf("%s, kind of column %s", c.partName(part), column)
	}
	return fmt.Sprintf("%s, row %d, column %s", c.partName(part), r-jsonRowFirst+1, column)
}

// sheetRef writes a sheet's name as a cell reference takes it: quoted when
// it holds anything but letters, digits and underscores.
func sheetRef(name string) string {
	if strings.IndexFunc(name, func(r rune) bool {
		return !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
	}) < 0 {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
