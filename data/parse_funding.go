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
	var tryPs problemList
	var tryNotes noteList
	if _, ok := readHeader(t, fundingSchema, m, &tryPs, &tryNotes); !ok && misses(tryPs, "year") && (misses(tryPs, "national_m") || misses(tryPs, "local_m")) {
		// No year column, nor one of amounts: the sheet may be laid out
		// wide, a column of amounts for each year.
		if out, wide := readWideFunding(t, m, codes, ps, notes); wide {
			return out
		}
	}
	c, ok := readHeader(t, fundingSchema, m, ps, notes)
	if !ok {
		return nil
	}
	out := make([]model.Funding, 0, len(c.body))
	sums := newTotals("national_m", "local_m")
	for _, r := range c.body {
		if !c.dataRow(r, sums, ps) {
			continue
		}
		f, good := parseFundingRow(c, r, codes, nil, ps)
		if good {
			out = append(out, f)
			sums.add(f.NationalM, f.LocalM)
		}
	}
	c.checkThousandfold(ps)
	return out
}

// misses reports whether the problems of reading a header include the
// named column missing.
func misses(ps problemList, column string) bool {
	for _, p := range ps.list {
		if p.missing && p.Column == column {
			return true
		}
	}
	return false
}

// parseFundingRow reads one funding row; good is false when any cell was
// wrong. year, when not nil, is the row's year (a wide sheet's column's),
// which is then not read from a year column.
func parseFundingRow(c *columns, r row, codes map[string]string, year *model.FinancialYear, ps *problemList) (f model.Funding, good bool) {
	good = true
	var ok bool
	if f.Code, ok = c.code(r, "code", ps); !ok {
		good = false
	} else if strings.EqualFold(f.Code, model.NationalCode) {
		f.Code = model.NationalCode
	} else if codes != nil {
		code, known := codes[codeKey(f.Code)]
		switch {
		case !known:
			ps.add(c.problem(r, "code", f.Code, wantFundCode))
			good = false
		case code == struckCode:
			ps.add(c.problem(r, "code", f.Code, wantFundCode+"; this trust's row on the Trusts sheet is struck through (left out): strike this row through too, or restore the trust"))
			good, code = false, f.Code
		}
		f.Code = code // spelled as on the Trusts sheet
	}
	if f.Programme, ok = c.text(r, "programme", false, ps); !ok {
		good = false
	}
	if year != nil {
		f.Year = *year
	} else if f.Year, ok = c.year(r, "year", ps); !ok {
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
		default:
			// NATIONAL rows are envelopes, hundreds of times a trust's
			// funding: each is held against its own kind.
			c.keepAmount(amountGroup(col.name, f.Code == model.NationalCode), r, col.name, v)
		}
		*col.v = v
	}
	if f.Status, ok = word(c, r, "status", statusWords, ps); !ok {
		good = false
	}
	return f, good
}

// amountGroup names the group of amounts a funding amount is held against
// for checkThousandfold: its column's, for trusts or for NATIONAL rows.
func amountGroup(col string, national bool) string {
	switch {
	case col == "national_m" && national:
		return "national_m NATIONAL"
	case national:
		return "local_m NATIONAL"
	case col == "national_m":
		return "national_m"
	}
	return "local_m"
}
