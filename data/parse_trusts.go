package data

import (
	"fmt"
	"strings"

	"corecast/model"
)

// Magnitudes above which an amount in £m looks like £000 (DESIGN §3): five
// times the largest trust's opex, a trust's funding, a national envelope.
const (
	maxOpexM     = 10_000
	maxTrustFund = 5_000
	maxNational  = 50_000
)

// looksLikeThousands is the problem for an amount too large to be £m.
const looksLikeThousands = "; this looks like £000, not £m: say the unit in the heading, e.g. \"(£000)\", or in a --map file"

// parseTrusts reads the Trusts table. It returns the trusts that read
// cleanly, reports every problem, and maps the codeKey of every row's code
// (whatever else is wrong with it) to the code as the sheet spells it, so
// that a trust with a bad row does not also make its funding look orphaned.
// The map is nil when the table cannot be read at all.
func parseTrusts(t *table, m sheetMapping, ps *problemList, notes *noteList) ([]model.Trust, map[string]string) {
	c, ok := readHeader(t, trustsSchema, m, ps, notes)
	if !ok {
		return nil, nil
	}
	codes := map[string]string{}
	for _, r := range c.body {
		v := c.cell(r, "code")
		if v == "" {
			continue
		}
		up := codeKey(v)
		cur, seen := codes[up]
		if state, _ := c.strike(r); state == allStruck {
			if !seen {
				codes[up] = struckCode
			}
			continue
		}
		if !seen || cur == struckCode {
			codes[up] = v
		}
	}
	trusts := make([]model.Trust, 0, len(c.body))
	seen := map[string]int{} // codeKey -> row
	sums := newTotals("opex_m")
	for _, r := range c.body {
		if !c.dataRow(r, sums, ps) {
			continue
		}
		tr, good := parseTrust(c, r, ps)
		if good {
			sums.add(tr.OpexM)
			c.keepAmount("opex_m", r, "opex_m", tr.OpexM)
		}
		if tr.Code != "" {
			key := codeKey(tr.Code)
			if first, dup := seen[key]; dup {
				ps.add(c.problem(r, "code", visibleCode(tr.Code), fmt.Sprintf("a code not used before (%s)", sameCodeAs(first, codes[key], tr.Code))))
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
	c.checkScales(ps)
	c.checkThousandfold(ps)
	if len(seen) == 0 && len(trusts) == 0 {
		ps.add(Problem{File: t.file, Sheet: t.sheet, Expected: "has no trusts: want one row per trust below the header"})
	}
	return trusts, codes
}

// noteHidden notes a hidden data row, which is read like any other.
func noteHidden(c *columns, r row) {
	if r.hidden {
		c.notes.add(Note{File: c.t.file, Sheet: c.t.sheet, Row: r.num, Text: "hidden rows, read and counted like the others"})
	}
}

// parseTrust reads one trust row; good is false when any cell was wrong.
func parseTrust(c *columns, r row, ps *problemList) (tr model.Trust, good bool) {
	good = true
	var ok bool
	if tr.Code, ok = c.code(r, "code", ps); !ok {
		good = false
	}
	if tr.Name, ok = c.text(r, "name", true, ps); !ok {
		good = false
	}
	if tr.Type, ok = word(c, r, "type", typeWords, ps); !ok {
		good = false
	}
	if tr.Region, ok = word(c, r, "region", regionWords, ps); !ok {
		good = false
	}
	if c.cell(r, "opex_m") == "" && c.raw(r, "opex_m").formula == noFormula {
		ps.add(c.problem(r, "opex_m", "", wantOpex+" (required)"))
		good = false
	} else if tr.OpexM, ok = c.money(r, "opex_m", ps); !ok {
		good = false
	} else if tr.OpexM <= 0 {
		ps.add(c.problem(r, "opex_m", c.cell(r, "opex_m"), wantOpex))
		good = false
	} else if tr.OpexM > maxOpexM {
		ps.add(c.problem(r, "opex_m", c.cell(r, "opex_m"), fmt.Sprintf("%s up to £%s m%s", wantOpex, formatThousands(maxOpexM), looksLikeThousands)))
		good = false
	}
	if tr.Maturity, _, ok = c.score(r, "maturity", true, ps); !ok {
		good = false
	}
	if c.has("maturity_prev") {
		if tr.MaturityPrev, tr.HasMaturityPrev, ok = c.score(r, "maturity_prev", false, ps); !ok {
			good = false
		}
	}
	if tr.EPR, ok = c.text(r, "epr", false, ps); !ok {
		good = false
	}
	if good && tr.HasMaturityPrev && tr.Maturity < tr.MaturityPrev {
		// A decline is possible, but more often a typing slip or swapped columns.
		c.note(r, "maturity", fmt.Sprintf("%s: %s, earlier %s", tr.Code, formatFloat(tr.Maturity), formatFloat(tr.MaturityPrev)),
			"maturity below the earlier score (maturity_prev); check it is not a typing slip or swapped columns")
	}
	return tr, good
}

// formatThousands writes a whole number with thousands commas.
func formatThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
