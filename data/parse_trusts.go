package data

import (
	"fmt"
	"math"
	"strings"

	"corecast/model"
)

// Column names of the Trusts sheet.
var (
	trustColumns         = []string{"code", "name", "type", "region", "opex_m", "maturity"}
	trustOptionalColumns = []string{"maturity_prev", "epr"}
)

const (
	wantType     = "one of acute, mental health, community, ambulance, specialist"
	wantRegion   = "one of East of England, London, Midlands, North East and Yorkshire, North West, South East, South West"
	wantOpex     = "annual operating expenditure in £m, a number above 0"
	wantMaturity = "a digital maturity score, a number from 0 to 100"
)

// parseTrusts reads the Trusts table. It returns the trusts that read cleanly
// and reports every problem.
func parseTrusts(t *table, ps *problemList) []model.Trust {
	c, ok := readHeader(t, trustColumns, trustOptionalColumns, "trust", ps)
	if !ok {
		return nil
	}
	if len(c.body) == 0 {
		ps.add(Problem{File: t.file, Sheet: t.sheet, Expected: "has no trusts: want one row per trust below the header"})
		return nil
	}
	trusts := make([]model.Trust, 0, len(c.body))
	seen := map[string]int{} // upper-case code -> row
	for _, r := range c.body {
		tr, good := parseTrust(c, r, ps)
		if tr.Code != "" {
			key := strings.ToUpper(tr.Code)
			if first, dup := seen[key]; dup {
				ps.add(c.problem(r, "code", tr.Code, fmt.Sprintf("a code not used before (it is already on row %d)", first)))
				good = false
			} else {
				seen[key] = r.num
			}
			if strings.EqualFold(tr.Code, model.NationalCode) {
				ps.add(c.problem(r, "code", tr.Code, "a trust's ODS code (NATIONAL is reserved for the national envelope on the Funding sheet)"))
				good = false
			}
		}
		if good {
			trusts = append(trusts, tr)
		}
	}
	return trusts
}

// parseTrust reads one trust row; good is false when any cell was wrong.
func parseTrust(c *columns, r row, ps *problemList) (tr model.Trust, good bool) {
	good = true
	var ok bool
	if tr.Code, ok = c.text(r, "code", true, "the trust's ODS code", ps); !ok {
		good = false
	}
	if tr.Name, ok = c.text(r, "name", true, "the trust's name", ps); !ok {
		good = false
	}
	if v, ok := c.text(r, "type", true, wantType, ps); !ok {
		good = false
	} else if tr.Type, ok = parseEnum(v, model.ParseTrustType); !ok {
		ps.add(c.problem(r, "type", v, wantType))
		good = false
	}
	if v, ok := c.text(r, "region", true, wantRegion, ps); !ok {
		good = false
	} else if tr.Region, ok = parseEnum(v, model.ParseRegion); !ok {
		ps.add(c.problem(r, "region", v, wantRegion))
		good = false
	}
	if tr.OpexM, ok = c.number(r, "opex_m", 0, math.MaxFloat64, true, nil, wantOpex, ps); !ok {
		good = false
	}
	if tr.Maturity, ok = c.number(r, "maturity", 0, 100, false, nil, wantMaturity, ps); !ok {
		good = false
	}
	if c.has("maturity_prev") && c.cell(r, "maturity_prev") != "" {
		if tr.MaturityPrev, ok = c.number(r, "maturity_prev", 0, 100, false, nil, "an earlier maturity score, a number from 0 to 100, or nothing", ps); !ok {
			good = false
		}
		tr.HasMaturityPrev = ok
	}
	if tr.EPR, ok = c.text(r, "epr", false, "the trust's EPR system as text", ps); !ok {
		good = false
	}
	return tr, good
}

// parseEnum applies a model parser, dropping its error: the caller reports
// the problem with the cell's location.
func parseEnum[T any](v string, parse func(string) (T, error)) (T, bool) {
	x, err := parse(v)
	return x, err == nil
}
