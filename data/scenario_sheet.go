package data

import (
	"errors"
	"fmt"
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

// scenarioValue reads a Scenario value cell as text; a percentage-formatted
// number is refused, since whether 0.3 or 30 was meant depends on the key.
func (c *columns) scenarioValue(r row, ps *problemList) (string, bool) {
	cl := c.raw(r, "value")
	if cl.kind == cellNumber && cl.format == fmtPercent {
		ps.add(c.problem(r, "value", percentText(cl.text), "a value written as a plain number (the cell is formatted as a percentage; clear the format so the stored value shows)"))
		return "", false
	}
	return c.text(r, "value", true, ps)
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
		}
	}
	return ps.err()
}
