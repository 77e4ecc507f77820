package data

import (
	"errors"
	"fmt"

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

// parseScenarioSheet reads the key/value rows of a Scenario table.
func parseScenarioSheet(t *table, ps *problemList) []KeyValue {
	c, ok := readHeader(t, []string{"key", "value"}, nil, "scenario setting", ps)
	if !ok {
		return nil
	}
	var out []KeyValue
	for _, r := range c.body {
		k, okK := c.text(r, "key", true, "a scenario key such as capacity_starts or unit_cost.acute.mode", ps)
		v, okV := c.text(r, "value", true, "a value for "+k, ps)
		if okK && okV {
			out = append(out, KeyValue{Key: k, Value: v, File: t.file, Sheet: t.sheet, Row: r.num})
		}
	}
	return out
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
