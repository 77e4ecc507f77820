package data

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"corecast/model"
)

// corpusCase is one realistic workbook: either it loads, and want checks the
// exact values read (and note a note made), or it is refused with a problem
// line containing problem.
type corpusCase struct {
	name    string
	build   func(t testing.TB) []byte
	want    func(t *testing.T, l Loaded)
	note    string
	problem string
}

// trust returns the loaded trust with the code.
func trust(t *testing.T, l Loaded, code string) model.Trust {
	t.Helper()
	for _, tr := range l.Inputs.Trusts {
		if tr.Code == code {
			return tr
		}
	}
	t.Fatalf("no trust %s among %d", code, len(l.Inputs.Trusts))
	return model.Trust{}
}

// national returns the NATIONAL rows' national_m by year.
func national(l Loaded) map[model.FinancialYear]float64 {
	out := map[model.FinancialYear]float64{}
	for _, f := range l.Inputs.Funding {
		if f.IsNational() {
			out[f.Year] += f.NationalM
		}
	}
	return out
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func plain(t testing.TB) *analystBook {
	return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()})
}

func withTrusts(t testing.TB, rows [][]any) *analystBook {
	return newAnalystBook(t, sheet{"Trusts", rows}, sheet{"Funding", goodFunding()})
}

func withFunding(t testing.TB, rows [][]any) *analystBook {
	return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", rows})
}

func maturities(vals ...any) [][]any {
	rows := goodTrusts()
	for i, v := range vals {
		rows = replace(rows, i+1, 5, v)
	}
	return rows
}

func money(col int, vals ...any) [][]any {
	rows := goodFunding()
	for i, v := range vals {
		rows = replace(rows, i+1, col, v)
	}
	return rows
}

