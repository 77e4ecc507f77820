package data

import (
	"fmt"
	"strings"

	"corecast/model"
)

// parseObserved reads the optional Observed table: a trust's maturity as
// assessed in a later year. codes maps trust codes by codeKey to their
// spelling on the Trusts sheet (nil skips the check). A trust observed twice
// in one year is a problem: which score holds is not for corecast to guess.
func parseObserved(t *table, codes map[string]string, ps *problemList, notes *noteList) []model.Observation {
	c, ok := readHeader(t, observedSchema, sheetMapping{}, ps, notes)
	if !ok {
		return nil
	}
	var out []model.Observation
	seen := map[string]int{} // code and year -> row
	for _, r := range c.body {
		if c.struckRow(r, ps) || c.sectionRow(r) {
			continue
		}
		noteHidden(c, r)
		var o model.Observation
		good := true
		var ok bool
		if o.Code, ok = c.code(r, "code", ps); !ok {
			good = false
		} else if codes != nil {
			code, known := codes[codeKey(o.Code)]
			if !known || code == struckCode {
				ps.add(c.problem(r, "code", o.Code, "a trust code from the Trusts sheet (not one struck through)"))
				good, code = false, o.Code
			}
			o.Code = code
		}
		if o.Year, ok = c.year(r, "year", ps); !ok {
			good = false
		}
		if o.Maturity, _, ok = c.score(r, "maturity", true, ps); !ok {
			good = false
		}
		if !good {
			continue
		}
		key := strings.ToUpper(o.Code) + " " + o.Year.String()
		if first, dup := seen[key]; dup {
			ps.add(c.problem(r, "year", o.Year.String(), fmt.Sprintf("one observation of %s a year (%s is already observed on row %d)", o.Code, o.Year, first)))
			continue
		}
		seen[key] = r.num
		out = append(out, o)
	}
	c.checkScales(ps)
	return out
}
