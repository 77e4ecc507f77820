package data

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"corecast/model"
)

// corpusAsWritten holds the layouts of DESIGN §3 "Also read, as analysts
// write them": each either loads with exact values (and a note where a value
// was converted), or is refused with a problem that says why.
func corpusAsWritten() []corpusCase {
	return []corpusCase{
		// Words with qualifiers.
		{name: "a type with a bracketed qualifier", build: func(t testing.TB) []byte {
			tr := replace(replace(replace(goodTrusts(), 1, 2, "Acute (specialist)"), 2, 2, "Acute (Teaching)"), 3, 2, "ACUTE - SPECIALIST")
			return withTrusts(t, tr).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA type", trust(t, l, "RAA").Type, model.Specialist)
			eq(t, "RBB type", trust(t, l, "RBB").Type, model.Acute)
			eq(t, "RCC type", trust(t, l, "RCC").Type, model.Specialist)
		}, note: `"Acute (specialist)" → specialist`},
		{name: "a type with an unknown qualifier", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 1, 2, "Acute (paediatric)")).bytes()
		}, problem: `row 2, column type: found "Acute (paediatric)", want one of acute, mental health, community, ambulance, specialist; its qualifier "paediatric" is not one corecast knows to leave it acute`},
		{name: "a type that restates itself in brackets", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 2, 2, "Mental Health (MH)")).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RBB type", trust(t, l, "RBB").Type, model.MentalHealth) }},
		{name: "regions as ODS and NHS England write them", build: func(t testing.TB) []byte {
			tr := replace(replace(replace(goodTrusts(), 1, 3, "LONDON COMMISSIONING REGION"), 2, 3, "NHS England North West"), 3, 3, "Y58")
			return withTrusts(t, tr).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA region", trust(t, l, "RAA").Region, model.London)
			eq(t, "RBB region", trust(t, l, "RBB").Region, model.NorthWest)
			eq(t, "RCC region", trust(t, l, "RCC").Region, model.SouthWest)
		}, note: `"LONDON COMMISSIONING REGION" → London`},
		{name: "a region naming two regions", build: func(t testing.TB) []byte {
			return withTrusts(t, replace(goodTrusts(), 1, 3, "East Midlands")).bytes()
		}, problem: `found "East Midlands", want one of East of England, London, Midlands, North East and Yorkshire, North West, South East, South West; it names both East of England and Midlands`},
		{name: "statuses with qualifiers", build: func(t testing.TB) []byte {
			fu := replace(replace(replace(goodFunding(), 1, 5, "Received (in full)"), 2, 5, "Planned - indicative"), 3, 5, "Committed (signed MoU)")
			return withFunding(t, fu).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 status", l.Inputs.Funding[0].Status, model.Received)
			eq(t, "row 3 status", l.Inputs.Funding[1].Status, model.Planned)
			eq(t, "row 4 status", l.Inputs.Funding[2].Status, model.Committed)
		}, note: `a word with a qualifier that leaves it as it is, read as the word ("Received (in full)" → received`},
		{name: "a withdrawn status", build: func(t testing.TB) []byte {
			return withFunding(t, replace(goodFunding(), 2, 5, "Committed - withdrawn")).bytes()
		}, problem: `row 3, column status: found "Committed - withdrawn", want one of received, committed, planned; its qualifier "withdrawn" says the line does not stand as committed`},
		{name: "a status with an unknown qualifier", build: func(t testing.TB) []byte {
			return withFunding(t, replace(goodFunding(), 2, 5, "Planned (maybe)")).bytes()
		}, problem: `its qualifier "maybe" is not one corecast knows to leave it planned`},
		// Formulas whose saved value is empty text.
		{name: "IFERROR formulas saved as empty text", build: func(t testing.TB) []byte {
			b := plain(t).formula("Funding", "B4", `=IFERROR(VLOOKUP(A4,Lookup!A:B,2,FALSE),"")`)
			for _, c := range []string{"A5", "B5", "C5", "D5", "E5", "F5", "A6", "D6"} {
				b.formula("Funding", c, `=IFERROR(VLOOKUP($A1,Lookup!A:F,2,FALSE),"")`)
			}
			return patchPart(t, b.bytes(), sheetPart(2), func(x string) string {
				return strings.ReplaceAll(x, "&#34;&#34;)</f></c>", "&#34;&#34;)</f><v></v></c>")
			})
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "NATIONAL programme", l.Inputs.Funding[2].Programme, "")
			eq(t, "notes", len(l.Notes), 0)
		}},
		{name: "IFERROR formulas with no saved value", build: func(t testing.TB) []byte {
			return plain(t).formula("Trusts", "H3", `=IFERROR(VLOOKUP(A3,Funding!A2:B2,2,FALSE),"")`).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RBB EPR", trust(t, l, "RBB").EPR, "") },
			note: `row 3, column epr: formula with no saved value, calculated ("" (empty text))`},
		{name: "empty text saved in a required cell", build: func(t testing.TB) []byte {
			b := plain(t).formula("Trusts", "C3", `=IFERROR(VLOOKUP(A3,Types!A:B,2,FALSE),"")`)
			return patchPart(t, b.bytes(), sheetPart(1), func(x string) string {
				return strings.ReplaceAll(x, "&#34;&#34;)</f></c>", "&#34;&#34;)</f><v></v></c>")
			})
		}, problem: `row 3, column type: found nothing, want one of acute, mental health, community, ambulance, specialist (required)`},

		// Merged cells.
		{name: "a programme in merged cells", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"},
				{"RAA", nil, "2019-20", 4, 4, "received"},
				{"RBB", nil, "2019-20", 2.5, 2.5, "committed"},
				{"RCC", "Fast Follower", "2019-20", 1, 1, "planned"},
				{"NATIONAL", "National envelope", "2019-20", 350, 0, "committed"}}
			return withFunding(t, rows).merge("Funding", "B2", "B4").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 5)
			for i := range 3 {
				eq(t, "programme", l.Inputs.Funding[i].Programme, "Global Digital Exemplar")
			}
			eq(t, "row 5 programme", l.Inputs.Funding[3].Programme, "Fast Follower")
		}, note: `sheet Funding, row 2: merged cells, each read as the merge's first cell (B2:B4 "Global Digital Exemplar")`},
		{name: "a region in merged cells", build: func(t testing.TB) []byte {
			rows := replace(replace(goodTrusts(), 2, 3, nil), 3, 3, nil)
			return withTrusts(t, rows).merge("Trusts", "D2", "D4").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RBB region", trust(t, l, "RBB").Region, model.London)
			eq(t, "RCC region", trust(t, l, "RCC").Region, model.London)
		}, note: "merged cells, each read as the merge's first cell"},
		{name: "a merged header over two rows", build: func(t testing.TB) []byte {
			rows := [][]any{{"code", "programme", "year", "Funding (£m)", nil, "status"}, {nil, nil, nil, "National", "Local", nil}}
			rows = append(rows, goodFunding()[1:]...)
			b := withFunding(t, rows)
			for _, c := range []string{"A", "B", "C", "F"} {
				b.merge("Funding", c+"1", c+"2")
			}
			return b.merge("Funding", "D1", "E1").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "national", national(l)[2019], 350.0)
		}},
		{name: "a footnote merged across the table", build: func(t testing.TB) []byte {
			return withFunding(t, append(goodFunding(), []any{nil}, []any{"Source: NHS England digital funding tracker"})).merge("Funding", "A6", "F6").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) },
			note: "a note below the table (one cell, no data), skipped"},
		{name: "an amount merged over two years", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Global Digital Exemplar", "2018-19", 10, 5, "received"},
				{"RAA", "Global Digital Exemplar", "2019-20", nil, 5, "received"}}
			return withFunding(t, rows).merge("Funding", "D2", "D3").bytes()
		}, problem: `row 3, column national_m: found "10", want an amount in £m, a number 0 or above; the cell is inside merged cells that show one amount`},

		// Rows struck through.
		{name: "a withdrawn funding row struck through", build: func(t testing.TB) []byte {
			rows := append(goodFunding(), []any{"RCC", "Fast Follower", "2019-20", 4, 4, "committed"}, []any{"Total", nil, nil, 361.5, 11.5, nil})
			return withFunding(t, rows).strike("Funding", "A3", "F3").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "row 5 code", l.Inputs.Funding[2].Code, "RCC")
			for _, f := range l.Inputs.Funding {
				if f.Code == "RBB" {
					t.Errorf("the struck-through row was read: %+v", f)
				}
			}
		}, note: `sheet Funding, row 3: struck through (a withdrawn line), left out (RBB)`},
		{name: "a withdrawn row struck through with a comment beside it", build: func(t testing.TB) []byte {
			rows := goodFunding()
			rows[0] = append(rows[0], "Comment")
			rows[2] = append(rows[2], "withdrawn March 2020")
			return withFunding(t, rows).strike("Funding", "A3", "F3").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 2) }},
		{name: "an amount alone struck through", build: func(t testing.TB) []byte {
			return plain(t).strike("Funding", "D3", "D3").bytes()
		}, problem: `sheet Funding, row 3: some of the row's cells are struck through (national_m) and others are not`},
		{name: "a struck-through trust with funding", build: func(t testing.TB) []byte {
			return plain(t).strike("Trusts", "A3", "H3").bytes()
		}, problem: `row 3, column code: found "RBB", want a trust code from the Trusts sheet, or NATIONAL for the national envelope; this trust's row on the Trusts sheet is struck through`},
		{name: "a status struck through in its text", build: func(t testing.TB) []byte {
			b := plain(t)
			b.check(b.f.SetCellRichText("Funding", "F3", []excelize.RichTextRun{{Text: "committed", Font: &excelize.Font{Strike: true}}}))
			return b.bytes()
		}, problem: `some of the row's cells are struck through (status)`},

		// Headers.
		{name: "a header below row 20", build: func(t testing.TB) []byte {
			lines := []string{"Digital funding tracker"}
			for i := range 30 {
				lines = append(lines, "Note "+strconv.Itoa(i+1)+": see the guidance tab")
			}
			return plain(t).insertTitle("Funding", lines...).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "national", national(l)[2019], 350.0)
		}, note: `rows 1–31 above the header (row 32) skipped`},
		{name: "a group heading with a unit over two columns", build: func(t testing.TB) []byte {
			rows := [][]any{{nil, nil, nil, "Funding (£000)", nil, nil}, {"code", "programme", "year", "National", "Local", "status"},
				{"RAA", "Global Digital Exemplar", "2018-19", 5000, 5000, "received"},
				{"RBB", "Fast Follower", "2019-20", 2500, 2500, "committed"},
				{"NATIONAL", "National envelope", "2019-20", 350000, 0, "committed"}}
			return withFunding(t, rows).merge("Funding", "D1", "E1").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA national", l.Inputs.Funding[0].NationalM, 5.0)
			eq(t, "RBB local", l.Inputs.Funding[1].LocalM, 2.5)
			eq(t, "national", national(l)[2019], 350.0)
		}, note: `column National (national_m): amounts in £000 (from the group heading "Funding (£000)" above it) divided by 1,000 to £m`},
		{name: "a group heading with a unit over one column only", build: func(t testing.TB) []byte {
			rows := [][]any{{nil, nil, nil, "Funding (£000)", nil, nil}, {"code", "programme", "year", "National", "Local", "status"},
				{"RAA", "Global Digital Exemplar", "2018-19", 5000, 5000, "received"}}
			return withFunding(t, rows).bytes()
		}, problem: `column Local (local_m): a heading that says its unit: the rows above the header say "Funding (£000)"`},
		{name: "a header split over two rows", build: func(t testing.TB) []byte {
			rows := [][]any{{"Code", "Programme", "Financial year", "Funding (£m)", nil, "Status"}, {nil, nil, nil, "National", "Local", nil}}
			return withFunding(t, append(rows, goodFunding()[1:]...)).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "RBB national", l.Inputs.Funding[1].NationalM, 2.5)
		}, note: "rows 1–2 read as one header (column names under group headings)"},
		{name: "a row of units under the header", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(), {nil, nil, "yyyy-yy", "£000", "£m", nil}}
			rows = append(rows, replace(replace(goodFunding(), 1, 3, 5000), 3, 3, 350000)[1:]...)
			rows = replace(rows, 3, 3, 2500)
			return withFunding(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "RAA national", l.Inputs.Funding[0].NationalM, 5.0)
			eq(t, "RAA local", l.Inputs.Funding[0].LocalM, 5.0)
			eq(t, "national", national(l)[2019], 350.0)
		}, note: `column national_m: amounts in £000 (from the units row (row 2)) divided by 1,000 to £m`},
		{name: "a row of units on Trusts", build: func(t testing.TB) []byte {
			rows := append([][]any{trustsHeader(), {nil, nil, nil, nil, "(£m)", "(0-100)", "(0-100)", "text"}}, goodTrusts()[1:]...)
			return withTrusts(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "trusts", len(l.Inputs.Trusts), 3)
			eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 420.5)
		}, note: "sheet Trusts, row 2: a row of units under the header, read as the columns' units and not as data"},
		{name: "a units row that disagrees with the heading", build: func(t testing.TB) []byte {
			rows := append([][]any{replace(goodFunding(), 0, 3, "National (£m)")[0], {nil, nil, nil, "£000", "£m", nil}}, goodFunding()[1:]...)
			return withFunding(t, rows).bytes()
		}, problem: `row 2, column National (£m) (national_m): found "£000", want the unit £m, as its heading says: the two disagree`},
		{name: "a units row with a pound sign alone", build: func(t testing.TB) []byte {
			rows := append([][]any{fundingHeader(), {nil, nil, nil, "£", "£", nil}}, goodFunding()[1:]...)
			return withFunding(t, rows).bytes()
		}, problem: `row 2, column national_m: found "£", want a unit of money: £000, £m or £bn`},

		// Subtotals, aggregates and section rows.
		{name: "Excel's Data Subtotal by year", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"},
				{"RCC", "Fast Follower", "2018-19", 1, 1, "received"},
				{nil, nil, "2018-19 Total", nil, nil, nil},
				{"RBB", "Fast Follower", "2019-20", 2.5, 2.5, "committed"},
				{"NATIONAL", "National envelope", "2019-20", 350, 0, "committed"},
				{nil, nil, "2019-20 Total", 352.5, 2.5, nil},
				{nil, nil, "Grand Total", 358.5, 8.5, nil}}
			return withFunding(t, rows).formula("Funding", "D4", "=SUBTOTAL(9,D2:D3)").formula("Funding", "E4", "=SUBTOTAL(9,E2:E3)").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 4)
			eq(t, "national", national(l)[2019], 350.0)
		}, note: `row 4: a Subtotal row (its amounts are SUBTOTAL formulas over the rows above), skipped (2018-19 Total)`},
		{name: "Excel's Data Subtotal written by a script", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Global Digital Exemplar", "2018-19", 5, 5, "received"},
				{nil, nil, "2018-19 Total", nil, nil, nil},
				{"RBB", "Fast Follower", "2019-20", 2.5, 2.5, "committed"},
				{"NATIONAL", "National envelope", "2019-20", 350, 0, "committed"},
				{nil, nil, "2019-20 Total", nil, nil, nil},
				{nil, nil, "Grand Total", nil, nil, nil}}
			b := withFunding(t, rows)
			for _, f := range [][2]string{{"D3", "D2:D2"}, {"E3", "E2:E2"}, {"D6", "D4:D5"}, {"E6", "E4:E5"}, {"D7", "D2:D6"}, {"E7", "E2:E6"}} {
				b.formula("Funding", f[0], "=SUBTOTAL(9,"+f[1]+")")
			}
			return b.bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 3)
			eq(t, "national", national(l)[2019], 350.0)
		}, note: `rows 3, 6–7 (3 rows): a Subtotal row (its amounts are SUBTOTAL formulas over the rows above), skipped (2018-19 Total, 2019-20 Total, Grand Total)`},
		{name: "a subtotal that does not add up", build: func(t testing.TB) []byte {
			rows := append(goodFunding()[:3], []any{nil, nil, "2019-20 Total", 9, 7.5, nil})
			return withFunding(t, rows).bytes()
		}, problem: `row 4: the row says "2019-20 Total" but its amounts are not the sum of the rows above it`},
		{name: "an England row on Trusts", build: func(t testing.TB) []byte {
			return withTrusts(t, append(goodTrusts(), []any{"ENG", "England", nil, nil, 860.5, 60, nil, nil})).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "trusts", len(l.Inputs.Trusts), 3) }, note: "row 5: a Totals row, equal to the sum of the rows above it, skipped (ENG)"},
		{name: "an England row first on Trusts", build: func(t testing.TB) []byte {
			rows := goodTrusts()
			return withTrusts(t, append([][]any{rows[0], {nil, "England", nil, nil, 860.5, 60, nil, nil}}, rows[1:]...)).bytes()
		}, problem: `row 2: the row says "England" but its amounts are not the sum of the rows above it`},
		{name: "an All trusts row that does not add up", build: func(t testing.TB) []byte {
			return withTrusts(t, append(goodTrusts(), []any{nil, "All trusts", nil, nil, 900, nil, nil, nil})).bytes()
		}, problem: `row 5: the row says "All trusts" but its amounts are not the sum of the rows above it (opex_m 900 against 860.5)`},
		{name: "regional subtotals named by region", build: func(t testing.TB) []byte {
			tr := goodTrusts()
			rows := [][]any{tr[0], tr[1], {nil, "London", nil, nil, 420.5, nil, nil, nil}, tr[2], {nil, "North West", nil, nil, 180, nil, nil, nil},
				tr[3], {nil, "South West", nil, nil, 260, nil, nil, nil}, {"ENG", "England", nil, nil, 860.5, nil, nil, nil}}
			return withTrusts(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "trusts", len(l.Inputs.Trusts), 3) },
			note: "rows 3, 5, 7–8 (4 rows): a Totals row, equal to the sum of the rows above it, skipped (London, North West, South West, …)"},
		{name: "a region's funding total that does not add up", build: func(t testing.TB) []byte {
			return withFunding(t, append(goodFunding(), []any{"London", nil, nil, 5, 4, nil})).bytes()
		}, problem: `row 5: the row says "London" but its amounts are not the sum of the rows above it`},
		{name: "section rows naming regions", build: func(t testing.TB) []byte {
			tr := goodTrusts()
			rows := [][]any{tr[0], {"London"}, tr[1], {"NHS England North West"}, tr[2], {nil, "South West region"}, tr[3]}
			return withTrusts(t, rows).merge("Trusts", "A4", "H4").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "trusts", len(l.Inputs.Trusts), 3)
			eq(t, "RCC opex", trust(t, l, "RCC").OpexM, 260.0)
		}, note: `a section heading (a region, type or England alone on its row), skipped (London, NHS England North West, South West region)`},
		{name: "section rows on Funding", build: func(t testing.TB) []byte {
			fu := goodFunding()
			return withFunding(t, [][]any{fu[0], {"Acute trusts"}, fu[1], {"Mental health trusts"}, fu[2], {"England"}, fu[3]}).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "funding rows", len(l.Inputs.Funding), 3) }},
		{name: "a one-cell row that names no section", build: func(t testing.TB) []byte {
			fu := goodFunding()
			return withFunding(t, [][]any{fu[0], fu[1], {"Withdrawn schemes"}, fu[2], fu[3]}).bytes()
		}, problem: `row 3, column code: found "Withdrawn schemes"`},

		// An amount typed in £000 among £m.
		{name: "one funding row typed in £000 among £m", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Global Digital Exemplar", "2018-19", 4.1, 4.1, "received"},
				{"RBB", "Fast Follower", "2019-20", 2.5, 2.5, "committed"},
				{"RCC", "Fast Follower", "2019-20", 3, 3, "committed"},
				{"RAA", "Global Digital Exemplar", "2019-20", 4100, 4.1, "received"},
				{"RBB", "Fast Follower", "2020-21", 2, 2, "planned"},
				{"NATIONAL", "National envelope", "2019-20", 350, 0, "committed"},
				{"NATIONAL", "National envelope", "2020-21", 450, 0, "committed"}}
			return withFunding(t, rows).bytes()
		}, problem: `row 5, column national_m: found "4100", want an amount in £m, a number 0 or above; this is 1,367 times the column's median (3), which looks like an amount typed in £000 among £m (4100 would be 4.1)`},
		{name: "national envelopes among small trust amounts", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader()}
			for i, v := range []float64{0.05, 0.1, 0.2, 0.5, 1, 10} {
				rows = append(rows, []any{[]string{"RAA", "RBB", "RCC"}[i%3], "Provider Digitisation", "2019-20", v, 0, "received"})
			}
			for y, v := range []float64{350, 450, 550, 650, 750} {
				rows = append(rows, []any{"NATIONAL", "National envelope", strconv.Itoa(2019+y) + "-" + strconv.Itoa(20+y), v, 0, "committed"})
			}
			return withFunding(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 11)
			eq(t, "national 2023-24", national(l)[2023], 750.0)
		}},
		{name: "one large award among small ones", build: func(t testing.TB) []byte {
			rows := [][]any{fundingHeader(),
				{"RAA", "Provider Digitisation", "2018-19", 0.03, 0, "received"},
				{"RBB", "Provider Digitisation", "2019-20", 0.03, 0, "received"},
				{"RCC", "Provider Digitisation", "2019-20", 0.03, 0, "received"},
				{"RAA", "Global Digital Exemplar", "2019-20", 10, 10, "received"}}
			return withFunding(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "RAA GDE", l.Inputs.Funding[3].NationalM, 10.0) }},
		{name: "one trust's opex typed in £000", build: func(t testing.TB) []byte {
			rows := append(goodTrusts(), []any{"RDD", "Delta Community NHS Trust", "community", "Midlands", 150, 50, nil, nil}, []any{"REE", "Epsilon NHS Trust", "acute", "London", 310000, 50, nil, nil})
			return withTrusts(t, rows).bytes()
		}, problem: `row 6, column opex_m: found "310000", want annual operating expenditure in £m, a number above 0 up to £10,000 m; this looks like £000`},
		{name: "one trust's opex typed in £000 below the fixed limit", build: func(t testing.TB) []byte {
			rows := append(goodTrusts(), []any{"RDD", "Delta Community NHS Trust", "community", "Midlands", 150, 50, nil, nil}, []any{"REE", "Epsilon NHS Trust", "community", "London", 9500, 50, nil, nil})
			rows = replace(replace(replace(rows, 1, 4, 12.5), 2, 4, 18), 3, 4, 26)
			rows = replace(rows, 4, 4, 15)
			return withTrusts(t, rows).bytes()
		}, problem: `row 6, column opex_m: found "9500"`},

		// Scenario values as typed.
		{name: "Scenario values typed as booleans, grouped numbers and percentages", build: func(t testing.TB) []byte {
			sc := [][]any{{"key", "value"}, {"include_planned", true}, {"envelope_after_m", "1,500"}, {"discount_rate", "3.5%"},
				{"inflation.mean", 0.02}, {"plan_total_m", "8 100"}, {"plan_from", 43556}, {"name", "Faster, cheaper"},
				{"envelope_uplift_m", "{2020-21=400,2021-22=250}"}}
			return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}, sheet{"Scenario", sc}).
				numFmt("Scenario", "B5", "B5", 10, "").numFmt("Scenario", "B7", "B7", 14, "").bytes()
		}, want: func(t *testing.T, l Loaded) {
			got := map[string]string{}
			for _, kv := range l.Scenario {
				got[kv.Key] = kv.Value
			}
			want := map[string]string{"include_planned": "true", "envelope_after_m": "1500", "discount_rate": "0.035",
				"inflation.mean": "0.02", "plan_total_m": "8100", "plan_from": "2019-20", "name": "Faster, cheaper",
				"envelope_uplift_m": "{2020-21=400,2021-22=250}"}
			for k, v := range want {
				eq(t, k, got[k], v)
			}
			sc := model.DefaultScenario()
			if err := ApplyScenarioSheet(&sc, l.Scenario); err != nil {
				t.Fatal(err)
			}
			eq(t, "include_planned", sc.IncludePlanned, true)
			eq(t, "discount_rate", sc.DiscountRate, 0.035)
			eq(t, "envelope_after_m", sc.EnvelopeAfterM, 1500.0)
		}, note: `row 4, column value: a percentage read as the fraction it stands for (3.5% → 0.035)`},
		{name: "a Scenario number with a decimal comma", build: func(t testing.TB) []byte {
			sc := [][]any{{"key", "value"}, {"envelope_after_m", "1500,5"}}
			return newAnalystBook(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}, sheet{"Scenario", sc}).bytes()
		}, problem: `sheet Scenario, row 2, column value: found "1500,5", want a value for the key (a comma must separate groups of three digits`},

		// Funding laid out wide.
		{name: "funding laid out wide by year", build: func(t testing.TB) []byte {
			rows := [][]any{{"Org code", "Programme", "Status", "National 2019-20", "National 2020/21", "Local 2019-20", "Local 2020/21"},
				{"RAA", "Global Digital Exemplar", "received", 5, 3, 5, 3},
				{"RBB", "Fast Follower", "committed", 2.5, nil, 2.5, nil},
				{"NATIONAL", "National envelope", "committed", 350, 450, 0, 0},
				{"Total", nil, nil, 357.5, 453, 7.5, 3}}
			return withFunding(t, rows).bytes()
		}, want: func(t *testing.T, l Loaded) {
			want := []model.Funding{
				{Code: "RAA", Programme: "Global Digital Exemplar", Year: 2019, NationalM: 5, LocalM: 5, Status: model.Received},
				{Code: "RAA", Programme: "Global Digital Exemplar", Year: 2020, NationalM: 3, LocalM: 3, Status: model.Received},
				{Code: "RBB", Programme: "Fast Follower", Year: 2019, NationalM: 2.5, LocalM: 2.5, Status: model.Committed},
				{Code: "NATIONAL", Programme: "National envelope", Year: 2019, NationalM: 350, Status: model.Committed},
				{Code: "NATIONAL", Programme: "National envelope", Year: 2020, NationalM: 450, Status: model.Committed}}
			eq(t, "funding rows", len(l.Inputs.Funding), len(want))
			for i := range min(len(want), len(l.Inputs.Funding)) {
				eq(t, "row", l.Inputs.Funding[i], want[i])
			}
		}, note: "sheet Funding, row 1: funding laid out wide (a column for each year, 2019-20 to 2020-21), read as one row for each line and year with an amount"},
		{name: "funding laid out wide under group headings", build: func(t testing.TB) []byte {
			rows := [][]any{{nil, nil, nil, "National funding (£m)", nil, "Local funding (£000)", nil},
				{"code", "programme", "status", "2019-20", "2020-21", "2019-20", "2020-21"},
				{"RAA", "Global Digital Exemplar", "received", 5, 3, 5000, 3000},
				{"NATIONAL", "National envelope", "committed", 350, 450, 0, 0}}
			return withFunding(t, rows).merge("Funding", "D1", "E1").merge("Funding", "F1", "G1").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "funding rows", len(l.Inputs.Funding), 4)
			eq(t, "RAA 2020-21 local", l.Inputs.Funding[1].LocalM, 3.0)
			eq(t, "national 2020-21", national(l)[2020], 450.0)
		}, note: `column 2019-20 (local_m 2019-20): amounts in £000 (from the group heading "Local funding (£000)" above it) divided by 1,000 to £m`},
		{name: "funding laid out wide without saying national or local", build: func(t testing.TB) []byte {
			rows := [][]any{{"code", "programme", "status", "2019-20", "2020-21"}, {"RAA", "Global Digital Exemplar", "received", 5, 3}}
			return withFunding(t, rows).bytes()
		}, problem: `sheet Funding, row 1, column 2019-20 (2019-20): a heading that says whether the column holds national or local funding for 2019-20`},
		{name: "funding laid out wide with a bad amount", build: func(t testing.TB) []byte {
			rows := [][]any{{"code", "programme", "status", "National 2019-20", "National 2020-21"}, {"RAA", "Global Digital Exemplar", "received", 5, "5,5"}}
			return withFunding(t, rows).bytes()
		}, problem: `row 2, column National 2020-21 (national_m 2020-21): found "5,5"`},

		// Numbers grouped by spaces.
		{name: "amounts grouped by spaces", build: func(t testing.TB) []byte {
			rows := replace(replace(replace(goodTrusts(), 1, 4, "1 420.5"), 2, 4, "£1\u00a0180"), 3, 4, "1\u2009260")
			return newAnalystBook(t, sheet{"Trusts", rows}, sheet{"Funding", money(3, "4\u202f500 k", "2.5", "1 234.5")}).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "RAA opex", trust(t, l, "RAA").OpexM, 1420.5)
			eq(t, "RBB opex", trust(t, l, "RBB").OpexM, 1180.0)
			eq(t, "RCC opex", trust(t, l, "RCC").OpexM, 1260.0)
			eq(t, "RAA national", l.Inputs.Funding[0].NationalM, 4.5)
			eq(t, "national", national(l)[2019], 1234.5)
		}},
		{name: "spaces that do not group by three", build: func(t testing.TB) []byte {
			return withFunding(t, money(3, "12 34", 2.5, 350)).bytes()
		}, problem: `row 2, column national_m: found "12 34", want an amount in £m, a number 0 or above (a space must separate groups of three digits`},
		{name: "a status naming two statuses", build: func(t testing.TB) []byte {
			return withFunding(t, replace(goodFunding(), 2, 5, "Planned / committed")).bytes()
		}, problem: `it names both planned and committed`},
	}
}