func corpus() []corpusCase {
	return []corpusCase{
		// Percentages and scales.
		{name: "maturity formatted as a percentage", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(0.62, 0.48, 0.7)).numFmt("Trusts", "F2", "F4", 9, "").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 62.0)
			eq(t, "RCC maturity", trust(t, l, "RCC").Maturity, 70.0)
		}, note: "a percentage read as maturity points"},
		{name: "maturity with a custom percentage format", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(0.625, 0.481, 0.7)).numFmt("Trusts", "F2", "F4", 0, "0.0%").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 62.5)
			eq(t, "RBB maturity", trust(t, l, "RBB").Maturity, 48.1)
		}},
		{name: "some maturity cells formatted as percentages", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(0.62, 48, 70)).numFmt("Trusts", "F2", "F2", 10, "").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 62.0)
			eq(t, "RBB maturity", trust(t, l, "RBB").Maturity, 48.0)
		}},
		{name: "maturity typed as text with a percent sign", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities("62%", "48 %", 70)).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 62.0)
			eq(t, "RBB maturity", trust(t, l, "RBB").Maturity, 48.0)
		}},
		{name: "maturity on a 0-1 scale", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(0.62, 0.48, 0.7)).bytes()
		}, problem: `rows 2–4 (3 rows), column maturity: found "0.62", "0.48", "0.7", want a digital maturity score, a number from 0 to 100: every value in the column lies in 0–1`},
		{name: "maturity half on a 0-1 scale", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(0.62, 48, 0.7)).bytes()
		}, problem: `row 2, column maturity: found "0.62", want a digital maturity score, a number from 0 to 100: the column's other values go above 1.5`},
		{name: "percentage-formatted maturity already in points", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(62, 48, 70)).numFmt("Trusts", "F2", "F4", 9, "").bytes()
		}, problem: `found "6200%", "4800%", "7000%", want a digital maturity score`},
		{name: "previous maturity on a 0-1 scale", build: func(t testing.TB) []byte {
			rows := replace(replace(goodTrusts(), 1, 6, 0.55), 2, 6, 0.4)
			return withTrusts(t, rows).bytes()
		}, problem: `row 2, column maturity_prev: found "0.55", want an earlier maturity score, a number from 0 to 100, or nothing: every value in the column lies in 0–1, which looks like a 0–1 scale`},

		// Formulas.
		{name: "national envelope as formulas with no saved value", build: func(t testing.TB) []byte {
			return plain(t).formula("Funding", "D4", "=100+250").formula("Funding", "E2", "=D2").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "national 2019-20", national(l)[2019], 350.0)
			eq(t, "RAA local", l.Inputs.Funding[0].LocalM, 5.0)
		}, note: "formula with no saved value, calculated"},
		{name: "opex as a formula over another sheet", build: func(t testing.TB) []byte {
			b := plain(t)
			_, err := b.f.NewSheet("Accounts")
			b.check(err)
			return b.value("Accounts", "A1", 400).value("Accounts", "A2", 20.5).formula("Trusts", "E2", "=SUM(Accounts!A1:A2)").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 420.5) }},
		{name: "formula that cannot be calculated", build: func(t testing.TB) []byte {
			return plain(t).formula("Funding", "D4", "=[1]Budget!B7").bytes()
		}, problem: `row 4, column national_m: found "formula with no saved value", want an amount in £m, a number 0 or above; corecast could not calculate it`},
		{name: "formula with an unknown function", build: func(t testing.TB) []byte {
			return plain(t).formula("Trusts", "F3", "=NOSUCHFUNCTION(1)").bytes()
		}, problem: `row 3, column maturity:`},
		{name: "formula giving a division by zero", build: func(t testing.TB) []byte {
			return plain(t).formula("Funding", "D3", "=1/0").bytes()
		}, problem: `row 3, column national_m:`},

		// Money text.
		{name: "money with pound signs, commas and units", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "£4.5", "2,500k", "£1,234.5")).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA national", l.Inputs.Funding[0].NationalM, 4.5)
			eq(t, "RBB national", l.Inputs.Funding[1].NationalM, 2.5)
			eq(t, "national", national(l)[2019], 1234.5)
		}, note: "an amount with its own unit, converted to £m"},
		{name: "money written £450.2m and £1.2bn", build: func(t testing.TB) []byte {
			rows := replace(goodTrusts(), 1, 4, "£450.2m")
			return newAnalystBook(t, sheet{"Trusts", rows}, sheet{"Funding", money(3, 5, 2.5, "£1.2bn")}).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 450.2)
			eq(t, "national", national(l)[2019], 1200.0)
		}},
		{name: "dashes for zero", build: func(t testing.TB) []byte {
			return withFunding(t, money(4, "-", "–", "-")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA local", l.Inputs.Funding[0].LocalM, 0.0) }, note: "a dash read as 0"},
		{name: "decimal comma", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, 5, 2.5, "522,1")).bytes()
		}, problem: `row 4, column national_m: found "522,1", want an amount in £m, a number 0 or above (a comma must separate groups of three digits`},
		{name: "decimal comma in a small amount", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "1,5", 2.5, 350)).bytes()
		}, problem: `row 2, column national_m: found "1,5"`},
		{name: "hexadecimal amount", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "0x1p4", 2.5, 350)).bytes()
		}, problem: `found "0x1p4"`},
		{name: "underscore digits", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, 5, 2.5, "1_000")).bytes()
		}, problem: `found "1_000"`},
		{name: "not a number", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "NaN", "Inf", 350)).bytes()
		}, problem: `found "NaN"`},
		{name: "bracketed negative", build: func(t testing.TB) []byte {
			return withFunding(t, money(4, "(12.5)", 2.5, 0)).bytes()
		}, problem: `found "(12.5)", want an amount in £m, a number 0 or above (a bracketed amount is negative`},
		{name: "commas in the wrong places", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "1,2345", "12,34,567", 350)).bytes()
		}, problem: `found "1,2345"`},
		{name: "money cell formatted as a percentage", build: func(t testing.TB) []byte {
			return plain(t).numFmt("Funding", "D4", "D4", 9, "").bytes()
		}, problem: `row 4, column national_m: found "35000%"`},
		{name: "TRUE in a money cell", build: func(t testing.TB) []byte {
			return plain(t).value("Funding", "D3", true).bytes()
		}, problem: `found "TRUE"`},

		// Magnitudes and units.
		{name: "opex in £000 without saying", build: func(t testing.TB) []byte {
			rows := replace(replace(replace(goodTrusts(), 1, 4, 420500), 2, 4, 180000), 3, 4, 260000)
			return withTrusts(t, rows).bytes()
		}, problem: `looks like £000, not £m`},
		{name: "opex in £000 said in the heading", build: func(t testing.TB) []byte {
			rows := replace(replace(replace(replace(goodTrusts(), 0, 4, "Opex (£000)"), 1, 4, 420500), 2, 4, 180000), 3, 4, 260000)
			return withTrusts(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 420.5) },
			note: "amounts in £000 (from its heading) divided by 1,000 to £m"},
		{name: "opex in £k", build: func(t testing.TB) []byte {
			rows := replace(replace(replace(replace(goodTrusts(), 0, 4, "Operating expenditure £k"), 1, 4, 420500), 2, 4, 180000), 3, 4, 260000)
			return withTrusts(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RBB opex", trust(t, l, "RBB").OpexM, 180.0) }},
		{name: "national envelope in £000", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, 5, 2.5, 350000)).bytes()
		}, problem: `row 4, column national_m: found "350000", want an amount in £m, a number 0 or above up to £50,000 m for a national envelope row; this looks like £000`},
		{name: "trust funding in £000", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, 5000.5, 2.5, 350)).bytes()
		}, problem: `up to £5,000 m for a trust's funding`},
		{name: "envelope in £bn said in the heading", build: func(t testing.TB) []byte {
			return withFunding(t, replace(money(3, 0.005, 0.0025, 0.35), 0, 3, "National (£bn)")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "national", national(l)[2019], 350.0) }},

		// Headings.
		{name: "title rows above the header", build: func(t testing.TB) []byte {
			return plain(t).insertTitle("Trusts", "NHS trusts: digital maturity 2019-20", "Source: DMA").insertTitle("Funding", "Funding").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "trusts", len(l.Inputs.Trusts), 3)
			eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 61.0)
		}, note: `rows 1–2 above the header (row 3) skipped: "NHS trusts: digital maturity 2019-20", "Source: DMA"`},
		{name: "headings as finance teams write them", build: func(t testing.TB) []byte {
			tr := goodTrusts()
			tr[0] = []any{"Org Code", "Trust Name", "Trust Type", "NHS England Region", "Opex (£m)", "DMA score", "Previous DMA score", "EPR system"}
			fu := goodFunding()
			fu[0] = []any{"Trust code", "Programme", "Financial Year", "National funding (£m)", "Trust contribution (£m)", "Funding status"}
			return newAnalystBook(t, sheet{"Trusts", tr}, sheet{"Funding", fu}).bytes()
		}, want: func(t *testing.T, l Loaded) {
			tr := trust(t, l, "RAA")
			eq(t, "RAA", tr, model.Trust{Code: "RAA", Name: "Alpha Hospitals NHS Trust", Type: model.Acute, Region: model.London, OpexM: 420.5, Maturity: 61, MaturityPrev: 55, HasMaturityPrev: true, EPR: "Cerner"})
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
		}},
		{name: "a column resembling previous maturity", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 0, 6, "DMA 2017/18")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA has prev", trust(t, l, "RAA").HasMaturityPrev, false) },
			note: `column G, headed "DMA 2017/18", was not read; if it is maturity_prev`},
		{name: "two columns for maturity", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 0, 7, "DMA score")).bytes()
		}, problem: `column maturity: one column for maturity, not 2: "maturity" in column F and "DMA score" in column H`},
		{name: "a required column missing", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 0, 4, "Spend 19/20")).bytes()
		}, problem: `column opex_m: missing; want a column named opex_m`},
		{name: "a hidden column", build: func(t testing.TB) []byte {
			return plain(t).hideCol("Trusts", "G").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA prev", trust(t, l, "RAA").MaturityPrev, 55.0) }, note: "is a hidden column; it was read"},

		// Years.
		{name: "years as finance teams write them", build: func(t testing.TB) []byte {
			fu := replace(replace(replace(goodFunding(), 1, 2, "FY18/19"), 2, 2, "2019-2020"), 3, 2, "19/20")
			return withFunding(t, fu).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			eq(t, "row 3 year", l.Inputs.Funding[1].Year, model.FinancialYear(2019))
			eq(t, "row 4 year", l.Inputs.Funding[2].Year, model.FinancialYear(2019))
		}},
		{name: "a year typed as a date", build: func(t testing.TB) []byte {
			return plain(t).value("Funding", "C3", 43738).numFmt("Funding", "C3", "C3", 14, "").bytes()
		}, problem: `row 3, column year: found "the date 2019-09-30", want a financial year written like "2019-20", not a date; it falls in 2019-20, but only 1 April`},
		{name: "a date serial in a year cell", build: func(t testing.TB) []byte {
			return plain(t).value("Funding", "C3", 43556).bytes()
		}, problem: `found "43556, which is the date 2019-04-01"`},
		{name: "a year alone", build: func(t testing.TB) []byte {
			return plain(t).value("Funding", "C3", 2019).bytes()
		}, problem: `found "2019", want a financial year written like "2019-20"; a year alone is ambiguous`},

		// Words.
		{name: "types and regions as NHS sources write them", build: func(t testing.TB) []byte {
			tr := replace(replace(replace(goodTrusts(), 1, 2, "Acute Trust"), 2, 2, "MH"), 3, 2, "Ambulance Service")
			tr = replace(replace(replace(tr, 1, 3, "London Region"), 2, 3, "North East & Yorkshire"), 3, 3, "NHS England - South West")
			return withTrusts(t, tr).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA type", trust(t, l, "RAA").Type, model.Acute)
			eq(t, "RBB type", trust(t, l, "RBB").Type, model.MentalHealth)
			eq(t, "RCC type", trust(t, l, "RCC").Type, model.Ambulance)
			eq(t, "RBB region", trust(t, l, "RBB").Region, model.NorthEastAndYorkshire)
			eq(t, "RCC region", trust(t, l, "RCC").Region, model.SouthWest)
		}, note: `"Acute Trust" → acute`},
		{name: "a type that is not one of the five", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 1, 2, "Care Trust")).bytes()
		}, problem: `found "Care Trust", want one of acute`},
		{name: "status in capitals", build: func(t testing.TB) []byte {
			return withFunding(t, replace(goodFunding(), 1, 5, "RECEIVED")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "status", l.Inputs.Funding[0].Status, model.Received) }},

		// Totals, hidden rows and sheets.
		{name: "a Totals row at the foot of Funding", build: func(t testing.TB) []byte {
			return withFunding(t, append(goodFunding(), []any{"Total", "", "", 357.5, 7.5, ""})).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) },
			note: "a Totals row, equal to the sum of the rows above it, skipped"},
		{name: "a Totals row that does not add up", build: func(t testing.TB) []byte {
			return withFunding(t, append(goodFunding(), []any{"", "Grand total", "", 400, 7.5, ""})).bytes()
		}, problem: `row 5: the row says "Grand total" but its amounts are not the sum of the rows above it`},
		{name: "a Totals row as a formula", build: func(t testing.TB) []byte {
			b := withFunding(t, append(goodFunding(), []any{"TOTAL", "", "", nil, nil, ""}))
			return b.formula("Funding", "D5", "=SUM(D2:D4)").formula("Funding", "E5", "=SUM(E2:E4)").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) }},
		{name: "a Totals row on Trusts", build: func(t testing.TB) []byte {
			return withTrusts(t, append(goodTrusts(), []any{"", "Total", "", "", 860.5, nil, nil, nil})).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "trusts", len(l.Inputs.Trusts), 3) }},
		{name: "a hidden withdrawn funding row", build: func(t testing.TB) []byte {
			return plain(t).hideRow("Funding", 3).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) },
			note: "row 3: hidden rows, read and counted like the others"},
		{name: "a hidden Funding sheet", build: func(t testing.TB) []byte {
			b := plain(t)
			_, err := b.f.NewSheet("Notes")
			b.check(err)
			b.f.SetActiveSheet(0)
			return b.hideSheet("Funding").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) },
			note: "sheet Funding: is a hidden sheet; it was read"},

		// Ambiguity.
		{name: "a Scenario key twice", build: func(t testing.TB) []byte {
			return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()},
				sheet{"Scenario", [][]any{{"key", "value"}, {"capacity_starts", 100}, {"seed", 3}, {"Capacity_Starts", 120}}}).bytes()
		}, problem: `row 4, column key: found "Capacity_Starts", want each key once (Capacity_Starts is already set on row 2)`},
		{name: "a Scenario value formatted as a percentage", build: func(t testing.TB) []byte {
			return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()},
				sheet{"Scenario", [][]any{{"key", "value"}, {"local_share", 0.5}}}).numFmt("Scenario", "B2", "B2", 9, "").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "local_share", l.Scenario[0].Value, "0.5") },
			note: `sheet Scenario, row 2, column value: a percentage read as the fraction it stores (50% → 0.5)`},

		// Number formats that scale, units said above the header, footnotes.
		{name: "opex in pounds shown in millions by its format", build: func(t testing.TB) []byte {
			rows := replace(replace(replace(goodTrusts(), 1, 4, 420500000), 2, 4, 180000000), 3, 4, 260000000)
			return withTrusts(t, rows).numFmt("Trusts", "E2", "E4", 0, `£#,##0.0,,"m"`).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 420.5) },
			note: "a number its format shows divided by 1,000,000, read as shown"},
		{name: "a title row saying the figures are £000", build: func(t testing.TB) []byte {
			return plain(t).insertTitle("Funding", "Digital funding, all figures £000").bytes()
		}, problem: `sheet Funding, row 2, column national_m: a heading that says its unit: the rows above the header say "Digital funding, all figures £000"`},
		{name: "a title row saying the figures are £m", build: func(t testing.TB) []byte {
			return plain(t).insertTitle("Funding", "Digital funding (£m)").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "national", national(l)[2019], 350.0) }},
		{name: "no previous score written as a dash", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(replace(goodTrusts(), 2, 6, "-"), 3, 6, "n/a")).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RBB has prev", trust(t, l, "RBB").HasMaturityPrev, false)
			eq(t, "RAA prev", trust(t, l, "RAA").MaturityPrev, 55.0)
		}, note: "read as no score"},
		{name: "a dash for a required score", build: func(t testing.TB) []byte {
			return withTrusts(t, maturities(61, "-", 70)).bytes()
		}, problem: `row 3, column maturity: found "-"`},
		{name: "sheets named with a year", build: func(t testing.TB) []byte {
			return newAnalystBook(t, sheet{"Trusts 2019-20", goodTrusts()}, sheet{"Funding (final)", goodFunding()}).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "trusts", len(l.Inputs.Trusts), 3) },
			note: "sheet Trusts 2019-20: read as the Trusts sheet"},
		{name: "two sheets that could be Trusts", build: func(t testing.TB) []byte {
			return newAnalystBook(t, sheet{"Trusts 2019-20", goodTrusts()}, sheet{"Trusts 2018-19", goodTrusts()}, sheet{"Funding", goodFunding()}).bytes()
		}, problem: `has 2 sheets that could be the Trusts sheet`},
		{name: "regional subtotals on Trusts", build: func(t testing.TB) []byte {
			rows := goodTrusts()
			rows = [][]any{rows[0], rows[1], {"", "London total", "", "", 420.5, nil, nil, nil}, rows[2], rows[3], {"", "North and South West subtotal", "", "", 440, nil, nil, nil}, {"", "Grand total", "", "", 860.5, nil, nil, nil}}
			return withTrusts(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "trusts", len(l.Inputs.Trusts), 3) }},
		{name: "footnotes below the table", build: func(t testing.TB) []byte {
			rows := append(goodFunding(), []any{nil}, []any{"Source: NHS England digital funding tracker"}, []any{"* provisional"})
			return withFunding(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) },
			note: "a note below the table (one cell, no data), skipped"},
		{name: "money in words", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "£4.5 million", "2.5m", "£1.2 billion")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "national", national(l)[2019], 1200.0) }},

		{name: "maturity below the earlier score", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 1, 6, 70)).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA maturity", trust(t, l, "RAA").Maturity, 61.0) },
			note: "row 2, column maturity: maturity below the earlier score (maturity_prev); check it is not a typing slip or swapped columns (RAA: 61, earlier 70)"},

		{name: "money with a space after the pound sign", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "£ 4.5", "£ 2.5", "£ 350")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "national", national(l)[2019], 350.0) }},
		{name: "a money cell formatted as a date", build: func(t testing.TB) []byte {
			return plain(t).numFmt("Funding", "D4", "D4", 14, "").bytes()
		}, problem: `row 4, column national_m: found "1900-12-15", want an amount in £m, a number 0 or above, not a date`},
		{name: "a maturity cell formatted as a date", build: func(t testing.TB) []byte {
			return plain(t).numFmt("Trusts", "F2", "F2", 14, "").bytes()
		}, problem: `row 2, column maturity: found "1900-03-01", want a digital maturity score, a number from 0 to 100, not a date`},

		// Collapsing.
		{name: "one problem down a whole column", build: func(t testing.TB) []byte {
			rows := [][]any{trustsHeader()}
			for i := range 60 {
				rows = append(rows, []any{"R" + string(rune('A'+i/26)) + string(rune('A'+i%26)), "Trust", "hospital", "London", 100, 50, nil, nil})
			}
			return withTrusts(t, rows).bytes()
		}, problem: `rows 2–61 (60 rows), column type: found "hospital", want one of acute`},
	}
}

