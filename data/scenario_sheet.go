package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"corecast/model"
)

// KeyValue is one row of a workbook's Scenario sheet (or scenario.csv): a
// dotted scenario key as --set takes it and its value, with where it was found.
type KeyValue struct {
	Key, Value string
	File       string // file name
	Sheet      string // sheet name; empty for CSV
	Row        int    // row as Excel shows it
}

// parseScenarioSheet reads the key/value rows of a Scenario table. A key
// given twice is a problem: which row should win is not for corecast to guess.
func parseScenarioSheet(t *table, ps *problemList, notes *noteList) []KeyValue {
	c, ok := readHeader(t, scenarioSchema, sheetMapping{}, ps, notes)
	if !ok {
		return nil
	}
	var out []KeyValue
	seen := map[string]int{}
	for _, r := range c.body {
		if c.struckRow(r, ps) {
			continue
		}
		noteHidden(c, r)
		k, okK := c.text(r, "key", true, ps)
		v, okV := c.scenarioValue(r, ps)
		if okK {
			norm := strings.ToLower(k)
			if first, dup := seen[norm]; dup {
				ps.add(c.problem(r, "key", k, fmt.Sprintf("each key once (%s is already set on row %d)", k, first)))
				continue
			}
			seen[norm] = r.num
		}
		if okK && okV {
			out = append(out, KeyValue{Key: k, Value: v, File: t.file, Sheet: t.sheet, Row: r.num})
		}
	}
	return out
}

// scenarioValue reads a Scenario value cell as the text a --set would
// give: TRUE and FALSE as true and false; a number formatted as a
// percentage as the fraction it stores (3.5% is 0.035, as the keys that
// take a rate want it), with a note; a date of 1 April as the year it
// starts; text numbers by the Money rules, "1,500" or "1 500" as 1500 and
// "3.5%" as 0.035.
func (c *columns) scenarioValue(r row, ps *problemList) (string, bool) {
	cl := c.raw(r, "value")
	switch {
	case cl.kind == cellBool:
		return strings.ToLower(cl.text), true
	case cl.kind == cellNumber && cl.format == fmtPercent:
		f, ok := cellNumberValue(cl)
		if !ok {
			break
		}
		v := formatFloat(f)
		c.note(r, "value", fmt.Sprintf("%s → %s", percentText(cl.text), v), "a percentage read as the fraction it stores")
		return v, true
	case cl.kind == cellNumber && cl.format == fmtDate:
		d, ok := cellDate(cl)
		if !ok {
			break
		}
		y, first := yearOfDate(d)
		if !first {
			ps.add(c.problem(r, "value", "the date "+d.Format("2006-01-02"), fmt.Sprintf("a value for the key, not a date; it falls in %s, but only 1 April (the day a financial year starts) is read as a year", y)))
			return "", false
		}
		c.note(r, "value", fmt.Sprintf("%s → %s", d.Format("2006-01-02"), y), "a date of 1 April, read as the financial year it starts")
		return y.String(), true
	}
	v, ok := c.text(r, "value", true, ps)
	if !ok || cl.kind != cellText {
		return v, ok
	}
	return c.scenarioText(r, v, ps)
}

// numberLike matches text made of a number's characters only: digits,
// points, commas and spaces, with a sign before them. A table by year
// ({ "2020-21" = 400, ... }) or a list is not one.
var numberLike = regexp.MustCompile(`^[+-]?[0-9.,\x{00a0}\x{2009}\x{202f}\x{2007} ]+$`)

// scenarioText reads a Scenario value written as text: a number grouped
// by commas or spaces is the number, a percentage the fraction; anything
// else is left for the key to read.
func (c *columns) scenarioText(r row, v string, ps *problemList) (string, bool) {
	if strings.HasSuffix(v, "%") {
		num := strings.TrimSpace(strings.TrimSuffix(v, "%"))
		f, ok := parseStrict(num)
		if !ok {
			ps.add(c.problem(r, "value", v, "a value for the key: a percentage written as a number and a percent sign, as 3.5%"+moneyHint(num)))
			return "", false
		}
		out := formatFloat(f / 100)
		c.note(r, "value", fmt.Sprintf("%s → %s", v, out), "a percentage read as the fraction it stands for")
		return out, true
	}
	if strings.ContainsAny(v, ","+groupSpaces) && numberLike.MatchString(v) {
		f, ok := parseStrict(v)
		if !ok {
			if misplacedComma.MatchString(v) || misplacedSpace.MatchString(v) {
				ps.add(c.problem(r, "value", v, "a value for the key"+moneyHint(v)))
				return "", false
			}
			return v, true // a list or words, for the key to read
		}
		return formatFloat(f), true
	}
	return v, true
}

// ApplyScenarioSheet applies the key/value rows to sc in order with
// model.Scenario.Set. It applies every row it can and returns Problems naming
// the sheet, row and column of each row that could not be applied. It does
// not validate the whole scenario; call sc.Validate afterwards.
func ApplyScenarioSheet(sc *model.Scenario, kv []KeyValue) error {
	var ps problemList
	for _, x := range kv {
		if _, err := sc.Get(x.Key); err != nil {
			want := "a scenario key such as capacity_starts or unit_cost.acute.mode (see the scenario keys in the README)"
			var pe *model.ParamError
			if errors.As(err, &pe) {
				// Rows apply in order, so a dist row above has already changed the kind.
				want = fmt.Sprintf("a parameter of %s's %s distribution: %s", pe.Key, pe.Kind, pe.Want())
			}
			ps.add(Problem{File: x.File, Sheet: x.Sheet, Row: x.Row, Column: "key", Value: x.Key, Expected: want})
			continue
		}
		if err := sc.Set(x.Key, x.Value); err != nil {
			ps.add(Problem{File: x.File, Sheet: x.Sheet, Row: x.Row, Column: "value", Value: x.Value,
				Expected: fmt.Sprintf("a valid setting (%v)", err)})
			continue
		}
		sc.SetSource(x.Key, model.Source{Kind: model.FromSheet, Detail: x.where()})
	}
	return ps.err()
}

// where names the row for a value's source: "book.xlsx, row 5", with the
// sheet's name when it is not Scenario, and without the file's directories.
func (x KeyValue) where() string {
	w := filepath.Base(x.File)
	if x.Sheet != "" && !strings.EqualFold(x.Sheet, "Scenario") {
		w += ", sheet " + x.Sheet
	}
	return fmt.Sprintf("%s, row %d", w, x.Row)
}