// corpusYears are financial years as analysts write them.
func corpusYears() []corpusCase {
	years := func(vals ...any) [][]any {
		rows := goodFunding()
		for i, v := range vals {
			rows = replace(rows, i+1, 2, v)
		}
		return rows
	}
	return []corpusCase{
		{name: "years with en and em dashes", build: func(t testing.TB) []byte {
			return withFunding(t, years("2018–19", "2019—20", "2019 — 2020")).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			eq(t, "row 3 year", l.Inputs.Funding[1].Year, model.FinancialYear(2019))
			eq(t, "row 4 year", l.Inputs.Funding[2].Year, model.FinancialYear(2019))
		}},
		{name: "years written in words", build: func(t testing.TB) []byte {
			return withFunding(t, years("2018 to 2019", "April 2019 to March 2020", "FY 2019 to 20")).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			eq(t, "row 3 year", l.Inputs.Funding[1].Year, model.FinancialYear(2019))
			eq(t, "row 4 year", l.Inputs.Funding[2].Year, model.FinancialYear(2019))
		}},
		{name: "years as date cells of 1 April", build: func(t testing.TB) []byte {
			return withFunding(t, years(43191, 43556, 43556)).numFmt("Funding", "C2", "C4", 14, "").bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			eq(t, "row 4 year", l.Inputs.Funding[2].Year, model.FinancialYear(2019))
		}, note: "rows 2–4 (3 rows), column year: a date of 1 April, read as the financial year it starts (2018-04-01 → 2018-19, 2019-04-01 → 2019-20)"},
		{name: "years as dates with a custom format", build: func(t testing.TB) []byte {
			return withFunding(t, years(43191, 43556, 43556)).numFmt("Funding", "C2", "C4", 0, "mmm yyyy").bytes()
		}, want: func(t *testing.T, l Loaded) { eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018)) }},
		{name: "a year as a date that is not 1 April", build: func(t testing.TB) []byte {
			return withFunding(t, years("2018-19", 43921, "2019-20")).numFmt("Funding", "C3", "C3", 14, "").bytes()
		}, problem: `row 3, column year: found "the date 2020-03-31", want a financial year written like "2019-20", not a date; it falls in 2019-20`},
		{name: "years as date text", build: func(t testing.TB) []byte {
			return withFunding(t, years("01/04/2018", "2019-04-01", "1 April 2019")).bytes()
		}, want: func(t *testing.T, l Loaded) {
			eq(t, "row 2 year", l.Inputs.Funding[0].Year, model.FinancialYear(2018))
			eq(t, "row 4 year", l.Inputs.Funding[2].Year, model.FinancialYear(2019))
		}, note: "a date of 1 April, read as the financial year it starts"},
		{name: "a year as date text that is not 1 April", build: func(t testing.TB) []byte {
			return withFunding(t, years("2018-19", "31/03/2020", "2019-20")).bytes()
		}, problem: `row 3, column year: found "31/03/2020", want a financial year written like "2019-20", not a date; it falls in 2019-20`},
		{name: "years in words that do not follow", build: func(t testing.TB) []byte {
			return withFunding(t, years("2018 to 2020", "2019-20", "2019-20")).bytes()
		}, problem: `row 2, column year: found "2018 to 2020"`},
	}
}