func TestImportCorpus(t *testing.T) {
	for _, c := range slices.Concat(corpus(), corpusAsWritten(), corpusYears()) {
		t.Run(c.name, func(t *testing.T) {
			b := c.build(t)
			saveCorpus(t, corpusFileName(c.name), b)
			checkCorpusCase(t, c, b)
		})
	}
}

// checkCorpusCase loads a corpus workbook and checks it as the case says:
// the values and note, or the problem.
func checkCorpusCase(t *testing.T, c corpusCase, b []byte) {
	t.Helper()
	l, err := LoadWorkbookBytes("book.xlsx", b, nil)
	if c.problem != "" {
		if err == nil {
			t.Fatalf("loaded without a problem; want one containing %q\nnotes:\n%s", c.problem, strings.Join(l.Notes.Lines(), "\n"))
		}
		ps := problemsOf(t, err)
		if !strings.Contains(strings.Join(ps.Lines(), "\n"), c.problem) {
			t.Fatalf("no problem contains %q; got:\n%s", c.problem, strings.Join(ps.Lines(), "\n"))
		}
		return
	}
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	c.want(t, l)
	if c.note != "" && !strings.Contains(strings.Join(l.Notes.Lines(), "\n"), c.note) {
		t.Errorf("no note contains %q; got:\n%s", c.note, strings.Join(l.Notes.Lines(), "\n"))
	}
}

