package data

import (
	"math"
	"strings"

	"corecast/model"
)

// Column names of the Funding sheet.
var fundingColumns = []string{"code", "programme", "year", "national_m", "local_m", "status"}

const (
	wantMoney  = "an amount in £m, a number 0 or above"
	wantYear   = `a financial year written like "2019-20"`
	wantStatus = "one of received, committed, planned"
)

// parseFunding reads the Funding table. codes maps the upper-case code of
// every trust row (valid or not) to the code as the Trusts sheet spells it, so that a trust with a bad row does not also
// make its funding look orphaned; nil skips the check (the Trusts sheet could
// not be read).
func parseFunding(t *table, codes map[string]string, ps *problemList) []model.Funding {
	c, ok := readHeader(t, fundingColumns, nil, "funding line", ps)
	if !ok {
		return nil
	}
	out := make([]model.Funding, 0, len(c.body))
	zero := 0.0
	for _, r := range c.body {
		var f model.Funding
		good := true
		var ok bool
		if f.Code, ok = c.text(r, "code", true, "a trust code from the Trusts sheet, or NATIONAL", ps); !ok {
			good = false
		} else if strings.EqualFold(f.Code, model.NationalCode) {
			f.Code = model.NationalCode
		} else if codes != nil {
			code, known := codes[strings.ToUpper(f.Code)]
			if !known {
				ps.add(c.problem(r, "code", f.Code, "a trust code from the Trusts sheet, or NATIONAL for the national envelope"))
				good = false
			}
			f.Code = code // spelled as on the Trusts sheet
		}
		if f.Programme, ok = c.text(r, "programme", false, "the programme's name", ps); !ok {
			good = false
		}
		if v, ok := c.text(r, "year", true, wantYear, ps); !ok {
			good = false
		} else if f.Year, ok = parseEnum(v, model.ParseFinancialYear); !ok {
			ps.add(c.problem(r, "year", v, wantYear))
			good = false
		}
		if f.NationalM, ok = c.number(r, "national_m", 0, math.MaxFloat64, false, &zero, wantMoney, ps); !ok {
			good = false
		}
		if f.LocalM, ok = c.number(r, "local_m", 0, math.MaxFloat64, false, &zero, wantMoney, ps); !ok {
			good = false
		}
		if v, ok := c.text(r, "status", true, wantStatus, ps); !ok {
			good = false
		} else if f.Status, ok = parseEnum(v, model.ParseFundingStatus); !ok {
			ps.add(c.problem(r, "status", v, wantStatus))
			good = false
		}
		if good {
			out = append(out, f)
		}
	}
	return out
}

// trustCodes maps the upper-case codes in the code column of the Trusts
// table to their spelling there, whatever else is wrong with their rows.
func trustCodes(t *table) map[string]string {
	var discard problemList
	c, ok := readHeader(t, []string{"code"}, nil, "trust", &discard)
	if !ok {
		return nil
	}
	codes := map[string]string{}
	for _, r := range c.body {
		if v := c.cell(r, "code"); v != "" {
			if _, seen := codes[strings.ToUpper(v)]; !seen {
				codes[strings.ToUpper(v)] = v
			}
		}
	}
	return codes
}