// Sheets and columns not found say what was found, and how to name it.
func TestMissingSheetAndMappedColumn(t *testing.T) {
	cases := []struct {
		name    string
		sheets  []sheet
		mapping string
		problem string
	}{
		{"a sheet named Trust list", []sheet{{"Trust list", goodTrusts()}, {"Funding", goodFunding()}, {"Notes", [][]any{{"x"}}}}, "",
			`book.xlsx: sheet Trusts: is missing: the workbook has the sheets "Trust list", "Funding", "Notes"; rename the one with a row per trust to Trusts, or name it in a --map file: [trusts] sheet = "Trust list"`},
		{"a sheet the map file names", []sheet{{"Trust list", goodTrusts()}, {"Funding", goodFunding()}}, "[trusts]\nsheet = \"Provider list\"\n",
			`book.xlsx: sheet Provider list: is missing: the map file (map.toml) names it as the Trusts sheet ([trusts] sheet = "Provider list"), but the workbook has the sheets "Trust list", "Funding"`},
		{"a column the map file names", []sheet{{"Trusts", replace(goodTrusts(), 0, 4, "Opex 2019/20")}, {"Funding", goodFunding()}}, "[trusts]\nopex_m = { column = \"Opex 19/20\", unit = \"£m\" }\n",
			`column opex_m: missing: the map file (map.toml) names its column "Opex 19/20" ([trusts] opex_m), and no heading in the header row is that; the headings are "code", "name", "type", "region", "Opex 2019/20", "maturity", "maturity_prev", "epr"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var m *Mapping
			if c.mapping != "" {
				var err error
				if m, err = ParseMapping("map.toml", []byte(c.mapping)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := LoadWorkbookBytes("book.xlsx", bookBytes(t, c.sheets...), m)
			if err == nil || !strings.Contains(err.Error(), c.problem) {
				t.Fatalf("got %v\nwant a problem containing %q", err, c.problem)
			}
		})
	}
}

// A CSV directory without trusts.csv lists the CSV files it holds.
func TestMissingCSVListsFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{"Trust list.csv": csvTrusts, "funding.csv": csvFunding})
	_, err := Load(dir, nil)
	if err == nil || !strings.Contains(err.Error(), `trusts.csv: is missing: an input directory needs trusts.csv and funding.csv (see the workbook schema in the README); the directory holds "Trust list.csv", "funding.csv": rename the one that is meant`) {
		t.Fatalf("got %v", err)
	}
}