// The Observed sheet is read with the same rules as the others.
func TestObservedSheet(t *testing.T) {
	obs := [][]any{{"Org code", "FY", "DMA score"}, {"RAA", "2021-22", 0.7}, {"rbb", "FY23/24", 0.55}, {"RCC", "2021/22", 0.8}}
	b := newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}, sheet{"Observed", obs}).
		numFmt("Observed", "C2", "C4", 9, "").bytes()
	l, err := LoadWorkbookBytes("book.xlsx", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Observation{{Code: "RAA", Year: 2021, Maturity: 70}, {Code: "RBB", Year: 2023, Maturity: 55}, {Code: "RCC", Year: 2021, Maturity: 80}}
	if len(l.Inputs.Observed) != 3 {
		t.Fatalf("observed %+v", l.Inputs.Observed)
	}
	for i, o := range want {
		if l.Inputs.Observed[i] != o {
			t.Errorf("observation %d = %+v, want %+v", i, l.Inputs.Observed[i], o)
		}
	}
	bad := [][]any{{"code", "year", "maturity"}, {"RAA", "2021-22", 70}, {"RZZ", "2021-22", 70}, {"RAA", "2021/22", 75}, {"RBB", "2021", 60}}
	_, err = LoadWorkbookBytes("book.xlsx", bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}, sheet{"Observed", bad}), nil)
	for _, w := range []string{`sheet Observed, row 3, column code: found "RZZ"`, `row 4, column year: found "2021-22", want one observation of RAA a year (2021-22 is already observed on row 2)`, `row 5, column year: found "2021"`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("want a problem %q; got %v", w, err)
		}
	}
}

// The sample's illustrative observations come back from its workbook.
func TestSampleObservedRoundTrip(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(in.Observed); n < 100 || n > 200 {
		t.Fatalf("%d observations", n)
	}
	var buf bytes.Buffer
	if err := WriteInputsXLSX(&buf, in, SampleAbout()); err != nil {
		t.Fatal(err)
	}
	l, err := LoadWorkbookBytes("s.xlsx", buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Inputs.Observed) != len(in.Observed) || l.Inputs.Observed[7] != in.Observed[7] {
		t.Errorf("observed back: %d, want %d", len(l.Inputs.Observed), len(in.Observed))
	}
	if len(l.Notes) != 0 {
		t.Errorf("the sample's own workbook gives notes: %v", l.Notes.Lines())
	}
}
