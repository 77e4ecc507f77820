package data

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"corecast/model"
)

// wideFundingSchema is the Funding sheet laid out wide, one column of
// amounts per year: the year and the amounts are in the headings, so only
// the code, programme and status columns must be named.
var wideFundingSchema = func() sheetSchema {
	s := fundingSchema
	s.fields = nil
	for _, f := range fundingSchema.fields {
		switch f.name {
		case "year", "national_m", "local_m":
			continue
		}
		s.fields = append(s.fields, f)
	}
	return s
}()

// wideColumn is one column of a wide Funding sheet: a year's national or
// local amounts.
type wideColumn struct {
	col   int
	year  model.FinancialYear
	field string // national_m or local_m
	label string // how problems name the column
	unit  moneyUnit
}

// headingYear finds a financial year in a heading: "2019-20", "National
// 2019/20 (£m)", "FY19/20 local".
var headingYear = regexp.MustCompile(`(?i)(?:fy\s*)?\d{2,4}\s*[-/–—−]\s*\d{2,4}|\d{4}\s+to\s+\d{2,4}`)

// nationalWords and localWords say, in a heading or the group heading above
// it, which kind of funding a year's column holds.
var (
	nationalWords = []string{"national", "central", "centrally"}
	localWords    = []string{"local", "locally", "trust", "contribution", "match", "matched"}
)

// readWideFunding reads a Funding sheet laid out wide when it has no year
// column but columns headed by years. ok is false when the sheet is not
// laid out so; then the caller reports the usual problems. Otherwise the
// rows are read into funding rows, one for each trust and year with an
// amount, with a note.
func readWideFunding(t *table, m sheetMapping, codes map[string]string, ps *problemList, notes *noteList) (out []model.Funding, ok bool) {
	var scratchPs problemList
	var scratchNotes noteList
	c, _ := readHeader(t, wideFundingSchema, m, &scratchPs, &scratchNotes)
	cols := wideColumns(c)
	if len(cols) == 0 {
		return nil, false
	}
	c, good := readHeader(t, wideFundingSchema, m, ps, notes)
	if !good {
		return nil, true
	}
	var bad bool
	for i := range cols {
		w := &cols[i]
		if w.field == "" {
			ps.add(Problem{File: t.file, Sheet: t.sheet, Row: c.header.num, Column: w.label, missing: true,
				Expected: fmt.Sprintf("a heading that says whether the column holds national or local funding for %s: head it \"National %s\" or \"Local %s\", or put the kind in a heading above the years", w.year, w.year, w.year)})
			bad = true
			continue
		}
		key := wideKey(i)
		c.index[key], c.label[key] = w.col, w.label
		f := field{name: key, kind: kindMoney, want: wantMoney}
		if !c.readUnit(f, headingText(c.header.get(w.col)), ps) {
			bad = true
			continue
		}
		w.unit = c.unit[key]
	}
	if bad {
		return nil, true
	}
	years := wideYears(cols)
	notes.add(Note{File: t.file, Sheet: t.sheet, Row: c.header.num,
		Text: fmt.Sprintf("funding laid out wide (a column for each year, %s to %s), read as one row for each line and year with an amount", years[0], years[len(years)-1])})
	keys := make([]string, len(cols))
	for i := range cols {
		keys[i] = wideKey(i)
	}
	sums := newTotals(keys...)
	for _, r := range c.body {
		if !c.dataRow(r, sums, ps) {
			continue
		}
		amounts := make([]float64, len(cols))
		for _, y := range years {
			if !c.wideYear(r, cols, y) {
				continue
			}
			f, good := parseFundingRow(c, r, codes, &y, ps)
			if good {
				out = append(out, f)
				for i, w := range cols {
					if w.year == y && w.field == "national_m" {
						amounts[i] = f.NationalM
					} else if w.year == y {
						amounts[i] = f.LocalM
					}
				}
			}
		}
		sums.add(amounts...)
	}
	c.checkThousandfold(ps)
	return out, true
}

func wideKey(i int) string { return fmt.Sprintf("wide %d", i) }

// wideColumns finds the columns of the header headed by a year, and says
// which kind of funding each holds (empty when the heading does not say).
func wideColumns(c *columns) []wideColumn {
	var out []wideColumn
	used := map[int]bool{}
	for _, col := range c.index {
		used[col] = true
	}
	for _, cl := range c.header.cells {
		h := headingText(cl)
		if h == "" || used[int(cl.col)] {
			continue
		}
		m := headingYear.FindString(h)
		if m == "" {
			continue
		}
		y, ok := parseYearText(m)
		if !ok {
			continue
		}
		w := wideColumn{col: int(cl.col), year: y, label: fmt.Sprintf("%s (%s)", h, y)}
		rest := strings.Replace(h, m, " ", 1)
		w.field = fundingKind(rest)
		if w.field == "" && c.hasGroup {
			w.field = fundingKind(headingText(c.group.get(int(cl.col))))
		}
		if w.field != "" {
			w.label = fmt.Sprintf("%s (%s %s)", h, w.field, y)
		}
		out = append(out, w)
	}
	return out
}

// fundingKind says whether a heading names national or local funding:
// national_m, local_m, or "" when it names neither or both.
func fundingKind(h string) string {
	words := strings.Fields(headingName(h))
	national := slices.ContainsFunc(words, func(w string) bool { return slices.Contains(nationalWords, w) })
	local := slices.ContainsFunc(words, func(w string) bool { return slices.Contains(localWords, w) })
	switch {
	case national && !local:
		return "national_m"
	case local && !national:
		return "local_m"
	}
	return ""
}

// wideYears lists the years of the columns, in order.
func wideYears(cols []wideColumn) []model.FinancialYear {
	var ys []model.FinancialYear
	for _, w := range cols {
		if !slices.Contains(ys, w.year) {
			ys = append(ys, w.year)
		}
	}
	slices.Sort(ys)
	return ys
}

// wideYear points the national_m and local_m columns at year y's columns,
// and reports whether row r has an amount in either: a year with none is
// no funding row.
func (c *columns) wideYear(r row, cols []wideColumn, y model.FinancialYear) bool {
	delete(c.index, "national_m")
	delete(c.index, "local_m")
	c.readCols = nil
	has := false
	for _, w := range cols {
		if w.year != y {
			continue
		}
		c.index[w.field], c.label[w.field], c.unit[w.field] = w.col, w.label, w.unit
		cl := r.get(w.col)
		if strings.TrimSpace(cl.text) != "" || cl.formula != noFormula {
			has = true
		}
	}
	return has
}
