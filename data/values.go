package data

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// usable checks that a cell can be read at all: not a formula error, not a
// formula that has no value, not TRUE/FALSE where a value is wanted. It notes
// a formula corecast calculated.
func (c *columns) usable(r row, col, want string, ps *problemList) (cell, bool) {
	cl := c.raw(r, col)
	switch {
	case cl.kind == cellError || isFormulaError(strings.TrimSpace(cl.text)):
		ps.add(c.problem(r, col, strings.TrimSpace(cl.text), want+", not a formula error (fix the formula or type the value)"))
		return cl, false
	case cl.formula == circular:
		ps.add(c.problem(r, col, formulaFound(cl), want+", not a formula with a circular reference ("+c.t.whyOf(r.num, cl.col)+"), whose value is no result: fix the formula or type the value"))
		return cl, false
	case cl.formula == uncalculable && cl.kind != cellBlank:
		ps.add(c.problem(r, col, formulaFound(cl), want+"; the workbook marks its formulas for recalculation on opening and corecast could not calculate this one"+because(c.t.whyOf(r.num, cl.col))+": open and save the file in Excel or LibreOffice"))
		return cl, false
	case cl.formula == uncalculable:
		ps.add(c.problem(r, col, formulaFound(cl), want+"; corecast could not calculate it"+because(c.t.whyOf(r.num, cl.col))+": open and save the file in Excel or LibreOffice"))
		return cl, false
	case cl.kind == cellBool:
		ps.add(c.problem(r, col, cl.text, want+", not TRUE or FALSE"))
		return cl, false
	}
	if cl.formula == calculated {
		v := strings.TrimSpace(cl.text)
		if cl.kind == cellBlank {
			v = `"" (empty text)`
		}
		c.note(r, col, v, "formula with no saved value, calculated")
	}
	return cl, true
}

// formulaFound shows a formula cell in a problem: its saved value, if any.
func formulaFound(cl cell) string {
	if cl.kind == cellBlank {
		return "formula with no saved value"
	}
	return "formula, saved as " + strings.TrimSpace(cl.text)
}

// because puts a reason in brackets, when there is one.
func because(why string) string {
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}

// text reads a text cell, reporting a formula error or, when required, a blank.
func (c *columns) text(r row, col string, required bool, ps *problemList) (string, bool) {
	want := c.schema.field(col).want
	cl, ok := c.usable(r, col, want, ps)
	if !ok {
		return "", false
	}
	v := strings.TrimSpace(cl.text)
	if cl.kind == cellBlank {
		v = ""
	}
	if cl.kind == cellNumber && cl.format == fmtDate {
		v = dateText(cl.text)
	}
	if v == "" && required {
		ps.add(c.problem(r, col, v, want+" (required)"))
		return "", false
	}
	return v, true
}

// plainNumber matches a number written plainly, with thousands separated by
// commas only in groups of three: 1234.5, 1,234.5, .5, 1e3.
var plainNumber = regexp.MustCompile(`^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d{1,3})?$`)

// parseStrict reads a number written as text: digits, an optional decimal
// point, commas or spaces (plain, no-break, thin) only between groups of
// three, an optional exponent. Hex, underscores, decimal commas ("522,1"),
// NaN and Inf are refused.
func parseStrict(s string) (float64, bool) {
	s = ungroupSpaces(s)
	if s == "" || !plainNumber.MatchString(s) || !strings.ContainsAny(s, "0123456789") {
		return 0, false
	}
	mant := s
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
	}
	if !strings.ContainsAny(mant, "0123456789") {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// groupSpaces are the spaces written between groups of three digits: plain,
// no-break, thin, narrow no-break and figure spaces.
const groupSpaces = " \u00a0\u2009\u202f\u2007"

// spaceGrouped matches a number whose groups of three digits are separated
// by one of groupSpaces, as in "1 234.5" or "12 345 678".
var spaceGrouped = regexp.MustCompile(`^[+-]?\d{1,3}([ \x{00a0}\x{2009}\x{202f}\x{2007}]\d{3})+(\.\d+)?$`)

// ungroupSpaces removes the spaces between a number's groups of three
// digits, leaving any other text as it is (to be refused if it is no
// number): "1 234" is 1234, "12 34" stays as written.
func ungroupSpaces(s string) string {
	if !strings.ContainsAny(s, groupSpaces) || !spaceGrouped.MatchString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(groupSpaces, r) {
			return -1
		}
		return r
	}, s)
}

// cellNumberValue reads a number cell's stored value.
func cellNumberValue(cl cell) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(cl.text), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// moneySuffix matches an amount's own unit: "450.2m", "1.2bn", "450k".
var moneySuffix = regexp.MustCompile(`(?i)^(.*?)\s*(bn|mn|m|k|millions?|billions?|thousands?)$`)

// dashes are the texts accountants write for zero.
var dashes = map[string]bool{"-": true, "–": true, "—": true}

