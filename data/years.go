package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"corecast/model"
)

// year reads a financial year: text in any of the forms parseYearText
// reads, or a date cell of 1 April, which starts the year (with a note). Any
// other date, or a year alone, is a problem that shows what was found.
func (c *columns) year(r row, col string, ps *problemList) (model.FinancialYear, bool) {
	want := c.schema.field(col).want
	cl, ok := c.usable(r, col, want, ps)
	if !ok {
		return 0, false
	}
	s := strings.TrimSpace(cl.text)
	switch {
	case cl.kind == cellBlank || s == "":
		ps.add(c.problem(r, col, "", want+" (required)"))
		return 0, false
	case cl.format == fmtDate:
		d, ok := cellDate(cl)
		if !ok {
			ps.add(c.problem(r, col, "the date "+dateText(cl.text), want+", not a date"))
			return 0, false
		}
		y, ok := yearOfDate(d)
		if !ok {
			ps.add(c.problem(r, col, "the date "+d.Format("2006-01-02"), fmt.Sprintf("%s, not a date; it falls in %s, but only 1 April (the day a financial year starts) is read as a year", want, y)))
			return 0, false
		}
		c.note(r, col, fmt.Sprintf("%s → %s", d.Format("2006-01-02"), y), "a date of 1 April, read as the financial year it starts")
		return y, true
	case cl.kind == cellNumber:
		f, _ := cellNumberValue(cl)
		switch {
		case f >= 1900 && f <= 2200 && f == float64(int(f)):
			ps.add(c.problem(r, col, s, want+"; a year alone is ambiguous (the year starting or ending then?)"))
		case f >= 20000 && f <= 80000:
			ps.add(c.problem(r, col, fmt.Sprintf("%s, which is the date %s", s, dateText(s)), want+", not a number (the cell holds a date's serial number without a date format)"))
		default:
			ps.add(c.problem(r, col, s, want))
		}
		return 0, false
	}
	if y, ok := parseYearText(s); ok {
		return y, true
	}
	if d, ok := parseDateText(s); ok {
		y, first := yearOfDate(d)
		if !first {
			ps.add(c.problem(r, col, s, fmt.Sprintf("%s, not a date; it falls in %s, but only 1 April (the day a financial year starts) is read as a year", want, y)))
			return 0, false
		}
		c.note(r, col, fmt.Sprintf("%s → %s", s, y), "a date of 1 April, read as the financial year it starts")
		return y, true
	}
	ps.add(c.problem(r, col, s, want))
	return 0, false
}

// yearDashes are the characters written between a financial year's two
// parts besides a hyphen: en and em dashes, the minus sign, the
// non-breaking hyphen, the figure dash and the horizontal bar.
var yearDashes = strings.NewReplacer("—", "-", "–", "-", "−", "-", "‑", "-", "‒", "-", "―", "-", "\u00a0", " ")

// yearWords matches a financial year written in words: "2019 to 2020",
// "April 2019 to March 2020", "Apr 2019 - Mar 20", "FY 2019 to 2020".
var yearWords = regexp.MustCompile(`(?i)^(?:fy\s*)?(?:apr(?:il)?\.?\s+)?(\d{4}|\d{2})\s*(?:-|to)\s*(?:mar(?:ch)?\.?\s+)?(\d{4}|\d{2})$`)

// parseYearText reads a financial year written as text: the forms
// model.ParseFinancialYear reads (2019-20, 2019/20, FY19/20, 19/20, ...),
// with any dash between the parts, or in words ("2019 to 2020", "April 2019
// to March 2020").
func parseYearText(s string) (model.FinancialYear, bool) {
	t := strings.TrimSpace(yearDashes.Replace(s))
	if y, err := model.ParseFinancialYear(t); err == nil {
		return y, true
	}
	m := yearWords.FindStringSubmatch(t)
	if m == nil {
		return 0, false
	}
	y, err := model.ParseFinancialYear(m[1] + "-" + m[2])
	return y, err == nil
}

// cellDate reads a date cell: an Excel serial (43556 is 2019-04-01) or an
// ISO date, as a t="d" cell holds it.
func cellDate(cl cell) (time.Time, bool) {
	s := strings.TrimSpace(cl.text)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < 1 || f > 2958465 {
			return time.Time{}, false
		}
		return excelEpoch.AddDate(0, 0, int(f)), true
	}
	if len(s) >= 10 {
		if d, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// dateForms are the ways a date is written as text in a UK workbook or CSV
// file: ISO, day first (01/04/2019), and with the month's name.
var dateForms = []string{"2006-01-02", "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006",
	"2 January 2006", "2 Jan 2006", "02-Jan-2006", "2-Jan-2006", "02-Jan-06", "2-Jan-06", "2 Jan 06",
	"2006-01-02 15:04:05", "2006-01-02T15:04:05", "02/01/2006 15:04", "02/01/2006 15:04:05"}

// parseDateText reads a date written as text, day first as UK files write
// it.
func parseDateText(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < 6 || len(s) > 20 {
		return time.Time{}, false
	}
	for _, f := range dateForms {
		if d, err := time.Parse(f, s); err == nil && d.Year() >= 1900 && d.Year() <= 2200 {
			return d, true
		}
	}
	return time.Time{}, false
}

// yearOfDate returns the financial year a date falls in, and whether the
// date is the 1 April that starts it.
func yearOfDate(d time.Time) (model.FinancialYear, bool) {
	y := d.Year()
	if d.Month() < time.April {
		y--
	}
	return model.FinancialYear(y), d.Month() == time.April && d.Day() == 1
}
