package data

import (
	"fmt"
	"strings"

	"corecast/model"
)

// parseFunding reads the Funding table. codes maps the codeKey of every
// trust row's code (valid or not) to the code as the Trusts sheet spells it,
// so that a trust with a bad row does not also make its funding look
// orphaned; nil skips the check (the Trusts sheet could not be read).
func parseFunding(t *table, m sheetMapping, codes map[string]string, ps *problemList, notes *noteList) []model.Funding {
	c, ok := readHeader(t, fundingSchema, m, ps, notes)
	if !ok {
		return nil
	}
	out := make([]model.Funding, 0, len(c.body))
	sums := newTotals("national_m", "local_m")
	for _, r := range c.body {
		if c.isTotalRow(r, "code", "programme") {
			sums.check(c, r, ps)
			continue
		}
		noteHidden(c, r)
		f, good := parseFundingRow(c, r, codes, ps)
		if good {
			out = append(out, f)
			sums.add(f.NationalM, f.LocalM)
		}
	}
	return out
}

// parseFundingRow reads one funding row; good is false when any cell was wrong.
func parseFundingRow(c *columns, r row, codes map[string]string, ps *problemList) (f model.Funding, good bool) {
	good = true
	var ok bool
	if f.Code, ok = c.code(r, "code", ps); !ok {
		good = false
	} else if strings.EqualFold(f.Code, model.NationalCode) {
		f.Code = model.NationalCode
	} else if codes != nil {
		code, known := codes[codeKey(f.Code)]
		if !known {
			ps.add(c.problem(r, "code", f.Code, wantFundCode))
			good = false
		}
		f.Code = code // spelled as on the Trusts sheet
	}
	if f.Programme, ok = c.text(r, "programme", false, ps); !ok {
		good = false
	}
	if f.Year, ok = c.year(r, "year", ps); !ok {
		good = false
	}
	limit, what := float64(maxTrustFund), "a trust's funding"
	if f.Code == model.NationalCode {
		limit, what = maxNational, "a national envelope row"
	}
	for _, col := range []struct {
		name string
		v    *float64
	}{{"national_m", &f.NationalM}, {"local_m", &f.LocalM}} {
		v, ok := c.money(r, col.name, ps)
		switch {
		case !ok:
			good = false
		case v > limit:
			ps.add(c.problem(r, col.name, c.cell(r, col.name), fmt.Sprintf("%s up to £%s m for %s%s", wantMoney, formatThousands(int(limit)), what, looksLikeThousands)))
			good = false
		}
		*col.v = v
	}
	if f.Status, ok = word(c, r, "status", statusWords, ps); !ok {
		good = false
	}
	return f, good
}