// money reads an amount of money, in £m. A number cell is exact and in the
// column's unit; text may carry a pound sign, commas between groups of three,
// its own unit ("£450.2m", "£1.2bn") and "-" for zero. A blank cell is zero.
// Conversions are noted; anything else is a problem.
func (c *columns) money(r row, col string, ps *problemList) (float64, bool) {
	want := c.schema.field(col).want
	cl, ok := c.usable(r, col, want, ps)
	if !ok {
		return 0, false
	}
	unit := c.unit[col]
	if unit.scale == 0 {
		unit = unitMillions
	}
	var v float64
	switch {
	case cl.kind == cellBlank || strings.TrimSpace(cl.text) == "":
		return 0, true
	case cl.kind == cellNumber && cl.format == fmtPercent:
		ps.add(c.problem(r, col, percentText(cl.text), want+", not a percentage"))
		return 0, false
	case cl.kind == cellNumber && cl.format == fmtDate:
		ps.add(c.problem(r, col, dateText(cl.text), want+", not a date"))
		return 0, false
	case cl.kind == cellNumber:
		f, ok := cellNumberValue(cl)
		if !ok {
			ps.add(c.problem(r, col, cl.text, want))
			return 0, false
		}
		if ds := cl.format.displayScale(); ds != 1 {
			// The person reads the number as shown, in the heading's unit.
			shown := f / ds
			v = shown * unit.scale
			c.note(r, col, fmt.Sprintf("%s shown as %s → %s", cl.text, formatFloat(shown), formatFloat(v)), "a number its format shows divided by "+formatThousands(int(ds))+", read as shown")
			break
		}
		v = f * unit.scale
	default:
		s := strings.TrimSpace(strings.ReplaceAll(cl.text, "\u00a0", " "))
		if dashes[s] {
			c.note(r, col, s, "a dash read as 0")
			return 0, true
		}
		f, own, ok := parseMoneyText(s)
		if !ok {
			ps.add(c.problem(r, col, s, want+moneyHint(s)))
			return 0, false
		}
		if own.scale != 0 && own.scale != unit.scale {
			c.note(r, col, fmt.Sprintf("%s → %s", s, formatFloat(f*own.scale)), "an amount with its own unit, converted to £m")
			unit = own
		} else if own.scale != 0 {
			unit = own
		}
		v = f * unit.scale
	}
	if v < 0 {
		ps.add(c.problem(r, col, strings.TrimSpace(cl.text), want))
		return 0, false
	}
	if cl.filled && v != 0 {
		// A person reads one amount across merged cells as one amount, not
		// the same amount in each: which share is whose is not for corecast
		// to guess.
		ps.add(c.problem(r, col, strings.TrimSpace(cl.text), want+"; the cell is inside merged cells that show one amount, which corecast does not split between rows or columns: unmerge them and give each cell its own amount"))
		return 0, false
	}
	return v, true
}

// parseMoneyText reads money written as text; own is the unit the text
// names (zero when none).
func parseMoneyText(s string) (v float64, own moneyUnit, ok bool) {
	t := s
	if m := moneySuffix.FindStringSubmatch(t); m != nil && strings.ContainsAny(m[1], "0123456789") {
		u, good := parseUnit(m[2])
		if !good {
			return 0, moneyUnit{}, false
		}
		t, own = m[1], u
	}
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "£"))
	f, good := parseStrict(t)
	if !good || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") && neg {
		return 0, moneyUnit{}, false
	}
	if neg {
		f = -f
	}
	return f, own, true
}

// misplacedComma matches a comma that does not separate a group of three
// digits: a decimal comma ("522,1") or a group of the wrong size.
var misplacedComma = regexp.MustCompile(`^\d+,\d{1,2}$|,\d{1,2}(\D|$)|,\d{4,}`)

// misplacedSpace matches digits separated by a space that does not start a
// group of three: "12 34", "1 2345".
var misplacedSpace = regexp.MustCompile(`^£?\s*\d+[ \x{00a0}\x{2009}\x{202f}\x{2007}]\d+`)

// moneyHint explains why a money text was refused, for the forms analysts
// are known to write.
func moneyHint(s string) string {
	switch {
	case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"):
		return " (a bracketed amount is negative in accounting notation; funding cannot be negative)"
	case misplacedSpace.MatchString(s):
		return " (a space must separate groups of three digits, as in 1 234.5)"
	case misplacedComma.MatchString(s):
		return " (a comma must separate groups of three digits; write decimals with a point, e.g. 522.1)"
	case strings.Contains(s, "_"):
		return " (write digits without underscores)"
	case strings.HasPrefix(strings.ToLower(s), "0x"):
		return " (write the amount in decimal)"
	}
	return ""
}

// percentText shows a number as Excel shows it with a percentage format.
func percentText(s string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return s
	}
	return formatFloat(f*100) + "%"
}

// formatFloat writes a number in its shortest form, without float noise.
func formatFloat(f float64) string {
	return strconv.FormatFloat(roundNoise(f), 'f', -1, 64)
}

// roundNoise rounds away binary noise such as 62.00000000000001, keeping 12
// significant digits.
func roundNoise(f float64) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	if err != nil {
		return f
	}
	return r
}

// excelEpoch is day 0 of Excel's 1900 date system, allowing for its
// phantom 29 February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateText shows a date cell's stored value as a date: an Excel serial
// (43556 is 2019-04-01) or an ISO date.
func dateText(s string) string {
	s = strings.TrimSpace(s)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if len(s) >= 10 {
			return s[:10]
		}
		return s
	}
	if f < 1 || f > 2958465 {
		return s
	}
	return excelEpoch.AddDate(0, 0, int(f)).Format("2006-01-02")
}

// formulaErrors are the values Excel shows in a cell whose formula failed.
var formulaErrors = []string{"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"}

func isFormulaError(s string) bool {
	for _, e := range formulaErrors {
		if strings.EqualFold(s, e) {
			return true
		}
	}
	return false
}
